// The cart routes' request parameters as CoCart 4.3.6 reads and refuses them, and the
// numbers and notices of its answers (see cartapi_p.h).

#include "cartapi_p.h"

#include "catalog_p.h"
#include "wire_p.h"

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

Response invalidParam(const QString &name)
{
    QJsonObject params;
    params.insert(name, u"Invalid parameter."_s);
    return invalidParamError(name, params, QJsonArray());
}

Response quantityError(const QString &message)
{
    return Response::error(u"cocart_quantity_invalid_amount"_s, message, 405);
}

} // namespace

QJsonValue number(double value)
{
    if (value == static_cast<double>(static_cast<qint64>(value)))
        return QJsonValue(static_cast<qint64>(value));
    return QJsonValue(value);
}

QString numberText(double value)
{
    return QString::fromLatin1(encodeJsonBody(number(value)));
}

QJsonObject successNotice(const QString &message)
{
    return {{u"success"_s, QJsonArray {message}}};
}

Param param(const Request &request, const QString &name)
{
    Param p;
    const QJsonObject body = request.jsonBody();
    if (body.contains(name)) {
        p.present = true;
        p.fromJson = true;
        p.json = body.value(name);
        p.text = p.json.toString();
        return p;
    }
    const QUrlQuery form = request.formBody();
    if (form.hasQueryItem(name)) {
        p.present = true;
        p.text = form.queryItemValue(name, QUrl::FullyDecoded);
        return p;
    }
    if (request.query.hasQueryItem(name)) {
        p.present = true;
        p.text = request.query.queryItemValue(name, QUrl::FullyDecoded);
    }
    return p;
}

bool boolParam(const Request &request, const QString &name)
{
    const Param p = param(request, name);
    if (!p.present)
        return false;
    if (p.fromJson)
        return p.json.isBool() ? p.json.toBool() : p.json.toString() == u"true"_s;
    const QString v = p.text.trimmed().toLower();
    return v == u"1"_s || v == u"true"_s || v == u"yes"_s;
}

Response missingParam(const QString &name)
{
    QJsonObject data;
    data.insert(u"status"_s, 400);
    data.insert(u"params"_s, QJsonArray {QJsonValue(name)});
    QJsonObject body;
    body.insert(u"code"_s, u"rest_missing_callback_param"_s);
    body.insert(u"message"_s, QString(u"Missing parameter(s): "_s + name));
    body.insert(u"data"_s, data);
    return Response::json(body, 400);
}

Response invalidParamError(const QString &name, const QJsonObject &params,
                           const QJsonValue &details)
{
    QJsonObject data;
    data.insert(u"status"_s, 400);
    data.insert(u"params"_s, params);
    data.insert(u"details"_s, details);
    QJsonObject body;
    body.insert(u"code"_s, u"rest_invalid_param"_s);
    body.insert(u"message"_s, QString(u"Invalid parameter(s): "_s + name));
    body.insert(u"data"_s, data);
    return Response::json(body, 400);
}

Response notOfTypeString(const QString &name)
{
    const QString message = name + u" is not of type string."_s;
    QJsonObject params;
    params.insert(name, message);
    QJsonObject detail;
    detail.insert(u"code"_s, u"rest_invalid_type"_s);
    detail.insert(u"message"_s, message);
    QJsonObject paramData;
    paramData.insert(u"param"_s, name);
    detail.insert(u"data"_s, paramData);
    QJsonObject details;
    details.insert(name, detail);
    return invalidParamError(name, params, details);
}

std::optional<Response> parseQuantity(const Param &p, double *quantity)
{
    if (p.fromJson && p.json.isDouble())
        return notOfTypeString(u"quantity"_s);
    if (p.fromJson && !p.json.isString())
        return invalidParam(u"quantity"_s);
    bool ok = false;
    const double value = p.text.trimmed().toDouble(&ok);
    if (!ok || p.text.trimmed().isEmpty() || qIsNaN(value) || qIsInf(value))
        return invalidParam(u"quantity"_s);
    *quantity = value;
    return std::nullopt;
}

std::optional<Response> checkQuantity(const Product &product, double quantity)
{
    if (quantity < 1)
        return quantityError(u"Quantity must be a minimum of 1."_s);
    const int max = product.maxPurchase();
    if (max > 0 && quantity > max)
        return quantityError(u"Quantity must be %1 or lower."_s.arg(max));
    return std::nullopt;
}

} // namespace CoCartDevStore::Internal
