// SessionCore: the tokens, and sign-in, restore, retryStorage and sign-out with their answers.

#include "sessioncore_detail_p.h"

#include "nostore_p.h"

#include <CoCart/Jwt.h>

#include "../tokenlimits_p.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace CoCart::Core {

using detail::CallScope;
using detail::refreshBody;

// ---------------------------------------------------------------------------------------------
// tokens

Error SessionCore::adoptTokens(const QByteArray &access, const QByteArray &refresh)
{
    auto bad = [](const QString &why) {
        return Error(Error::BadResponse, why, QStringLiteral("cocart_bad_token"));
    };
    if (const Error tooLarge = checkTokenSizes(access, refresh))
        return tooLarge; // it would be saved and sent as a header on every request
    QString why;
    const Jwt jwt = Jwt::decode(access, &why);
    if (!jwt.isValid())
        return bad(QStringLiteral("The store issued an unreadable access token (%1).").arg(why));
    const auto exp = jwt.expiresAt();
    if (!exp)
        return bad(QStringLiteral("The store issued an access token without an expiry."));
    if (refresh.isEmpty())
        return bad(QStringLiteral("The store issued no refresh token."));
    const qint64 oldExp = m_accessExpMs;
    const qint64 oldOffset = m_clockOffsetMs;
    // `iat` is the server's clock when it signed the token; the answer arrived just after.
    if (const auto iat = jwt.issuedAt())
        m_clockOffsetMs = *iat * 1000 - m_now;
    m_access = access;
    m_bearer = "Bearer " + access; // built once, not per call
    m_refresh = refresh;
    m_accessExpMs = *exp * 1000;
    m_accessIatMs = jwt.issuedAt() ? *jwt.issuedAt() * 1000 : m_now + m_clockOffsetMs;
    // A token already due on arrival must not trigger another refresh at once (a loop).
    m_arrivedInsideLead = m_now + m_clockOffsetMs >= m_accessExpMs - leadMs();
    if (oldOffset != m_clockOffsetMs)
        emitSignal(Signal::ClockOffsetChanged);
    if (oldOffset != m_clockOffsetMs || oldExp != m_accessExpMs)
        emitSignal(Signal::ExpiryChanged);
    return {};
}

void SessionCore::adoptStored(const StoredSession &stored)
{
    const Jwt jwt = Jwt::decode(stored.accessToken);
    const qint64 oldExp = m_accessExpMs;
    const qint64 oldOffset = m_clockOffsetMs;
    m_access = stored.accessToken;
    m_bearer = "Bearer " + m_access;
    m_refresh = stored.refreshToken;
    m_accessExpMs = jwt.expiresAt().value_or(0) * 1000;
    m_accessIatMs = jwt.issuedAt().value_or(0) * 1000;
    m_clockOffsetMs = stored.clockOffsetMs;
    m_arrivedInsideLead = false;
    if (oldOffset != m_clockOffsetMs)
        emitSignal(Signal::ClockOffsetChanged);
    if (oldOffset != m_clockOffsetMs || oldExp != m_accessExpMs)
        emitSignal(Signal::ExpiryChanged);
    if (stored.user.isValid())
        setUser(stored.user);
}

void SessionCore::clearLocal()
{
    const bool hadExpiry = m_accessExpMs != 0;
    m_access.clear();
    m_bearer.clear();
    m_refresh.clear();
    m_accessExpMs = 0;
    m_accessIatMs = 0;
    m_pendingSave = false;
    m_recoveringInterrupted = false;
    m_answerLost = false;
    m_retryAttempt = 0;
    m_retryPending = false;
    Command disarm {Command::DisarmTimer};
    disarm.timer = RefreshTimer;
    push(std::move(disarm));
    setNextRefresh(0);
    setUser(User());
    if (hadExpiry)
        emitSignal(Signal::ExpiryChanged);
}

StoredSession SessionCore::toStored() const
{
    StoredSession stored;
    stored.storeUrl = m_storeUrl;
    stored.userAgent = m_userAgent;
    stored.accessToken = m_access;
    stored.refreshToken = m_refresh;
    stored.user = m_user;
    stored.clockOffsetMs = m_clockOffsetMs;
    stored.savedAtMs = m_now;
    return stored;
}

