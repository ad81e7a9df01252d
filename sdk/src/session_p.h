#pragma once

#include <CoCart/Clock.h>
#include <CoCart/Session.h>

#include "storedsession_p.h"
#include "transport_p.h"

#include <QPointer>

#include <functional>
#include <memory>

namespace CoCart {

class TokenStore;

/*!
    \internal
    The state and the request path behind Session. Other SDK classes (Cart, ProductModel) send
    their requests through send(), which attaches the Bearer token, waits for a refresh in
    flight, refreshes an expired token first and replays a request once after a refresh when
    the store rejected its token.
*/
class SessionPrivate
{
public:
    using RefreshCallback = std::function<void(const Error &)>;

    explicit SessionPrivate(Session *q);
    ~SessionPrivate();

    static SessionPrivate *get(Session *session) { return session->d.get(); }

    struct SendOptions
    {
        bool authenticate = true; //!< attach the Bearer when signed in
        bool replayOnAuthFailure = true; //!< refresh once and replay on a rejected token
    };
    void send(ApiRequest request, QObject *context, Transport::Callback done, SendOptions options);
    void send(ApiRequest request, QObject *context, Transport::Callback done)
    {
        send(std::move(request), context, std::move(done), SendOptions());
    }

    // --- state helpers
    void setStatus(Session::Status status);
    void setUser(const User &user);
    void setLastError(const Error &error);
    void fail(const Error &error, void (Session::*signal)(const Error &));
    void updateBusy();
    bool isBusyState() const;

    qint64 serverNowMs() const;
    bool accessTokenValid() const;
    TokenStore *store();
    QString storeKey() const;
    Error checkConfiguration() const;

    // --- tokens
    //! Adopts a fresh pair (from login or refresh). Returns an error if the token is unusable.
    Error adoptTokens(const QByteArray &accessToken, const QByteArray &refreshToken,
                      qint64 receivedAtMs);
    void clearLocalState();
    StoredSession toStored() const;
    void persist(std::function<void(const Error &)> done);

    // --- refresh (single-flight)
    void refreshTokens(RefreshCallback done);
    void finishRefresh(const Error &error);

    Session *q;
    Transport *transport = nullptr;
    QPointer<TokenStore> tokenStore;
    TokenStore *ownStore = nullptr;
    SystemClock systemClock;
    const Clock *clock = &systemClock;

    QUrl storeUrl;
    QString userAgent;
    bool allowInsecureHttp = false;
    int requestTimeout = Session::DefaultRequestTimeout;

    Session::Status status = Session::Status::SignedOut;
    bool busy = false;
    int validatesInFlight = 0;
    User user;
    Error lastError;
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 accessExpMs = 0; //!< `exp` in server time (ms), 0 when unknown
    qint64 clockOffsetMs = 0; //!< server minus client

    // Bumped whenever the local session is replaced or cleared: answers to requests made for
    // an older generation are ignored.
    quint64 generation = 0;

    bool refreshInFlight = false;
    Session::Status statusBeforeRefresh = Session::Status::SignedIn;
    std::vector<RefreshCallback> refreshWaiters;
    bool publicRefreshPending = false;
};

} // namespace CoCart
