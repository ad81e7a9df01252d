// SessionCore: the calls to the store (call(), validate()): dispatch, replay once after a
// refresh, retry with backoff.

#include "sessioncore_detail_p.h"

#include <limits>

namespace CoCart::Core {

using detail::backoffMs;
using detail::CallScope;
using detail::isRetryable;

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

} // namespace CoCart::Core