// ---------------------------------------------------------------------------------------------
// public calls: sign-in, restore, retryStorage, sign-out

Id SessionCore::login(const QString &username, const QString &password)
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Login);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (m_status == Status::SignedIn || m_status == Status::Refreshing) {
        refuse(op,
               Error(Error::Configuration, QStringLiteral("Already signed in: sign out first."),
                     QStringLiteral("cocart_already_signed_in")),
               Signal::LoginFailed);
        return id;
    }
    if (isBusyState()) {
        refuse(op, Errors::busy(QStringLiteral("sign in")), Signal::LoginFailed);
        return id;
    }
    if (m_configError) {
        refuse(op, m_configError, Signal::LoginFailed);
        return id;
    }
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        refuse(op,
               Error(Error::InvalidCredentials,
                     QStringLiteral("Enter your username or email and your password."),
                     QStringLiteral("cocart_missing_credentials")),
               Signal::LoginFailed);
        return id;
    }
    setStatus(Status::SigningIn);
    op.username = username.trimmed();
    op.stage = Stage::Sending;
    // Basic works on every CoCart version; 4.3 rejects a JSON-only body.
    op.io = send(
            id, Route::Login,
            "Basic " +
                    QByteArray(username.trimmed().toUtf8() + ':' + password.toUtf8()).toBase64());
    return id;
}

Id SessionCore::logout(bool everywhere)
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Logout);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (m_status == Status::SigningOut && m_logoutOp) {
        // Already on its way: that sign-out's outcome answers this call too.
        op.stage = Stage::WaitingRefresh;
        m_logoutJoiners.push_back(id);
        return id;
    }
    // A save still on its way (a sign-in's, a refresh marker, retryStorage) may land after the
    // sign-out's removal: each removes its own pair again once it has landed.
    for (auto &[ioId, io] : m_io) {
        const bool markerOnItsWay =
                io.flight && m_flight && m_flight->stage == FlightStage::Marking;
        if (io.kind == IoKind::Write && !io.pairRefresh.isEmpty() &&
            (!io.flight || markerOnItsWay)) {
            io.orphanLoginSave = true;
            io.op = 0;
            io.flight = false;
        }
    }
    op.everywhere = everywhere;
    op.logoutAccess = hasValidAccessToken() ? m_access : QByteArray();
    op.logoutRefresh = m_refresh;
    m_logoutOp = id;
    // Local state first: whatever happens next, this device is signed out, and nothing of the
    // old session may go out with this user's Bearer.
    ++m_epoch;
    const Error signedOut = Errors::cancelled(QStringLiteral("Signed out."));
    std::vector<Id> ended;
    for (auto &[otherId, other] : m_ops) {
        if (otherId != id)
            ended.push_back(otherId);
    }
    bool flightSent = false;
    if (m_flight) {
        if (m_flight->stage == FlightStage::Sending || m_flight->stage == FlightStage::Saving) {
            flightSent = true;
            detachFlight(Fate::Discard);
        } else {
            Flight flight = std::move(*m_flight);
            m_flight.reset();
            if (flight.stage != FlightStage::Marking)
                cancelIo(flight.io); // a marker on its way is removed once it lands (above)
            if (flight.lockHeld || flight.stage == FlightStage::Locking)
                releaseLock();
            for (Id waiter : flight.waiters) {
                if (m_ops.count(waiter))
                    m_ops[waiter].stage = Stage::Start;
            }
        }
    }
    for (Id otherId : ended) {
        const auto it = m_ops.find(otherId);
        if (it == m_ops.end())
            continue;
        Op &other = it->second;
        switch (other.kind) {
        case OpKind::Login:
            cancelIo(other.io);
            fail(other,
                 Errors::cancelled(
                         QStringLiteral("Signed out before the store answered the sign-in.")),
                 Signal::LoginFailed, false);
            break;
        case OpKind::Restore:
            cancelIo(other.io);
            fail(other, Errors::cancelled(QStringLiteral("Signed out during restore.")),
                 Signal::RestoreFailed, false);
            break;
        case OpKind::Refresh:
            fail(other, signedOut, Signal::RefreshFailed, false);
            break;
        case OpKind::Validate:
        case OpKind::Call:
            // A call on the wire ends with its answer (it was sent before the sign-out); one
            // waiting for a refresh or a retry is never sent.
            if (other.stage == Stage::WaitingRefresh || other.stage == Stage::Retrying ||
                (other.withBearer && other.stage == Stage::Start)) {
                fail(other,
                     Errors::cancelled(QStringLiteral(
                             "The session signed out before the call could be sent.")),
                     other.kind == OpKind::Validate ? std::optional(Signal::ValidateFailed)
                                                    : std::nullopt,
                     false);
            }
            break;
        case OpKind::RetryStorage:
        case OpKind::Logout:
            break;
        }
    }
    clearLocal();
    setStatus(Status::SigningOut);
    Op &self = m_ops[id];
    self.stage = Stage::Removing;
    self.everywhere = everywhere && !m_configError &&
            (!self.logoutAccess.isEmpty() || !self.logoutRefresh.isEmpty() || flightSent);
    self.io = storage(Command::Remove, id, false);
    return id;
}

