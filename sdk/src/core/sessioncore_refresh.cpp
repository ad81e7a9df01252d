// SessionCore: the refresh. One flight in the process, the lock across processes, a marker for
// a refresh whose answer may be lost, and the timer.

#include "sessioncore_detail_p.h"

#include <CoCart/Jwt.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace CoCart::Core {

using detail::backoffMs;
using detail::CallScope;
using detail::isRetryable;
using detail::refreshBody;

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

} // namespace CoCart::Core
