#include "routetable_p.h"

#include "wire_p.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace CoCartDevStore::Internal {

namespace {

QByteArray headerValue(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

bool containsHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray mimeType(const QByteArray &contentType)
{
    return contentType.split(';').constFirst().trimmed().toLower();
}

} // namespace

QByteArray Request::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

bool Request::hasHeader(const QByteArray &name) const
{
    return containsHeader(headers, name);
}

bool Request::isJson() const
{
    return mimeType(header("content-type")) == "application/json";
}

bool Request::isForm() const
{
    return mimeType(header("content-type")) == "application/x-www-form-urlencoded";
}

QJsonObject Request::jsonBody() const
{
    if (!isJson())
        return {};
    return QJsonDocument::fromJson(body).object();
}

QUrlQuery Request::formBody() const
{
    if (!isForm())
        return {};
    QByteArray text = body;
    text.replace('+', "%20"); // QUrlQuery does not treat '+' as a space; forms do
    return QUrlQuery(QString::fromUtf8(text));
}

std::optional<QString> Request::param(const QString &name) const
{
    const QJsonObject json = jsonBody();
    if (json.contains(name)) {
        const QJsonValue value = json.value(name);
        if (value.isString())
            return value.toString();
        if (value.isNull())
            return QString();
        return QString::fromUtf8(encodeJsonBody(value));
    }
    const QUrlQuery form = formBody();
    if (form.hasQueryItem(name))
        return form.queryItemValue(name, QUrl::FullyDecoded);
    if (query.hasQueryItem(name))
        return query.queryItemValue(name, QUrl::FullyDecoded);
    return std::nullopt;
}

void Response::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (qsizetype i = headers.size() - 1; i >= 0; --i) {
        if (headers.at(i).first.compare(name, Qt::CaseInsensitive) == 0)
            headers.removeAt(i);
    }
    headers.append({name, value});
}

void Response::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
}

bool Response::hasHeader(const QByteArray &name) const
{
    return containsHeader(headers, name);
}

QByteArray Response::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

Response Response::json(const QJsonValue &value, int status)
{
    Response response;
    response.status = status;
    response.body = encodeJsonBody(value);
    return response;
}

Response Response::error(const QString &code, const QString &message, int status)
{
    return json(errorBody(code, message, status), status);
}

void RouteTable::add(const QByteArray &method, const QString &pattern, Handler handler, int flags,
                     Permission permission)
{
    Route route;
    route.method = method.toUpper();
    route.pattern = QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                       QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT_X(route.pattern.isValid(), "RouteTable::add", "invalid route pattern");
    route.handler = std::move(handler);
    route.permission = std::move(permission);
    route.flags = flags;
    m_routes.push_back(std::move(route));
}

RouteTable::Match RouteTable::match(const QByteArray &method, const QString &path) const
{
    Match result;
    for (const Route &route : m_routes) {
        const QRegularExpressionMatch m = route.pattern.match(path);
        if (!m.hasMatch())
            continue;
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
        if (!result.route && route.method == method) {
            result.route = &route;
            result.captures = m.capturedTexts().mid(1);
        }
    }
    return result;
}

} // namespace CoCartDevStore::Internal
