#include "session_p.h"

#include "engine/reply_p.h"
#include "logging_p.h"

#include <CoCart/Jwt.h>
#include <CoCart/version.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QQmlEngine>
#include <QSysInfo>
#include <QTimer>

#include <utility>

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

Error cancelled(const QString &why)
{
    return Error(Error::Cancelled, why, QStringLiteral("cancelled"));
}

QUrlQuery queryOf(const QVariantMap &map)
{
    QUrlQuery query;
    for (auto it = map.begin(); it != map.end(); ++it)
        query.addQueryItem(it.key(), it.value().toString());
    return query;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SessionPrivate

SessionPrivate::SessionPrivate(Session *q)
    : q(q), transport(new Transport(q)), scheduler(new RefreshScheduler(this, q)),
      storage(new SessionStorage(q)), dispatcher(new Dispatcher(this, transport, q))
{
    userAgent = Session::defaultUserAgent();
    transport->setUserAgent(userAgent.toUtf8());
    transport->setTimeout(requestTimeout);
    transport->setMaxResponseBytes(Session::DefaultMaxResponseSize);
}

SessionPrivate::~SessionPrivate() = default;

bool SessionPrivate::isAllowed(Session::Status from, Session::Status to)
{
    using S = Session::Status;
    if (to == S::SigningOut)
        return true; // logout() is accepted in every state
    switch (from) {
    case S::SignedOut:
        return to == S::SigningIn || to == S::Restoring;
    case S::SigningIn:
        return to == S::SignedIn || to == S::SignedOut;
    case S::Restoring:
        return to == S::SignedIn || to == S::SignedOut || to == S::Refreshing;
    case S::SignedIn:
        return to == S::Refreshing;
    case S::Refreshing:
        return to == S::SignedIn || to == S::SignedOut;
    case S::SigningOut:
        return to == S::SignedOut;
    }
    return false;
}

bool SessionPrivate::setStatus(Session::Status newStatus)
{
    if (status == newStatus)
        return true;
    if (!isAllowed(status, newStatus)) {
        qCWarning(lcSession) << "refused status transition" << status << "->" << newStatus;
        return false;
    }
    qCDebug(lcSession) << "status" << status << "->" << newStatus;
    status = newStatus;
    if (status == Session::Status::SignedIn)
        scheduler->watchReachability();
    Q_EMIT q->statusChanged();
    updateBusy();
    return true;
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

Reply *SessionPrivate::newOperation()
{
    return ReplyPrivate::create(shuttingDown ? nullptr : q);
}

void SessionPrivate::succeed(Reply *reply)
{
    if (reply)
        ReplyPrivate::get(reply)->finish({});
}

void SessionPrivate::fail(const Error &error, void (Session::*signal)(const Error &), Reply *reply)
{
    qCInfo(lcSession).noquote() << error.toString();
    setLastError(error);
    failQuietly(error, signal, reply);
    Q_EMIT q->errorOccurred(error);
}

void SessionPrivate::failQuietly(const Error &error, void (Session::*signal)(const Error &),
                                 Reply *reply)
{
    if (signal)
        Q_EMIT(q->*signal)(error);
    if (reply)
        ReplyPrivate::get(reply)->fail(error);
}

qint64 SessionPrivate::serverNowMs() const
{
    return scheduler->clock()->nowMSecs() + clockOffsetMs;
}

bool SessionPrivate::accessTokenValid() const
{
    // CoCart accepts a token while now <= exp (seconds, no leeway).
    return !accessToken.isEmpty() && accessExpMs > 0 && serverNowMs() < accessExpMs;
}

Error SessionPrivate::checkConfiguration() const
{
    if (shuttingDown)
        return cancelled(QStringLiteral("The session was destroyed."));
    return Transport::checkUrl(storeUrl, allowInsecureHttp);
}

// ---------------------------------------------------------------------------------------------
// Session: the calls

Session::Session(QObject *parent) : QObject(parent), d(std::make_unique<SessionPrivate>(this)) { }

Session::~Session()
{
    // Every running call ends with one outcome (Cancelled) before the session goes; replies a
    // caller kept (autoDelete off) outlive it.
    d->shuttingDown = true;
    ++d->generation;
    d->dispatcher->abortAll(cancelled(QStringLiteral("The session was destroyed.")));
    const auto replies = findChildren<Reply *>(QString(), Qt::FindDirectChildrenOnly);
    for (Reply *reply : replies) {
        ReplyPrivate::get(reply)->fail(cancelled(QStringLiteral("The session was destroyed.")));
        if (!reply->autoDelete())
            reply->setParent(nullptr);
    }
}

Reply *Session::login(const QString &username, const QString &password)
{
    Reply *reply = d->newOperation();
    auto refuse = [this, reply](const Error &error) {
        QTimer::singleShot(0, reply,
                           [this, reply, error] { d->fail(error, &Session::loginFailed, reply); });
        return reply;
    };
    if (d->status == Status::SignedIn || d->status == Status::Refreshing) {
        return refuse(Error(Error::Configuration,
                            QStringLiteral("Already signed in: sign out first."),
                            QStringLiteral("cocart_already_signed_in")));
    }
    if (d->isBusyState())
        return refuse(busyError(QStringLiteral("sign in")));
    if (const Error error = d->checkConfiguration())
        return refuse(error);
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        return refuse(Error(Error::InvalidCredentials,
                            QStringLiteral("Enter your username or email and your password."),
                            QStringLiteral("cocart_missing_credentials")));
    }

    d->setStatus(Status::SigningIn);
    d->pendingLogin = reply;
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/cocart/v2/login");
    // Basic works on every CoCart version; 4.3 rejects a JSON-only body.
    request.authorization =
            "Basic " + QByteArray(username.trimmed().toUtf8() + ':' + password.toUtf8()).toBase64();
    const quint64 gen = d->generation;
    d->transport->send(request, this, [this, gen, username](const ApiResponse &response) {
        if (gen != d->generation) // signed out meanwhile: the login already failed (Cancelled)
            return d->revokeLateAnswer(response, "extras.jwt_token");
        const QPointer<Reply> reply = d->pendingLogin;
        const qint64 receivedAt = d->scheduler->clock()->nowMSecs();
        auto failed = [this, reply](const Error &error) {
            d->pendingLogin = nullptr;
            d->setStatus(Status::SignedOut);
            d->fail(error, &Session::loginFailed, reply);
        };
        d->noteResponse(response.error);
        if (response.error) {
            Error error = response.error;
            if (response.httpStatus == 401 &&
                error.code() == QLatin1String("cocart_authentication_error")) {
                error = Error(Error::InvalidCredentials, error.message(), error.code(),
                              response.httpStatus);
            } else if (response.httpStatus == 404) {
                error = d->noStoreError(404); // not an excerpt of somebody's HTML 404 page
            }
            return failed(error);
        }
        const QJsonObject object = response.object();
        const QJsonObject extras = object.value(QLatin1String("extras")).toObject();
        const QByteArray access = extras.value(QLatin1String("jwt_token")).toString().toLatin1();
        const QByteArray refresh = extras.value(QLatin1String("jwt_refresh")).toString().toLatin1();
        if (access.isEmpty() || refresh.isEmpty()) {
            return failed(Error(Error::BadResponse,
                                QStringLiteral("The store signed you in but issued no token: is "
                                               "CoCart JWT Authentication installed and "
                                               "configured?"),
                                QStringLiteral("cocart_no_token"), response.httpStatus));
        }
        if (const Error error = d->adoptTokens(access, refresh, receivedAt))
            return failed(error);
        const QString loginName = Jwt::decode(access).username();
        d->setUser(User::fromLoginResponse(object, loginName.isEmpty() ? username : loginName));
        ++d->generation;
        const quint64 saved = d->generation;
        d->storage->save(d->toStored(), [this, saved, reply](const Error &storeError) {
            if (saved != d->generation)
                return; // signed out while saving: the login already failed (Cancelled)
            d->pendingLogin = nullptr;
            d->setStatus(Status::SignedIn);
            d->scheduler->clearRetry();
            d->scheduler->arm();
            if (storeError) {
                d->setLastError(storeError);
                Q_EMIT errorOccurred(storeError);
            } else {
                d->setLastError({});
            }
            qCInfo(lcSession).noquote() << "signed in as user" << d->user.id();
            Q_EMIT loggedIn();
            SessionPrivate::succeed(reply);
        });
    });
    return reply;
}

Reply *Session::refresh()
{
    Reply *reply = d->newOperation();
    if (d->refreshToken.isEmpty() || (!d->refreshInFlight && d->status != Status::SignedIn)) {
        const Error error =
                d->refreshToken.isEmpty() ? notSignedIn() : busyError(QStringLiteral("refresh"));
        QTimer::singleShot(
                0, reply, [this, reply, error] { d->fail(error, &Session::refreshFailed, reply); });
        return reply;
    }
    d->publicRefreshes.push_back(reply);
    if (d->publicRefreshes.size() > 1)
        return reply; // joins the refresh in flight: its single outcome answers every caller
    d->refreshTokens([this](const Error &error) { d->finishPublicRefresh(error); });
    return reply;
}

Reply *Session::validate()
{
    if (d->accessToken.isEmpty()) {
        Reply *reply = d->newOperation();
        QTimer::singleShot(0, reply, [this, reply] {
            d->fail(notSignedIn(), &Session::validateFailed, reply);
        });
        return reply;
    }
    ++d->validatesInFlight;
    d->updateBusy();
    Request request;
    request.setMethod("POST")
            .setPath(QStringLiteral("/cocart/jwt/validate-token"))
            .setReplayOnAuthFailure(false) // validate tells the truth about the current token
            .setRetries(0);
    Reply *reply = d->dispatcher->send(request, this);
    const quint64 gen = d->generation;
    // The network reply is the operation's reply: it fails and finishes as validate does.
    connect(reply, &Reply::finished, this, [this] {
        --d->validatesInFlight;
        d->updateBusy();
        Q_EMIT validated(true);
    });
    connect(reply, &Reply::failed, this, [this, reply, gen](const Error &error) {
        --d->validatesInFlight;
        d->updateBusy();
        if (gen == d->generation && reply->httpStatus() != 0 &&
            (error.kind() == Error::Unauthorized || error.kind() == Error::Forbidden) &&
            isAuthRejectionCode(error.code())) {
            Q_EMIT validated(false); // the store answered: the token is not accepted
            return;
        }
        const Error why = gen != d->generation
                ? cancelled(QStringLiteral("Signed out before the store answered."))
                : error;
        d->fail(why, &Session::validateFailed, nullptr);
    });
    return reply;
}

Reply *Session::logout()
{
    Reply *reply = d->newOperation();
    if (d->status == Status::SigningOut) {
        // Already on its way; that sign-out's loggedOut() answers this call too.
        connect(
                this, &Session::loggedOut, reply, [reply] { SessionPrivate::succeed(reply); },
                Qt::SingleShotConnection);
        return reply;
    }
    const QByteArray token = d->accessToken;
    const QByteArray refreshToken = d->refreshToken;
    const bool tokenUsable = d->accessTokenValid();
    const bool wasRefreshing = d->refreshInFlight;
    // Local state first: whatever happens next, this device is signed out and no call waiting
    // for the refresh may go out with this user's Bearer.
    ++d->generation;
    d->clearLocalState();
    d->setStatus(Status::SigningOut);
    if (d->pendingLogin) {
        // Taken, not copied then cleared: a copy followed by `= nullptr` makes clang-analyzer
        // (cplusplus.NewDelete) see QWeakPointer's shared count freed twice, as it cannot
        // follow the atomic reference count in Qt's header. Same behaviour, one owner.
        const QPointer<Reply> login = std::exchange(d->pendingLogin, nullptr);
        d->fail(cancelled(QStringLiteral("Signed out before the store answered the sign-in.")),
                &Session::loginFailed, login);
    }
    if (wasRefreshing)
        d->finishRefresh(cancelled(QStringLiteral("Signed out.")));
    const quint64 gen = d->generation;
    auto finish = [this, gen, reply] {
        if (gen != d->generation)
            return SessionPrivate::succeed(reply);
        d->setStatus(Status::SignedOut);
        qCInfo(lcSession) << "signed out";
        Q_EMIT loggedOut();
        SessionPrivate::succeed(reply);
    };
    auto tellServer = [this, finish](const QByteArray &bearer) {
        d->revokeOnServer(bearer, finish);
    };
    d->storage->remove([this, token, refreshToken, tokenUsable, finish,
                        tellServer](const Error &storeError) {
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
        const ApiRequest request =
                ApiRequest::json("POST", QStringLiteral("/cocart/jwt/refresh-token"),
                                 QJsonDocument(QJsonObject {{QLatin1String("refresh_token"),
                                                             QString::fromLatin1(refreshToken)}}));
        d->transport->send(request, this, [finish, tellServer](const ApiResponse &response) {
            const QByteArray fresh =
                    response.object().value(QLatin1String("token")).toString().toLatin1();
            if (response.error || fresh.isEmpty())
                return finish();
            tellServer(fresh);
        });
    });
    return reply;
}

Reply *Session::restore()
{
    Reply *reply = d->newOperation();
    auto refuse = [this, reply](const Error &error) {
        QTimer::singleShot(
                0, reply, [this, reply, error] { d->fail(error, &Session::restoreFailed, reply); });
        return reply;
    };
    if (d->status == Status::SignedIn) {
        QTimer::singleShot(0, reply, [this, reply] {
            Q_EMIT restored();
            SessionPrivate::succeed(reply);
        });
        return reply;
    }
    if (d->status != Status::SignedOut)
        return refuse(busyError(QStringLiteral("restore")));
    if (const Error error = d->checkConfiguration())
        return refuse(error);

    d->setStatus(Status::Restoring);
    const quint64 gen = d->generation;
    const QPointer<Reply> op = reply;
    d->storage->read([this, gen, op](const TokenStore::ReadResult &result) {
        if (gen != d->generation) {
            return d->fail(cancelled(QStringLiteral("Signed out during restore.")),
                           &Session::restoreFailed, op);
        }
        if (result.error) {
            d->setStatus(Status::SignedOut);
            return d->fail(result.error, &Session::restoreFailed, op);
        }
        if (!result.found) {
            d->setStatus(Status::SignedOut);
            return d->fail(Error(Error::NotFound,
                                 QStringLiteral("No saved session for this store."),
                                 QStringLiteral("cocart_no_saved_session")),
                           &Session::restoreFailed, op);
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
            d->storage->remove([](const Error &) {});
            d->setStatus(Status::SignedOut);
            return d->fail(Error(Error::Storage,
                                 QStringLiteral("The saved session could not be read (%1) and was "
                                                "discarded: please sign in again.")
                                         .arg(why),
                                 QStringLiteral("cocart_corrupt_saved_session")),
                           &Session::restoreFailed, op);
        }
        d->adoptStored(*stored);
        d->storage->pendingSave = false;
        // A process died between sending a refresh and saving its answer: the saved access
        // token may be dead (rotated) and the refresh token spent. Refresh now (under the lock,
        // adopting another process's pair if there is one) instead of looping on 403s.
        d->recoveringInterruptedRefresh = stored->refreshPending;

        // The token is bound to the User-Agent it was issued to; a refresh rebinds it.
        const bool sameDevice = jwt.device().isEmpty() || jwt.device() == d->userAgent;
        if (d->accessTokenValid() && sameDevice && !stored->refreshPending) {
            d->setStatus(Status::SignedIn);
            d->scheduler->clearRetry();
            d->scheduler->arm();
            d->setLastError({});
            qCInfo(lcSession).noquote() << "restored the session of user" << d->user.id();
            Q_EMIT restored();
            return SessionPrivate::succeed(op);
        }
        d->refreshTokens([this, op](const Error &error) {
            if (!error) {
                d->setLastError({});
                Q_EMIT restored();
                return SessionPrivate::succeed(op);
            }
            if (error.kind() == Error::SessionExpired)
                return d->failQuietly(error, &Session::restoreFailed, op); // already reported
            if (error.kind() == Error::Cancelled || d->refreshToken.isEmpty())
                return d->fail(error, &Session::restoreFailed, op);
            // Offline or a server hiccup: the session is kept (SignedIn) and refreshed later.
            d->setLastError(error);
            Q_EMIT errorOccurred(error);
            Q_EMIT restored();
            SessionPrivate::succeed(op);
        });
    });
    return reply;
}

Reply *Session::retryStorage()
{
    if (d->status == Status::SignedOut)
        return restore();
    Reply *reply = d->newOperation();
    if (!d->storage->pendingSave || d->refreshToken.isEmpty()) {
        QTimer::singleShot(0, reply, [this, reply] {
            Q_EMIT saved(); // nothing waits to be saved: the saved session is current
            SessionPrivate::succeed(reply);
        });
        return reply;
    }
    const QPointer<Reply> op = reply;
    d->storage->save(d->toStored(), [this, op](const Error &error) {
        if (error)
            return d->fail(error, nullptr, op);
        if (d->lastError.kind() == Error::Storage)
            d->setLastError({});
        Q_EMIT saved();
        SessionPrivate::succeed(op);
    });
    return reply;
}

Error SessionPrivate::noStoreError(int httpStatus) const
{
    return Error(Error::NotFound,
                 QStringLiteral("No CoCart store at %1 — check the address.")
                         .arg(storeUrl.toDisplayString(QUrl::RemoveUserInfo)),
                 QStringLiteral("cocart_no_store"), httpStatus);
}

void SessionPrivate::setStoreInfo(const QVariantMap &info)
{
    if (storeInfo == info)
        return;
    storeInfo = info;
    Q_EMIT q->storeInfoChanged();
}

Reply *Session::checkStore()
{
    ReplyCompleter completer(d->shuttingDown ? nullptr : this);
    Request store;
    store.setPath(QStringLiteral("/cocart/v2/store"))
            .setAuthentication(Request::Authentication::None);
    send(store)->then(this, [this, completer](Reply &answer) mutable {
        const QJsonObject object = answer.object();
        if (answer.error().kind() == Error::NotFound ||
            answer.error().kind() == Error::BadResponse ||
            (!answer.error() && !object.contains(QLatin1String("version")))) {
            // A WordPress without CoCart, a wrong path, somebody else's site.
            const Error error = d->noStoreError(answer.httpStatus());
            d->fail(error, nullptr, nullptr);
            return completer.fail(error);
        }
        if (answer.error()) {
            d->fail(answer.error(), nullptr, nullptr);
            return completer.fail(answer.error());
        }
        QVariantMap info {
                {QStringLiteral("title"), object.value(QLatin1String("title")).toString()},
                {QStringLiteral("version"), object.value(QLatin1String("version")).toString()},
                {QStringLiteral("homeUrl"), object.value(QLatin1String("home_url")).toString()},
                {QStringLiteral("address"),
                 object.value(QLatin1String("store_address")).toObject().toVariantMap()},
        };
        // Signing in needs CoCart JWT Authentication: the REST index lists its namespace.
        Request index;
        index.setPath(QStringLiteral("/")).setAuthentication(Request::Authentication::None);
        send(index)->then(this, [this, completer, info](Reply &routes) mutable {
            const QJsonArray namespaces =
                    routes.object().value(QLatin1String("namespaces")).toArray();
            const bool jwt = namespaces.contains(QJsonValue(QStringLiteral("cocart/jwt")));
            if (!routes.error() && !jwt) {
                const Error error(Error::Configuration,
                                  QStringLiteral("The store at %1 runs CoCart %2 without CoCart "
                                                 "JWT Authentication: signing in needs it.")
                                          .arg(d->storeUrl.toDisplayString(QUrl::RemoveUserInfo),
                                               info.value(QStringLiteral("version")).toString()),
                                  QStringLiteral("cocart_no_jwt"));
                d->fail(error, nullptr, nullptr);
                return completer.fail(error);
            }
            // An index that cannot be read (some hosts hide it) does not make a store unusable.
            info.insert(QStringLiteral("jwt"), routes.error() ? QVariant() : QVariant(jwt));
            d->setStoreInfo(info);
            completer.finish();
        });
    });
    return completer.reply();
}

Reply *Session::send(const Request &request)
{
    return d->dispatcher->send(request, d->shuttingDown ? nullptr : this);
}

Reply *Session::get(const QString &path, const QVariantMap &query)
{
    Request request;
    request.setPath(path).setQuery(queryOf(query));
    return send(request);
}

Reply *Session::post(const QString &path, const QJsonValue &body, const QVariantMap &query)
{
    Request request = Request::json("POST", path, body);
    request.setQuery(queryOf(query));
    return send(request);
}

Reply *Session::put(const QString &path, const QJsonValue &body, const QVariantMap &query)
{
    Request request = Request::json("PUT", path, body);
    request.setQuery(queryOf(query));
    return send(request);
}

Reply *Session::deleteResource(const QString &path, const QVariantMap &query)
{
    Request request;
    request.setMethod("DELETE").setPath(path).setQuery(queryOf(query));
    return send(request);
}

void Session::classBegin()
{
    // Created in QML: share the engine's network access manager (its proxy, cache and
    // QQmlNetworkAccessManagerFactory settings) unless the app set one.
    if (d->networkManagerSet)
        return;
    if (QQmlEngine *engine = qmlEngine(this)) {
        if (QNetworkAccessManager *nam = engine->networkAccessManager())
            d->transport->setNetworkAccessManager(nam);
    }
}

void Session::componentComplete() { }

} // namespace CoCart
