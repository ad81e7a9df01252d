#include <CoCartDevStore/DevStore.h>

#include "devstore_p.h"
#include "httpguard_p.h"
#include "logging_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>
#include <mutex>

namespace CoCartDevStore {

using namespace Internal;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QString peerIp(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

const QByteArray kCoCartVersion = "4.3.6";
constexpr qsizetype kRecordedBodyBytes = 4096;
constexpr qint64 kHousekeepingSeconds = 60;
const QByteArray kRedacted = "<redacted>";

//! Fields whose values never go into a RecordedRequest.
bool isSecretField(const QString &name)
{
    static const QStringList secrets = {QStringLiteral("password"), QStringLiteral("refresh_token"),
                                        QStringLiteral("jwt_refresh"), QStringLiteral("jwt_token"),
                                        QStringLiteral("token")};
    return secrets.contains(name, Qt::CaseInsensitive);
}

QString redactQuery(const QString &query)
{
    QUrlQuery items(query);
    bool changed = false;
    QList<QPair<QString, QString>> pairs = items.queryItems(QUrl::FullyEncoded);
    for (auto &pair : pairs) {
        if (isSecretField(pair.first)) {
            pair.second = QString::fromLatin1(kRedacted);
            changed = true;
        }
    }
    if (!changed)
        return query;
    items.setQueryItems(pairs);
    return items.query(QUrl::FullyEncoded);
}

//! A form body's secret fields redacted; a JSON object's top-level secret fields redacted (any
//! value type); then, in any body, anything that looks like a quoted secret field (nested JSON,
//! broken JSON); then cut to kRecordedBodyBytes.
QByteArray redactBody(const Request &request)
{
    if (request.isForm())
        return redactQuery(QString::fromUtf8(request.body)).toUtf8().left(kRecordedBodyBytes);
    QByteArray body = request.body;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        QJsonObject object = document.object();
        bool changed = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretField(it.key())) {
                it.value() = QString::fromLatin1(kRedacted);
                changed = true;
            }
        }
        if (changed)
            body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    static const QRegularExpression quoted(
            QStringLiteral("(\"(?:password|refresh_token|jwt_refresh|jwt_token|token)"
                           "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"|$)"),
            QRegularExpression::CaseInsensitiveOption);
    return QString::fromUtf8(body.left(kRecordedBodyBytes * 2))
            .replace(quoted, QStringLiteral("\\1<redacted>\\2"))
            .toUtf8()
            .left(kRecordedBodyBytes);
}

QByteArray redactHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("Authorization", Qt::CaseInsensitive) == 0 ||
        name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.left(space) + ' ' + kRedacted : kRedacted;
    }
    if (name.compare("Cookie", Qt::CaseInsensitive) == 0)
        return kRedacted;
    return value;
}

//! WP_REST_Request::has_valid_params(): a JSON body that does not parse (json_decode gives
//! null with an error) fails every matched route with 400 rest_invalid_json.
bool hasInvalidJsonBody(const Request &request)
{
    if (!request.isJson() || request.body.isEmpty())
        return false;
    // Wrapped in an array so top-level scalars ("2", "null") parse as PHP's json_decode does.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + request.body + ']', &error);
    return error.error != QJsonParseError::NoError || document.array().size() != 1;
}

//! Qt's own qt.httpserver* categories print whole requests (Bearer and Basic credentials
//! included) at debug level: they stay off whatever the logging rules say.
QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

void categoryFilter(QLoggingCategory *category)
{
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

void silenceQtHttpServer()
{
    static std::once_flag once;
    std::call_once(
            once, [] { previousCategoryFilter = QLoggingCategory::installFilter(categoryFilter); });
}

} // namespace

// --- RecordedRequest -------------------------------------------------------------------------

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// --- DevStorePrivate: the request pipeline ---------------------------------------------------

DevStorePrivate::DevStorePrivate(DevStore *q) : q(q), tokens([this] { return now(); })
{
    silenceQtHttpServer();
    tokens.setSecret(randomBytes(32));
    saveTimer.setSingleShot(true);
    QObject::connect(&saveTimer, &QTimer::timeout, q, [this] { writeState(); });
    server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handle(request, std::move(responder));
            });
    registerAuthRoutes(routes, *this);
    registerStoreRoutes(routes, *this);
    registerAvatarRoutes(routes, *this);
    QString error;
    if (!catalog.load(QStringLiteral(":/cocart-devstore/catalog/catalog.json"), &error))
        qCWarning(lcDevStore).noquote() << "demo catalogue not loaded:" << error;
    registerProductRoutes(routes, *this);
    registerCartRoutes(routes, *this);
    registerIndexRoutes(routes, *this);
    registerWebRoutes(routes, *this);
}

