#include "transport_p.h"

#include "../core/sessioncore_p.h"
#include "pinpolicy_p.h"

#include "logging_p.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTimerEvent>

#include <algorithm>
#include <limits>
#include <memory>

namespace CoCart {

//! What the transport learns about one request while it runs; shared by that request's handlers.
struct Exchange
{
    QByteArray body; //!< read as it comes while a size limit is set
    qint64 announced = -1; //!< the Content-Length; 0: none; -1: not looked at yet
    qint64 tooLarge = 0; //!< the limit the answer went over, 0 if it did not
    bool pinMismatch = false;
    bool timedOut = false; //!< aborted by the sweep: nothing came for timeoutMs
    int timeoutMs = 0; //!< 0: no timeout
    qint64 lastActivityMs = 0; //!< on the transport's clock: sent, or the last bytes that came
    qint64 readBuffer = 0; //!< QNAM's read buffer for the reply (0 while no limit is set)
    QPointer<QNetworkReply> reply; //!< for the sweep
};

namespace {

//! Bytes an answer may wait unread in QNAM while a size limit is set.
constexpr qint64 kReadBufferBytes = 1024 * 1024;
//! Routes whose URL Transport::routeUrl() keeps.
constexpr qsizetype kRouteUrlCacheSize = 32;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

//! The readable text of a page (or of any non-JSON answer), at most \a max characters: the tags
//! and what never shows (head, scripts, styles) go first, then it is cut, so that a page whose
//! first bytes are all markup still quotes its words.
QString pageText(const QByteArray &body, int max)
{
    static const QRegularExpression hidden(
            QStringLiteral("<(head|script|style)\\b.*?</\\1\\s*>|<!--.*?-->"),
            QRegularExpression::CaseInsensitiveOption |
                    QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString text = QString::fromUtf8(body.left(64 * 1024));
    text.remove(hidden);
    text.replace(tag, QStringLiteral(" ")); // `<h1>Welcome</h1><p>Fresh` are two words
    text = Error::plainText(text).simplified();
    if (text.size() > max) {
        text.truncate(max);
        text = text.trimmed() + QStringLiteral("…");
    }
    return text;
}

QString pageMessage(int status, const QByteArray &contentType, const QByteArray &body)
{
    const QString text = pageText(body, 80);
    return QStringLiteral("The store answered HTTP %1 with a %2 page instead of JSON%3.")
            .arg(status)
            .arg(contentType.isEmpty() ? QStringLiteral("non-JSON")
                                       : QString::fromLatin1(contentType.split(';').first()))
            .arg(text.isEmpty() ? QString() : QStringLiteral(": \"%1\"").arg(text));
}

Error::Kind kindForStatus(int status, const QString &code)
{
    switch (status) {
    case 401:
        return Error::Unauthorized;
    case 403:
        // A 403 is "not allowed", except the codes that say the credentials were rejected.
        return Core::isAuthRejectionCode(code) ? Error::Unauthorized : Error::Forbidden;
    case 404:
        return Error::NotFound;
    case 408:
        return Error::Timeout;
    case 429:
        return Error::RateLimited;
    default:
        break;
    }
    if (status >= 500)
        return Error::Server;
    return Error::InvalidRequest;
}

Error networkError(QNetworkReply *reply, const Exchange &exchange, int timeoutMs)
{
    if (exchange.tooLarge) {
        return Error(Error::BadResponse,
                     QStringLiteral("The store's answer is larger than the %1 MiB limit.")
                             .arg(exchange.tooLarge >> 20),
                     QStringLiteral("response_too_large"));
    }
    if (exchange.timedOut) {
        return Error(Error::Timeout,
                     QStringLiteral("The store did not answer within %1 s.")
                             .arg(double(timeoutMs) / 1000.0, 0, 'g', 3),
                     QStringLiteral("timeout"));
    }
    if (exchange.pinMismatch) {
        return Error(Error::Tls,
                     QStringLiteral("Secure connection refused: the store's certificate has "
                                    "none of the pinned public keys."),
                     QStringLiteral("tls"));
    }
    const QNetworkReply::NetworkError code = reply->error();
    const QString reason = reply->errorString();
    const QUrl url = reply->url();
    if (url.scheme() == QLatin1String("https") &&
        (code == QNetworkReply::SslHandshakeFailedError ||
         code == QNetworkReply::RemoteHostClosedError) &&
        reply->sslConfiguration().peerCertificate().isNull()) {
        // No certificate ever came back: the server answered the handshake with plain http (a
        // "wrong version number") or hung up on it. An https:// URL on a plain-http port.
        const int port = url.port(443);
        QUrl plain = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo);
        plain.setScheme(QStringLiteral("http"));
        if (url.port() < 0)
            plain.setPort(443);
        return Error(Error::Tls,
                     QStringLiteral("%1 does not speak https on port %2: try %3 (or the "
                                    "store's https port).")
                             .arg(url.host())
                             .arg(port)
                             .arg(plain.toDisplayString()),
                     QStringLiteral("tls_not_https"));
    }
    switch (code) {
    case QNetworkReply::OperationCanceledError:
        return Error::cancelled(QStringLiteral("The request was cancelled."));
    case QNetworkReply::TimeoutError:
        return Error(Error::Timeout, QStringLiteral("The connection to the store timed out."),
                     QStringLiteral("timeout"));
    case QNetworkReply::SslHandshakeFailedError:
        return Error(Error::Tls, QStringLiteral("Secure connection failed: %1").arg(reason),
                     QStringLiteral("tls"));
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return Error(Error::BadResponse, QStringLiteral("The store redirected: %1").arg(reason),
                     QStringLiteral("redirect"));
    default:
        return Error(Error::Network, QStringLiteral("Cannot reach the store: %1").arg(reason),
                     QStringLiteral("network"));
    }
}

//! True when the transfer of an answer whose status line arrived did not complete.
bool transferBroke(QNetworkReply::NetworkError code, int status)
{
    if (code == QNetworkReply::NoError || code == QNetworkReply::TooManyRedirectsError ||
        code == QNetworkReply::InsecureRedirectError)
        return false;
    // Under 300 QNAM sets no error of its own for the status; from 300 on, it maps the status
    // to an error (404 ContentNotFoundError, ...), so only connection-level codes (1-99) count.
    return status < 300 || int(code) < 100;
}

ApiResponse parseReply(QNetworkReply *reply, Exchange &exchange, int timeoutMs);

} // namespace

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonObject ApiResponse::object() const
{
    return json.toObject();
}

Transport::Transport(QObject *parent) : QObject(parent) { }

Transport::~Transport() = default;

void Transport::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    m_nam = manager;
}

