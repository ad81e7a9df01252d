// The token exchange behind Session: adopting a pair, refreshing it (single-flight in the
// process, a lock file across processes, a crash-safe marker), ending the session when the store
// rejects the refresh token, and revoking pairs nobody may use any more.

#include "session_p.h"

#include "logging_p.h"

#include <CoCart/Jwt.h>

#include <QJsonObject>

namespace CoCart {

namespace {

Error notSignedIn()
{
    return Error(Error::Unauthorized, QStringLiteral("Not signed in."),
                 QStringLiteral("cocart_not_signed_in"));
}

} // namespace

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
    arrivedInsideLead = serverNowMs() >= accessExpMs - scheduler->leadMs();
    if (oldOffset != clockOffsetMs)
        Q_EMIT q->serverClockOffsetChanged();
    if (oldExpiry != q->accessTokenExpiry())
        Q_EMIT q->accessTokenExpiryChanged();
    scheduler->updateSecondsUntilExpiry();
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
    scheduler->updateSecondsUntilExpiry();
}

void SessionPrivate::clearLocalState()
{
    const bool hadExpiry = accessExpMs != 0;
    accessToken.clear();
    refreshToken.clear();
    accessExpMs = 0;
    accessIatMs = 0;
    storage->pendingSave = false;
    recoveringInterruptedRefresh = false;
    scheduler->stop();
    setUser(User());
    if (hadExpiry)
        Q_EMIT q->accessTokenExpiryChanged();
    scheduler->updateSecondsUntilExpiry();
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
    stored.savedAtMs = scheduler->clock()->nowMSecs();
    return stored;
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
    scheduler->pause(); // no proactive refresh while this one runs
    setStatus(Session::Status::Refreshing);
    const quint64 gen = generation;
    // Across processes: only the holder of the lock may spend the refresh token.
    storage->lock.setKey(storage->lockDirectory, storage->key());
    storage->lock.acquire(requestTimeout, [this, gen](bool) {
        if (gen != generation) {
            storage->lock.release();
            return;
        }
        refreshUnderLock(gen);
    });
}

void SessionPrivate::refreshUnderLock(quint64 gen)
{
    // Read the store again: another process may have rotated the pair while we waited.
    storage->read([this, gen](const TokenStore::ReadResult &result) {
        if (gen != generation) {
            storage->lock.release();
            return;
        }
        if (!result.error && result.found) {
            const auto saved = StoredSession::fromJson(result.value, nullptr);
            if (saved && storage->shouldAdopt(*saved, refreshToken, user.id())) {
                qCInfo(lcSession) << "adopting the token pair another process just saved";
                adoptStored(*saved);
                storage->lock.release();
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
        storage->write(marked, [this, gen](const Error &error) {
            if (gen != generation) {
                storage->lock.release();
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
            storage->lock.release();
            revokeLateAnswer(response, "token");
            return;
        }
        const qint64 receivedAt = scheduler->clock()->nowMSecs();
        noteResponse(response.error);
        if (response.error) {
            storage->lock.release();
            if (response.isAuthenticationFailure()) {
                // The store itself rejected the refresh token: this, and only this, ends a
                // session. (A proxy's HTML 403 or cocart_jwt_auth_bad_config does not.)
                const QString said = response.error.message();
                endSession(Error(
                        Error::SessionExpired,
                        recoveringInterruptedRefresh
                                ? QStringLiteral("A token refresh was interrupted before its "
                                                 "result was saved, so the saved session can no "
                                                 "longer be used: please sign in again (the store "
                                                 "said: %1)")
                                          .arg(said)
                                : QStringLiteral("Your session has expired: please sign in again "
                                                 "(the store said: %1)")
                                          .arg(said),
                        recoveringInterruptedRefresh ? QStringLiteral("cocart_refresh_interrupted")
                                                     : response.error.code(),
                        response.httpStatus));
                return;
            }
            // Offline, a timeout, a 5xx, an HTML page: the session stays; try again later. The
            // "refresh pending" marker stays saved: the token may have been spent on the wire.
            setStatus(Session::Status::SignedIn);
            scheduler->scheduleRetry(response.error);
            finishRefresh(response.error);
            return;
        }
        const QJsonObject object = response.object();
        const Error error = adoptTokens(
                object.value(QLatin1String("token")).toString().toLatin1(),
                object.value(QLatin1String("refresh_token")).toString().toLatin1(), receivedAt);
        if (error) {
            storage->lock.release();
            setStatus(Session::Status::SignedIn);
            scheduler->scheduleRetry(error);
            finishRefresh(error);
            return;
        }
        recoveringInterruptedRefresh = false;
        scheduler->clearRetry();
        // The old pair is dead now: save the new one (one write, marker cleared) before anything
        // uses it, then let other processes in.
        storage->save(toStored(), [this, gen](const Error &storeError) {
            storage->lock.release();
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
    transport->send(request, q, [done = std::move(done)](const ApiResponse &response) {
        if (response.error) {
            qCInfo(lcSession).noquote()
                    << "The store was not told about the sign-out:" << response.error.toString();
        }
        done();
    });
}

void SessionPrivate::revokeLateAnswer(const ApiResponse &response, const char *tokenPath)
{
    // Signed out meanwhile (that call was already answered). If the store issued or rotated a
    // pair before it saw the sign-out, that pair is alive: use it to revoke it.
    QJsonObject object = response.object();
    if (qstrcmp(tokenPath, "extras.jwt_token") == 0)
        object = object.value(QLatin1String("extras")).toObject();
    const QString field = qstrcmp(tokenPath, "token") == 0 ? QStringLiteral("token")
                                                           : QStringLiteral("jwt_token");
    const QByteArray fresh = object.value(field).toString().toLatin1();
    if (response.error || fresh.isEmpty())
        return;
    qCInfo(lcSession) << "revoking a token pair the store issued after the sign-out began";
    revokeOnServer(fresh, [] {});
}

void SessionPrivate::endSession(const Error &reason)
{
    ++generation;
    clearLocalState();
    storage->remove([](const Error &error) {
        if (error)
            qCWarning(lcSession).noquote()
                    << "Could not remove the expired session:" << error.toString();
    });
    setStatus(Session::Status::SignedOut);
    // Whoever started the refresh (a call, a Cart, the timer), the app hears it once here.
    qCInfo(lcSession).noquote() << reason.toString();
    setLastError(reason);
    Q_EMIT q->errorOccurred(reason);
    finishRefresh(reason);
}

void SessionPrivate::finishRefresh(const Error &error)
{
    refreshInFlight = false;
    if (!error)
        scheduler->arm();
    std::vector<RefreshCallback> waiters;
    waiters.swap(refreshWaiters);
    for (const auto &waiter : waiters)
        waiter(error);
}

void SessionPrivate::finishPublicRefresh(const Error &error)
{
    std::vector<QPointer<Reply>> replies;
    replies.swap(publicRefreshes);
    // One refresh, one outcome signal, whatever the number of refresh() calls it answers.
    if (!error) {
        setLastError({});
        Q_EMIT q->refreshed();
        for (const auto &reply : replies)
            succeed(reply);
        return;
    }
    const bool reported = error.kind() == Error::SessionExpired; // endSession() said it
    for (size_t i = 0; i < replies.size(); ++i) {
        if (i == 0 && !reported)
            fail(error, &Session::refreshFailed, replies[i]);
        else if (i == 0)
            failQuietly(error, &Session::refreshFailed, replies[i]);
        else
            failQuietly(error, nullptr, replies[i]);
    }
}

} // namespace CoCart
