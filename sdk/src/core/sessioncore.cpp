#include "sessioncore_p.h"

#include "nostore_p.h"

#include <CoCart/Jwt.h>

#include "../tokenlimits_p.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace CoCart::Core {

namespace {

//! The refresh route's body: the refresh token as JSON, never as an Authorization header.
QByteArray refreshBody(const QByteArray &refreshToken)
{
    return QJsonDocument(QJsonObject {{QLatin1String("refresh_token"),
                                       QString::fromLatin1(refreshToken)}})
            .toJson(QJsonDocument::Compact);
}

//! Exponential backoff: \a firstMs doubled per attempt after the first, at most \a capMs; a
//! Retry-After (seconds, -1 for none) wins if it is later, never under \a firstMs.
qint64 backoffMs(qint64 firstMs, int attempt, qint64 capMs, int retryAfterSeconds)
{
    qint64 delay = qMin(firstMs << qMin(attempt - 1, 16), capMs);
    if (retryAfterSeconds >= 0)
        delay = qMax(delay, qMax(qint64(retryAfterSeconds) * 1000, firstMs));
    return delay;
}

bool isRetryable(const Answer &answer)
{
    const Error &error = answer.error;
    switch (error.kind()) {
    case Error::Network:
        return true;
    case Error::RateLimited:
        return error.retryAfter() < 0 || error.retryAfter() <= 30;
    case Error::Server:
        return answer.httpStatus == 502 || answer.httpStatus == 503 || answer.httpStatus == 504;
    default:
        return false; // never after a TLS failure, a rejection or a 4xx
    }
}

} // namespace

bool isAuthRejectionCode(const QString &code)
{
    return code == QLatin1String("cocart_authentication_error") ||
            code == QLatin1String("cocart_jwt_auth_missing_refresh_token");
}

namespace Errors {

Error cancelled(const QString &why)
{
    return Error::cancelled(why);
}

Error notSignedIn()
{
    return Error(Error::Unauthorized, QStringLiteral("Not signed in."),
                 QStringLiteral("cocart_not_signed_in"));
}

Error busy(const QString &what)
{
    return Error(
            Error::Configuration,
            QStringLiteral("Cannot %1 while another sign-in, restore or sign-out is in progress.")
                    .arg(what),
            QStringLiteral("cocart_busy"));
}

} // namespace Errors

bool Answer::isAuthRejection() const
{
    // A JSON answer from the store itself: a proxy's HTML 403 says nothing about the token.
    return (httpStatus == 401 || httpStatus == 403) && json.isObject() &&
            isAuthRejectionCode(error.code());
}

//! Marks the commands of one public call: outcomes produced inside it are deferred.
class CallScope
{
public:
    explicit CallScope(int &depth, bool &deferRest) : m_depth(depth), m_deferRest(deferRest)
    {
        ++m_depth;
    }
    ~CallScope()
    {
        if (--m_depth == 0)
            m_deferRest = false;
    }
    Q_DISABLE_COPY_MOVE(CallScope)

private:
    int &m_depth;
    bool &m_deferRest;
};

SessionCore::SessionCore() = default;

// ---------------------------------------------------------------------------------------------
// configuration

void SessionCore::setStoreUrl(const QString &url, const QString &display)
{
    m_storeUrl = url;
    m_storeDisplay = display;
}

void SessionCore::setAutoRefresh(bool on)
{
    m_autoRefresh = on;
    arm();
}

void SessionCore::setRefreshLead(int seconds)
{
    m_refreshLeadSeconds = qMax(0, seconds);
    arm();
}

void SessionCore::setRetryDelays(int minimumMs, int maximumMs)
{
    m_retryMinimumMs = qMax(1, minimumMs);
    m_retryMaximumMs = qMax(m_retryMinimumMs, maximumMs);
}

// ---------------------------------------------------------------------------------------------
// helpers

SessionCore::Op &SessionCore::newOp(OpKind kind)
{
    const Id id = newId();
    if (m_callDepth > 0)
        m_callOp = id;
    Op &op = m_ops[id];
    op.id = id;
    op.kind = kind;
    op.epoch = m_epoch;
    return op;
}

SessionCore::Op *SessionCore::begin(OpKind kind)
{
    Op &op = newOp(kind);
    if (!m_shutdown)
        return &op;
    refuse(op, Errors::cancelled(QStringLiteral("The session was destroyed.")), {});
    return nullptr;
}

void SessionCore::push(Command command)
{
    // Inside a public call, its own outcome (and whatever follows it) waits for the event loop;
    // other operations that the call ends (a login cancelled by logout()) end at once.
    if (m_callDepth > 0 &&
        (m_deferRest || (command.type == Command::Settle && command.op == m_callOp))) {
        command.deferred = true;
        m_deferRest = true;
    }
    m_out.push_back(std::move(command));
}

std::vector<Command> SessionCore::takeCommands()
{
    std::vector<Command> out;
    out.swap(m_out);
    return out;
}

void SessionCore::takeCommands(std::vector<Command> &into)
{
    into.clear();
    into.swap(m_out); // both keep their capacity: no allocation per event once warm
}

void SessionCore::emitSignal(Signal signal, const Error &error)
{
    if (m_shutdown)
        return; // a dying session says nothing
    Command c {Command::Emit};
    c.signal = signal;
    c.error = error;
    push(std::move(c));
}

