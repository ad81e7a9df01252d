#pragma once

#include <CoCartDevStore/DevStore.h>

#include "accounts_p.h"
#include "carts_p.h"
#include "catalog_p.h"
#include "faultinjector_p.h"
#include "routetable_p.h"
#include "tokenissuer_p.h"

#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerResponder>

#include <memory>
#include <vector>

namespace CoCartDevStore {

class DevStorePrivate
{
public:
    explicit DevStorePrivate(DevStore *q);
    ~DevStorePrivate();

    qint64 now() const;
    QString baseUrl() const; //!< "http://127.0.0.1:PORT", no trailing slash
    //! Absolute URL of a REST path, e.g. restUrl("/cocart/v2/cart").
    QString restUrl(const QString &route) const;

    //! Checks a username (or email) and password. On success sets request.userId and
    //! request.auth = \a method; otherwise returns CoCart's 401 for the failure.
    std::optional<Internal::Response> checkCredentials(Internal::Request &request,
                                                       const QString &username,
                                                       const QString &password,
                                                       Internal::Request::Auth method) const;

    //! The state file's JSON for the current secret, sessions, carts and stock (statefile.cpp).
    QByteArray stateJson() const;
    //! Replaces secret, sessions, carts and stock with a state file's; false if it is unusable.
    bool applyState(const QByteArray &json, QString *error);
    //! Rewrites the state file if the state changed since the last save (no-op without one).
    void saveState();

    DevStore *q;
    QHttpServer server;
    QHostAddress address;
    quint16 port = 0;

    Internal::Accounts accounts;
    Internal::TokenIssuer tokens;
    Internal::FaultInjector faults;
    Internal::RouteTable routes;
    Internal::Catalog catalog;
    Internal::Carts carts;

    QString statePath; //!< empty: state lives in memory only
    QByteArray savedState; //!< what the state file holds now

    qint64 clockOffset = 0;
    QString clientIpOverride;
    bool logRequests = false;

    QHash<QString, int> counters;
    int total = 0;
    QList<RecordedRequest> records;
    int recordGeneration = 0;

    //! Requests held open by a Hang fault; released when the store goes away.
    std::vector<std::shared_ptr<QHttpServerResponder>> hung;

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Internal::Request makeRequest(const QHttpServerRequest &request) const;
    //! Authentication, routing, permission, handler: everything but faults and decoration.
    Internal::Response process(Internal::Request &request);
    std::optional<Internal::Response> authenticate(Internal::Request &request);
    void decorate(const Internal::Request &request, Internal::Response &response) const;
    void send(const std::shared_ptr<QHttpServerResponder> &responder,
              const Internal::Request &request, const Internal::Response &response, int recordIndex,
              int generation);
};

} // namespace CoCartDevStore