DevStorePrivate::~DevStorePrivate()
{
    writeState(); // what the save timer had not written yet
    hung.clear(); // before the server (and its sockets) go away
}

void DevStorePrivate::housekeep()
{
    const qint64 t = now();
    if (t - lastHousekeeping < kHousekeepingSeconds && t >= lastHousekeeping)
        return;
    lastHousekeeping = t;
    const int sessions = tokens.pruneExpired(t);
    const int guestCarts = carts.pruneExpired(t);
    if (sessions > 0 || guestCarts > 0) {
        qCDebug(lcDevStore) << "dropped" << sessions << "expired sessions and" << guestCarts
                            << "expired guest carts";
        saveState();
    }
}

qint64 DevStorePrivate::record(const QHttpServerRequest &httpRequest, const Request &request)
{
    if (historyLimit <= 0)
        return -1;
    RecordedRequest record;
    record.method = request.method;
    record.path = request.rawPath;
    record.query = redactQuery(httpRequest.url().query());
    for (const auto &header : request.headers)
        record.headers.append({header.first, redactHeader(header.first, header.second)});
    record.body = redactBody(request);
    record.bodySize = request.body.size();
    records.append(record);
    while (records.size() > historyLimit) {
        records.removeFirst();
        ++firstRecordSeq;
    }
    return nextRecordSeq++;
}

qint64 DevStorePrivate::now() const
{
    return QDateTime::currentSecsSinceEpoch() + clockOffset;
}

QString DevStorePrivate::baseUrl() const
{
    QString host;
    if (address.isNull() || address.isLoopback() || address == QHostAddress::Any ||
        address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6) {
        host = address == QHostAddress::LocalHostIPv6 ? QStringLiteral("[::1]")
                                                      : QStringLiteral("127.0.0.1");
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    } else {
        host = address.toString();
    }
    return (tlsCertificate.isNull() ? QStringLiteral("http://") : QStringLiteral("https://")) +
            host + QLatin1Char(':') + QString::number(port);
}

QString DevStorePrivate::restUrl(const QString &route) const
{
    return baseUrl() + QStringLiteral("/wp-json") + route;
}

Request DevStorePrivate::makeRequest(const QHttpServerRequest &request) const
{
    Request r;
    r.method = methodName(request.method());
    r.rawPath = request.url().path();
    r.path = r.rawPath;
    while (r.path.size() > 1 && r.path.endsWith(QLatin1Char('/')))
        r.path.chop(1);
    r.query = request.query();
    r.headers = request.headers();
    r.body = request.body();
    r.clientIp = clientIpOverride.isEmpty() ? peerIp(request.remoteAddress()) : clientIpOverride;
    r.userAgent = QString::fromUtf8(r.header("user-agent")).trimmed();
    return r;
}