void SessionCore::settle(Id opId, const Error &error, Id io)
{
    const auto it = m_ops.find(opId);
    if (it == m_ops.end())
        return;
    if (it->second.kind == OpKind::Validate && it->second.stage != Stage::Start) {
        --m_validates;
        updateBusy();
    }
    if (it->second.stage == Stage::Retrying) {
        Command disarm {Command::DisarmTimer};
        disarm.timer = opId;
        push(std::move(disarm));
    }
    m_ops.erase(it);
    Command c {Command::Settle};
    c.op = opId;
    c.error = error;
    c.io = io;
    push(std::move(c));
}

void SessionCore::report(const Error &error)
{
    setLastError(error);
    emitSignal(Signal::ErrorOccurred, error);
}

void SessionCore::fail(Op &op, const Error &error, std::optional<Signal> signal, bool reportIt,
                       Id io)
{
    const Id id = op.id;
    if (reportIt)
        setLastError(error);
    if (signal)
        emitSignal(*signal, error);
    if (reportIt)
        emitSignal(Signal::ErrorOccurred, error);
    settle(id, error, io);
}

void SessionCore::refuse(Op &op, const Error &error, std::optional<Signal> signal)
{
    m_deferRest = m_callDepth > 0;
    fail(op, error, signal, signal.has_value() && error.kind() != Error::Cancelled);
}

Id SessionCore::send(Id op, Route route, const QByteArray &authorization, const QByteArray &body,
                     int timeoutMs, bool flight)
{
    const Id io = newId();
    m_io[io] = Io(IoKind::Send, op, flight, {}, route);
    Command c {Command::Send};
    c.io = io;
    c.op = op;
    c.route = route;
    c.authorization = authorization;
    c.body = body;
    c.timeoutMs = timeoutMs;
    push(std::move(c));
    return io;
}

Id SessionCore::storage(Command::Type type, Id op, bool flight, const StoredSession &stored,
                        const QByteArray &expect)
{
    const Id io = newId();
    const IoKind kind = type == Command::Read ? IoKind::Read
            : type == Command::Write          ? IoKind::Write
                                              : IoKind::Remove;
    m_io[io] = Io(kind, op, flight, stored.refreshToken, Route::Call);
    Command c {type};
    c.io = io;
    c.op = op;
    c.stored = stored;
    c.expect = expect;
    push(std::move(c));
    return io;
}

void SessionCore::cancelIo(Id io)
{
    const auto it = m_io.find(io);
    if (it == m_io.end() || it->second.orphanLoginSave)
        return; // a save that outlived its session still removes its pair once it lands
    const bool isSend = it->second.kind == IoKind::Send;
    m_io.erase(it);
    if (isSend) {
        Command c {Command::Cancel};
        c.io = io;
        push(std::move(c));
    }
    // A storage operation cannot be taken back: its result is dropped when it comes.
}

bool SessionCore::isBusyState() const
{
    return m_status == Status::Restoring || m_status == Status::SigningIn ||
            m_status == Status::Refreshing || m_status == Status::SigningOut;
}

void SessionCore::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    emitSignal(Signal::StatusChanged);
    updateBusy();
}

void SessionCore::updateBusy()
{
    const bool busy = isBusyState() || m_validates > 0;
    if (busy == m_busy)
        return;
    m_busy = busy;
    emitSignal(Signal::BusyChanged);
}

void SessionCore::setUser(const User &user)
{
    if (m_user == user)
        return;
    m_user = user;
    emitSignal(Signal::UserChanged);
}

void SessionCore::setLastError(const Error &error)
{
    if (m_lastError == error)
        return;
    m_lastError = error;
    emitSignal(Signal::LastErrorChanged);
}

void SessionCore::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    emitSignal(Signal::OfflineChanged);
}

void SessionCore::setNextRefresh(qint64 localMs)
{
    if (m_nextRefreshMs == localMs)
        return;
    m_nextRefreshMs = localMs;
    emitSignal(Signal::NextRefreshChanged);
}

void SessionCore::noteAnswer(const Error &error)
{
    const Error::Kind kind = error.kind();
    if (kind == Error::Network || kind == Error::Timeout || kind == Error::Tls)
        setOffline(true);
    else if (kind != Error::Cancelled && kind != Error::Configuration &&
             kind != Error::InsecureTransport)
        setOffline(false); // the store answered
}

bool SessionCore::hasValidAccessToken() const
{
    // CoCart accepts a token while now <= exp (seconds, no leeway).
    return !m_access.isEmpty() && m_accessExpMs > 0 && m_now + m_clockOffsetMs < m_accessExpMs;
}

int SessionCore::secondsUntilExpiry() const
{
    if (m_accessExpMs <= 0)
        return -1;
    return int(qMax<qint64>(0, (m_accessExpMs - (m_now + m_clockOffsetMs)) / 1000));
}

qint64 SessionCore::leadMs() const
{
    const qint64 lifetime = qMax<qint64>(0, m_accessExpMs - m_accessIatMs);
    if (m_refreshLeadSeconds > 0)
        return qMin<qint64>(qint64(m_refreshLeadSeconds) * 1000, lifetime / 2);
    qint64 lead = qMin<qint64>(5 * 60 * 1000, lifetime / 10);
    lead = qMax<qint64>(lead, 3000);
    return qMin(lead, lifetime / 2);
}

Error SessionCore::noStoreError(int httpStatus, Error::Kind kind) const
{
    return NoStore::error(kind, m_storeDisplay, httpStatus);
}

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
// public calls

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

