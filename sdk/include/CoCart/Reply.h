#pragma once

#include <CoCart/Error.h>
#include <CoCart/cocartqt_export.h>

#include <QByteArray>
#include <QFuture>
#include <QJSValue>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSharedDataPointer>
#include <QString>
#include <QUrlQuery>
#include <QtQmlIntegration/qqmlintegration.h>

#ifndef QT_NO_EXCEPTIONS
#include <QException>
#endif

#include <functional>
#include <memory>
#include <type_traits>

namespace CoCart {

class ReplyPrivate;

class RequestData;

/*!
    One call to the store's REST API, relative to `{storeUrl}/wp-json` (e.g. `/cocart/v2/store`),
    as given to Session::send(). Session::get(), post(), put() and deleteResource() build one.

    An implicitly shared value type. The setters return the request, so one can be built in a
    single expression:

    \code
    session->send(CoCart::Request()
                          .setPath(QStringLiteral("/my-plugin/v1/ping"))
                          .setAuthentication(CoCart::Request::Authentication::None)
                          .setTimeoutMs(5000));
    \endcode
*/
class COCARTQT_EXPORT Request
{
public:
    enum class Authentication {
        IfSignedIn, //!< the session's Bearer while signed in (refresh and replay included)
        None, //!< never a Bearer (guest cart calls, public routes)
    };

    //! A GET of no path: set at least the path.
    Request();
    Request(const Request &other);
    Request(Request &&other) noexcept;
    Request &operator=(const Request &other);
    Request &operator=(Request &&other) noexcept;
    ~Request();
    //! Swaps this request with \a other (constant time, never fails).
    void swap(Request &other) noexcept { d.swap(other.d); }

    //! The HTTP method ("GET", "POST", …); "GET" by default.
    QByteArray method() const;
    Request &setMethod(const QByteArray &method);
    //! The route under /wp-json, starting with '/'.
    QString path() const;
    Request &setPath(const QString &path);
    //! The query items.
    QUrlQuery query() const;
    Request &setQuery(const QUrlQuery &query);
    //! Adds one query item (\a value is sent as given: percent-encode it where needed).
    Request &addQueryItem(const QString &key, const QString &value);
    //! The body, sent as is.
    QByteArray body() const;
    Request &setBody(const QByteArray &body);
    //! The body's Content-Type; none is sent when empty.
    QByteArray contentType() const;
    Request &setContentType(const QByteArray &contentType);
    //! Extra headers (never Authorization: the session sends its own).
    QList<QPair<QByteArray, QByteArray>> headers() const;
    Request &setHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    //! Adds one extra header.
    Request &addHeader(const QByteArray &name, const QByteArray &value);
    //! Whether to send the Bearer (IfSignedIn by default).
    Authentication authentication() const;
    Request &setAuthentication(Authentication authentication);
    //! Refresh once and send again when the store rejects the token (the call was not run);
    //! true by default.
    bool replayOnAuthFailure() const;
    Request &setReplayOnAuthFailure(bool replay);
    //! Milliseconds before the call fails with Error::Timeout; -1 (the default):
    //! Session::requestTimeout.
    int timeoutMs() const;
    Request &setTimeoutMs(int timeoutMs);
    /*!
        How often a call that failed for network reasons, a 502/503/504 or a 429 is sent again,
        with backoff (Retry-After honoured). -1 (the default): 2 for GET and HEAD, 0 for everything
        else (a call lost on the network may have run: never repeat one that changes things
        unasked).
    */
    int retries() const;
    Request &setRetries(int retries);

