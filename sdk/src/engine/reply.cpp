#include "reply_p.h"

#include <QPointer>
#include <QTimer>

namespace CoCart {

Request Request::json(const QByteArray &method, const QString &path, const QJsonValue &body)
{
    Request request;
    request.method = method;
    request.path = path;
    if (body.isObject())
        request.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        request.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    else if (!body.isUndefined() && !body.isNull())
        request.body =
                QJsonDocument(QJsonArray {body}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    request.contentType = "application/json";
    return request;
}

bool Request::isIdempotent() const
{
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
        Q_EMIT q->failed(error);
    else
        Q_EMIT q->finished();
    if (autoDelete)
        q->deleteLater();
    return true;
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

Reply::~Reply() = default;

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
    d->autoDelete = autoDelete;
}

void Reply::abort()
{
    if (!d->running)
        return;
    if (auto stop = std::move(d->onAbort))
        stop();
    d->fail(Error(Error::Cancelled, QStringLiteral("The call was cancelled."),
                  QStringLiteral("cancelled")));
}

void Reply::then(const QObject *context, std::function<void(Reply &)> callback)
{
    if (!d->running) {
        // Already ended: still answer from the event loop, never inside this call.
        QPointer<Reply> self(this);
        QTimer::singleShot(0, context, [self, callback = std::move(callback)] {
            if (self)
                callback(*self);
        });
        return;
    }
    auto connections = std::make_shared<QList<QMetaObject::Connection>>();
    auto once = [this, callback = std::move(callback), connections] {
        for (const auto &c : qAsConst(*connections))
            disconnect(c);
        callback(*this);
    };
    *connections << connect(this, &Reply::finished, context, once);
    *connections << connect(this, &Reply::failed, context, once);
    // The receiver is going away: nobody wants the answer any more, so stop the call.
    *connections << connect(context, &QObject::destroyed, this, [this, connections] {
        for (const auto &c : qAsConst(*connections))
            disconnect(c);
        abort();
    });
}

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

} // namespace CoCart