Id SessionCore::restore()
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Restore);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (m_status == Status::SignedIn) {
        m_deferRest = true;
        emitSignal(Signal::Restored);
        settle(id, {});
        return id;
    }
    if (m_status != Status::SignedOut) {
        refuse(op, Errors::busy(QStringLiteral("restore")), Signal::RestoreFailed);
        return id;
    }
    if (m_configError) {
        refuse(op, m_configError, Signal::RestoreFailed);
        return id;
    }
    setStatus(Status::Restoring);
    op.stage = Stage::Reading;
    op.io = storage(Command::Read, id, false);
    return id;
}

Id SessionCore::retryStorage()
{
    if (m_status == Status::SignedOut)
        return restore();
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::RetryStorage);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (!m_pendingSave || m_refresh.isEmpty()) {
        m_deferRest = true;
        emitSignal(Signal::Saved); // nothing waits to be saved: the saved session is current
        settle(id, {});
        return id;
    }
    op.stage = Stage::Saving;
    op.io = storage(Command::Write, id, false, toStored());
    return id;
}

// ---------------------------------------------------------------------------------------------
// login, restore, logout

void SessionCore::onLoginAnswer(Op &op, Id io, const Answer &answer)
{
    Q_UNUSED(io)
    op.io = 0;
    auto failed = [this, &op](const Error &error) {
        setStatus(Status::SignedOut);
        fail(op, error, Signal::LoginFailed, true);
    };
    if (answer.error) {
        Error error = answer.error;
        if (answer.httpStatus == 401 &&
            error.code() == QLatin1String("cocart_authentication_error")) {
            error = Error(Error::InvalidCredentials, error.message(), error.code(),
                          answer.httpStatus);
        } else if (answer.httpStatus == 404) {
            error = noStoreError(404); // not an excerpt of somebody's HTML 404 page
        } else if (NoStore::reason(error, answer.json) == Error::BadResponse) {
            error = noStoreError(answer.httpStatus, Error::BadResponse); // a page, not CoCart
        }
        return failed(error);
    }
    const QJsonObject object = answer.json.toObject();
    const QJsonObject extras = object.value(QLatin1String("extras")).toObject();
    const QByteArray access = extras.value(QLatin1String("jwt_token")).toString().toLatin1();
    const QByteArray refresh = extras.value(QLatin1String("jwt_refresh")).toString().toLatin1();
    if (access.isEmpty() || refresh.isEmpty()) {
        return failed(Error(Error::BadResponse,
                            QStringLiteral("The store signed you in but issued no token: is "
                                           "CoCart JWT Authentication installed and configured?"),
                            QStringLiteral("cocart_no_token"), answer.httpStatus));
    }
    if (const Error error = adoptTokens(access, refresh))
        return failed(error);
    const QString loginName = Jwt::decode(access).username();
    setUser(User::fromLoginResponse(object, loginName.isEmpty() ? op.username : loginName));
    ++m_epoch;
    op.epoch = m_epoch;
    op.stage = Stage::Saving;
    op.io = storage(Command::Write, op.id, false, toStored());
}

