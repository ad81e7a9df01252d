#include "reply_p.h"

#include <QJSEngine>
#include <QPointer>
#include <QPromise>
#include <QThread>
#include <QTimer>

namespace CoCart {

class RequestData : public QSharedData
{
public:
    QByteArray method = "GET";
    QString path;
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;
    QList<QPair<QByteArray, QByteArray>> headers;
    Request::Authentication authentication = Request::Authentication::IfSignedIn;
    bool replayOnAuthFailure = true;
    int timeoutMs = -1;
    int retries = -1;
};

namespace {

const QSharedDataPointer<RequestData> &sharedDefaultRequest()
{
    static const QSharedDataPointer<RequestData> plainGet(new RequestData);
    return plainGet;
}

} // namespace

Request::Request() : d(sharedDefaultRequest()) { }
Request::Request(const Request &other) = default;
Request::Request(Request &&other) noexcept = default;
Request &Request::operator=(const Request &other) = default;
Request &Request::operator=(Request &&other) noexcept = default;
Request::~Request() = default;

QByteArray Request::method() const
{
    return d->method;
}

Request &Request::setMethod(const QByteArray &method)
{
    d->method = method;
    return *this;
}

QString Request::path() const
{
    return d->path;
}

Request &Request::setPath(const QString &path)
{
    d->path = path;
    return *this;
}

QUrlQuery Request::query() const
{
    return d->query;
}

Request &Request::setQuery(const QUrlQuery &query)
{
    d->query = query;
    return *this;
}

QByteArray Request::body() const
{
    return d->body;
}

Request &Request::setBody(const QByteArray &body)
{
    d->body = body;
    return *this;
}

QByteArray Request::contentType() const
{
    return d->contentType;
}

Request &Request::setContentType(const QByteArray &contentType)
{
    d->contentType = contentType;
    return *this;
}

QList<QPair<QByteArray, QByteArray>> Request::headers() const
{
    return d->headers;
}

Request &Request::setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    d->headers = headers;
    return *this;
}

Request::Authentication Request::authentication() const
{
    return d->authentication;
}

Request &Request::setAuthentication(Authentication authentication)
{
    d->authentication = authentication;
    return *this;
}

bool Request::replayOnAuthFailure() const
{
    return d->replayOnAuthFailure;
}

Request &Request::setReplayOnAuthFailure(bool replay)
{
    d->replayOnAuthFailure = replay;
    return *this;
}

int Request::timeoutMs() const
{
    return d->timeoutMs;
}

Request &Request::setTimeoutMs(int timeoutMs)
{
    d->timeoutMs = timeoutMs;
    return *this;
}

int Request::retries() const
{
    return d->retries;
}

Request &Request::setRetries(int retries)
{
    d->retries = retries;
    return *this;
}

Request &Request::addQueryItem(const QString &key, const QString &value)
{
    d->query.addQueryItem(key, value);
    return *this;
}

Request &Request::addHeader(const QByteArray &name, const QByteArray &value)
{
    d->headers.append({name, value});
    return *this;
}