QNetworkAccessManager *Transport::networkAccessManager()
{
    if (!m_nam) {
        if (!m_ownNam)
            m_ownNam = new QNetworkAccessManager(this);
        m_nam = m_ownNam;
    }
    return m_nam;
}

void Transport::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
    updatePinPolicy();
    m_templateValid = false;
    // An open connection was verified under the old trust: none may be reused under the new.
    networkAccessManager()->clearConnectionCache();
}

void Transport::setPinnedPublicKeys(const QStringList &pins)
{
    m_pins = pins;
    m_pinDigests.clear();
    for (const QString &pin : pins) {
        QString text = pin.trimmed();
        if (text.startsWith(QLatin1String("sha256//")))
            text = text.mid(8);
        const auto decoded = QByteArray::fromBase64Encoding(
                text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        // A malformed pin stays in force and matches nothing: the calls fail closed.
        if (!decoded || decoded.decoded.size() != 32)
            qCWarning(lcTransport).noquote() << "ignoring a malformed public-key pin:" << pin;
        else
            m_pinDigests.append(decoded.decoded);
    }
    updatePinPolicy();
    m_templateValid = false;
    networkAccessManager()->clearConnectionCache();
}

void Transport::updatePinPolicy()
{
    // A new object: requests under way keep the policy they were sent under.
    if (m_pins.isEmpty()) {
        m_pinPolicy.reset();
        return;
    }
    m_pinPolicy = std::make_shared<PinPolicy>();
    m_pinPolicy->digests = m_pinDigests;
    m_pinPolicy->anchors = m_caCertificates;
}

QString Transport::publicKeyPin(const QSslCertificate &certificate)
{
    return QString::fromLatin1(PinPolicy::publicKeyDigest(certificate).toBase64());
}

Error Transport::checkUrl(const QUrl &url, bool allowInsecureHttp)
{
    // Every call checks the store URL, nearly always the same one: remember the last answer
    // (parsing the host as an address is most of the cost). Per thread: no locking.
    struct Last
    {
        QUrl url;
        bool allowInsecureHttp = false;
        Error error;
        bool valid = false;
    };
    thread_local Last last;
    if (last.valid && last.allowInsecureHttp == allowInsecureHttp && last.url == url)
        return last.error;
    last.url = url;
    last.allowInsecureHttp = allowInsecureHttp;
    last.error = checkUrlUncached(url, allowInsecureHttp);
    last.valid = true;
    return last.error;
}

Error Transport::checkUrlUncached(const QUrl &url, bool allowInsecureHttp)
{
    if (url.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        return Error(Error::Configuration,
                     QStringLiteral("No valid store URL is set (e.g. https://shop.example)."),
                     QStringLiteral("cocart_no_store_url"));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme != QLatin1String("http")) {
        return Error(
                Error::Configuration,
                QStringLiteral("The store URL must start with https:// (got %1://).").arg(scheme),
                QStringLiteral("cocart_bad_store_url"));
    }
    if (isLoopbackHost(url.host()) || allowInsecureHttp)
        return {};
    return Error(
            Error::InsecureTransport,
            QStringLiteral("Refusing to send credentials over plain http:// to %1: use https://, "
                           "or opt in with allowInsecureHttp.")
                    .arg(url.host()),
            QStringLiteral("cocart_insecure_transport"));
}

void Transport::buildTemplate()
{
    m_apiUrl =
            m_baseUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    m_apiPath = m_apiUrl.path() + QStringLiteral("/wp-json");
    QNetworkRequest request;
    request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    // Tokens and cart keys are the only state: no WordPress cookies in or out.
    // (Attributes as int, their documented type: an enum-typed QVariant costs QNAM a
    // conversion on every request.)
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, int(QNetworkRequest::Manual));
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, int(QNetworkRequest::Manual));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         int(QNetworkRequest::SameOriginRedirectPolicy));
    const bool https = m_apiUrl.scheme() == QLatin1String("https");
    if (!m_caCertificates.isEmpty() && https) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_caCertificates); // these only: no system CA on demand
        request.setSslConfiguration(tls);
    }
    if (m_pinPolicy && https) {
        // QNetworkReply::encrypted comes once per connection, for the request that opened it.
        // Over HTTP/1.1 every connection carries one request at a time and an aborted request
        // closes its connection, so a connection that failed the pins carries nothing more.
        // HTTP/2 multiplexes: requests queued with the first, and every later one, would go out
        // on a connection nobody checked, and an aborted stream leaves the connection open.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    }
    m_template = request;
    m_templateValid = true;
    m_routeUrls.clear();
}