void DevStorePrivate::handle(const QHttpServerRequest &httpRequest,
                             QHttpServerResponder &&httpResponder)
{
    auto responder = std::make_shared<QHttpServerResponder>(std::move(httpResponder));
    Request request = makeRequest(httpRequest);

    ++counters[QString::fromLatin1(request.method) + QLatin1Char(' ') + request.rawPath];
    ++total;
    const qint64 recordSeq = record(httpRequest, request);
    housekeep();

    int delayMs = 0;
    std::optional<Fault> wireFault; //!< a fault in how the answer travels, not in what it says
    if (const std::optional<Fault> fault = faults.take(request.rawPath)) {
        switch (fault->kind) {
        case Fault::Kind::Status: {
            Response response;
            response.status = fault->status;
            response.body = fault->body;
            response.contentType = fault->contentType;
            response.setHeader("Content-Type", fault->contentType);
            response.setHeader("Cache-Control", "no-cache, must-revalidate, max-age=0");
            if (fault->retryAfterSeconds >= 0)
                response.setHeader("Retry-After", QByteArray::number(fault->retryAfterSeconds));
            if (!fault->location.isEmpty())
                response.setHeader("Location", fault->location);
            qCDebug(lcDevStore).noquote() << "fault: status" << fault->status << "for"
                                          << request.method << request.rawPath;
            Q_EMIT q->faultApplied(request.method, request.rawPath, fault->status);
            send(responder, request, response, recordSeq);
            return;
        }
        case Fault::Kind::Hang:
            qCDebug(lcDevStore).noquote() << "fault: hanging" << request.method << request.rawPath;
            if (logRequests) {
                std::fprintf(stdout, "%s %s (hanging)\n", request.method.constData(),
                             request.rawPath.toUtf8().constData());
                std::fflush(stdout);
            }
            hung.push_back(responder);
            return;
        case Fault::Kind::Delay:
            delayMs = fault->delayMs;
            break;
        case Fault::Kind::Drop:
            qCDebug(lcDevStore).noquote() << "fault: dropping" << request.method << request.rawPath;
            Q_EMIT q->faultApplied(request.method, request.rawPath, 0);
            if (QTcpSocket *socket = responder->socket())
                socket->abort();
            return;
        case Fault::Kind::Truncate:
        case Fault::Kind::Trickle:
            wireFault = fault;
            break;
        }
    }

    Response response = process(request);
    decorate(request, response);
    saveState(); // logins, refreshes, logouts and cart changes all pass here

    if (wireFault) {
        sendBroken(responder, request, response, *wireFault);
        return;
    }
    if (delayMs <= 0) {
        send(responder, request, response, recordSeq);
        return;
    }
    qCDebug(lcDevStore).noquote() << "fault: delaying" << request.method << request.rawPath << "by"
                                  << delayMs << "ms";
    // The client may give up (and its socket be deleted) before the delay ends.
    const QPointer<QTcpSocket> socket = responder->socket();
    QTimer::singleShot(delayMs, q, [this, socket, responder, request, response, recordSeq] {
        if (!socket) {
            qCDebug(lcDevStore).noquote() << "client went away before" << request.method
                                          << request.rawPath << "was answered";
            Q_EMIT q->requestHandled(request.method, request.rawPath, response.status);
            return;
        }
        send(responder, request, response, recordSeq);
    });
}