    //! A request with a JSON body (`application/json`).
    static Request json(const QByteArray &method, const QString &path, const QJsonValue &body);
    bool isIdempotent() const;

private:
    QSharedDataPointer<RequestData> d;
};

/*!
    The answer to one call of the SDK: a network request (Session::get() and friends, every Cart
    and ProductModel call) or an operation (login, refresh, validate, logout, restore).

    It behaves like QNetworkReply: finished() is emitted exactly once for every outcome (success,
    failure or abort()), always after the call that made it has returned (never inside it); on a
    failure errorOccurred() comes just before it. isSuccess() and error() tell which.

    One ownership rule for every Reply, whoever made it (Session, Cart, ProductModel,
    ReplyCompleter): it is valid until its finished() handlers have returned, then it deletes
    itself, unless autoDelete was switched off, in which case the caller deletes it. The object
    that made it never deletes a kept Reply: when a Session, Cart or ProductModel is destroyed,
    its running Replies end with Error::Cancelled and kept ones are handed to the caller.
*/
class COCARTQT_EXPORT Reply : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Replies come from Session, Cart and ProductModel calls")
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(bool success READ isSuccess NOTIFY runningChanged)
    Q_PROPERTY(int httpStatus READ httpStatus NOTIFY runningChanged)
    Q_PROPERTY(QJsonValue json READ json NOTIFY runningChanged)
    Q_PROPERTY(CoCart::Error error READ error NOTIFY runningChanged)
    Q_PROPERTY(bool autoDelete READ autoDelete WRITE setAutoDelete NOTIFY autoDeleteChanged)

public:
    ~Reply() override;

    bool isRunning() const;
    bool isFinished() const { return !isRunning(); }
    //! Finished without an error.
    bool isSuccess() const;
    //! The HTTP status of the (last) answer, or 0 when none arrived.
    int httpStatus() const;
    //! The answer's JSON (an object, an array or a bare value such as `true`).
    QJsonValue json() const;
    QJsonObject object() const { return json().toObject(); }
    QJsonArray array() const { return json().toArray(); }
    //! A response header, case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    QList<QPair<QByteArray, QByteArray>> headers() const;
    //! NoError while running and after a success; the reason after a failure.
    Error error() const;

    //! True (default): deleted once its finished() handlers have returned.
    bool autoDelete() const;
    void setAutoDelete(bool autoDelete);

    /*!
        Calls \a callback(Reply &) once when the reply ends, either way, in \a context's thread
        (the shape of Qt 6.7's QRestAccessManager); the Reply stays valid while it runs, also
        in another thread. If \a context is destroyed first, the call is aborted and \a callback
        never runs; so is a call whose callback's connection to finished() is removed some other
        way (`QObject::disconnect(reply, nullptr, context, nullptr)`: nobody wants the answer).
        A null \a context is refused with a warning (the callback would have no thread to run
        in). The callback must return void.
    */
    template<typename Functor>
    void then(const QObject *context, Functor &&callback)
    {
        static_assert(std::is_void_v<std::invoke_result_t<Functor, Reply &>>,
                      "Reply::then: the callback must return void (a value returned from it "
                      "would be dropped, and a lambda returning QDebug is undefined behaviour)");
        thenImpl(context, std::function<void(Reply &)>(std::forward<Functor>(callback)));
    }

    /*!
        The answer as a QFuture, for chaining calls with Qt's continuations instead of nesting
        callbacks: the future gets the answer's JSON on success; on a failure it fails with a
        ReplyError (catch it with `onFailed`), so the continuations after the failed step are
        skipped. Call it in the Reply's thread, before the Reply is deleted (right after the call
        that made it). A continuation without a context runs in the thread the Reply ends in,
        inside its finished(); give `then` and `onFailed` a context object to run queued in that
        object's thread and not at all once it is gone. To chain a call, return its future and
        `unwrap()`:

        \code
        session->get(QStringLiteral("/cocart/v2/store"))->future()
                .then(this, [session](const QJsonValue &) {
                    return session->get(QStringLiteral("/cocart/v2/cart"))->future();
                })
                .unwrap()
                .then(this, [this](const QJsonValue &cart) { show(cart); })
                .onFailed(this, [this](const CoCart::ReplyError &e) { warn(e.error()); });
        \endcode

        Cancelling the future does not stop the call: abort() does (the future then fails with
        Error::Cancelled). Status and headers are not in the future: use then(context, callback)
        where you need them. Failures travel as exceptions: a build without exceptions
        (QT_NO_EXCEPTIONS) sees only the successes.
    */
    QFuture<QJsonValue> future();