void SessionCore::onRestoreRead(Op &op, const ReadResult &result)
{
    op.io = 0;
    if (result.error) {
        setStatus(Status::SignedOut);
        return fail(op, result.error, Signal::RestoreFailed, true);
    }
    if (!result.found) {
        setStatus(Status::SignedOut);
        return fail(op,
                    Error(Error::NotFound, QStringLiteral("No saved session for this store."),
                          QStringLiteral("cocart_no_saved_session")),
                    Signal::RestoreFailed, true);
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
        storage(Command::Remove, 0, false); // unreadable: nobody can use it
        setStatus(Status::SignedOut);
        return fail(op,
                    Error(Error::Storage,
                          QStringLiteral("The saved session could not be read (%1) and was "
                                         "discarded: please sign in again.")
                                  .arg(why),
                          QStringLiteral("cocart_corrupt_saved_session")),
                    Signal::RestoreFailed, true);
    }
    adoptStored(*stored);
    m_pendingSave = false;
    // A process died between sending a refresh and saving its answer: the saved access token
    // may be dead (rotated) and the refresh token spent. Refresh now, under the lock.
    m_recoveringInterrupted = stored->refreshPending;
    // The token is bound to the User-Agent it was issued to; a refresh rebinds it.
    const bool sameDevice = jwt.device().isEmpty() || jwt.device() == m_userAgent;
    if (hasValidAccessToken() && sameDevice && !stored->refreshPending) {
        setStatus(Status::SignedIn);
        m_retryAttempt = 0;
        m_retryPending = false;
        arm();
        setLastError({});
        emitSignal(Signal::Restored);
        return settle(op.id, {});
    }
    startFlight(op.id);
}

void SessionCore::logoutTellStore(Op &op)
{
    if (m_detached && m_detached->fate == Fate::Discard && m_detached->io &&
        m_detached->stage == FlightStage::Sending) {
        op.stage = Stage::WaitingRefresh; // the rotated pair's access token signs it out
        m_detached->logoutWaiter = op.id;
        return;
    }
    if (!op.logoutAccess.isEmpty()) {
        op.stage = Stage::Sending;
        op.io = send(op.id, Route::Logout, "Bearer " + op.logoutAccess, {},
                     qMin(m_requestTimeoutMs, 10000));
        return;
    }
    if (!op.logoutRefresh.isEmpty()) {
        // The access token expired: logout needs a valid Bearer, so trade the refresh token.
        op.stage = Stage::Sending;
        op.io = send(op.id, Route::Refresh, {}, refreshBody(op.logoutRefresh),
                     qMin(m_requestTimeoutMs, 10000));
        op.logoutRefresh.clear();
        return;
    }
    finishLogout(op, {});
}

void SessionCore::onLogoutAnswer(Op &op, Route route, const Answer &answer)
{
    op.io = 0;
    if (route == Route::Refresh) {
        const QByteArray fresh =
                answer.json.toObject().value(QLatin1String("token")).toString().toLatin1();
        if (answer.error || fresh.isEmpty())
            return finishLogout(op, answer.error);
        op.logoutAccess = fresh;
        return logoutTellStore(op);
    }
    finishLogout(op, answer.error);
}

void SessionCore::finishLogout(Op &op, const Error &error)
{
    const Id id = op.id;
    if (m_logoutOp == id)
        m_logoutOp = 0;
    if (m_detached && m_detached->logoutWaiter == id)
        m_detached->logoutWaiter = 0;
    setStatus(Status::SignedOut);
    emitSignal(Signal::LoggedOut);
    // The store not being told is not a failure of the sign-out on this device.
    settle(id, error.kind() == Error::Cancelled ? error : Error());
    std::vector<Id> joiners;
    joiners.swap(m_logoutJoiners);
    for (Id joiner : joiners)
        settle(joiner, {});
}

} // namespace CoCart::Core