std::optional<Response> DevStorePrivate::authenticate(Request &request)
{
    static const QRegularExpression bearer(
            QStringLiteral(
                    "^Bearer\\s+([A-Za-z0-9\\-_=]+\\.[A-Za-z0-9\\-_=]+\\.[A-Za-z0-9\\-_=]+)$"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression basic(QStringLiteral("^Basic\\s+(\\S+)$"),
                                          QRegularExpression::CaseInsensitiveOption);

    const QString authorization = QString::fromLatin1(request.header("authorization")).trimmed();
    if (authorization.isEmpty())
        return std::nullopt;

    const QRegularExpressionMatch bearerMatch = bearer.match(authorization);
    if (bearerMatch.hasMatch()) {
        QString reason;
        const std::optional<TokenClaims> claims = tokens.validate(
                bearerMatch.captured(1).toLatin1(), request.clientIp, request.userAgent,
                [this](qint64 id) { return accounts.byId(id) != nullptr; }, &reason);
        if (!claims) {
            qCDebug(lcDevStore).noquote() << "Bearer rejected:" << reason;
            return Response::error(QStringLiteral("cocart_authentication_error"),
                                   QStringLiteral("Authentication failed."), 403);
        }
        request.userId = claims->userId;
        request.pat = claims->pat;
        request.bearerToken = bearerMatch.captured(1).toLatin1();
        request.auth = Request::Auth::Bearer;
        return std::nullopt;
    }

    // CoCart tries credentials on every request (local/dev sites); a malformed header is a guest.
    const QRegularExpressionMatch basicMatch = basic.match(authorization);
    if (!basicMatch.hasMatch())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(basicMatch.captured(1).toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype colon = decoded ? (*decoded).indexOf(':') : -1;
    if (colon < 0)
        return std::nullopt;
    return checkCredentials(request, QString::fromUtf8((*decoded).left(colon)),
                            QString::fromUtf8((*decoded).mid(colon + 1)), Request::Auth::Basic);
}

std::optional<Response> DevStorePrivate::checkCredentials(Request &request, const QString &username,
                                                          const QString &password,
                                                          Request::Auth method) const
{
    qint64 userId = 0;
    switch (accounts.authenticate(username, password, &userId)) {
    case Accounts::Check::Ok:
        request.userId = userId;
        request.auth = method;
        return std::nullopt;
    case Accounts::Check::WrongPassword:
        return Response::error(
                QStringLiteral("cocart_authentication_error"),
                QStringLiteral("The password you entered for the username \"%1\" is incorrect.")
                        .arg(username),
                401);
    case Accounts::Check::UnknownUser:
        break;
    }
    return Response::error(QStringLiteral("cocart_authentication_error"),
                           QStringLiteral("Authentication is invalid. Please check your login "
                                          "details are correct and try again."),
                           401);
}

Response DevStorePrivate::process(Request &request)
{
    // Authentication errors are global to the REST request: even public routes fail.
    if (std::optional<Response> failure = authenticate(request))
        return *failure;

    const RouteTable::Match match = routes.match(request.method, request.path);
    if (!match.route)
        return Response::error(QStringLiteral("rest_no_route"),
                               QStringLiteral("No route was found matching the URL and request "
                                              "method."),
                               404);
    request.captures = match.captures;
    if (hasInvalidJsonBody(request))
        return Response::error(QStringLiteral("rest_invalid_json"),
                               QStringLiteral("Invalid JSON body passed."), 400);
    if (match.route->permission) {
        if (std::optional<Response> denied = match.route->permission(request))
            return *denied;
    }

    Response response = match.route->handler(request);
    QByteArray allow;
    for (const QByteArray &method : match.allowedMethods)
        allow += (allow.isEmpty() ? QByteArray() : QByteArray(", ")) + method;
    if (!response.hasHeader("Allow"))
        response.setHeader("Allow", allow);
    response.cocartHeaders = (match.route->flags & CoCartHeaders) && response.status < 400;
    return response;
}

void DevStorePrivate::decorate(const Request &request, Response &response) const
{
    HeaderList common;
    const auto add = [&common, &response](const QByteArray &name, const QByteArray &value) {
        if (!response.hasHeader(name))
            common.append({name, value});
    };
    add("Content-Type", response.contentType);
    add("X-Robots-Tag", "noindex");
    add("Link", "<" + baseUrl().toUtf8() + "/wp-json/>; rel=\"https://api.w.org/\"");
    add("X-Content-Type-Options", "nosniff");
    add("Access-Control-Expose-Headers",
        "X-WP-Total, X-WP-TotalPages, Link, CoCart-API-Cart-Key, CoCart-API-Cart-Expiring, "
        "CoCart-API-Cart-Expiration");
    add("Access-Control-Allow-Headers",
        "Authorization, X-Requested-With, Content-Disposition, Content-MD5, Content-Type");
    if (response.cocartHeaders) {
        add("CoCart-Timestamp", QByteArray::number(now()));
        add("CoCart-Version", kCoCartVersion);
    }
    // Who is asking decides the caching headers (transcripts: logged-in vs guest/error).
    if (response.plainHeaders) {
        // wp_send_json_error() answers carry none of them.
    } else if (request.userId > 0) {
        add("Expires", "Wed, 11 Jan 1984 05:00:00 GMT");
        add("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private");
    } else {
        add("Expires", "Thu, 01-Jan-70 00:00:01 GMT");
        add("Cache-Control", "no-store, no-cache, must-revalidate");
        if (request.method == "GET")
            add("Vary", "Origin");
    }
    if (!response.plainHeaders)
        add("Pragma", "no-cache");
    response.headers = common + response.headers;
}

void DevStorePrivate::sendBroken(const std::shared_ptr<QHttpServerResponder> &responder,
                                 const Request &request, const Response &response,
                                 const Fault &fault)
{
    // Written on the socket by hand: QHttpServerResponder only sends whole answers.
    const QPointer<QTcpSocket> socket = responder->socket();
    if (!socket)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Fault\r\n";
    for (const auto &header : response.headers) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) != 0 &&
            header.first.compare("Connection", Qt::CaseInsensitive) != 0)
            head += header.first + ": " + header.second + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) +
            "\r\nConnection: close\r\n\r\n";
    const bool truncate = fault.kind == Fault::Kind::Truncate;
    qCDebug(lcDevStore).noquote() << "fault:" << (truncate ? "truncating" : "trickling")
                                  << request.method << request.rawPath;
    // The status is the store's own (the route ran); only the transfer breaks.
    Q_EMIT q->requestHandled(request.method, request.rawPath, response.status);
    socket->write(head);
    if (truncate) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    // Four pieces, the last one completing the answer.
    const qsizetype piece = qMax<qsizetype>(1, (response.body.size() + 3) / 4);
    for (int i = 0; i < 4; ++i) {
        const QByteArray part = response.body.mid(i * piece, piece);
        QTimer::singleShot(qMax(1, fault.delayMs) * (i + 1), q, [socket, part, last = i == 3] {
            if (!socket)
                return;
            socket->write(part);
            if (last)
                socket->disconnectFromHost();
        });
    }
}