    /*!
        The promise-like form for QML and JavaScript:
        `reply.then((json, reply) => …, (error, reply) => …)`. \a onSuccess is called with the
        answer's JSON and the Reply, \a onError with the Error and the Reply, once, after the
        call that made the Reply has returned. Returns a new Reply for what the callback does, so
        calls chain without nesting: when a callback returns a Reply (another call), the returned
        Reply ends as that one does; a value makes it succeed with that value as its json; a
        JavaScript exception makes it fail (Error::Configuration, `cocart_script_error`). A failure
        with no \a onError skips the callback and passes on down the chain, so one handler at
        the end sees the failure of any step; a handled failure continues the chain like a
        JavaScript promise does. Non-function arguments count as none. Aborting the returned
        Reply aborts the step it waits for.

        \code
        session.get("/cocart/v2/store")
               .then(store => session.get("/my-plugin/v1/wishlist"))
               .then(wishlist => root.wishlist = wishlist,
                     error => banner.show(error.message))
        \endcode
    */
    Q_INVOKABLE CoCart::Reply *then(const QJSValue &onSuccess,
                                    const QJSValue &onError = QJSValue());

public Q_SLOTS:
    //! Ends a running call now with Error::Cancelled (the request is abandoned on the wire).
    void abort();

Q_SIGNALS:
    //! Once, for every outcome; after errorOccurred() on a failure.
    void finished();
    //! On a failure, just before finished().
    void errorOccurred(const CoCart::Error &error);
    void runningChanged();
    void autoDeleteChanged();

private:
    explicit Reply(QObject *parent);
    void thenImpl(const QObject *context, std::function<void(Reply &)> callback);
    friend class ReplyPrivate;
    friend class ReplyCompleter;
    Q_DISABLE_COPY(Reply)
    std::unique_ptr<ReplyPrivate> d;
};

#ifndef QT_NO_EXCEPTIONS
/*!
    How a failed Reply's future() fails: `onFailed([](const CoCart::ReplyError &e) { … })` gets
    the call's Error from error(); what() is its Error::toString().
*/
class COCARTQT_EXPORT ReplyError : public QException
{
public:
    //! The failure of a call that ended with \a error.
    explicit ReplyError(const Error &error);
    //! The Error the call ended with (its kind, message, code and HTTP status).
    Error error() const { return m_error; }
    //! The Error as text, for logs.
    const char *what() const noexcept override;
    //! Throws a copy of this exception (what QFuture calls to deliver it).
    void raise() const override;
    //! A copy of this exception, for QFuture to store.
    ReplyError *clone() const override;

private:
    Error m_error;
    QByteArray m_what;
};
#endif

/*!
    Makes a Reply for an operation of your own (Cart and ProductModel use it for theirs; an app's
    own model over Session::get() can too) and settles it once: later calls do nothing.
*/
class COCARTQT_EXPORT ReplyCompleter
{
public:
    explicit ReplyCompleter(QObject *parent = nullptr);
    Reply *reply() const { return m_reply; }
    bool isRunning() const;
    //! Called when the caller abort()s, before the reply fails with Error::Cancelled.
    void setAbortHandler(std::function<void()> handler);
    void finish();
    //! Finishes with \a answer's status, JSON and headers (an operation ending with its call).
    void finish(const Reply &answer);
    void fail(const Error &error);

    /*!
        The one rule for an owner that goes away (Session, Cart and ProductModel call it from
        their destructors; an app's own model over Session::get() can too): every running Reply
        that is a child of \a owner ends with Error::Cancelled (\a why), and every Reply the caller
        kept (autoDelete off) or that still has a then() callback queued is handed over (its
        parent cleared) instead of being deleted with \a owner.
    */
    static void releaseChildren(QObject *owner, const QString &why);

private:
    QPointer<Reply> m_reply;
};

} // namespace CoCart

Q_DECLARE_SHARED(CoCart::Request)
