#include "dispatcher_p.h"

#include "../logging_p.h"
#include "../session_p.h"
#include "reply_p.h"

#include <QNetworkReply>
#include <QTimer>

#include <algorithm>

namespace CoCart {

namespace {

Error signedOutError()
{
    return Error(Error::Cancelled,
                 QStringLiteral("The session signed out before the call could be sent."),
                 QStringLiteral("cancelled"));
}

bool isRetryable(const ApiResponse &response)
{
    const Error &error = response.error;
    switch (error.kind()) {
    case Error::Tls: // a certificate or pin refused: never send the request (and its token) again
        return false;
    case Error::Network:
        return true;
    case Error::RateLimited:
        return error.retryAfter() < 0 || error.retryAfter() <= 30;
    case Error::Server:
        return response.httpStatus == 502 || response.httpStatus == 503 ||
                response.httpStatus == 504;
    default:
        return false;
    }
}

} // namespace

struct Dispatcher::Call
{
    Request request;
    QPointer<Reply> reply;
    quint64 generation = 0; //!< the session generation whose Bearer this call may carry
    bool withBearer = false; //!< decided at the first dispatch, never changed after
    bool decided = false;
    bool replayed = false;
    bool refreshedFirst = false;
    bool done = false;
    int attempt = 0;
    QPointer<QNetworkReply> wire;
    QPointer<QTimer> retryTimer;
};

Dispatcher::Dispatcher(SessionPrivate *core, Transport *transport, QObject *parent)
    : QObject(parent), m_core(core), m_transport(transport)
{ }

Dispatcher::~Dispatcher() = default;

Reply *Dispatcher::send(const Request &request, QObject *replyParent)
{
    Reply *reply = ReplyPrivate::create(replyParent);
    auto call = std::make_shared<Call>();
    call->request = request;
    call->reply = reply;
    call->generation = m_core->generation;
    std::weak_ptr<Call> weak = call;
    ReplyPrivate::get(reply)->onAbort = [this, weak] {
        if (const CallPtr c = weak.lock()) {
            stop(c);
            forget(c);
        }
    };
    if (const Error config = m_core->checkConfiguration()) {
        ReplyPrivate::get(reply)->failLater(config);
        return reply;
    }
    m_calls.push_back(call);
    dispatch(call);
    return reply;
}

void Dispatcher::dispatch(const CallPtr &call)
{
    if (call->done)
        return;
    if (!call->decided) {
        call->decided = true;
        call->withBearer = call->request.authentication() == Request::Authentication::IfSignedIn &&
                !m_core->refreshToken.isEmpty();
    }
    if (!call->withBearer)
        return sendNow(call, {});
    if (call->generation != m_core->generation || m_core->refreshToken.isEmpty())
        return fail(call, signedOutError());
    if (m_core->refreshInFlight)
        return m_core->refreshTokens(afterRefresh(call, {}));
    if (!m_core->accessTokenValid() && !call->refreshedFirst) {
        call->refreshedFirst = true; // at most one refresh per call: no loops
        return m_core->refreshTokens(afterRefresh(call, {}));
    }
    sendNow(call, m_core->accessToken);
}

std::function<void(const Error &)> Dispatcher::afterRefresh(const CallPtr &call,
                                                            const ApiResponse &rejected)
{
    std::weak_ptr<Call> weak = call;
    return [this, weak, rejected](const Error &error) {
        const CallPtr c = weak.lock();
        if (!c || c->done)
            return;
        if (error.kind() == Error::SessionExpired)
            return fail(c, error); // the refresh this call waited for ended the session
        if (c->generation != m_core->generation)
            return fail(c, signedOutError()); // signed out meanwhile: never sent, never replayed
        if (error &&
            (error.kind() == Error::SessionExpired || m_core->refreshToken.isEmpty() ||
             !m_core->accessTokenValid())) {
            if (rejected.httpStatus && error.kind() != Error::SessionExpired)
                return fail(c, rejected.error, rejected);
            return fail(c, error);
        }
        dispatch(c);
    };
}

void Dispatcher::sendNow(const CallPtr &call, const QByteArray &bearer)
{
    ApiRequest request;
    request.method = call->request.method();
    request.path = call->request.path();
    request.query = call->request.query();
    request.body = call->request.body();
    request.contentType = call->request.contentType();
    request.headers = call->request.headers();
    request.timeoutMs = call->request.timeoutMs();
    if (!bearer.isEmpty())
        request.authorization = "Bearer " + bearer;
    std::weak_ptr<Call> weak = call;
    call->wire = m_transport->send(request, this, [this, weak, bearer](const ApiResponse &r) {
        if (const CallPtr c = weak.lock())
            onAnswer(c, r, bearer);
    });
}

void Dispatcher::onAnswer(const CallPtr &call, const ApiResponse &response,
                          const QByteArray &sentToken)
{
    if (call->done)
        return;
    call->wire = nullptr;
    m_core->noteResponse(response.error);
    if (call->withBearer && response.bearerSent && response.isAuthenticationFailure() &&
        !call->replayed && call->request.replayOnAuthFailure() &&
        call->generation == m_core->generation && !m_core->refreshToken.isEmpty()) {
        // Rejected for authentication, so not run: replaying is safe, once.
        call->replayed = true;
        if (m_core->accessToken != sentToken)
            return dispatch(call); // another call refreshed meanwhile
        call->refreshedFirst = true;
        return m_core->refreshTokens(afterRefresh(call, response));
    }
    if (response.error && scheduleRetry(call, response))
        return;
    complete(call, response);
}

bool Dispatcher::scheduleRetry(const CallPtr &call, const ApiResponse &response)
{
    const int budget = call->request.retries() >= 0
            ? call->request.retries()
            : ((call->request.method() == "GET" || call->request.method() == "HEAD") ? 2 : 0);
    if (call->attempt >= budget || !isRetryable(response))
        return false;
    if (!call->request.isIdempotent() && call->request.retries() < 0)
        return false;
    ++call->attempt;
    qint64 delay = qint64(m_retryDelayMs) << (call->attempt - 1);
    if (response.error.retryAfter() >= 0)
        delay = qMax<qint64>(delay, qint64(response.error.retryAfter()) * 1000);
    qCInfo(lcTransport).noquote() << call->request.method() << call->request.path() << "failed ("
                                  << response.error.kindName() << "); retry" << call->attempt
                                  << "in" << delay << "ms";
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    call->retryTimer = timer;
    std::weak_ptr<Call> weak = call;
    connect(timer, &QTimer::timeout, this, [this, weak, timer] {
        timer->deleteLater();
        if (const CallPtr c = weak.lock())
            dispatch(c);
    });
    timer->start(int(delay));
    return true;
}

void Dispatcher::complete(const CallPtr &call, const ApiResponse &response)
{
    if (response.error)
        return fail(call, response.error, response);
    call->done = true;
    forget(call);
    if (call->reply)
        ReplyPrivate::get(call->reply)->finish(response);
}

void Dispatcher::fail(const CallPtr &call, const Error &error, const ApiResponse &response)
{
    stop(call);
    forget(call);
    if (call->reply)
        ReplyPrivate::get(call->reply)->fail(error, response);
}

void Dispatcher::stop(const CallPtr &call)
{
    call->done = true;
    if (call->retryTimer)
        call->retryTimer->deleteLater();
    if (QNetworkReply *wire = call->wire) {
        call->wire = nullptr;
        wire->disconnect(this);
        wire->abort();
        wire->deleteLater();
    }
}

void Dispatcher::forget(const CallPtr &call)
{
    m_calls.erase(std::remove(m_calls.begin(), m_calls.end(), call), m_calls.end());
}

void Dispatcher::abortAll(const Error &error)
{
    const std::vector<CallPtr> calls = m_calls;
    for (const CallPtr &call : calls)
        fail(call, error);
}

} // namespace CoCart