void DevStorePrivate::send(const std::shared_ptr<QHttpServerResponder> &responder,
                           const Request &request, const Response &response, qint64 recordSeq)
{
    if (recordSeq >= firstRecordSeq && recordSeq - firstRecordSeq < records.size())
        records[static_cast<qsizetype>(recordSeq - firstRecordSeq)].status = response.status;

    QTcpSocket *socket = responder->socket();
    if (socket && socket->state() == QAbstractSocket::ConnectedState) {
        responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
        for (const auto &header : response.headers) {
            if (header.first.compare("Content-Length", Qt::CaseInsensitive) != 0)
                responder->writeHeader(header.first, header.second);
        }
        responder->writeHeader("Content-Length", QByteArray::number(response.body.size()));
        responder->writeBody(response.body);
    } else {
        qCDebug(lcDevStore).noquote()
                << "client went away before" << request.method << request.rawPath << "was answered";
    }

    qCDebug(lcDevStore).noquote() << request.method << request.rawPath << response.status;
    if (logRequests) {
        std::fprintf(stdout, "%s %s %d\n", request.method.constData(),
                     request.rawPath.toUtf8().constData(), response.status);
        std::fflush(stdout);
    }
    Q_EMIT q->requestHandled(request.method, request.rawPath, response.status);
}

// --- DevStore --------------------------------------------------------------------------------

DevStore::DevStore(QObject *parent)
    : QObject(parent), d(std::make_unique<DevStorePrivate>(this)) { }

DevStore::~DevStore() = default;

bool DevStore::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(d->limits);
    if (!d->tlsCertificate.isNull()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(d->tlsCertificate);
        tls.setPrivateKey(d->tlsKey);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients send no certificate
        tcp->setTlsConfiguration(tls);
    }
    if (!tcp->listen(address, port)) {
        qCWarning(lcDevStore).noquote()
                << "cannot listen on" << address.toString() << port << ":" << tcp->errorString();
        delete tcp;
        return false;
    }
    d->server.bind(tcp); // owns it from now on
    d->tcpServer = tcp;
    d->address = address;
    d->port = tcp->serverPort();
    if (d->tokens.issuer().isEmpty()) { // a state file may have fixed it
        d->tokens.setIssuer(d->baseUrl());
        d->saveState();
    }
    qCDebug(lcDevStore).noquote() << "listening on" << d->baseUrl();
    return true;
}

quint16 DevStore::port() const
{
    return d->port;
}

void DevStore::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    d->tlsCertificate = certificate;
    d->tlsKey = certificate.isNull() ? QSslKey() : key;
}

bool DevStore::isTls() const
{
    return !d->tlsCertificate.isNull();
}

bool DevStore::generateSelfSignedCertificate(QSslCertificate *certificate, QSslKey *key,
                                             QString *error)
{
    const auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("no temporary directory: %1").arg(dir.errorString()));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    const QString certFile = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=cocart-devstore"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost"),
                   QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        return failed(QStringLiteral("openssl failed: %1 %2")
                              .arg(openssl.errorString(),
                                   QString::fromLocal8Bit(openssl.readAll()).simplified()));
    }
    QFile certIn(certFile);
    QFile keyIn(keyFile);
    if (!certIn.open(QIODevice::ReadOnly) || !keyIn.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("openssl wrote no certificate or key"));
    const QSslCertificate cert(&certIn, QSsl::Pem);
    const QSslKey privateKey(&keyIn, QSsl::Ec, QSsl::Pem);
    if (cert.isNull() || privateKey.isNull())
        return failed(QStringLiteral("cannot read the certificate or key openssl wrote"));
    *certificate = cert;
    *key = privateKey;
    return true;
}

