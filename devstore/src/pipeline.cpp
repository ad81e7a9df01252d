// The request pipeline: QHttpServer hands every request to DevStorePrivate::handle(), which
// counts and records it (requestlog.cpp), applies a scripted fault (faultinjector.cpp), then
// authenticates, routes, checks the permission, runs the handler, decorates the answer with the
// common headers and sends it. Route groups only register handlers (routes_p.h).

#include "devstore_p.h"
#include "logging_p.h"
#include "wire_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>

#include <cstdio>

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

} // namespace

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
        if (applyFault(*fault, responder, request, recordSeq, &delayMs, &wireFault))
            return;
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
    sendDelayed(responder, request, response, recordSeq, delayMs);
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

} // namespace CoCartDevStore