Id SessionCore::refresh()
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Refresh);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (m_refresh.isEmpty()) {
        refuse(op, Errors::notSignedIn(), Signal::RefreshFailed);
        return id;
    }
    if (!m_flight && m_status != Status::SignedIn) {
        refuse(op, Errors::busy(QStringLiteral("refresh")), Signal::RefreshFailed);
        return id;
    }
    startFlight(id);
    return id;
}

Id SessionCore::validate()
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Validate);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    if (m_access.isEmpty()) {
        refuse(op, Errors::notSignedIn(), Signal::ValidateFailed);
        return id;
    }
    op.options.replayOnAuthFailure = false; // validate tells the truth about the current token
    op.options.retries = 0;
    op.options.getOrHead = false;
    op.options.idempotent = false;
    op.stage = Stage::Sending;
    ++m_validates;
    updateBusy();
    dispatch(op);
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

Id SessionCore::call(const CallOptions &options)
{
    CallScope scope(m_callDepth, m_deferRest);
    Op *started = begin(OpKind::Call);
    if (!started)
        return m_callOp;
    Op &op = *started;
    const Id id = op.id;
    op.options = options;
    if (m_configError) {
        refuse(op, m_configError, {});
        return id;
    }
    dispatch(op);
    return id;
}

// ---------------------------------------------------------------------------------------------
// calls: dispatch, replay once after a refresh, retry with backoff

void SessionCore::dispatch(Op &op)
{
    if (!op.decided) {
        op.decided = true;
        op.withBearer = op.options.bearerIfSignedIn && !m_refresh.isEmpty();
    }
    const Route route = op.kind == OpKind::Validate ? Route::Validate : Route::Call;
    if (!op.withBearer) {
        op.stage = Stage::Sending;
        op.io = send(op.id, route, {}, {}, op.options.timeoutMs);
        return;
    }
    if (op.epoch != m_epoch || m_refresh.isEmpty()) {
        // Made for a session that is over: never sent with nothing or with the next user's token.
        fail(op,
             Errors::cancelled(
                     QStringLiteral("The session signed out before the call could be sent.")),
             op.kind == OpKind::Validate ? std::optional(Signal::ValidateFailed) : std::nullopt,
             false);
        return;
    }
    if (m_flight) {
        wait(op.id);
        return;
    }
    if (!hasValidAccessToken() && !op.refreshedFirst) {
        op.refreshedFirst = true; // at most one refresh per call: no loops
        startFlight(op.id);
        return;
    }
    op.stage = Stage::Sending;
    op.sentBearer = m_access;
    op.io = send(op.id, route, m_bearer, {}, op.options.timeoutMs);
}

void SessionCore::onCallAnswer(Op &op, Id io, const Answer &answer)
{
    op.io = 0;
    if (op.withBearer && answer.isAuthRejection() && !op.replayed &&
        op.options.replayOnAuthFailure && op.epoch == m_epoch && !m_refresh.isEmpty()) {
        // Rejected for authentication, so not run: replaying is safe, once.
        op.replayed = true;
        op.rejectedIo = io;
        op.rejectedError = answer.error;
        if (m_access != op.sentBearer)
            return dispatch(op); // another call refreshed meanwhile
        op.refreshedFirst = true;
        startFlight(op.id);
        return;
    }
    if (answer.error && scheduleCallRetry(op, answer))
        return;
    finishCall(op, answer, io);
}

bool SessionCore::scheduleCallRetry(Op &op, const Answer &answer)
{
    const CallOptions &o = op.options;
    const int budget = o.retries >= 0 ? o.retries : (o.getOrHead ? 2 : 0);
    if (op.attempt >= budget || !isRetryable(answer))
        return false;
    if (!o.idempotent && o.retries < 0)
        return false; // a call lost on the network may have run: never repeated unasked
    ++op.attempt;
    const qint64 delay =
            backoffMs(m_callRetryDelayMs, op.attempt, std::numeric_limits<qint64>::max() / 4,
                      answer.error.retryAfter());
    op.stage = Stage::Retrying;
    Command c {Command::ArmTimer};
    c.timer = op.id;
    c.dueMs = m_now + delay;
    push(std::move(c));
    return true;
}

void SessionCore::finishCall(Op &op, const Answer &answer, Id io)
{
    if (op.kind != OpKind::Validate)
        return settle(op.id, answer.error, io);
    if (!answer.error) {
        emitSignal(Signal::Validated);
        return settle(op.id, {}, io);
    }
    // Rejected (the store said the token is not accepted) or not answered: one failure.
    fail(op, answer.error, Signal::ValidateFailed, answer.error.kind() != Error::Cancelled, io);
}

void SessionCore::afterRefresh(Op &op, const Error &error)
{
    const std::optional<Signal> signal =
            op.kind == OpKind::Validate ? std::optional(Signal::ValidateFailed) : std::nullopt;
    if (error.kind() == Error::SessionExpired)
        return fail(op, error, signal, false); // reported once by endSession()
    if (op.epoch != m_epoch) {
        return fail(op,
                    Errors::cancelled(QStringLiteral(
                            "The session signed out before the call could be sent.")),
                    signal, false);
    }
    if (error && (m_refresh.isEmpty() || !hasValidAccessToken())) {
        if (op.rejectedIo && m_io.count(op.rejectedIo) == 0)
            return fail(op, op.rejectedError, signal, false, op.rejectedIo);
        return fail(op, error, signal, false);
    }
    op.stage = Stage::Start;
    dispatch(op);
}