QUrl Transport::routeUrl(const QString &path)
{
    // An app calls a handful of routes over and over (the cart, its items, product pages):
    // setting a URL's path encodes and checks it, a copy of one already built only counts a
    // reference. Bounded: paths with ids in them come and go.
    if (const auto it = m_routeUrls.constFind(path); it != m_routeUrls.cend())
        return *it;
    if (m_routeUrls.size() >= kRouteUrlCacheSize)
        m_routeUrls.clear();
    QUrl url = m_apiUrl;
    url.setPath(m_apiPath + path);
    m_routeUrls.insert(path, url);
    return url;
}

QNetworkReply *Transport::send(const ApiRequest &request, Callback done)
{
    if (!m_templateValid)
        buildTemplate();
    const Request &call = request.call;
    QUrl url = routeUrl(call.path());
    if (const QUrlQuery query = call.query(); !query.isEmpty())
        url.setQuery(query);

    QNetworkRequest networkRequest = m_template;
    networkRequest.setUrl(url);
    if (const QByteArray contentType = call.contentType(); !contentType.isEmpty())
        networkRequest.setRawHeader(QByteArrayLiteral("Content-Type"), contentType);
    if (!request.authorization.isEmpty())
        networkRequest.setRawHeader(QByteArrayLiteral("Authorization"), request.authorization);
    for (const auto &header : call.headers())
        networkRequest.setRawHeader(header.first, header.second);
    const int timeoutMs = call.timeoutMs() >= 0 ? call.timeoutMs() : m_timeoutMs;
    const std::shared_ptr<PinPolicy> pins =
            m_pinPolicy && url.scheme() == QLatin1String("https") ? m_pinPolicy : nullptr;

    QNetworkAccessManager *manager = networkAccessManager();
    if (manager->cache()) {
        // The app's cache on a shared manager: no answer is taken from it or kept in it (a
        // token or a customer's cart on disk; a stale cart). Without one there is nothing to
        // say: AlwaysNetwork would only add Cache-Control and Pragma to every request.
        networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                    int(QNetworkRequest::AlwaysNetwork));
        networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    }
    // A plain GET has no body: no Content-Length: 0 and no buffer object per request.
    const QByteArray method = call.method();
    const QByteArray body = call.body();
    QNetworkReply *reply = method == "GET" && body.isEmpty()
            ? manager->get(networkRequest)
            : manager->sendCustomRequest(networkRequest, method, body);
    auto exchange = std::make_shared<Exchange>();
    const qint64 limit =
            request.maxResponseBytes >= 0 ? request.maxResponseBytes : m_maxResponseBytes;
    if (limit > 0) {
        // QNAM's network thread stops reading once this much waits unread in the reply, and the
        // answer moves into exchange->body as it comes: memory stays bounded (the limit plus
        // this buffer) even while this thread is busy and the network thread runs on.
        exchange->readBuffer = qMin<qint64>(limit + 1, kReadBufferBytes);
        reply->setReadBufferSize(exchange->readBuffer);
    }
    if (timeoutMs > 0)
        watch(reply, exchange, timeoutMs);
    if (limit > 0 || timeoutMs > 0) {
        // readyRead comes with every piece (downloadProgress is throttled to one per 100 ms).
        connect(reply, &QNetworkReply::readyRead, this, [this, reply, limit, exchange] {
            if (exchange->timeoutMs > 0)
                exchange->lastActivityMs = m_clock.elapsed();
            if (exchange->tooLarge || limit <= 0)
                return;
            // The Content-Length (of the encoded body) refuses an answer up front.
            if (exchange->announced < 0) {
                const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
                exchange->announced = length.isValid() ? length.toLongLong() : 0;
            }
            const qint64 announced = exchange->announced;
            const qint64 available = reply->bytesAvailable();
            if (announced <= limit && exchange->body.size() + available <= limit) {
                // What QNAM holds stays there (the answer is taken once, at the end) until it
                // fills half its read buffer: then its network thread needs the room.
                if (available < exchange->readBuffer / 2)
                    return;
                QByteArray &body = exchange->body;
                const qint64 needed = body.size() + available;
                if (needed > body.capacity() && (announced > 0 || needed > kReadBufferBytes)) {
                    // One allocation for a big answer (its pages are only taken as written):
                    // growing by copies would hold the old and the new block at once.
                    body.reserve(qsizetype(announced > 0 ? announced : limit + 1));
                }
                body += reply->readAll();
                return;
            }
            exchange->tooLarge = limit;
            exchange->body.clear();
            exchange->body.squeeze();
            reply->abort();
        });
    }
    if (pins) {
        // Runs on this thread while QNAM's thread waits: nothing of the request is sent yet.
        connect(reply, &QNetworkReply::encrypted, reply, [reply, pins, exchange] {
            if (pins->matches(reply->sslConfiguration()))
                return;
            qCWarning(lcTransport) << "the store's certificate chain holds no pinned public key";
            exchange->pinMismatch = true;
            reply->abort(); // an HTTP/1.1 request aborted before its answer closes the connection
        });
        // Every answer, also over a connection opened by someone else on a shared manager: the
        // answer of a connection that does not hold the pins is not taken, and that connection
        // is closed by the abort. (Cheap: a leaf already matched is remembered.)
        connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, pins, exchange] {
            if (exchange->pinMismatch || pins->matches(reply->sslConfiguration()))
                return;
            qCWarning(lcTransport) << "an answer came over a connection that holds no pinned key";
            exchange->pinMismatch = true;
            reply->abort();
        });
    }
    qCDebug(lcTransport).noquote()
            << method << call.path() << (request.authorization.isEmpty() ? "" : "(authorized)");

    const bool bearer = request.authorization.startsWith("Bearer ");
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, done = std::move(done), bearer, timeoutMs, exchange, method,
             path = call.path()] {
                reply->deleteLater();
                if (exchange->timeoutMs > 0)
                    unwatch(exchange.get());
                ApiResponse response = parseReply(reply, *exchange, timeoutMs);
                response.bearerSent = bearer;
                qCDebug(lcTransport).noquote()
                        << method << path << "->" << response.httpStatus
                        << (response.error ? response.error.toString() : QString());
                done(response);
            });
    return reply;
}

