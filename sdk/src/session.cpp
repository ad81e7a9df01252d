#include "session_p.h"

#include "logging_p.h"

#include <CoCart/Jwt.h>
#include <CoCart/KeychainTokenStore.h>
#include <CoCart/TokenStore.h>
#include <CoCart/version.h>

#include <QJsonObject>
#include <QNetworkInformation>
#include <QSysInfo>
#include <QTimer>

namespace CoCart {

namespace {

Error notSignedIn()
{
    return Error(Error::Unauthorized, QStringLiteral("Not signed in."),
                 QStringLiteral("cocart_not_signed_in"));
}

Error busyError(const QString &what)
{
    return Error(
            Error::Configuration,
            QStringLiteral("Cannot %1 while another sign-in, restore or sign-out is in progress.")
                    .arg(what),
            QStringLiteral("cocart_busy"));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SessionPrivate

SessionPrivate::SessionPrivate(Session *q)
    : q(q), transport(new Transport(q)), systemClock(new SystemClock(q)),
      refreshLock(new RefreshLock(q)), refreshTimer(new QTimer(q)), tickTimer(new QTimer(q))
{
    userAgent = Session::defaultUserAgent();
    transport->setUserAgent(userAgent.toUtf8());
    transport->setTimeout(requestTimeout);
    refreshTimer->setSingleShot(true);
    QObject::connect(refreshTimer, &QTimer::timeout, q, [this] { onRefreshTimer(); });
    tickTimer->setInterval(1000);
    QObject::connect(tickTimer, &QTimer::timeout, q, [this] { updateSecondsUntilExpiry(); });
    setClock(systemClock);
}

SessionPrivate::~SessionPrivate() = default;

void SessionPrivate::setStatus(Session::Status newStatus)
{
    if (status == newStatus)
        return;
    qCDebug(lcSession) << "status" << status << "->" << newStatus;
    status = newStatus;
    if (status == Session::Status::SignedIn && !reachabilityWatched) {
        reachabilityWatched = true;
        watchReachability();
    }
    Q_EMIT q->statusChanged();
    updateBusy();
}

bool SessionPrivate::isBusyState() const
{
    return status == Session::Status::Restoring || status == Session::Status::SigningIn ||
            status == Session::Status::Refreshing || status == Session::Status::SigningOut;
}

void SessionPrivate::updateBusy()
{
    const bool nowBusy = isBusyState() || validatesInFlight > 0;
    if (busy == nowBusy)
        return;
    busy = nowBusy;
    Q_EMIT q->busyChanged();
}

void SessionPrivate::setUser(const User &newUser)
{
    if (user == newUser)
        return;
    user = newUser;
    Q_EMIT q->userChanged();
}

void SessionPrivate::setLastError(const Error &error)
{
    if (lastError == error)
        return;
    lastError = error;
    Q_EMIT q->lastErrorChanged();
}

void SessionPrivate::fail(const Error &error, void (Session::*signal)(const Error &))
{
    qCInfo(lcSession).noquote() << error.toString();
    setLastError(error);
    Q_EMIT(q->*signal)(error);
    Q_EMIT q->errorOccurred(error);
}

qint64 SessionPrivate::serverNowMs() const
{
    return clock->nowMSecs() + clockOffsetMs;
}

bool SessionPrivate::accessTokenValid() const
{
    // CoCart accepts a token while now <= exp (seconds, no leeway).
    return !accessToken.isEmpty() && accessExpMs > 0 && serverNowMs() < accessExpMs;
}

TokenStore *SessionPrivate::store()
{
    if (!tokenStore) {
        if (!ownStore)
            ownStore = new KeychainTokenStore(q);
        tokenStore = ownStore;
        connectStore();
    }
    return tokenStore;
}

QString SessionPrivate::storeKey() const
{
    return StoredSession::keyFor(storeUrl);
}

Error SessionPrivate::checkConfiguration() const
{
    return Transport::checkUrl(storeUrl, allowInsecureHttp);
}

Error SessionPrivate::adoptTokens(const QByteArray &newAccess, const QByteArray &newRefresh,
                                  qint64 receivedAtMs)
{
    QString why;
    const Jwt jwt = Jwt::decode(newAccess, &why);
    if (!jwt.isValid()) {
        return Error(Error::BadResponse,
                     QStringLiteral("The store issued an unreadable access token (%1).").arg(why),
                     QStringLiteral("cocart_bad_token"));
    }
    const auto exp = jwt.expiresAt();
    if (!exp) {
        return Error(Error::BadResponse,
                     QStringLiteral("The store issued an access token without an expiry."),
                     QStringLiteral("cocart_bad_token"));
    }
    if (newRefresh.isEmpty()) {
        return Error(Error::BadResponse, QStringLiteral("The store issued no refresh token."),
                     QStringLiteral("cocart_bad_token"));
    }
    const QDateTime oldExpiry = q->accessTokenExpiry();
    const qint64 oldOffset = clockOffsetMs;
    // `iat` is the server's clock when it signed the token; the reply arrived just after.
    const auto iat = jwt.issuedAt();
    if (iat)
        clockOffsetMs = *iat * 1000 - receivedAtMs;
    accessToken = newAccess;
    refreshToken = newRefresh;
    accessExpMs = *exp * 1000;
    accessIatMs = iat ? *iat * 1000 : serverNowMs();
    // A token that is already due (or expired) on arrival must not trigger another refresh at
    // once: that would loop as fast as the store answers.
    arrivedInsideLead = serverNowMs() >= accessExpMs - leadMs();
    if (oldOffset != clockOffsetMs)
        Q_EMIT q->serverClockOffsetChanged();
    if (oldExpiry != q->accessTokenExpiry())
        Q_EMIT q->accessTokenExpiryChanged();
    updateSecondsUntilExpiry();
    return {};
}

void SessionPrivate::adoptStored(const StoredSession &stored)
{
    const Jwt jwt = Jwt::decode(stored.accessToken);
    const QDateTime oldExpiry = q->accessTokenExpiry();
    const qint64 oldOffset = clockOffsetMs;
    accessToken = stored.accessToken;
    refreshToken = stored.refreshToken;
    accessExpMs = jwt.expiresAt().value_or(0) * 1000;
    accessIatMs = jwt.issuedAt().value_or(0) * 1000;
    clockOffsetMs = stored.clockOffsetMs;
    arrivedInsideLead = false;
    if (oldOffset != clockOffsetMs)
        Q_EMIT q->serverClockOffsetChanged();
    if (oldExpiry != q->accessTokenExpiry())
        Q_EMIT q->accessTokenExpiryChanged();
    if (stored.user.isValid())
        setUser(stored.user);
    updateSecondsUntilExpiry();
}

void SessionPrivate::clearLocalState()
{
    const bool hadExpiry = accessExpMs != 0;
    accessToken.clear();
    refreshToken.clear();
    accessExpMs = 0;
    accessIatMs = 0;
    pendingSave = false;
    recoveringInterruptedRefresh = false;
    refreshTimer->stop();
    clearRetry();
    setNextRefresh(0);
    setUser(User());
    if (hadExpiry)
        Q_EMIT q->accessTokenExpiryChanged();
    updateSecondsUntilExpiry();
}

StoredSession SessionPrivate::toStored() const
{
    StoredSession stored;
    stored.storeUrl = storeUrl.toString();
    stored.userAgent = userAgent;
    stored.accessToken = accessToken;
    stored.refreshToken = refreshToken;
    stored.user = user;
    stored.clockOffsetMs = clockOffsetMs;
    stored.savedAtMs = clock->nowMSecs();
    return stored;
}

void SessionPrivate::persist(std::function<void(const Error &)> done)
{
    store()->write(storeKey(), toStored().toJson(), [this, done](const Error &error) {
        // A failed save keeps the pair in memory; retryStorage() (or the next refresh) saves it.
        pendingSave = bool(error);
        if (error)
            qCWarning(lcSession).noquote() << "Could not save the session:" << error.toString();
        done(error);
    });
}

void SessionPrivate::refreshTokens(RefreshCallback done)
{
    refreshWaiters.push_back(std::move(done));
    if (refreshInFlight)
        return;
    if (refreshToken.isEmpty()) {
        finishRefresh(notSignedIn());
        return;
    }
    refreshInFlight = true;
    refreshTimer->stop();
    setStatus(Session::Status::Refreshing);
    const quint64 gen = generation;
    // Across processes: only the holder of the lock may spend the refresh token.
    refreshLock->setKey(lockDirectory, storeKey());
    refreshLock->acquire(requestTimeout, [this, gen](bool) {
        if (gen != generation) {
            refreshLock->release();
            return;
        }
        refreshUnderLock(gen);
    });
}

void SessionPrivate::refreshUnderLock(quint64 gen)
{
    // Read the store again: another process may have rotated the pair while we waited.
    store()->read(storeKey(), [this, gen](const TokenStore::ReadResult &result) {
        if (gen != generation) {
            refreshLock->release();
            return;
        }
        if (!result.error && result.found) {
            const auto stored = StoredSession::fromJson(result.value, nullptr);
            if (stored && !stored->refreshPending && stored->refreshToken != refreshToken &&
                Jwt::decode(stored->accessToken).isValid() &&
                (!user.isValid() || stored->user.id() == user.id())) {
                qCInfo(lcSession) << "adopting the token pair another process just saved";
                adoptStored(*stored);
                refreshLock->release();
                recoveringInterruptedRefresh = false;
                setStatus(Session::Status::SignedIn);
                finishRefresh({});
                return;
            }
        }
        // Mark the refresh as on the wire, in the same single item: if this process dies before
        // the new pair is saved, the next start knows the saved refresh token may be spent.
        StoredSession marked = toStored();
        marked.refreshPending = true;
        store()->write(storeKey(), marked.toJson(), [this, gen](const Error &error) {
            if (gen != generation) {
                refreshLock->release();
                return;
            }
            if (error)
                qCWarning(lcSession).noquote()
                        << "Could not mark the refresh in the store:" << error.toString();
            sendRefresh(gen);
        });
    });
}

void SessionPrivate::sendRefresh(quint64 gen)
{
    // No Authorization header: an expired Bearer would make the refresh itself fail (403).
    const ApiRequest request =
            ApiRequest::json("POST", QStringLiteral("/cocart/jwt/refresh-token"),
                             QJsonDocument(QJsonObject {{QLatin1String("refresh_token"),
                                                         QString::fromLatin1(refreshToken)}}));
    transport->send(request, q, [this, gen](const ApiResponse &response) {
        if (gen != generation) {
            refreshLock->release();
            // Signed out meanwhile (the waiters were told). If the store rotated the pair before
            // it saw the logout, the new pair is alive: use it to revoke it.
            const QByteArray fresh =
                    response.object().value(QLatin1String("token")).toString().toLatin1();
            if (!response.error && !fresh.isEmpty())
                revokeOnServer(fresh, [] {});
            return;
        }
        const qint64 receivedAt = clock->nowMSecs();
        noteResponse(response.error);
        if (response.error) {
            refreshLock->release();
            if (response.httpStatus == 401 || response.httpStatus == 403) {
                // The store rejected the refresh token: this, and only this, ends a session.
                const Error expired(
                        Error::SessionExpired,
                        recoveringInterruptedRefresh
                                ? QStringLiteral("A token refresh was interrupted before its "
                                                 "result was saved, so the saved session can no "
                                                 "longer be used: please sign in again (the store "
                                                 "said: %1)")
                                          .arg(response.error.message())
                                : QStringLiteral("Your session has expired: please sign in again "
                                                 "(the store said: %1)")
                                          .arg(response.error.message()),
                        recoveringInterruptedRefresh ? QStringLiteral("cocart_refresh_interrupted")
                                                     : response.error.code(),
                        response.httpStatus);
                endSession(expired);
                return;
            }
            // Offline, a timeout, a 5xx, an HTML page: the session stays; try again later. The
            // "refresh pending" marker stays saved: the token may have been spent on the wire.
            setStatus(Session::Status::SignedIn);
            scheduleRetry(response.error);
            finishRefresh(response.error);
            return;
        }
        const QJsonObject object = response.object();
        const Error error = adoptTokens(
                object.value(QLatin1String("token")).toString().toLatin1(),
                object.value(QLatin1String("refresh_token")).toString().toLatin1(), receivedAt);
        if (error) {
            refreshLock->release();
            setStatus(Session::Status::SignedIn);
            scheduleRetry(error);
            finishRefresh(error);
            return;
        }
        recoveringInterruptedRefresh = false;
        clearRetry();
        // The old pair is dead now: save the new one (one write, marker cleared) before anything
        // uses it, then let other processes in.
        persist([this, gen](const Error &storeError) {
            refreshLock->release();
            if (gen != generation)
                return;
            setStatus(Session::Status::SignedIn);
            if (storeError) {
                setLastError(storeError);
                Q_EMIT q->errorOccurred(storeError);
            }
            finishRefresh({});
        });
    });
}

void SessionPrivate::revokeOnServer(const QByteArray &bearer, std::function<void()> done)
{
    // POST /logout revokes every session of the user on the server (all devices).
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/cocart/v2/logout");
    request.authorization = "Bearer " + bearer;
    request.timeoutMs = qMin(requestTimeout, 10000);
    transport->send(request, q, [done](const ApiResponse &response) {
        if (response.error) {
            qCInfo(lcSession).noquote()
                    << "The store was not told about the sign-out:" << response.error.toString();
        }
        done();
    });
}

void SessionPrivate::endSession(const Error &reason)
{
    ++generation;
    clearLocalState();
    store()->remove(storeKey(), [](const Error &error) {
        if (error)
            qCWarning(lcSession).noquote()
                    << "Could not remove the expired session:" << error.toString();
    });
    setStatus(Session::Status::SignedOut);
    finishRefresh(reason);
}

void SessionPrivate::finishRefresh(const Error &error)
{
    refreshInFlight = false;
    if (!error)
        armRefreshTimer();
    std::vector<RefreshCallback> waiters;
    waiters.swap(refreshWaiters);
    for (const auto &waiter : waiters)
        waiter(error);
}

// --- proactive refresh -------------------------------------------------------------------------

qint64 SessionPrivate::leadMs() const
{
    const qint64 lifetime = qMax<qint64>(0, accessExpMs - accessIatMs);
    if (refreshLeadSeconds > 0)
        return qMin<qint64>(qint64(refreshLeadSeconds) * 1000, lifetime / 2);
    qint64 lead = qMin<qint64>(5 * 60 * 1000, lifetime / 10);
    lead = qMax<qint64>(lead, 3000);
    return qMin(lead, lifetime / 2);
}

void SessionPrivate::armRefreshTimer()
{
    refreshTimer->stop();
    if (!autoRefresh || refreshToken.isEmpty() || accessExpMs == 0 || retryPending ||
        refreshInFlight) {
        if (!retryPending)
            setNextRefresh(0);
        return;
    }
    if (arrivedInsideLead) {
        // Fresh from the store and already due: refresh only when it is really needed (the
        // request path refreshes an expired token), never in a loop.
        setNextRefresh(0);
        return;
    }
    // Server time → client time with the estimated offset.
    const qint64 fireLocalMs = accessExpMs - leadMs() - clockOffsetMs;
    const qint64 delay = fireLocalMs - clock->nowMSecs();
    setNextRefresh(fireLocalMs);
    if (delay <= 0) {
        QTimer::singleShot(0, q, [this] { onRefreshTimer(); });
        return;
    }
    // QTimer takes an int; a timer far away is simply re-armed when it fires.
    refreshTimer->start(int(qMin<qint64>(delay, 60 * 60 * 1000)));
}

void SessionPrivate::onRefreshTimer()
{
    if (refreshToken.isEmpty() || refreshInFlight)
        return;
    if (status != Session::Status::SignedIn)
        return;
    if (waitingForNetwork)
        return;
    const qint64 fireLocalMs = accessExpMs - leadMs() - clockOffsetMs;
    if (!retryPending && !arrivedInsideLead && clock->nowMSecs() < fireLocalMs) {
        armRefreshTimer(); // woke early (capped interval or clock moved back)
        return;
    }
    retryPending = false;
    qCInfo(lcSession) << "refreshing before the access token expires";
    refreshTokens([](const Error &) {});
}

void SessionPrivate::scheduleRetry(const Error &error)
{
    if (refreshToken.isEmpty())
        return;
    ++retryAttempt;
    qint64 delay = qint64(retryMinimumMs) << qMin(retryAttempt - 1, 16);
    delay = qMin<qint64>(delay, retryMaximumMs);
    if (error.retryAfter() >= 0)
        delay = qMax<qint64>(qint64(error.retryAfter()) * 1000, retryMinimumMs);
    retryPending = true;
    refreshTimer->stop();
    setNextRefresh(clock->nowMSecs() + delay);
    qCInfo(lcSession) << "refresh failed (" << error.kindName() << "); retry" << retryAttempt
                      << "in" << delay << "ms";
    if (waitingForNetwork)
        return; // resumed when the network comes back
    refreshTimer->start(int(qMin<qint64>(delay, 60 * 60 * 1000)));
}

void SessionPrivate::clearRetry()
{
    retryAttempt = 0;
    retryPending = false;
}

void SessionPrivate::setNextRefresh(qint64 localMs)
{
    if (nextRefreshLocalMs == localMs)
        return;
    nextRefreshLocalMs = localMs;
    Q_EMIT q->nextRefreshChanged();
}

void SessionPrivate::updateSecondsUntilExpiry()
{
    int seconds = -1;
    if (accessExpMs > 0)
        seconds = int(qMax<qint64>(0, (accessExpMs - serverNowMs()) / 1000));
    if (accessExpMs > 0 && !tickTimer->isActive())
        tickTimer->start();
    else if (accessExpMs == 0)
        tickTimer->stop();
    if (seconds == lastSecondsUntilExpiry)
        return;
    lastSecondsUntilExpiry = seconds;
    Q_EMIT q->secondsUntilExpiryChanged();
}

void SessionPrivate::noteResponse(const Error &error)
{
    const Error::Kind kind = error.kind();
    if (kind == Error::Network || kind == Error::Timeout || kind == Error::Tls)
        setOffline(true);
    else if (kind != Error::Cancelled && kind != Error::Configuration &&
             kind != Error::InsecureTransport)
        setOffline(false); // the store answered
}

void SessionPrivate::setOffline(bool value)
{
    if (offline == value)
        return;
    offline = value;
    Q_EMIT q->offlineChanged();
}

void SessionPrivate::watchReachability()
{
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    auto apply = [this](QNetworkInformation::Reachability reachability) {
        setNetworkReachable(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    QObject::connect(info, &QNetworkInformation::reachabilityChanged, q, apply);
    apply(info->reachability());
}

void SessionPrivate::setNetworkReachable(bool reachable)
{
    if (reachable != waitingForNetwork)
        return;
    waitingForNetwork = !reachable;
    Q_EMIT q->networkReachableChanged();
    if (waitingForNetwork) {
        qCInfo(lcSession) << "network down: refresh retries paused";
        refreshTimer->stop();
        setOffline(true);
        return;
    }
    qCInfo(lcSession) << "network back";
    if (refreshToken.isEmpty())
        return;
    // Refresh once on reconnect if a retry was pending or the token is due; else re-arm.
    if (retryPending || !accessTokenValid()) {
        QTimer::singleShot(0, q, [this] {
            retryPending = true;
            onRefreshTimer();
        });
    } else {
        armRefreshTimer();
    }
}

void SessionPrivate::setClock(const Clock *newClock)
{
    if (clockConnection)
        QObject::disconnect(clockConnection);
    clock = newClock ? newClock : systemClock;
    clockConnection = QObject::connect(clock, &Clock::jumped, q, [this] {
        // Woke from sleep, or a test moved the clock: an overdue refresh runs now.
        updateSecondsUntilExpiry();
        if (!refreshInFlight && !refreshToken.isEmpty() && status == Session::Status::SignedIn) {
            if (retryPending)
                refreshTimer->start(int(qBound<qint64>(0, nextRefreshLocalMs - clock->nowMSecs(),
                                                       qint64(3600000))));
            else
                armRefreshTimer();
        }
    });
}

void SessionPrivate::connectStore()
{
    TokenStore *current = tokenStore;
    if (storeConnection)
        QObject::disconnect(storeConnection);
    if (current)
        storeConnection = QObject::connect(current, &TokenStore::stateChanged, q,
                                           &Session::storageStateChanged);
    Q_EMIT q->storageStateChanged();
}

namespace {
struct PendingRequest
{
    ApiRequest request;
    QPointer<QObject> context;
    Transport::Callback done;
    SessionPrivate::SendOptions options;
    bool replayed = false;
    bool refreshedFirst = false;
};
} // namespace

void SessionPrivate::send(ApiRequest request, QObject *context, Transport::Callback done,
                          SendOptions options)
{
    auto pending = std::make_shared<PendingRequest>();
    pending->request = std::move(request);
    pending->context = context;
    pending->done = std::move(done);
    pending->options = options;

    const Error config = checkConfiguration();
    if (config) {
        QTimer::singleShot(0, context, [pending, config] {
            ApiResponse response;
            response.error = config;
            pending->done(response);
        });
        return;
    }

    // A small state machine: wait for a refresh in flight, refresh an expired token first,
    // send, and on a rejected token refresh once and replay once.
    struct Dispatcher
    {
        SessionPrivate *d;
        void operator()(const std::shared_ptr<PendingRequest> &p) const
        {
            if (!p->context)
                return;
            auto afterRefresh = [d = d, p](const Error &error) {
                if (!p->context)
                    return;
                if (error &&
                    (error.kind() == Error::SessionExpired || d->refreshToken.isEmpty() ||
                     !d->accessTokenValid())) {
                    ApiResponse response;
                    response.error = error;
                    p->done(response);
                    return;
                }
                Dispatcher {d}(p);
            };
            if (!p->options.authenticate || d->refreshToken.isEmpty()) {
                p->request.authorization.clear();
                d->transport->send(p->request, p->context, [d = d, p](const ApiResponse &r) {
                    d->noteResponse(r.error);
                    p->done(r);
                });
                return;
            }
            if (d->refreshInFlight) {
                d->refreshWaiters.push_back(afterRefresh);
                return;
            }
            if (!d->accessTokenValid() && !p->refreshedFirst) {
                p->refreshedFirst = true; // at most one refresh per request: no loops
                d->refreshTokens(afterRefresh);
                return;
            }
            const QByteArray sentToken = d->accessToken;
            p->request.authorization = "Bearer " + sentToken;
            d->transport->send(
                    p->request, p->context, [d = d, p, sentToken](const ApiResponse &response) {
                        d->noteResponse(response.error);
                        if (!response.isAuthenticationFailure() || !response.bearerSent ||
                            p->replayed || !p->options.replayOnAuthFailure ||
                            d->refreshToken.isEmpty()) {
                            p->done(response);
                            return;
                        }
                        // Rejected for authentication, so not executed: replaying
                        // is safe, once.
                        p->replayed = true;
                        if (d->accessToken != sentToken) {
                            Dispatcher {d}(p); // another caller already refreshed
                            return;
                        }
                        p->refreshedFirst = true;
                        d->refreshTokens([d, p, response](const Error &error) {
                            if (!p->context)
                                return;
                            if (error) {
                                ApiResponse failed = response;
                                if (error.kind() == Error::SessionExpired)
                                    failed.error = error;
                                p->done(failed);
                                return;
                            }
                            Dispatcher {d}(p);
                        });
                    });
        }
    };
    Dispatcher {this}(pending);
}

// ---------------------------------------------------------------------------------------------
// Session

Session::Session(QObject *parent) : QObject(parent), d(std::make_unique<SessionPrivate>(this)) { }

Session::~Session() = default;

QUrl Session::storeUrl() const
{
    return d->storeUrl;
}

void Session::setStoreUrl(const QUrl &url)
{
    if (d->storeUrl == url)
        return;
    if (d->status != Status::SignedOut) {
        qCWarning(lcSession) << "storeUrl cannot change while signed in; sign out first";
        return;
    }
    d->storeUrl = url;
    d->transport->setBaseUrl(url);
    Q_EMIT storeUrlChanged();
}

QString Session::userAgent() const
{
    return d->userAgent;
}

void Session::setUserAgent(const QString &userAgent)
{
    const QString value = userAgent.isEmpty() ? defaultUserAgent() : userAgent;
    if (d->userAgent == value)
        return;
    if (d->status != Status::SignedOut) {
        // Tokens are bound to the User-Agent they were issued to.
        qCWarning(lcSession) << "userAgent cannot change while signed in; sign out first";
        return;
    }
    d->userAgent = value;
    d->transport->setUserAgent(value.toUtf8());
    Q_EMIT userAgentChanged();
}

QString Session::defaultUserAgent()
{
    return QStringLiteral("CoCartQt/%1 (Qt %2; %3)")
            .arg(QStringLiteral(COCARTQT_VERSION_STRING), QString::fromLatin1(qVersion()),
                 QSysInfo::productType());
}

bool Session::allowInsecureHttp() const
{
    return d->allowInsecureHttp;
}

void Session::setAllowInsecureHttp(bool allow)
{
    if (d->allowInsecureHttp == allow)
        return;
    d->allowInsecureHttp = allow;
    d->transport->setAllowInsecureHttp(allow);
    Q_EMIT allowInsecureHttpChanged();
}

int Session::requestTimeout() const
{
    return d->requestTimeout;
}

void Session::setRequestTimeout(int msecs)
{
    if (msecs <= 0)
        msecs = DefaultRequestTimeout;
    if (d->requestTimeout == msecs)
        return;
    d->requestTimeout = msecs;
    d->transport->setTimeout(msecs);
    Q_EMIT requestTimeoutChanged();
}

TokenStore *Session::tokenStore() const
{
    return d->tokenStore;
}

void Session::setTokenStore(TokenStore *store)
{
    if (d->tokenStore == store)
        return;
    d->tokenStore = store;
    d->connectStore();
    Q_EMIT tokenStoreChanged();
}

void Session::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d->transport->setNetworkAccessManager(manager);
}

QNetworkAccessManager *Session::networkAccessManager() const
{
    return d->transport->networkAccessManager();
}

void Session::setClock(const Clock *clock)
{
    d->setClock(clock);
    d->updateSecondsUntilExpiry();
    d->armRefreshTimer();
    Q_EMIT accessTokenExpiryChanged();
}

Session::Status Session::status() const
{
    return d->status;
}

bool Session::isSignedIn() const
{
    return d->status == Status::SignedIn || d->status == Status::Refreshing;
}

bool Session::isBusy() const
{
    return d->busy;
}

User Session::user() const
{
    return d->user;
}

QDateTime Session::accessTokenExpiry() const
{
    if (d->accessExpMs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->accessExpMs - d->clockOffsetMs, Qt::UTC);
}

qint64 Session::serverClockOffset() const
{
    return d->clockOffsetMs;
}

Error Session::lastError() const
{
    return d->lastError;
}

bool Session::hasValidAccessToken() const
{
    return d->accessTokenValid();
}

int Session::secondsUntilExpiry() const
{
    return d->lastSecondsUntilExpiry;
}

bool Session::autoRefresh() const
{
    return d->autoRefresh;
}

void Session::setAutoRefresh(bool on)
{
    if (d->autoRefresh == on)
        return;
    d->autoRefresh = on;
    d->armRefreshTimer();
    Q_EMIT autoRefreshChanged();
}

int Session::refreshLead() const
{
    return d->refreshLeadSeconds;
}

void Session::setRefreshLead(int seconds)
{
    seconds = qMax(0, seconds);
    if (d->refreshLeadSeconds == seconds)
        return;
    d->refreshLeadSeconds = seconds;
    d->armRefreshTimer();
    Q_EMIT refreshLeadChanged();
}

QDateTime Session::nextRefresh() const
{
    if (d->nextRefreshLocalMs == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->nextRefreshLocalMs, Qt::UTC);
}

bool Session::isOffline() const
{
    return d->offline;
}

TokenStore::State Session::storageState() const
{
    return d->tokenStore ? d->tokenStore->state() : TokenStore::State::Ready;
}

bool Session::isNetworkReachable() const
{
    return !d->waitingForNetwork;
}

void Session::setNetworkReachable(bool reachable)
{
    d->setNetworkReachable(reachable);
}

void Session::setRetryDelays(int minimumMs, int maximumMs)
{
    d->retryMinimumMs = qMax(1, minimumMs);
    d->retryMaximumMs = qMax(d->retryMinimumMs, maximumMs);
}

void Session::setRefreshLockDirectory(const QString &directory)
{
    d->lockDirectory = directory;
}

void Session::retryStorage()
{
    if (d->status == Status::SignedOut) {
        restore();
        return;
    }
    if (!d->pendingSave || d->refreshToken.isEmpty())
        return;
    d->persist([this](const Error &error) {
        if (error) {
            d->setLastError(error);
            Q_EMIT errorOccurred(error);
        } else if (d->lastError.kind() == Error::Storage) {
            d->setLastError({});
        }
    });
}

void Session::login(const QString &username, const QString &password)
{
    if (d->isBusyState())
        return d->fail(busyError(QStringLiteral("sign in")), &Session::loginFailed);
    if (const Error error = d->checkConfiguration())
        return d->fail(error, &Session::loginFailed);
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        return d->fail(Error(Error::InvalidCredentials,
                             QStringLiteral("Enter your username or email and your password."),
                             QStringLiteral("cocart_missing_credentials")),
                       &Session::loginFailed);
    }

    const Status previous = d->status;
    d->setStatus(Status::SigningIn);
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/cocart/v2/login");
    // Basic works on every CoCart version; 4.3 rejects a JSON-only body.
    request.authorization =
            "Basic " + QByteArray(username.trimmed().toUtf8() + ':' + password.toUtf8()).toBase64();
    const quint64 gen = d->generation;
    d->transport->send(request, this, [this, previous, gen, username](const ApiResponse &response) {
        if (gen != d->generation)
            return;
        const qint64 receivedAt = d->clock->nowMSecs();
        if (response.error) {
            Error error = response.error;
            if (response.httpStatus == 401 &&
                error.code() == QLatin1String("cocart_authentication_error")) {
                error = Error(Error::InvalidCredentials, error.message(), error.code(),
                              response.httpStatus);
            }
            d->setStatus(previous);
            return d->fail(error, &Session::loginFailed);
        }
        const QJsonObject object = response.object();
        const QJsonObject extras = object.value(QLatin1String("extras")).toObject();
        const QByteArray access = extras.value(QLatin1String("jwt_token")).toString().toLatin1();
        const QByteArray refresh = extras.value(QLatin1String("jwt_refresh")).toString().toLatin1();
        if (access.isEmpty() || refresh.isEmpty()) {
            d->setStatus(previous);
            return d->fail(Error(Error::BadResponse,
                                 QStringLiteral("The store signed you in but issued no token: is "
                                                "CoCart JWT Authentication installed and "
                                                "configured?"),
                                 QStringLiteral("cocart_no_token"), response.httpStatus),
                           &Session::loginFailed);
        }
        const QByteArray oldAccess = d->accessToken;
        const QByteArray oldRefresh = d->refreshToken;
        if (const Error error = d->adoptTokens(access, refresh, receivedAt)) {
            d->setStatus(previous);
            return d->fail(error, &Session::loginFailed);
        }
        const QString loginName = Jwt::decode(access).username();
        d->setUser(User::fromLoginResponse(object, loginName.isEmpty() ? username : loginName));
        ++d->generation;
        const quint64 saved = d->generation;
        d->persist([this, saved](const Error &storeError) {
            if (saved != d->generation)
                return;
            d->setStatus(Status::SignedIn);
            d->clearRetry();
            d->armRefreshTimer();
            if (storeError) {
                d->setLastError(storeError);
                Q_EMIT errorOccurred(storeError);
            } else {
                d->setLastError({});
            }
            qCInfo(lcSession).noquote() << "signed in as user" << d->user.id();
            Q_EMIT loggedIn();
        });
    });
}

void Session::refresh()
{
    if (d->refreshToken.isEmpty())
        return d->fail(notSignedIn(), &Session::refreshFailed);
    if (d->publicRefreshPending)
        return; // joins the refresh in flight: its single outcome answers every caller
    if (!d->refreshInFlight && d->status != Status::SignedIn)
        return d->fail(busyError(QStringLiteral("refresh")), &Session::refreshFailed);
    d->publicRefreshPending = true;
    d->refreshTokens([this](const Error &error) {
        d->publicRefreshPending = false;
        if (error)
            return d->fail(error, &Session::refreshFailed);
        d->setLastError({});
        Q_EMIT refreshed();
    });
}

void Session::validate()
{
    if (d->accessToken.isEmpty())
        return d->fail(notSignedIn(), &Session::validateFailed);
    ++d->validatesInFlight;
    d->updateBusy();
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/cocart/jwt/validate-token");
    const quint64 gen = d->generation;
    SessionPrivate::SendOptions options;
    options.replayOnAuthFailure = false; // validate tells the truth about the current token
    d->send(
            request, this,
            [this, gen](const ApiResponse &response) {
                --d->validatesInFlight;
                d->updateBusy();
                if (gen != d->generation) {
                    return d->fail(Error(Error::Cancelled,
                                         QStringLiteral("Signed out before the store answered."),
                                         QStringLiteral("cancelled")),
                                   &Session::validateFailed);
                }
                if (!response.error) {
                    Q_EMIT validated(true);
                } else if (response.bearerSent && response.isAuthenticationFailure()) {
                    Q_EMIT validated(false);
                } else {
                    d->fail(response.error, &Session::validateFailed);
                }
            },
            options);
}

void Session::logout()
{
    if (d->status == Status::SigningOut)
        return; // already on its way; that sign-out's loggedOut() answers this call too
    const QByteArray token = d->accessToken;
    const QByteArray refreshToken = d->refreshToken;
    const bool tokenUsable = d->accessTokenValid();
    ++d->generation;
    if (d->refreshInFlight) {
        d->finishRefresh(Error(Error::Cancelled, QStringLiteral("Signed out."),
                               QStringLiteral("cancelled")));
    }
    // Local state first: whatever the server says, this device is signed out.
    d->clearLocalState();
    d->setStatus(Status::SigningOut);
    const quint64 gen = d->generation;
    auto finish = [this, gen] {
        if (gen != d->generation)
            return;
        d->setStatus(Status::SignedOut);
        qCInfo(lcSession) << "signed out";
        Q_EMIT loggedOut();
    };
    auto tellServer = [this, finish](const QByteArray &bearer) {
        d->revokeOnServer(bearer, finish);
    };
    d->store()->remove(
            d->storeKey(),
            [this, token, refreshToken, tokenUsable, finish, tellServer](const Error &storeError) {
                if (storeError) {
                    d->setLastError(storeError);
                    Q_EMIT errorOccurred(storeError);
                }
                if (token.isEmpty() || d->checkConfiguration())
                    return finish();
                if (tokenUsable)
                    return tellServer(token);
                // The access token expired: logout needs a valid Bearer, so trade the refresh token
                // for one (the store still holds that session for up to 30 days otherwise).
                const ApiRequest request = ApiRequest::json(
                        "POST", QStringLiteral("/cocart/jwt/refresh-token"),
                        QJsonDocument(QJsonObject {{QLatin1String("refresh_token"),
                                                    QString::fromLatin1(refreshToken)}}));
                d->transport->send(
                        request, this, [finish, tellServer](const ApiResponse &response) {
                            const QByteArray fresh = response.object()
                                                             .value(QLatin1String("token"))
                                                             .toString()
                                                             .toLatin1();
                            if (response.error || fresh.isEmpty())
                                return finish();
                            tellServer(fresh);
                        });
            });
}

void Session::restore()
{
    if (d->status == Status::SignedIn) {
        Q_EMIT restored();
        return;
    }
    if (d->status != Status::SignedOut)
        return d->fail(busyError(QStringLiteral("restore")), &Session::restoreFailed);
    if (const Error error = d->checkConfiguration())
        return d->fail(error, &Session::restoreFailed);

    d->setStatus(Status::Restoring);
    const quint64 gen = d->generation;
    const QString key = d->storeKey();
    d->store()->read(key, [this, gen, key](const TokenStore::ReadResult &result) {
        if (gen != d->generation) {
            return d->fail(Error(Error::Cancelled, QStringLiteral("Signed out during restore."),
                                 QStringLiteral("cancelled")),
                           &Session::restoreFailed);
        }
        if (result.error) {
            d->setStatus(Status::SignedOut);
            return d->fail(result.error, &Session::restoreFailed);
        }
        if (!result.found) {
            d->setStatus(Status::SignedOut);
            return d->fail(Error(Error::NotFound,
                                 QStringLiteral("No saved session for this store."),
                                 QStringLiteral("cocart_no_saved_session")),
                           &Session::restoreFailed);
        }
        QString why;
        const auto stored = StoredSession::fromJson(result.value, &why);
        Jwt jwt;
        if (stored) {
            jwt = Jwt::decode(stored->accessToken, &why);
            if (jwt.isValid() && !jwt.expiresAt())
                why = QStringLiteral("the saved access token has no expiry");
        }
        if (!stored || !jwt.isValid() || !jwt.expiresAt()) {
            d->store()->remove(key, [](const Error &) {});
            d->setStatus(Status::SignedOut);
            return d->fail(Error(Error::Storage,
                                 QStringLiteral("The saved session could not be read (%1) and was "
                                                "discarded: please sign in again.")
                                         .arg(why),
                                 QStringLiteral("cocart_corrupt_saved_session")),
                           &Session::restoreFailed);
        }
        d->adoptStored(*stored);
        d->pendingSave = false;
        // A process died between sending a refresh and saving its answer: the saved access
        // token may be dead (rotated) and the refresh token spent. Refresh now (under the lock,
        // adopting another process's pair if there is one) instead of looping on 403s.
        d->recoveringInterruptedRefresh = stored->refreshPending;

        // The token is bound to the User-Agent it was issued to; a refresh rebinds it.
        const bool sameDevice = jwt.device().isEmpty() || jwt.device() == d->userAgent;
        if (d->accessTokenValid() && sameDevice && !stored->refreshPending) {
            d->setStatus(Status::SignedIn);
            d->clearRetry();
            d->armRefreshTimer();
            d->setLastError({});
            qCInfo(lcSession).noquote() << "restored the session of user" << d->user.id();
            Q_EMIT restored();
            return;
        }
        d->refreshTokens([this](const Error &error) {
            if (!error) {
                d->setLastError({});
                Q_EMIT restored();
                return;
            }
            if (error.kind() == Error::SessionExpired || error.kind() == Error::Cancelled ||
                d->refreshToken.isEmpty())
                return d->fail(error, &Session::restoreFailed);
            // Offline or a server hiccup: the session is kept (SignedIn) and refreshed later.
            d->setLastError(error);
            Q_EMIT errorOccurred(error);
            Q_EMIT restored();
        });
    });
}

} // namespace CoCart