Request Request::json(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    Request request;
    RequestData &r = *request.d;
    r.method = method;
    r.path = path;
    if (body.isObject())
        r.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        r.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (!body.isUndefined() && !body.isNull())
        r.body = QJsonDocument(QJsonArray {body}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    r.contentType = "application/json";
    return request;
}

bool Request::isIdempotent() const
{
    const QByteArray &method = d->method;
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" ||
            method == "DELETE";
}

Reply *ReplyPrivate::create(QObject *parent)
{
    return new Reply(parent);
}

bool ReplyPrivate::settle(const ApiResponse &answer, const Error &why)
{
    if (!running)
        return false;
    running = false;
    onAbort = nullptr;
    response = answer;
    error = why;
    Q_EMIT q->runningChanged();
    if (error)
        Q_EMIT q->errorOccurred(error);
    Q_EMIT q->finished();
    // Valid until the finished() handlers have returned: deleted from the event loop.
    scheduleDelete();
    return true;
}

void ReplyPrivate::scheduleDelete()
{
    if (!autoDelete || deleteScheduled || running || isHeld())
        return;
    deleteScheduled = true; // Qt 6.4 posts an event for every deleteLater() call
    q->deleteLater();
}

bool ReplyPrivate::isHeld() const
{
    QMutexLocker lock(&life->mutex);
    return life->holds > 0;
}

std::shared_ptr<Reply> ReplyPrivate::hold()
{
    {
        QMutexLocker lock(&life->mutex);
        life->reply = q;
        ++life->holds;
    }
    return std::shared_ptr<Reply>(q, [life = life](Reply *) {
        QMutexLocker lock(&life->mutex);
        if (--life->holds > 0 || !life->reply)
            return;
        Reply *reply = life->reply;
        if (reply->thread() == QThread::currentThread()) {
            // The usual case: the callback ran in the Reply's thread, which is here.
            lock.unlock();
            ReplyPrivate::get(reply)->scheduleDelete();
            return;
        }
        // In another thread: the Reply's own thread decides about deleting it.
        QMetaObject::invokeMethod(
                reply, [reply] { ReplyPrivate::get(reply)->scheduleDelete(); },
                Qt::QueuedConnection);
    });
}

bool ReplyPrivate::finish(const ApiResponse &answer)
{
    return settle(answer, {});
}

bool ReplyPrivate::fail(const Error &why, const ApiResponse &answer)
{
    return settle(answer, why);
}

void ReplyPrivate::finishLater(const ApiResponse &answer)
{
    QTimer::singleShot(0, q, [this, answer] { finish(answer); });
}

void ReplyPrivate::failLater(const Error &why)
{
    QTimer::singleShot(0, q, [this, why] { fail(why); });
}

void ReplyPrivate::settleLike(Reply *other)
{
    ReplyPrivate *o = get(other);
    if (o->error)
        fail(o->error, o->response);
    else
        finish(o->response);
}

Reply::Reply(QObject *parent) : QObject(parent), d(std::make_unique<ReplyPrivate>(this)) { }

Reply::~Reply()
{
    QMutexLocker lock(&d->life->mutex);
    d->life->reply = nullptr; // a hold released from now on has nothing to delete
}

bool Reply::isRunning() const
{
    return d->running;
}

int Reply::httpStatus() const
{
    return d->response.httpStatus;
}

QJsonValue Reply::json() const
{
    return d->response.json;
}

QByteArray Reply::header(const QByteArray &name) const
{
    return d->response.header(name);
}

QList<QPair<QByteArray, QByteArray>> Reply::headers() const
{
    return d->response.headers;
}

Error Reply::error() const
{
    return d->error;
}

bool Reply::autoDelete() const
{
    return d->autoDelete;
}

void Reply::setAutoDelete(bool autoDelete)
{
    if (d->autoDelete == autoDelete)
        return;
    d->autoDelete = autoDelete;
    Q_EMIT autoDeleteChanged();
    if (autoDelete && !d->running)
        d->scheduleDelete();
}

bool Reply::isSuccess() const
{
    return !d->running && !d->error;
}

void Reply::abort()
{
    if (!d->running)
        return;
    if (auto stop = std::move(d->onAbort))
        stop();
    d->fail(Error::cancelled());
}

namespace {

/*!
    A then() callback on its connection to finished(). Qt drops a connection when its context is
    destroyed; dropped without having run while the call still runs, the callback's context went
    away and nobody wants the answer any more, so the call is stopped (one connection per then(),
    no second one to the context's `destroyed`). Also dropped when the Reply itself goes (its
    Life no longer names it then: nothing to stop) or, queued, when the context went after the
    outcome (abort() does nothing then).
*/
class ThenSlot
{
public:
    ThenSlot(std::shared_ptr<Reply> alive, std::shared_ptr<ReplyPrivate::Life> life,
             std::function<void(Reply &)> callback)
        : m_alive(std::move(alive)), m_life(std::move(life)), m_callback(std::move(callback))
    { }
    ThenSlot(ThenSlot &&other) noexcept = default; // the moved-from one has no Life: inert
    ThenSlot(const ThenSlot &) = delete;
    ThenSlot &operator=(const ThenSlot &) = delete;
    ThenSlot &operator=(ThenSlot &&) = delete;
    ~ThenSlot()
    {
        if (m_life && !m_ran)
            abandon();
    }

    void operator()()
    {
        m_ran = true;
        m_callback(*m_alive);
    }

private:
    void abandon()
    {
        QMutexLocker lock(&m_life->mutex);
        Reply *reply = m_life->reply; // null once the Reply is being destroyed
        if (!reply)
            return;
        if (reply->thread() != QThread::currentThread()) {
            // Posted under the lock: the Reply cannot be destroyed before the post.
            QMetaObject::invokeMethod(
                    reply, [reply] { reply->abort(); }, Qt::QueuedConnection);
            return;
        }
        lock.unlock();
        // The hold (m_alive) is released after this: the Reply outlives its outcome's handlers.
        reply->abort();
    }

    std::shared_ptr<Reply> m_alive;
    std::shared_ptr<ReplyPrivate::Life> m_life;
    std::function<void(Reply &)> m_callback;
    bool m_ran = false;
};

} // namespace

void Reply::thenImpl(const QObject *context, std::function<void(Reply &)> callback)
{
    if (!context) {
        qWarning("CoCart::Reply::then: refusing a null context: the callback would never run. "
                 "Pass the object whose thread and lifetime the callback belongs to.");
        return;
    }
    // The callback runs in the context's thread, maybe after this Reply would have deleted
    // itself: a hold keeps it alive until the callback ran (or was dropped with its context).
    std::shared_ptr<Reply> alive = d->hold();
    if (!d->running) {
        // Already ended: still answer from the event loop, never inside this call.
        QMetaObject::invokeMethod(
                const_cast<QObject *>(context),
                [alive, callback = std::move(callback)] { callback(*alive); },
                Qt::QueuedConnection);
        return;
    }
    // Its context destroyed first, the connection and the ThenSlot go with it: that stops the
    // call, and the Cancelled outcome does not reach the half-destroyed context.
    connect(this, &Reply::finished, context,
            ThenSlot(std::move(alive), d->life, std::move(callback)),
            Qt::ConnectionType(Qt::AutoConnection | Qt::SingleShotConnection));
}

QFuture<QJsonValue> Reply::future()
{
    auto promise = std::make_shared<QPromise<QJsonValue>>();
    QFuture<QJsonValue> future = promise->future();
    promise->start();
    auto settle = [promise](const Reply &reply) {
        if (reply.isSuccess()) {
            promise->addResult(reply.json());
        } else {
#ifndef QT_NO_EXCEPTIONS
            promise->setException(ReplyError(reply.error()));
#else
            promise->future().cancel(); // no exception to carry it: the continuations are skipped
#endif
        }
        promise->finish();
    };
    if (!d->running) {
        settle(*this);
        return future;
    }
    // A Reply deleted without an outcome (one kept and deleted while running) drops the promise
    // with the connection: the future is cancelled, never left hanging.
    connect(
            this, &Reply::finished, this, [this, settle] { settle(*this); },
            Qt::SingleShotConnection);
    return future;
}

Reply *Reply::then(const QJSValue &onSuccess, const QJSValue &onError)
{
    // The step this chain waits for: this Reply, then the one a callback returned.
    ReplyCompleter completer(parent());
    Reply *next = completer.reply();
    QJSEngine::setObjectOwnership(next, QJSEngine::CppOwnership); // never the collector's
    auto waitingFor = std::make_shared<QPointer<Reply>>(this);
    completer.setAbortHandler([waitingFor] {
        if (*waitingFor)
            (*waitingFor)->abort();
    });
    const QPointer<QJSEngine> engine(qjsEngine(this));
    auto follow = [completer](Reply &step) mutable {
        if (completer.isRunning())
            ReplyPrivate::get(completer.reply())->settleLike(&step);
    };
    thenImpl(next,
             [completer, onSuccess, onError, engine, waitingFor, follow](Reply &reply) mutable {
                 if (!completer.isRunning())
                     return; // aborted meanwhile
                 QJSValue callback = reply.isSuccess() ? onSuccess : onError;
                 if (!callback.isCallable() || !engine)
                     return follow(reply); // nothing to do here: the outcome goes down the chain
                 QJSEngine::setObjectOwnership(&reply, QJSEngine::CppOwnership);
                 const QJSValue result =
                         callback.call({reply.isSuccess() ? engine->toScriptValue(reply.json())
                                                          : engine->toScriptValue(reply.error()),
                                        engine->newQObject(&reply)});
                 if (result.isError()) {
                     return completer.fail(Error(
                             Error::Configuration,
                             QStringLiteral("A then() callback threw: %1").arg(result.toString()),
                             QStringLiteral("cocart_script_error")));
                 }
                 if (Reply *step = qobject_cast<Reply *>(result.toQObject())) {
                     *waitingFor = step; // another call: the chain ends as it does
                     return step->thenImpl(completer.reply(), follow);
                 }
                 ApiResponse value;
                 if (!result.isUndefined())
                     value.json = engine->fromScriptValue<QJsonValue>(result);
                 ReplyPrivate::get(completer.reply())->finish(value);
             });
    return next;
}

#ifndef QT_NO_EXCEPTIONS
ReplyError::ReplyError(const Error &error) : m_error(error), m_what(error.toString().toUtf8()) { }

const char *ReplyError::what() const noexcept
{
    return m_what.constData();
}

void ReplyError::raise() const
{
    throw *this;
}

ReplyError *ReplyError::clone() const
{
    return new ReplyError(*this);
}
#endif

ReplyCompleter::ReplyCompleter(QObject *parent) : m_reply(ReplyPrivate::create(parent)) { }

bool ReplyCompleter::isRunning() const
{
    return m_reply && m_reply->isRunning();
}

void ReplyCompleter::setAbortHandler(std::function<void()> handler)
{
    if (m_reply)
        ReplyPrivate::get(m_reply)->onAbort = std::move(handler);
}

void ReplyCompleter::finish()
{
    if (m_reply)
        ReplyPrivate::get(m_reply)->finish({});
}

void ReplyCompleter::finish(const Reply &answer)
{
    if (m_reply)
        ReplyPrivate::get(m_reply)->finish(answer.d->response);
}

void ReplyCompleter::fail(const Error &error)
{
    if (m_reply)
        ReplyPrivate::get(m_reply)->fail(error);
}

void ReplyCompleter::releaseChildren(QObject *owner, const QString &why)
{
    const auto replies = owner->findChildren<Reply *>(QString(), Qt::FindDirectChildrenOnly);
    for (Reply *reply : replies) {
        ReplyPrivate *d = ReplyPrivate::get(reply);
        d->fail(Error::cancelled(why));
        if (!d->autoDelete || d->isHeld())
            reply->setParent(nullptr); // the caller's now, not the owner's to delete
    }
}

} // namespace CoCart