// ---------------------------------------------------------------------------------------------
// events

void SessionCore::abort(Id id)
{
    const auto it = m_ops.find(id);
    if (it == m_ops.end())
        return;
    Op &op = it->second;
    const Error cancelled = Errors::cancelled();
    auto leaveFlight = [this, id] {
        if (m_flight) {
            auto &w = m_flight->waiters;
            w.erase(std::remove(w.begin(), w.end(), id), w.end());
        }
    };
    switch (op.kind) {
    case OpKind::Login:
        if (op.stage == Stage::Saving) {
            // The store issued a pair: forget it here and remove it from the store once the
            // write in flight has landed. (It expires on the store; nothing calls its logout.)
            if (auto io = m_io.find(op.io); io != m_io.end()) {
                io->second.op = 0;
                io->second.orphanLoginSave = true;
            }
            ++m_epoch;
            clearLocal();
        } else {
            cancelIo(op.io);
        }
        setStatus(Status::SignedOut);
        return fail(op, cancelled, Signal::LoginFailed, false);
    case OpKind::Restore:
        if (op.stage == Stage::WaitingRefresh && m_flight) {
            leaveFlight();
            if (m_flight->stage == FlightStage::Sending || m_flight->stage == FlightStage::Saving) {
                detachFlight(Fate::KeepSaved); // the rotated pair is still saved when it comes
            } else {
                Flight flight = std::move(*m_flight);
                m_flight.reset();
                cancelIo(flight.io);
                if (flight.lockHeld || flight.stage == FlightStage::Locking)
                    releaseLock();
                for (Id waiter : flight.waiters) {
                    if (auto w = m_ops.find(waiter); w != m_ops.end())
                        fail(w->second, cancelled, Signal::RefreshFailed, false);
                }
            }
            ++m_epoch;
            clearLocal();
        } else {
            cancelIo(op.io);
        }
        setStatus(Status::SignedOut);
        return fail(op, cancelled, Signal::RestoreFailed, false);
    case OpKind::Refresh:
        // The refresh itself goes on once started (its rotated pair must be saved); only this
        // caller stops waiting for it.
        leaveFlight();
        return fail(op, cancelled, {}, false);
    case OpKind::Validate:
    case OpKind::Call:
        if (op.stage == Stage::WaitingRefresh)
            leaveFlight();
        cancelIo(op.io);
        return fail(op, cancelled,
                    op.kind == OpKind::Validate ? std::optional(Signal::ValidateFailed)
                                                : std::nullopt,
                    false);
    case OpKind::RetryStorage:
        if (auto io = m_io.find(op.io); io != m_io.end())
            io->second.op = 0; // the write still lands: its result still counts
        return fail(op, cancelled, {}, false);
    case OpKind::Logout:
        if (std::find(m_logoutJoiners.begin(), m_logoutJoiners.end(), id) !=
            m_logoutJoiners.end()) {
            m_logoutJoiners.erase(std::remove(m_logoutJoiners.begin(), m_logoutJoiners.end(), id),
                                  m_logoutJoiners.end());
            return fail(op, cancelled, {}, false);
        }
        // Signed out here already; only telling the store stops.
        if (auto io = m_io.find(op.io); io != m_io.end() && io->second.kind != IoKind::Send)
            io->second.op = 0;
        else
            cancelIo(op.io);
        return finishLogout(op, cancelled);
    }
}

void SessionCore::answered(Id io, const Answer &answer)
{
    const auto it = m_io.find(io);
    if (it == m_io.end())
        return; // stale: cancelled, or its operation is over
    const Io entry = it->second;
    m_io.erase(it);
    if (!m_shutdown)
        noteAnswer(answer.error);
    if (entry.flight) {
        if (m_flight && m_flight->io == io)
            return flightAnswer(answer);
        if (m_detached && m_detached->io == io)
            return detachedAnswer(answer);
        return;
    }
    const auto op = m_ops.find(entry.op);
    if (op == m_ops.end())
        return;
    switch (op->second.kind) {
    case OpKind::Login:
        return onLoginAnswer(op->second, io, answer);
    case OpKind::Logout:
        return onLogoutAnswer(op->second, entry.route, answer);
    case OpKind::Validate:
    case OpKind::Call:
        return onCallAnswer(op->second, io, answer);
    default:
        return;
    }
}

void SessionCore::storageRead(Id io, const ReadResult &result)
{
    const auto it = m_io.find(io);
    if (it == m_io.end())
        return;
    const Io entry = it->second;
    m_io.erase(it);
    if (entry.flight) {
        if (m_flight && m_flight->io == io)
            flightRead(result);
        return;
    }
    const auto op = m_ops.find(entry.op);
    if (op != m_ops.end() && op->second.kind == OpKind::Restore)
        onRestoreRead(op->second, result);
}