void Transport::cancel(QNetworkReply *reply)
{
    reply->disconnect(this); // no outcome: the caller settles the call itself
    reply->abort();
    reply->deleteLater();
    // Its exchange leaves the sweep list at the next tick (the reply is gone by then).
}

void Transport::watch(QNetworkReply *reply, const std::shared_ptr<Exchange> &exchange,
                      int timeoutMs)
{
    if (!m_clock.isValid())
        m_clock.start();
    exchange->reply = reply;
    exchange->timeoutMs = timeoutMs;
    exchange->lastActivityMs = m_clock.elapsed();
    m_watched.push_back(exchange);
    // One timer for every request instead of one per request (QNAM's transfer timeout costs a
    // QTimer, a queued start and a restart on every piece): it ticks while requests run, and a
    // request times out between its timeout and one tick later (an eighth of it, at most 1 s).
    const int tick = sweepTick(timeoutMs);
    if (!m_sweep.isActive() || tick < m_sweepTick) {
        m_sweepTick = tick;
        m_sweep.start(tick, Qt::PreciseTimer, this);
    }
}

void Transport::unwatch(const Exchange *exchange)
{
    const auto it =
            std::find_if(m_watched.begin(), m_watched.end(),
                         [exchange](const auto &watched) { return watched.get() == exchange; });
    if (it == m_watched.end())
        return;
    *it = std::move(m_watched.back());
    m_watched.pop_back();
    // The timer stays armed: the next request (often right after) needs it again, and the
    // next tick stops it when nothing runs.
}

