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
#include <QPointer>
#include <QTimer>

#include <memory>
#include <vector>

namespace CoCartDevStore {

namespace Internal {
class GuardedTcpServer;
}

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
    //! The state may have changed: writeState() within 200 ms (no-op without a state file).
    void saveState();
    //! Rewrites the state file now if the state changed since the last write.
    void writeState();
    //! Drops expired token sessions and guest carts (at most once a minute of store time).
    void housekeep();

    DevStore *q;
    QHttpServer server;
    QPointer<Internal::GuardedTcpServer> tcpServer; //!< owned by `server`
    ServerLimits limits;
    CartCharges cartCharges; //!< shipping, fee, discount and tax on non-empty carts
    QHostAddress address;
    quint16 port = 0;
    QSslCertificate tlsCertificate; //!< null: plain HTTP
    QSslKey tlsKey;

    Internal::Accounts accounts;
    Internal::TokenIssuer tokens;
    Internal::FaultInjector faults;
    Internal::RouteTable routes;
    Internal::Catalog catalog;
    Internal::Carts carts;

    QString statePath; //!< empty: state lives in memory only
    QByteArray savedState; //!< what the state file holds now
    QTimer saveTimer;
    int stateWrites = 0;
    qint64 lastHousekeeping = 0;

    //! Which WordPress + WooCommerce to behave like (DevStore::Stack).
    DevStore::Stack stack = DevStore::Stack::WooCommerce9;
    bool isWooCommerce10() const { return stack == DevStore::Stack::WooCommerce10; }

    qint64 clockOffset = 0;
    QString clientIpOverride;
    bool logRequests = false;

    QHash<QString, int> counters;
    int total = 0;
    int historyLimit = 0; //!< 0: requests are counted, not kept
    QList<RecordedRequest> records; //!< the last historyLimit requests
    qint64 firstRecordSeq = 0; //!< sequence number of records.first()
    qint64 nextRecordSeq = 0;

    //! Requests held open by a Hang fault; released when the store goes away.
    std::vector<std::shared_ptr<QHttpServerResponder>> hung;

private:
    friend struct DevStoreFuzzAccess; //!< fuzz/fuzz_devstore_request.cpp: process() without sockets
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Internal::Request makeRequest(const QHttpServerRequest &request) const;
    //! Authentication, routing, permission, handler: everything but faults and decoration.
    Internal::Response process(Internal::Request &request);
    std::optional<Internal::Response> authenticate(Internal::Request &request);
    void decorate(const Internal::Request &request, Internal::Response &response) const;
    //! Keeps a redacted record if the history is on; returns its sequence number, or -1.
    qint64 record(const QHttpServerRequest &httpRequest, const Internal::Request &request);
    void send(const std::shared_ptr<QHttpServerResponder> &responder,
              const Internal::Request &request, const Internal::Response &response,
              qint64 recordSeq);
    //! Applies the fault \a request drew (faultinjector.cpp). Returns true when nothing is left to
    //! do (a Status answer went out, or a Hang or Drop); otherwise sets \a delayMs (Delay) or
    //! \a wireFault (Truncate, Trickle) for the store's own answer.
    bool applyFault(const Fault &fault, const std::shared_ptr<QHttpServerResponder> &responder,
                    const Internal::Request &request, qint64 recordSeq, int *delayMs,
                    std::optional<Fault> *wireFault);
    //! send() after \a delayMs (Fault::Kind::Delay), unless the client went away meanwhile.
    void sendDelayed(const std::shared_ptr<QHttpServerResponder> &responder,
                     const Internal::Request &request, const Internal::Response &response,
                     qint64 recordSeq, int delayMs);
    //! Answers with a broken transfer (Fault::Kind::Truncate or Trickle).
    void sendBroken(const std::shared_ptr<QHttpServerResponder> &responder,
                    const Internal::Request &request, const Internal::Response &response,
                    const Fault &fault);
};

} // namespace CoCartDevStore