void SessionCore::storageWritten(Id io, const Error &error)
{
    const auto it = m_io.find(io);
    if (it == m_io.end())
        return;
    const Io entry = it->second;
    m_io.erase(it);
    if (entry.flight) {
        if (m_flight && m_flight->io == io)
            return entry.kind == IoKind::Write && m_flight->stage == FlightStage::Marking
                    ? flightMarked(error)
                    : flightSaved(error);
        if (m_detached && m_detached->io == io) {
            const bool discard = m_detached->fate == Fate::Discard;
            m_detached->io = 0;
            if (m_detached->lockHeld)
                releaseLock();
            m_detached.reset();
            // Signed out while the rotated pair was being saved: it must not outlive the
            // sign-out in the store (the next start would sign the user back in).
            if (discard && !error)
                storage(Command::Remove, 0, false, {}, entry.pairRefresh);
        }
        return;
    }
    if (entry.orphanLoginSave) {
        if (!error)
            storage(Command::Remove, 0, false, {}, entry.pairRefresh);
        return;
    }
    const auto opIt = m_ops.find(entry.op);
    if (opIt == m_ops.end()) {
        if (entry.kind == IoKind::Write && entry.pairRefresh == m_refresh && !m_refresh.isEmpty())
            m_pendingSave = bool(error); // an aborted retryStorage(): its write still counts
        return;
    }
    Op &op = opIt->second;
    switch (op.kind) {
    case OpKind::Login:
        m_pendingSave = bool(error);
        setStatus(Status::SignedIn);
        m_retryAttempt = 0;
        m_retryPending = false;
        arm();
        if (error)
            report(error); // signed in, not saved: retryStorage() saves it later
        else
            setLastError({});
        emitSignal(Signal::LoggedIn);
        return settle(op.id, {});
    case OpKind::RetryStorage:
        m_pendingSave = bool(error);
        if (error)
            return fail(op, error, {}, true);
        if (m_lastError.kind() == Error::Storage)
            setLastError({});
        emitSignal(Signal::Saved);
        return settle(op.id, {});
    case OpKind::Logout:
        if (error)
            report(error);
        if (!op.everywhere)
            return finishLogout(op, {});
        return logoutTellStore(op);
    default:
        return;
    }
}

void SessionCore::timerFired(Id timer)
{
    if (timer == RefreshTimer)
        return onRefreshTimer();
    const auto it = m_ops.find(timer);
    if (it != m_ops.end() && it->second.stage == Stage::Retrying) {
        it->second.stage = Stage::Start;
        dispatch(it->second);
    }
}

void SessionCore::setNetworkReachable(bool reachable)
{
    if (reachable != m_waitingForNetwork)
        return;
    m_waitingForNetwork = !reachable;
    emitSignal(Signal::NetworkReachableChanged);
    if (m_waitingForNetwork) {
        Command disarm {Command::DisarmTimer};
        disarm.timer = RefreshTimer;
        push(std::move(disarm));
        setOffline(true);
        return;
    }
    if (m_refresh.isEmpty())
        return;
    // Refresh once on reconnect if a retry was pending or the token is due; else re-arm.
    if (m_retryPending || !hasValidAccessToken()) {
        m_retryPending = true;
        onRefreshTimer();
    } else {
        arm();
    }
}

void SessionCore::clockJumped()
{
    // Woke from sleep, or the clock moved: an overdue refresh runs now.
    if (m_flight || m_refresh.isEmpty() || m_status != Status::SignedIn)
        return;
    if (m_retryPending) {
        Command c {Command::ArmTimer};
        c.timer = RefreshTimer;
        c.dueMs = m_nextRefreshMs;
        push(std::move(c));
    } else {
        arm();
    }
}