int Transport::sweepTick(int timeoutMs)
{
    return qBound(10, timeoutMs / 8, 1000);
}

void Transport::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_sweep.timerId())
        return QObject::timerEvent(event);
    const qint64 now = m_clock.elapsed();
    int tick = 1000;
    // An abort emits finished(), which unwatches: walk a copy.
    const auto watched = m_watched;
    for (const auto &exchange : watched) {
        QNetworkReply *reply = exchange->reply;
        if (!reply || reply->isFinished()) {
            unwatch(exchange.get()); // cancelled, or its finished() is on its way
            continue;
        }
        if (now - exchange->lastActivityMs > exchange->timeoutMs) { // whole ms: never early
            exchange->timedOut = true;
            reply->abort();
            continue;
        }
        tick = qMin(tick, sweepTick(exchange->timeoutMs));
    }
    if (m_watched.empty()) {
        m_sweep.stop();
    } else if (tick != m_sweepTick) {
        m_sweepTick = tick;
        m_sweep.start(tick, Qt::PreciseTimer, this);
    }
}

ApiResponse Transport::parseAnswer(QNetworkReply *reply, int timeoutMs)
{
    Exchange exchange;
    return parseReply(reply, exchange, timeoutMs);
}

namespace {

ApiResponse parseReply(QNetworkReply *reply, Exchange &exchange, int timeoutMs)
{
    ApiResponse response;
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();

    if (response.httpStatus == 0 || exchange.tooLarge || exchange.pinMismatch ||
        exchange.timedOut) {
        response.error = networkError(reply, exchange, timeoutMs);
        return response;
    }
    const QNetworkReply::NetworkError transferError = reply->error();
    if (transferBroke(transferError, response.httpStatus)) {
        // A 200 whose connection closed before Content-Length was reached is not an answer,
        // even when the part that came is valid JSON (a cut-off login must not sign in).
        Error error = networkError(reply, exchange, timeoutMs);
        if (error.kind() == Error::Network) {
            // Qt says "Decompression failed: <why>", the why often empty (a bomb over
            // QNetworkRequest::decompressedSafetyCheckThreshold, or a corrupt stream).
            QString why = reply->errorString().section(QLatin1Char(':'), 1).trimmed();
            error = transferError == QNetworkReply::UnknownContentError
                    ? Error(Error::BadResponse,
                            QStringLiteral("The store's compressed answer could not be "
                                           "unpacked%1 (a corrupt stream, or one that unpacks "
                                           "to far more than it weighs).")
                                    .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why),
                            QStringLiteral("bad_encoding"), response.httpStatus)
                    : Error(Error::Network,
                            QStringLiteral("The connection broke before the store's answer "
                                           "was complete: %1")
                                    .arg(reply->errorString()),
                            QStringLiteral("network"), response.httpStatus);
        }
        response.error = error;
        return response;
    }
    response.body = std::move(exchange.body);
    if (reply->isOpen() && reply->bytesAvailable() > 0)
        response.body += reply->readAll();

