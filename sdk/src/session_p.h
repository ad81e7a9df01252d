#pragma once

#include <CoCart/Clock.h>
#include <CoCart/Session.h>

#include "refreshcoordinator_p.h"
#include "storedsession_p.h"
#include "transport_p.h"

#include <QPointer>
#include <QTimer>

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

    // --- refresh (single-flight within the process, a lock file across processes)
    void refreshTokens(RefreshCallback done);
    void refreshUnderLock(quint64 gen);
    void sendRefresh(quint64 gen);
    void finishRefresh(const Error &error);
    void endSession(const Error &reason);
    void revokeOnServer(const QByteArray &bearer, std::function<void()> done);
    void adoptStored(const StoredSession &stored);

    // --- proactive refresh, retries, clock, reachability
    qint64 leadMs() const;
    void armRefreshTimer();
    void onRefreshTimer();
    void scheduleRetry(const Error &error);
    void clearRetry();
    void setNextRefresh(qint64 localMs);
    void updateSecondsUntilExpiry();
    void noteResponse(const Error &error);
    void setOffline(bool offline);
    void watchReachability();
    void setNetworkReachable(bool reachable);
    void setClock(const Clock *clock);
    void connectStore();

    Session *q;
    Transport *transport = nullptr;
    QPointer<TokenStore> tokenStore;
    TokenStore *ownStore = nullptr;
    SystemClock *systemClock = nullptr;
    const Clock *clock = nullptr;
    QMetaObject::Connection clockConnection;
    QMetaObject::Connection storeConnection;

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
    std::vector<RefreshCallback> refreshWaiters;
    bool publicRefreshPending = false;
    RefreshLock *refreshLock = nullptr;
    QString lockDirectory;
    //! The saved session carried the "refresh in flight" marker: a process died mid-refresh.
    bool recoveringInterruptedRefresh = false;

    qint64 accessIatMs = 0; //!< `iat` in server time (ms)
    bool arrivedInsideLead = false; //!< the token came already due for refresh: no proactive loop
    bool autoRefresh = true;
    int refreshLeadSeconds = 0; //!< 0 = automatic
    QTimer *refreshTimer = nullptr;
    QTimer *tickTimer = nullptr;
    int retryAttempt = 0;
    int retryMinimumMs = 2000;
    int retryMaximumMs = 5 * 60 * 1000;
    bool retryPending = false;
    bool waitingForNetwork = false;
    qint64 nextRefreshLocalMs = 0;
    int lastSecondsUntilExpiry = -1;
    bool offline = false;
    bool pendingSave = false; //!< a save failed; retryStorage() tries again
    bool reachabilityWatched = false;
};

} // namespace CoCart
