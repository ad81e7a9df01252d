#include "transport_p.h"

#include "../core/sessioncore_p.h"

#include "logging_p.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>

namespace CoCart {

namespace {

const char *const kTimedOutProperty = "_cocart_timedOut";
const char *const kTooLargeProperty = "_cocart_tooLarge";
const char *const kPinMismatchProperty = "_cocart_pinMismatch";

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

QByteArray publicKeyDigest(const QSslCertificate &certificate)
{
    // QSslKey::toDer() of a public key is its SubjectPublicKeyInfo (PEM "PUBLIC KEY").
    return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
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

Error networkError(QNetworkReply *reply, bool timedOut, int timeoutMs)
{
    if (reply->property(kTooLargeProperty).toBool()) {
        return Error(Error::BadResponse,
                     QStringLiteral("The store's answer is larger than the %1 MiB limit.")
                             .arg(reply->property(kTooLargeProperty).toLongLong() >> 20),
                     QStringLiteral("response_too_large"));
    }
    if (reply->property(kPinMismatchProperty).toBool()) {
        return Error(Error::Tls,
                     QStringLiteral("Secure connection refused: the store's certificate has "
                                    "none of the pinned public keys."),
                     QStringLiteral("tls"));
    }
    if (timedOut) {
        return Error(Error::Timeout,
                     QStringLiteral("The store did not answer within %1 s.")
                             .arg(double(timeoutMs) / 1000.0, 0, 'g', 3),
                     QStringLiteral("timeout"));
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
        return Error(Error::Cancelled, QStringLiteral("The request was cancelled."),
                     QStringLiteral("cancelled"));
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

} // namespace

ApiRequest ApiRequest::json(const QByteArray &method, const QString &path,
                            const QJsonDocument &body)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body.toJson(QJsonDocument::Compact);
    request.contentType = "application/json";
    return request;
}

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
    networkAccessManager()->clearConnectionCache();
}

QString Transport::publicKeyPin(const QSslCertificate &certificate)
{
    return QString::fromLatin1(publicKeyDigest(certificate).toBase64());
}

Error Transport::checkUrl(const QUrl &url, bool allowInsecureHttp)
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

QNetworkReply *Transport::send(const ApiRequest &request, QObject *context, Callback done)
{
    QUrl url = m_baseUrl.adjusted(QUrl::StripTrailingSlash);
    url.setPath(url.path() + QStringLiteral("/wp-json") + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);

    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
    networkRequest.setRawHeader("Accept", "application/json");
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    if (!request.authorization.isEmpty())
        networkRequest.setRawHeader("Authorization", request.authorization);
    for (const auto &header : request.headers)
        networkRequest.setRawHeader(header.first, header.second);
    // Tokens and cart keys are the only state: no WordPress cookies in or out.
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::SameOriginRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    if (!m_caCertificates.isEmpty() && url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_caCertificates); // these only: no system CA on demand
        networkRequest.setSslConfiguration(tls);
    }

    // A plain GET has no body: no Content-Length: 0 and no buffer object per request.
    QNetworkReply *reply = request.method == "GET" && request.body.isEmpty()
            ? networkAccessManager()->get(networkRequest)
            : networkAccessManager()->sendCustomRequest(networkRequest, request.method,
                                                        request.body);
    if (m_maxResponseBytes > 0) {
        const qint64 limit = m_maxResponseBytes;
        connect(reply, &QNetworkReply::downloadProgress, reply, [reply, limit](qint64 received) {
            if (received <= limit || reply->property(kTooLargeProperty).isValid())
                return;
            reply->setProperty(kTooLargeProperty, limit);
            reply->abort();
        });
    }
    if (!m_pins.isEmpty()) {
        // After the handshake verified the chain and before any request byte is sent.
        const QList<QByteArray> pins = m_pinDigests;
        connect(reply, &QNetworkReply::encrypted, reply, [reply, pins] {
            const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
            for (const QSslCertificate &certificate : chain) {
                if (pins.contains(publicKeyDigest(certificate)))
                    return;
            }
            qCWarning(lcTransport) << "the store's certificate matches no pinned public key";
            reply->setProperty(kPinMismatchProperty, true);
            reply->abort();
        });
    }
    qCDebug(lcTransport).noquote() << request.method << request.path
                                   << (request.authorization.isEmpty() ? "" : "(authorized)");

    const int timeoutMs = request.timeoutMs >= 0 ? request.timeoutMs : m_timeoutMs;
    if (timeoutMs > 0) {
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early
        connect(timer, &QTimer::timeout, reply, [reply] {
            reply->setProperty(kTimedOutProperty, true);
            reply->abort();
        });
        timer->start(timeoutMs);
    }

    // Nobody is left to take the answer: abandon the request instead of letting it run on.
    connect(context, &QObject::destroyed, reply, [reply] {
        reply->disconnect(); // the dying context's handler must not run
        reply->abort();
        reply->deleteLater();
    });

    const bool bearer = request.authorization.startsWith("Bearer ");
    const QPointer<QObject> guard(context);
    const QByteArray method = request.method;
    const QString path = request.path;
    connect(reply, &QNetworkReply::finished, context,
            [reply, done = std::move(done), bearer, guard, timeoutMs, method, path] {
                reply->deleteLater();
                ApiResponse response =
                        parseReply(reply, reply->property(kTimedOutProperty).toBool(), timeoutMs);
                response.bearerSent = bearer;
                qCDebug(lcTransport).noquote()
                        << method << path << "->" << response.httpStatus
                        << (response.error ? response.error.toString() : QString());
                if (guard)
                    done(response);
            });
    return reply;
}

ApiResponse Transport::parseReply(QNetworkReply *reply, bool timedOut, int timeoutMs)
{
    ApiResponse response;
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    if (reply->isOpen())
        response.body = reply->readAll();

    if (response.httpStatus == 0 || timedOut || reply->property(kTooLargeProperty).isValid()) {
        response.error = networkError(reply, timedOut, timeoutMs);
        return response;
    }

    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
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

} // namespace CoCart
