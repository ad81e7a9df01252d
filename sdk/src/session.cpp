// Session: the Qt shell of the session protocol (core/sessioncore_p.h). Public calls become
// core events; the core's commands become requests, storage operations, lock calls, timers,
// Reply outcomes and signals. The properties are in sessionproperties.cpp.

#include "session_p.h"

#include "engine/reply_p.h"
#include "logging_p.h"
#include "nostore_p.h"

#include <CoCart/version.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInformation>
#include <QQmlEngine>

namespace CoCart {

namespace {

Core::Answer toAnswer(const ApiResponse &response)
{
    Core::Answer answer;
    answer.httpStatus = response.httpStatus;
    answer.json = response.json;
    answer.error = response.error;
    return answer;
}

//! Query items as a store expects them: lists joined with commas, every reserved character
//! (`+` too, which a PHP store reads as a space) percent-encoded.
QUrlQuery queryOf(const QVariantMap &map)
{
    QUrlQuery query;
    for (auto it = map.begin(); it != map.end(); ++it) {
        QString value;
        if (it.value().typeId() == QMetaType::QVariantList ||
            it.value().typeId() == QMetaType::QStringList) {
            QStringList parts;
            for (const QVariant &part : it.value().toList())
                parts << part.toString();
            value = parts.join(QLatin1Char(','));
        } else {
            value = it.value().toString();
        }
        query.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(it.key())),
                           QString::fromLatin1(QUrl::toPercentEncoding(value)));
    }
    return query;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SessionPrivate: executes the core's commands

SessionPrivate::SessionPrivate(Session *q)
    : q(q), transport(new Transport(q)), storage(new SessionStorage(q)),
      systemClock(new SystemClock(q)), clock(systemClock)
{
    userAgent = Session::defaultUserAgent();
    transport->setUserAgent(userAgent.toUtf8());
    transport->setTimeout(requestTimeout);
    transport->setMaxResponseBytes(Session::DefaultMaxResponseSize);
    // Made now, so that networkAccessManager() const has no side effect.
    transport->networkAccessManager();
    core.setUserAgent(userAgent);
    core.setRequestTimeout(requestTimeout);
    updateConfiguration();

    refreshTimer.setSingleShot(true);
    QObject::connect(&refreshTimer, &QTimer::timeout, q, [this] {
        now();
        core.timerFired(Core::SessionCore::RefreshTimer);
        run();
    });
    tickTimer.setInterval(1000);
    QObject::connect(&tickTimer, &QTimer::timeout, q, [this] { updateSecondsUntilExpiry(); });
    clockConnection = QObject::connect(clock, &Clock::jumped, q, [this] {
        now();
        updateSecondsUntilExpiry();
        core.clockJumped();
        run();
    });
}

SessionPrivate::~SessionPrivate() = default;

void SessionPrivate::updateConfiguration()
{
    core.setConfigurationError(Transport::checkUrl(storeUrl, allowInsecureHttp));
    core.setStoreUrl(storeUrl.toString(), storeUrl.toDisplayString(QUrl::RemoveUserInfo));
}

Reply *SessionPrivate::track(Core::Id op, QObject *parent)
{
    Reply *reply = ReplyPrivate::create(parent);
    operations[op].reply = reply;
    ReplyPrivate::get(reply)->onAbort = [this, op] {
        now();
        core.abort(op);
        run();
    };
    run();
    return reply;
}

void SessionPrivate::run()
{
    if (running)
        return; // the loop below picks up what a nested event added
    running = true;
    while (core.hasCommands()) {
        core.takeCommands(commandBuffer);
        for (const Core::Command &command : commandBuffer) {
            if (command.deferred && !shuttingDown) {
                deferred.push_back(command);
                continue;
            }
            execute(command);
        }
    }
    running = false;
    if (!deferred.empty() && !flushQueued) {
        flushQueued = true;
        QMetaObject::invokeMethod(
                q, [this] { flushDeferred(); }, Qt::QueuedConnection);
    }
}

void SessionPrivate::flushDeferred()
{
    flushQueued = false;
    std::vector<Core::Command> commands;
    commands.swap(deferred);
    for (const Core::Command &command : commands)
        execute(command);
    run();
}

void SessionPrivate::sendRequest(const Core::Command &c)
{
    if (!networkManagerSet && !engineChecked) {
        // Made in QML: share the engine's network access manager (its proxy, cache and
        // QQmlNetworkAccessManagerFactory settings) unless the app set one. Looked up at the
        // first request, so Session.h needs nothing of Qt Qml (a Widgets app includes it too).
        engineChecked = true;
        if (QQmlEngine *engine = qmlEngine(q)) {
            if (QNetworkAccessManager *nam = engine->networkAccessManager())
                transport->setNetworkAccessManager(nam);
        }
    }
    ApiRequest request;
    request.authorization = c.authorization;
    Request &call = request.call;
    switch (c.route) {
    case Core::Route::Login:
        call.setMethod("POST").setPath(QStringLiteral("/cocart/v2/login"));
        break;
    case Core::Route::Refresh:
        // No Authorization header: an expired Bearer would make the refresh itself fail (403).
        call.setMethod("POST")
                .setPath(QStringLiteral("/cocart/jwt/refresh-token"))
                .setBody(c.body)
                .setContentType("application/json");
        break;
    case Core::Route::Validate:
        call.setMethod("POST").setPath(QStringLiteral("/cocart/jwt/validate-token"));
        break;
    case Core::Route::Logout:
        // Revokes every token of the user on the store (all devices): sent only for
        // logout(Session::LogoutScope::Everywhere).
        call.setMethod("POST").setPath(QStringLiteral("/cocart/v2/logout"));
        break;
    case Core::Route::Call:
        call = operations[c.op].request; // as the app built it (a shared copy), with its timeout
        break;
    }
    if (c.route != Core::Route::Call)
        call.setTimeoutMs(c.timeoutMs);
    // The app's own headers on every request; a call's own header of the same name comes later
    // and wins.
    if (!extraHeaders.isEmpty())
        call.setHeaders(extraHeaders + call.headers());
    const Core::Id io = c.io;
    const Core::Id op = c.op;
    QNetworkReply *wire = transport->send(request, [this, io, op](const ApiResponse &response) {
        // Kept for the Reply until the operation settles; a late answer to one that settled
        // already is only for the core.
        if (const auto it = sent.find(io); it != sent.end()) {
            if (op && operations.count(op)) {
                it->second.wire = nullptr;
                it->second.answer = response;
                it->second.answered = true;
            } else {
                sent.erase(it);
            }
        }
        now();
        core.answered(io, toAnswer(response));
        run();
    });
    SentRequest &entry = sent[io];
    entry.op = op;
    entry.wire = wire;
}

void SessionPrivate::removeIf(Core::Id io, const QByteArray &expect)
{
    auto done = [this, io](const Error &error) {
        if (error)
            qCWarning(lcSession).noquote()
                    << "Could not remove the saved session:" << error.toString();
        now();
        core.storageWritten(io, error);
        run();
    };
    if (expect.isEmpty())
        return storage->remove(done);
    // Compare-and-delete: only the pair this process saw rejected, never another process's
    // newer one saved meanwhile.
    storage->read([this, expect, done](const TokenStore::ReadResult &result) {
        const auto saved = result.found ? StoredSession::fromJson(result.value, nullptr)
                                        : std::optional<StoredSession>();
        if (!result.error && saved && saved->refreshToken == expect)
            return storage->remove(done);
        if (result.found && saved && saved->refreshToken != expect)
            qCInfo(lcSession) << "kept the saved session: another process saved a newer pair";
        done({});
    });
}

void SessionPrivate::execute(const Core::Command &c)
{
    using C = Core::Command;
    switch (c.type) {
    case C::Send:
        return sendRequest(c);
    case C::Cancel:
        if (const auto it = sent.find(c.io); it != sent.end()) {
            if (QNetworkReply *wire = it->second.wire)
                transport->cancel(wire);
            sent.erase(it);
        }
        return;
    case C::Read: {
        const Core::Id io = c.io;
        return storage->read([this, io](const TokenStore::ReadResult &result) {
            now();
            core.storageRead(io, {result.error, result.found, result.value});
            run();
        });
    }
    case C::Write: {
        const Core::Id io = c.io;
        return storage->write(c.stored, [this, io](const Error &error) {
            if (error)
                qCWarning(lcSession).noquote() << "Could not save the session:" << error.toString();
            now();
            core.storageWritten(io, error);
            run();
        });
    }
    case C::Remove:
        return removeIf(c.io, c.expect);
    case C::TakeLock:
        storage->lock.setKey(storage->lockDirectory, storage->key());
        return storage->lock.acquire(c.timeoutMs, [this](bool acquired) {
            now();
            core.lockResult(acquired);
            run();
        });
    case C::ReleaseLock:
        return storage->lock.release();
    case C::ArmTimer: {
        const qint64 delay =
                qBound(qint64(0), c.dueMs - currentClock()->nowMSecs(), qint64(60 * 60 * 1000));
        if (c.timer == Core::SessionCore::RefreshTimer)
            return refreshTimer.start(int(delay)); // a far timer is re-armed when it fires
        QTimer *&timer = timers[c.timer];
        if (!timer) {
            timer = new QTimer(q);
            timer->setSingleShot(true);
            const Core::Id id = c.timer;
            QObject::connect(timer, &QTimer::timeout, q, [this, id] {
                if (const auto it = timers.find(id); it != timers.end()) {
                    it->second->deleteLater();
                    timers.erase(it);
                }
                now();
                core.timerFired(id);
                run();
            });
        }
        return timer->start(int(delay));
    }
    case C::DisarmTimer:
        if (c.timer == Core::SessionCore::RefreshTimer)
            return refreshTimer.stop();
        if (const auto it = timers.find(c.timer); it != timers.end()) {
            it->second->deleteLater();
            timers.erase(it);
        }
        return;
    case C::Settle: {
        ApiResponse response;
        if (const auto it = sent.find(c.io); it != sent.end() && it->second.answered)
            response = std::move(it->second.answer); // erased just below
        for (auto it = sent.begin(); it != sent.end();) {
            const bool done = it->second.op == c.op && it->second.answered;
            it = done ? sent.erase(it) : std::next(it);
        }
        const auto it = operations.find(c.op);
        if (it == operations.end())
            return;
        const QPointer<Reply> reply = it->second.reply;
        operations.erase(it);
        if (reply)
            ReplyPrivate::get(reply)->fail(c.error, response); // NoError: finished well
        return;
    }
    case C::Emit:
        break;
    }
    using S = Core::Signal;
    switch (c.signal) {
    case S::LoggedIn:
        qCInfo(lcSession) << "signed in as user" << core.user().id();
        return Q_EMIT q->loggedIn();
    case S::LoginFailed:
        return Q_EMIT q->loginFailed(c.error);
    case S::Refreshed:
        return Q_EMIT q->refreshed();
    case S::RefreshFailed:
        loadReachability(); // a retry may wait for the network
        return Q_EMIT q->refreshFailed(c.error);
    case S::Validated:
        return Q_EMIT q->validated();
    case S::ValidateFailed:
        return Q_EMIT q->validateFailed(c.error);
    case S::LoggedOut:
        qCInfo(lcSession) << "signed out";
        return Q_EMIT q->loggedOut();
    case S::Restored:
        return Q_EMIT q->restored();
    case S::RestoreFailed:
        return Q_EMIT q->restoreFailed(c.error);
    case S::Saved:
        return Q_EMIT q->saved();
    case S::ErrorOccurred:
        qCInfo(lcSession).noquote() << c.error.toString();
        return Q_EMIT q->errorOccurred(c.error);
    case S::StatusChanged:
        qCDebug(lcSession) << "status" << q->status();
        if (core.status() == Core::Status::SignedIn) {
            // From the first sign-in on, network failures may pause refresh retries.
            reachabilityWanted = true;
            if (core.offline())
                loadReachability();
        }
        return Q_EMIT q->statusChanged();
    case S::BusyChanged:
        return Q_EMIT q->busyChanged();
    case S::UserChanged:
        return Q_EMIT q->userChanged();
    case S::ExpiryChanged:
        updateSecondsUntilExpiry();
        return Q_EMIT q->accessTokenExpiryChanged();
    case S::ClockOffsetChanged:
        return Q_EMIT q->serverClockOffsetChanged();
    case S::LastErrorChanged:
        return Q_EMIT q->lastErrorChanged();
    case S::NextRefreshChanged:
        return Q_EMIT q->nextRefreshChanged();
    case S::OfflineChanged:
        if (core.offline())
            loadReachability();
        return Q_EMIT q->offlineChanged();
    case S::NetworkReachableChanged:
        return Q_EMIT q->networkReachableChanged();
    }
}

void SessionPrivate::updateSecondsUntilExpiry()
{
    now();
    const int seconds = core.secondsUntilExpiry();
    if (seconds >= 0 && !tickTimer.isActive())
        tickTimer.start();
    else if (seconds < 0)
        tickTimer.stop();
    if (seconds == lastSecondsUntilExpiry)
        return;
    lastSecondsUntilExpiry = seconds;
    Q_EMIT q->secondsUntilExpiryChanged();
}

void SessionPrivate::loadReachability()
{
    // A network-information backend costs ≈ 4 MB (gio, libmount, …) and only matters once
    // something failed for network reasons: until then networkReachable stays true.
    if (!reachabilityWanted || reachabilityWatched || shuttingDown)
        return;
    reachabilityWatched = true;
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    auto apply = [this](QNetworkInformation::Reachability reachability) {
        setNetworkReachableFromSystem(reachability !=
                                      QNetworkInformation::Reachability::Disconnected);
    };
    QObject::connect(info, &QNetworkInformation::reachabilityChanged, q, apply);
    apply(info->reachability());
}

void SessionPrivate::setNetworkReachableFromSystem(bool reachable)
{
    now();
    core.setNetworkReachable(reachable);
    run();
}

void SessionPrivate::setStoreInfo(const QVariantMap &info)
{
    if (storeInfo == info)
        return;
    storeInfo = info;
    Q_EMIT q->storeInfoChanged();
}

// ---------------------------------------------------------------------------------------------
// Session: the calls

Session::Session(QObject *parent) : QObject(parent), d(std::make_unique<SessionPrivate>(this)) { }

Session::~Session()
{
    // Every running call ends with one outcome (Cancelled) before the session goes; the
    // session itself emits nothing while it dies, and replies a caller kept outlive it.
    d->shuttingDown = true;
    d->now();
    d->core.shutdown();
    d->run();
    d->flushDeferred();
    ReplyCompleter::releaseChildren(this, QStringLiteral("The session was destroyed."));
    QObject::disconnect(d->clockConnection);
}

Reply *Session::login(const QString &username, const QString &password)
{
    d->now();
    return d->track(d->core.login(username, password), d->replyParent());
}

Reply *Session::refresh()
{
    d->now();
    return d->track(d->core.refresh(), d->replyParent());
}

Reply *Session::validate()
{
    d->now();
    return d->track(d->core.validate(), d->replyParent());
}

Reply *Session::logout(LogoutScope scope)
{
    d->now();
    return d->track(d->core.logout(scope == LogoutScope::Everywhere), d->replyParent());
}

Reply *Session::restore()
{
    d->now();
    return d->track(d->core.restore(), d->replyParent());
}

Reply *Session::retryStorage()
{
    d->now();
    return d->track(d->core.retryStorage(), d->replyParent());
}

Reply *Session::checkStore()
{
    // Two public calls with no Bearer; it changes nothing but storeInfo, and an abort() (or a
    // destroyed session) changes nothing at all.
    ReplyCompleter completer(d->replyParent());
    Request store;
    store.setPath(QStringLiteral("/cocart/v2/store"))
            .setAuthentication(Request::Authentication::None);
    const QPointer<Reply> first = send(store);
    auto second = std::make_shared<QPointer<Reply>>();
    completer.setAbortHandler([first, second] {
        if (first)
            first->abort();
        if (*second)
            (*second)->abort();
    });
    auto fail = [this](ReplyCompleter &c, const Error &error) {
        d->now();
        d->core.reportFailure(error);
        d->run();
        c.fail(error);
    };
    first->then(this, [this, completer, second, fail](Reply &answer) mutable {
        if (!completer.isRunning())
            return; // aborted
        const QJsonObject object = answer.object();
        // A WordPress without CoCart, a wrong path (NotFound), somebody else's site or JSON
        // (BadResponse): the same words login(), Cart and ProductModel use.
        Error::Kind noStore = NoStore::reason(answer.error(), answer.json());
        if (!answer.error() && !object.contains(QLatin1String("version")))
            noStore = Error::BadResponse;
        else if (answer.error().kind() == Error::NotFound && noStore == Error::NoError)
            noStore = Error::NotFound;
        if (noStore != Error::NoError) {
            return fail(completer,
                        NoStore::error(noStore, d->storeUrl.toDisplayString(QUrl::RemoveUserInfo),
                                       answer.httpStatus()));
        }
        if (answer.error())
            return fail(completer, answer.error());
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
        *second = send(index);
        (*second)->then(this, [this, completer, info, fail](Reply &routes) mutable {
            if (!completer.isRunning())
                return; // aborted
            const QJsonArray namespaces =
                    routes.object().value(QLatin1String("namespaces")).toArray();
            const bool jwt = namespaces.contains(QJsonValue(QStringLiteral("cocart/jwt")));
            if (!routes.error() && !jwt) {
                return fail(completer,
                            Error(Error::Configuration,
                                  QStringLiteral("The store at %1 runs CoCart %2 without CoCart "
                                                 "JWT Authentication: signing in needs it.")
                                          .arg(d->storeUrl.toDisplayString(QUrl::RemoveUserInfo),
                                               info.value(QStringLiteral("version")).toString()),
                                  QStringLiteral("cocart_no_jwt")));
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
    Core::CallOptions options;
    options.bearerIfSignedIn = request.authentication() == Request::Authentication::IfSignedIn;
    options.replayOnAuthFailure = request.replayOnAuthFailure();
    options.retries = request.retries();
    options.idempotent = request.isIdempotent();
    options.getOrHead = request.method() == "GET" || request.method() == "HEAD";
    options.timeoutMs = request.timeoutMs();
    d->now();
    const Core::Id op = d->core.call(options);
    Request &call = d->operations[op].request;
    call = request;
    // A route relative to `/wp-json` gets its leading slash whether or not the caller wrote one
    // (the Request is copied only then).
    if (const QString path = request.path(); !path.startsWith(QLatin1Char('/')))
        call.setPath(QLatin1Char('/') + path);
    return d->track(op, d->replyParent());
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

} // namespace CoCart