void DevStore::setServerLimits(const ServerLimits &limits)
{
    d->limits = limits;
    if (d->tcpServer)
        d->tcpServer->setLimits(limits);
}

ServerLimits DevStore::serverLimits() const
{
    return d->limits;
}

int DevStore::openConnectionCount() const
{
    return d->tcpServer ? d->tcpServer->connectionCount() : 0;
}

QUrl DevStore::url() const
{
    return QUrl(d->baseUrl());
}

qint64 DevStore::addAccount(Account account)
{
    return d->accounts.add(std::move(account));
}

void DevStore::seedDemoData()
{
    addAccount(demoCustomer());
}

Account DevStore::demoCustomer()
{
    Account account;
    account.username = QStringLiteral("customer1");
    account.password = QStringLiteral("customer-pass-123");
    account.email = QStringLiteral("customer1@example.test");
    account.firstName = QStringLiteral("Jane");
    account.lastName = QStringLiteral("Doe");
    account.displayName = QStringLiteral("Jane Doe");
    account.id = 2;
    return account;
}

void DevStore::setSecret(const QByteArray &secret)
{
    d->tokens.setSecret(secret);
    d->saveState();
}

void DevStore::setAccessTokenTtl(qint64 seconds)
{
    d->tokens.setAccessTtl(seconds);
}

void DevStore::setRefreshTokenTtl(qint64 seconds)
{
    d->tokens.setRefreshTtl(seconds);
}

void DevStore::setClockOffset(qint64 seconds)
{
    d->clockOffset = seconds;
}

qint64 DevStore::now() const
{
    return d->now();
}

void DevStore::setClientIpOverride(const QString &ip)
{
    d->clientIpOverride = ip;
}

void DevStore::setLogRequests(bool on)
{
    d->logRequests = on;
}

void DevStore::addFault(const Fault &fault)
{
    d->faults.add(fault);
}

void DevStore::clearFaults()
{
    d->faults.clear();
}

int DevStore::requestCount(const QString &methodAndPath) const
{
    return d->counters.value(methodAndPath);
}

int DevStore::totalRequestCount() const
{
    return d->total;
}

void DevStore::setRequestHistoryLimit(int records)
{
    d->historyLimit = qMax(records, 0);
    while (d->records.size() > d->historyLimit) {
        d->records.removeFirst();
        ++d->firstRecordSeq;
    }
}

int DevStore::requestHistoryLimit() const
{
    return d->historyLimit;
}

QList<RecordedRequest> DevStore::requests() const
{
    return d->records;
}

void DevStore::resetCounters()
{
    d->counters.clear();
    d->total = 0;
    d->records.clear();
    d->firstRecordSeq = d->nextRecordSeq; // answers still pending update nothing
}

int DevStore::activeSessionCount(qint64 userId) const
{
    return d->tokens.activeSessionCount(userId);
}

bool DevStore::loadCatalog(const QString &path)
{
    QString error;
    if (d->catalog.load(path, &error))
        return true;
    qCWarning(lcDevStore).noquote() << "catalogue not loaded:" << error;
    return false;
}

void DevStore::setStock(qint64 productId, int quantity)
{
    d->catalog.setStock(productId, quantity < 0 ? std::nullopt : std::optional<int>(quantity));
    d->saveState();
}

int DevStore::stock(qint64 productId) const
{
    const Product *product = d->catalog.byId(productId);
    return product && product->stock ? *product->stock : -1;
}

bool DevStore::hasCart(const QString &cartKey) const
{
    return d->carts.find(cartKey) != nullptr;
}

QStringList DevStore::cartKeys() const
{
    return d->carts.keys();
}

QJsonObject DevStore::cartSnapshot(const QString &cartKey) const
{
    return Internal::cartSnapshot(*d, cartKey);
}

int DevStore::cartItemQuantity(const QString &cartKey, qint64 productId) const
{
    const Cart *cart = d->carts.find(cartKey);
    if (!cart)
        return 0;
    double quantity = 0;
    for (const CartLine &line : cart->items) {
        if (line.itemId() == productId || line.productId == productId)
            quantity += line.quantity;
    }
    return static_cast<int>(quantity);
}

void DevStore::clearCarts()
{
    d->carts.clear();
    d->saveState();
}

} // namespace CoCartDevStore