    const QByteArray trimmed = response.body.trimmed();
    QJsonParseError parseError;
    QJsonValue value;
    bool isJson = false;
    if (!trimmed.isEmpty()) {
        const char first = trimmed.at(0);
        if (first == '{' || first == '[') {
            const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
            isJson = parseError.error == QJsonParseError::NoError;
            if (isJson)
                value = document.isObject() ? QJsonValue(document.object())
                                            : QJsonValue(document.array());
        } else {
            // QJsonDocument only takes objects and arrays at the top; CoCart also answers bare
            // scalars (`true` from logout, `2` from items/count), so parse those inside an array.
            const QJsonDocument wrapped =
                    QJsonDocument::fromJson(QByteArray('[' + trimmed + ']'), &parseError);
            isJson = parseError.error == QJsonParseError::NoError && wrapped.array().size() == 1;
            if (isJson)
                value = wrapped.array().first();
        }
    }
    const QJsonObject errorObject = value.toObject();

    if (response.httpStatus >= 400) {
        QString code;
        QString message;
        int retryAfter = -1;
        code = errorObject.value(QLatin1String("code")).toString();
        message = errorObject.value(QLatin1String("message")).toString();
        const QByteArray retryHeader = reply->rawHeader("Retry-After");
        if (!retryHeader.isEmpty()) {
            bool ok = false;
            retryAfter = retryHeader.trimmed().toInt(&ok);
            if (!ok) {
                const QDateTime when =
                        QDateTime::fromString(QString::fromLatin1(retryHeader), Qt::RFC2822Date);
                retryAfter = when.isValid()
                        ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(when)))
                        : -1;
            }
        }
        Error::Kind kind = kindForStatus(response.httpStatus, code);
        if (message.isEmpty()) {
            const QByteArray contentType = response.header("Content-Type");
            if (!isJson && response.httpStatus < 500 && kind != Error::RateLimited &&
                kind != Error::NotFound)
                kind = Error::BadResponse;
            message = isJson
                    ? QStringLiteral("The store answered HTTP %1.").arg(response.httpStatus)
                    : pageMessage(response.httpStatus, contentType, trimmed);
        }
        response.error = Error(kind, message, code, response.httpStatus, retryAfter);
        response.json = value; // the store's error object, for callers that want its `data`
        return response;
    }

    if (response.httpStatus >= 300) {
        response.error = Error(Error::BadResponse,
                               QStringLiteral("The store redirected (HTTP %1) to %2: set the store "
                                              "URL to the final address.")
                                       .arg(response.httpStatus)
                                       .arg(QString::fromUtf8(reply->rawHeader("Location"))),
                               QStringLiteral("redirect"), response.httpStatus);
        return response;
    }

    if (!isJson) {
        const QByteArray contentType = response.header("Content-Type");
        // A page (a web server, a site's front page) is no broken JSON: say what it is.
        const bool page = !trimmed.startsWith('{') && !trimmed.startsWith('[') &&
                !contentType.contains("json");
        QString message;
        if (trimmed.isEmpty())
            message = QStringLiteral("The store sent an empty answer (HTTP %1).")
                              .arg(response.httpStatus);
        else if (page)
            message = pageMessage(response.httpStatus, contentType, trimmed);
        else
            message = QStringLiteral("The store's answer is not valid JSON (%1, HTTP %2).")
                              .arg(parseError.errorString())
                              .arg(response.httpStatus);
        response.error = Error(Error::BadResponse, message, QStringLiteral("bad_response"),
                               response.httpStatus);
        return response;
    }
    response.json = value;
    return response;
}

} // namespace

} // namespace CoCart
