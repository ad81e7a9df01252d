// SessionCore: the session protocol, sans I/O (see sessioncore_p.h). This file holds its state
// and plumbing (operations, commands, status), the events fed back by the shell and the
// fingerprint the exploration test compares. The public calls and what follows from them are
// split by job: sessioncore_signin.cpp, sessioncore_calls.cpp, sessioncore_refresh.cpp.

#include "sessioncore_detail_p.h"

#include "nostore_p.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace CoCart::Core {

namespace detail {

QByteArray refreshBody(const QByteArray &refreshToken)
{
    return QJsonDocument(QJsonObject {{QLatin1String("refresh_token"),
                                       QString::fromLatin1(refreshToken)}})
            .toJson(QJsonDocument::Compact);
}

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

} // namespace detail

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