void SessionCore::shutdown()
{
    m_shutdown = true;
    ++m_epoch;
    const Error destroyed = Errors::cancelled(QStringLiteral("The session was destroyed."));
    std::vector<Id> ids;
    for (const auto &[id, op] : m_ops)
        ids.push_back(id);
    for (Id id : ids) {
        const auto it = m_ops.find(id);
        if (it == m_ops.end())
            continue;
        cancelIo(it->second.io);
        settle(id, destroyed);
    }
    if (m_flight) {
        cancelIo(m_flight->io);
        m_flight.reset();
    }
    if (m_detached) {
        cancelIo(m_detached->io);
        m_detached.reset();
    }
    if (m_lockHeld || m_lockQueued) {
        push(Command {Command::ReleaseLock});
        m_lockHeld = false;
        m_lockQueued = false;
    }
    Command disarm {Command::DisarmTimer};
    disarm.timer = RefreshTimer;
    push(std::move(disarm));
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

// ---------------------------------------------------------------------------------------------
// the refresh flight: single flight in the process, the lock across processes, a marker

void SessionCore::startFlight(Id waiter)
{
    if (m_flight) {
        if (waiter)
            wait(waiter);
        return;
    }
    m_flight.emplace();
    if (waiter)
        wait(waiter);
    setStatus(Status::Refreshing);
    Command disarm {Command::DisarmTimer};
    disarm.timer = RefreshTimer;
    push(std::move(disarm));
    if (m_lockHeld) {
        m_lockQueued = true; // a detached flight still holds it: taken when it lets go
        return;
    }
    Command take {Command::TakeLock};
    take.timeoutMs = m_requestTimeoutMs;
    push(std::move(take));
}

void SessionCore::wait(Id waiter)
{
    const auto it = m_ops.find(waiter);
    if (it == m_ops.end() || !m_flight)
        return;
    it->second.stage = Stage::WaitingRefresh;
    m_flight->waiters.push_back(waiter);
}

void SessionCore::lockResult(bool acquired)
{
    if (!m_flight || m_flight->stage != FlightStage::Locking || m_lockQueued) {
        if (acquired && !m_lockHeld)
            push(Command {Command::ReleaseLock}); // nobody wants it any more
        return;
    }
    if (acquired) {
        m_lockHeld = true;
        m_flight->lockHeld = true;
    } else {
        m_flight->lockRefused = true;
    }
    // Read the store again: another process may have rotated the pair while we waited.
    m_flight->stage = FlightStage::Reading;
    m_flight->io = storage(Command::Read, 0, true);
}

bool SessionCore::shouldAdopt(const StoredSession &saved) const
{
    if (m_pendingSave)
        return false; // ours is newer: the saved pair was spent by the refresh we could not save
    return !saved.refreshPending && saved.refreshToken != m_refresh &&
            Jwt::decode(saved.accessToken).isValid() &&
            (m_user.id().isEmpty() || saved.user.id() == m_user.id());
}

void SessionCore::flightRead(const ReadResult &result)
{
    m_flight->io = 0;
    if (!result.error && result.found) {
        const auto saved = StoredSession::fromJson(result.value, nullptr);
        if (saved && shouldAdopt(*saved)) {
            adoptStored(*saved);
            m_recoveringInterrupted = false;
            m_answerLost = false;
            releaseLock();
            setStatus(Status::SignedIn);
            m_retryAttempt = 0;
            m_retryPending = false;
            return endFlight({});
        }
    }
    if (m_flight->lockRefused) {
        // Another process holds the lock (or it cannot be taken): spending the refresh token
        // now could race it. Keep the session, try again later.
        const Error busy(Error::Storage,
                         QStringLiteral("Another process of this app is refreshing the session "
                                        "(the refresh lock could not be taken); trying again "
                                        "later."),
                         QStringLiteral("cocart_refresh_lock_busy"));
        setStatus(Status::SignedIn);
        scheduleRefreshRetry(busy, false);
        return endFlight(busy);
    }
    // Mark the refresh as on the wire, in the same single item: if this process dies before
    // the new pair is saved, the next start knows the saved refresh token may be spent.
    StoredSession marked = toStored();
    marked.refreshPending = true;
    m_flight->stage = FlightStage::Marking;
    m_flight->io = storage(Command::Write, 0, true, marked);
}

void SessionCore::flightMarked(const Error &error)
{
    m_flight->io = 0;
    // The refresh goes on; the failure matters only if its answer is lost (then the saved
    // session does not say that its refresh token may be spent): reported then.
    m_flight->markError = error;
    flightSend();
}

void SessionCore::flightSend()
{
    // No Authorization header: an expired Bearer would make the refresh itself fail (403).
    m_flight->stage = FlightStage::Sending;
    m_flight->sentRefresh = m_refresh;
    m_flight->io = send(0, Route::Refresh, {}, refreshBody(m_refresh), -1, true);
}

void SessionCore::flightAnswer(const Answer &answer)
{
    m_flight->io = 0;
    if (!answer.error) {
        const QJsonObject object = answer.json.toObject();
        const Error error =
                adoptTokens(object.value(QLatin1String("token")).toString().toLatin1(),
                            object.value(QLatin1String("refresh_token")).toString().toLatin1());
        if (error) {
            releaseLock();
            setStatus(Status::SignedIn);
            scheduleRefreshRetry(error, false);
            return endFlight(error);
        }
        m_recoveringInterrupted = false;
        m_answerLost = false;
        m_retryAttempt = 0;
        m_retryPending = false;
        // The old pair is dead now: save the new one (one write, marker cleared) before
        // anything uses it, then let other processes in.
        m_flight->stage = FlightStage::Saving;
        m_flight->io = storage(Command::Write, 0, true, toStored());
        return;
    }
    if (answer.isAuthRejection()) {
        // The store itself rejected the refresh token: this, and only this, ends a session.
        const QString said = answer.error.message();
        const QByteArray rejected = m_flight->sentRefresh;
        releaseLock();
        Error reason;
        if (m_recoveringInterrupted) {
            reason = Error(Error::SessionExpired,
                           QStringLiteral("A token refresh was interrupted before its result was "
                                          "saved, so the saved session can no longer be used: "
                                          "please sign in again (the store said: %1)")
                                   .arg(said),
                           QStringLiteral("cocart_refresh_interrupted"), answer.httpStatus);
        } else if (m_answerLost) {
            reason = Error(Error::SessionExpired,
                           QStringLiteral("The store's answer to a token refresh was lost on the "
                                          "network, so the session could not be kept: please "
                                          "sign in again (the store said: %1)")
                                   .arg(said),
                           QStringLiteral("cocart_refresh_answer_lost"), answer.httpStatus);
        } else {
            reason = Error(Error::SessionExpired,
                           QStringLiteral("Your session has expired: please sign in again (the "
                                          "store said: %1)")
                                   .arg(said),
                           answer.error.code(), answer.httpStatus);
        }
        return endSession(reason, rejected);
    }
    // Offline, a timeout, a 5xx, an HTML page: the session stays. An answer lost after the
    // request was sent (a timeout, a body cut short) may have rotated the pair on the store: the
    // marker stays saved, the old pair keeps serving, and the retry tells. If the store rotated
    // (which also ends the old access token, transcripts 22-23), the retry is rejected and the
    // session ends saying that an answer was lost (cocart_refresh_answer_lost).
    const bool lost = answer.error.kind() == Error::Timeout ||
            (answer.httpStatus >= 200 && answer.httpStatus < 300);
    if (lost)
        m_answerLost = true;
    const Error markError = m_flight->markError;
    releaseLock();
    setStatus(Status::SignedIn);
    scheduleRefreshRetry(answer.error, lost);
    endFlight(answer.error);
    if (lost && markError)
        report(markError);
}

void SessionCore::flightSaved(const Error &error)
{
    m_flight->io = 0;
    m_pendingSave = bool(error);
    releaseLock();
    setStatus(Status::SignedIn);
    if (error)
        report(error); // the new pair lives in memory; retryStorage() or the next save saves it
    endFlight({});
}

void SessionCore::endFlight(const Error &error)
{
    Flight flight = std::move(*m_flight);
    m_flight.reset();
    bool publicWaiter = false;
    for (Id waiter : flight.waiters) {
        const auto it = m_ops.find(waiter);
        publicWaiter = publicWaiter || (it != m_ops.end() && it->second.kind == OpKind::Refresh);
    }
    // One refresh, one outcome signal, whoever started it (a call, the timer, refresh()).
    if (!error)
        emitSignal(Signal::Refreshed);
    else if (error.kind() != Error::Cancelled || publicWaiter)
        emitSignal(Signal::RefreshFailed, error);
    if (error && error.kind() != Error::Cancelled && error.kind() != Error::SessionExpired)
        report(error); // (SessionExpired was reported by endSession())
    if (!error)
        arm();
    for (Id waiter : flight.waiters) {
        const auto it = m_ops.find(waiter);
        if (it == m_ops.end())
            continue;
        Op &op = it->second;
        switch (op.kind) {
        case OpKind::Refresh:
            settle(op.id, error);
            break;
        case OpKind::Restore:
            if (!error) {
                setLastError({});
                emitSignal(Signal::Restored);
                settle(op.id, {});
            } else if (error.kind() == Error::SessionExpired || error.kind() == Error::Cancelled ||
                       m_refresh.isEmpty()) {
                fail(op, error, Signal::RestoreFailed, false);
            } else {
                // Offline or a server hiccup: the session is kept (SignedIn), refreshed later.
                emitSignal(Signal::Restored);
                settle(op.id, {});
            }
            break;
        case OpKind::Validate:
        case OpKind::Call:
            afterRefresh(op, error);
            break;
        default:
            break;
        }
    }
}

void SessionCore::endSession(const Error &reason, const QByteArray &rejectedRefresh)
{
    ++m_epoch;
    clearLocal();
    // Compare-and-delete: another process may have saved a newer pair meanwhile.
    storage(Command::Remove, 0, false, {}, rejectedRefresh);
    setStatus(Status::SignedOut);
    // Whoever started the refresh (a call, the timer, a Cart), the app hears it once here.
    report(reason);
    endFlight(reason);
}

void SessionCore::releaseLock()
{
    if (m_flight && m_flight->stage == FlightStage::Locking && !m_flight->lockHeld &&
        !m_lockQueued) {
        // Waiting for it: stop waiting.
        push(Command {Command::ReleaseLock});
        return;
    }
    if (!m_lockHeld)
        return;
    m_lockHeld = false;
    if (m_flight)
        m_flight->lockHeld = false;
    if (m_detached)
        m_detached->lockHeld = false;
    push(Command {Command::ReleaseLock});
    if (m_lockQueued && m_flight && m_flight->stage == FlightStage::Locking) {
        m_lockQueued = false;
        Command take {Command::TakeLock};
        take.timeoutMs = m_requestTimeoutMs;
        push(std::move(take));
    }
}

void SessionCore::detachFlight(Fate fate)
{
    // The local session is over while the store answers this refresh: the flight finishes its
    // duty (save the rotated pair, or not; let the lock go) without touching the session.
    Flight flight = std::move(*m_flight);
    m_flight.reset();
    const Error signedOut = Errors::cancelled(QStringLiteral("Signed out."));
    for (Id waiter : flight.waiters) {
        const auto it = m_ops.find(waiter);
        if (it == m_ops.end())
            continue;
        if (it->second.kind == OpKind::Refresh)
            fail(it->second, signedOut, Signal::RefreshFailed, false);
        else
            it->second.stage = Stage::Start; // ended by the caller (logout, abort)
    }
    if (m_detached) {
        // One detached flight at most is useful; an older one is dropped with its lock.
        cancelIo(m_detached->io);
        if (m_detached->lockHeld)
            releaseLock();
    }
    m_detached.emplace();
    m_detached->fate = fate;
    m_detached->io = flight.io;
    m_detached->stage = flight.stage;
    m_detached->lockHeld = flight.lockHeld;
    m_detached->sentRefresh = flight.sentRefresh;
    m_detached->saved = toStored();
}

void SessionCore::detachedAnswer(const Answer &answer)
{
    DetachedFlight &d = *m_detached;
    d.io = 0;
    const QByteArray fresh =
            answer.json.toObject().value(QLatin1String("token")).toString().toLatin1();
    const QByteArray freshRefresh =
            answer.json.toObject().value(QLatin1String("refresh_token")).toString().toLatin1();
    const Id logoutWaiter = d.logoutWaiter;
    if (d.fate == Fate::KeepSaved && !answer.error && !fresh.isEmpty() && !freshRefresh.isEmpty()) {
        // The store rotated the pair of a restore that was aborted: save it so the next
        // restore finds a pair that works, then let the lock go.
        StoredSession stored = d.saved;
        stored.accessToken = fresh;
        stored.refreshToken = freshRefresh;
        stored.refreshPending = false;
        d.io = storage(Command::Write, 0, true, stored);
        return;
    }
    if (d.fate == Fate::KeepSaved && answer.isAuthRejection())
        storage(Command::Remove, 0, false, {}, d.sentRefresh);
    if (d.lockHeld)
        releaseLock();
    m_detached.reset();
    if (logoutWaiter) {
        const auto it = m_ops.find(logoutWaiter);
        if (it == m_ops.end())
            return;
        if (answer.error || fresh.isEmpty())
            return finishLogout(it->second, answer.error);
        it->second.logoutAccess = fresh;
        it->second.logoutRefresh.clear();
        logoutTellStore(it->second);
    }
}

// ---------------------------------------------------------------------------------------------
// the refresh timer

qint64 SessionCore::refreshDueLocalMs() const
{
    return m_accessExpMs - leadMs() - m_clockOffsetMs;
}

void SessionCore::arm()
{
    Command disarm {Command::DisarmTimer};
    disarm.timer = RefreshTimer;
    if (!m_autoRefresh || m_refresh.isEmpty() || m_accessExpMs == 0 || m_retryPending || m_flight) {
        if (!m_retryPending) {
            setNextRefresh(0);
            push(std::move(disarm));
        }
        return;
    }
    if (m_arrivedInsideLead) {
        // Fresh from the store and already due: refresh only when really needed (a call
        // refreshes an expired token), never in a loop.
        setNextRefresh(0);
        push(std::move(disarm));
        return;
    }
    const qint64 due = refreshDueLocalMs();
    setNextRefresh(due);
    Command c {Command::ArmTimer};
    c.timer = RefreshTimer;
    c.dueMs = due;
    push(std::move(c));
}

void SessionCore::scheduleRefreshRetry(const Error &error, bool answerLost)
{
    if (m_refresh.isEmpty())
        return;
    ++m_retryAttempt;
    const qint64 delay =
            backoffMs(m_retryMinimumMs, m_retryAttempt, m_retryMaximumMs, error.retryAfter());
    Q_UNUSED(answerLost) // retried the same way: the retry is what tells whether it rotated
    const qint64 due = m_now + delay;
    m_retryPending = true;
    setNextRefresh(due);
    if (m_waitingForNetwork)
        return; // resumed when the network comes back
    Command c {Command::ArmTimer};
    c.timer = RefreshTimer;
    c.dueMs = due;
    push(std::move(c));
}

void SessionCore::onRefreshTimer()
{
    if (m_refresh.isEmpty() || m_flight || m_waitingForNetwork || m_status != Status::SignedIn)
        return;
    if (!m_retryPending && !m_arrivedInsideLead && m_now < refreshDueLocalMs()) {
        arm(); // woke early (a capped interval, or the clock moved back)
        return;
    }
    if (m_retryPending && m_now < m_nextRefreshMs) {
        Command c {Command::ArmTimer};
        c.timer = RefreshTimer;
        c.dueMs = m_nextRefreshMs;
        push(std::move(c));
        return;
    }
    m_retryPending = false;
    startFlight(0);
}

// ---------------------------------------------------------------------------------------------
// the state, for the exploration test

QByteArray SessionCore::fingerprint() const
{
    QByteArray f;
    auto add = [&f](const auto &...values) {
        ((f += QByteArray::number(qint64(values)) + ','), ...);
    };
    f += m_access + '|' + m_refresh + '|' + m_user.id().toUtf8() + '|' +
            m_lastError.code().toUtf8() + '|';
    add(int(m_status), m_busy, m_validates, m_epoch, m_accessExpMs, m_accessIatMs, m_clockOffsetMs,
        m_arrivedInsideLead, m_pendingSave, m_recoveringInterrupted, m_answerLost, m_offline,
        m_waitingForNetwork, m_retryPending, m_retryAttempt, m_nextRefreshMs, m_lockHeld,
        m_shutdown, m_lockQueued, m_logoutOp, m_lastId, int(m_lastError.kind()));
    for (const auto &[id, op] : m_ops) {
        f += "op";
        add(id, int(op.kind), int(op.stage), op.epoch, op.io, op.decided, op.withBearer,
            op.replayed, op.refreshedFirst, op.attempt, op.rejectedIo, op.everywhere);
        f += op.sentBearer + '|' + op.logoutAccess + '|' + op.logoutRefresh + '|';
    }
    for (const auto &[id, io] : m_io) {
        f += "io";
        add(id, int(io.kind), io.op, io.flight, io.orphanLoginSave, int(io.route));
        f += io.pairRefresh + '|';
    }
    if (m_flight) {
        f += "flight";
        add(int(m_flight->stage), int(m_flight->fate), m_flight->io, m_flight->lockHeld,
            m_flight->lockRefused, int(m_flight->markError.kind()));
        f += m_flight->sentRefresh + '|';
        for (Id w : m_flight->waiters)
            add(w);
    }
    if (m_detached) {
        f += "detached";
        add(int(m_detached->fate), int(m_detached->stage), m_detached->io, m_detached->lockHeld,
            m_detached->logoutWaiter);
        f += m_detached->sentRefresh + '|';
    }
    for (Id j : m_logoutJoiners)
        add(j);
    return f;
}

} // namespace CoCart::Core
