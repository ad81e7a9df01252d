// The cart routes of CoCart 4.3.6 (/cocart/v2/cart...), the guest cart keys and the handover of
// a guest cart to a signed-in customer. Statuses, codes, messages and shapes follow
// transcripts-2 sections 6-9 and 11 and transcripts.md 07-09, 42-46, 50. One deliberate
// difference: a guest naming a customer's id as the key is refused whether the key comes as the
// cart_key parameter or as the CoCart-API-Cart-Key header (4.3.6 only checked the parameter).

#include "carts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "logging_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

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

//! The wp_send_json_error() answer of the 4.3.6 cart-key checks: another shape, no caching
//! headers, no CoCart-* headers (11b, 11d).
Response sendJsonError(const QString &code, const QString &message)
{
    Response response = Response::json(
            QJsonObject {{u"success"_s, false},
                         {u"data"_s,
                          QJsonArray {QJsonObject {{u"code"_s, code}, {u"message"_s, message}}}}},
            403);
    response.plainHeaders = true;
    response.setHeader("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link");
    response.setHeader("X-WP-DoingItWrong",
                       "wp_send_json (since 5.5.0; Return a WP_REST_Response or WP_Error object "
                       "from your callback when using the REST API.)");
    return response;
}

//! A request parameter with its JSON type, found like WP_REST_Request::get_param (JSON body,
//! then form body, then query string).
struct Param
{
    bool present = false;
    bool fromJson = false;
    QJsonValue json;
    QString text;
};

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

Response invalidParam(const QString &name)
{
    QJsonObject params;
    params.insert(name, u"Invalid parameter."_s);
    return invalidParamError(name, params, QJsonArray());
}

//! `quantity` as CoCart validates it: a JSON string holding a number (form and query values are
//! strings anyway). Numbers are a type error; anything not numeric is "Invalid parameter.".
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

Response quantityError(const QString &message)
{
    return Response::error(u"cocart_quantity_invalid_amount"_s, message, 405);
}

//! CoCart's validate_quantity(): at least 1, at most max_purchase when that is positive.
std::optional<Response> checkQuantity(const Product &product, double quantity)
{
    if (quantity < 1)
        return quantityError(u"Quantity must be a minimum of 1."_s);
    const int max = product.maxPurchase();
    if (max > 0 && quantity > max)
        return quantityError(u"Quantity must be %1 or lower."_s.arg(max));
    return std::nullopt;
}

//! `variation` from a JSON object, or variation[attribute_size]=M in a form or the query.
QList<QPair<QString, QString>> variationParam(const Request &request)
{
    QList<QPair<QString, QString>> out;
    const QJsonObject body = request.jsonBody();
    if (body.contains(u"variation"_s)) {
        const QJsonObject v = body.value(u"variation"_s).toObject();
        for (auto it = v.constBegin(); it != v.constEnd(); ++it)
            out.append({it.key(), it.value().toString()});
        return out;
    }
    const auto scan = [&out](const QUrlQuery &query) {
        for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
            if (item.first.startsWith(u"variation["_s) && item.first.endsWith(QLatin1Char(']')))
                out.append({item.first.mid(10, item.first.size() - 11), item.second});
        }
    };
    scan(request.formBody());
    if (out.isEmpty())
        scan(request.query);
    return out;
}

class CartApi
{
public:
    explicit CartApi(DevStorePrivate &store) : store(store), catalog(store.catalog) { }

    bool isCustomerId(const QString &key) const
    {
        bool numeric = false;
        const qint64 id = key.toLongLong(&numeric);
        return numeric && id > 0 && store.accounts.byId(id) != nullptr;
    }

    //! Picks the cart of this request, doing the handover when a customer sends a guest key.
    std::optional<Response> open(Request &request, QString *key)
    {
        const QString header = Carts::sanitizeKey(
                QString::fromUtf8(request.header("cocart-api-cart-key")).trimmed());
        const QString query = Carts::sanitizeKey(
                request.query.queryItemValue(u"cart_key"_s, QUrl::FullyDecoded).trimmed());
        if (request.userId > 0) {
            const QString own = QString::number(request.userId);
            if (query == own)
                return sendJsonError(u"cocart_already_authenticating_user"_s,
                                     u"You are already authenticating as the customer. Cannot "
                                     "set cart key as the user."_s);
            const QString guest = header.isEmpty() ? query : header;
            if (!guest.isEmpty() && guest != own) {
                // Another customer's cart is not a guest cart to take over.
                if (isCustomerId(guest))
                    return mustAuthenticate();
                // CoCart replaces the customer's cart with the guest's, even an empty or
                // unknown one (transcripts-2, 06j, 06m, 06o).
                qCDebug(lcDevStore) << "handing a guest cart over to customer" << request.userId
                                    << (store.carts.find(guest) ? "" : "(no such guest cart)");
                store.carts.moveTo(guest, own);
            }
            store.carts.ensure(own).touch(store.now());
            *key = own;
            return std::nullopt;
        }
        if (isCustomerId(query) || isCustomerId(header))
            return mustAuthenticate();
        QString chosen = header.isEmpty() ? query : header;
        if (chosen.isEmpty())
            chosen = Carts::newGuestKey();
        // A guest session past its expiration is gone, as in CoCart (its key starts afresh).
        const Cart *existing = store.carts.find(chosen);
        if (existing && existing->expiresAt != 0 && store.now() > existing->expiresAt)
            store.carts.remove(chosen);
        store.carts.ensure(chosen).touch(store.now());
        *key = chosen;
        return std::nullopt;
    }

    static Response mustAuthenticate()
    {
        return sendJsonError(u"cocart_must_authenticate_user"_s,
                             u"Must authenticate customer as the cart key provided is a "
                             "registered customer."_s);
    }

    QString imageUrl(const Product &p) const
    {
        const QString file = p.image.isEmpty() ? u"woocommerce-placeholder.png"_s : p.image;
        return store.baseUrl() + u"/wp-content/uploads/"_s + file;
    }

    QString title(const CartLine &line) const
    {
        const Product *parent = catalog.byId(line.productId);
        return parent ? parent->name : QString();
    }

    QJsonObject item(const CartLine &line, bool removed) const
    {
        const Product *product = catalog.byId(line.itemId());
        const Product *parent = catalog.byId(line.productId);
        if (!product || !parent)
            return {{u"item_key"_s, line.key}, {u"id"_s, line.itemId()}};
        const qint64 subtotal = qRound64(product->price() * line.quantity);
        QJsonValue variation = QJsonArray();
        if (line.variationId) {
            QJsonObject labels;
            for (const auto &attribute : line.variation) {
                QString label = attribute.first;
                for (const Attribute &a : parent->attributes) {
                    if (u"attribute_"_s + a.slug == attribute.first)
                        label = a.name;
                }
                labels.insert(label, attribute.second);
            }
            variation = labels;
        }
        const qint64 grams = qRound64(product->weightGrams * line.quantity);
        const QJsonValue quantity = removed
                ? number(line.quantity)
                : QJsonValue(QJsonObject {{u"value"_s, number(line.quantity)},
                                          {u"min_purchase"_s, 1},
                                          {u"max_purchase"_s, product->maxPurchase()}});
        return {
                {u"item_key"_s, line.key},
                {u"id"_s, product->id},
                {u"name"_s, product->name},
                {u"title"_s, parent->name},
                {u"price"_s, minorString(product->price())},
                {u"quantity"_s, quantity},
                {u"totals"_s,
                 QJsonObject {{u"subtotal"_s, minorString(subtotal)},
                              {u"subtotal_tax"_s, 0},
                              {u"total"_s, number(static_cast<double>(subtotal) / 100.0)},
                              {u"tax"_s, 0}}},
                {u"slug"_s, parent->slug},
                {u"meta"_s,
                 QJsonObject {{u"product_type"_s, line.variationId ? u"variation"_s : u"simple"_s},
                              {u"sku"_s, product->sku},
                              {u"dimensions"_s,
                               QJsonObject {{u"length"_s, QString()},
                                            {u"width"_s, QString()},
                                            {u"height"_s, QString()},
                                            {u"unit"_s, u"cm"_s}}},
                              {u"weight"_s, grams ? kgString(grams) : u"0.0"_s},
                              {u"variation"_s, variation}}},
                {u"backorders"_s, QString()},
                {u"cart_item_data"_s, QJsonArray()},
                {u"featured_image"_s, imageUrl(*product)},
        };
    }

    QJsonObject body(const QString &key, const Cart &cart, qint64 viewerId,
                     const QJsonValue &notices) const
    {
        QJsonArray items;
        qint64 subtotal = 0;
        qint64 grams = 0;
        for (const CartLine &line : cart.items) {
            items.append(item(line, false));
            if (const Product *p = catalog.byId(line.itemId())) {
                subtotal += qRound64(p->price() * line.quantity);
                grams += qRound64(p->weightGrams * line.quantity);
            }
        }
        // PHP quirk: with no items the removed lines keep their item_key keys (08zz6).
        QJsonValue removed;
        if (cart.items.isEmpty() && !cart.removed.isEmpty()) {
            QJsonObject keyed;
            for (const CartLine &line : cart.removed)
                keyed.insert(line.key, item(line, true));
            removed = keyed;
        } else {
            QJsonArray list;
            for (const CartLine &line : cart.removed)
                list.append(item(line, true));
            removed = list;
        }
        const Account *account = viewerId > 0 ? store.accounts.byId(viewerId) : nullptr;
        QJsonObject billing;
        for (const char *field : {"first_name", "last_name", "company", "address_1", "address_2",
                                  "city", "state", "postcode", "phone", "email"})
            billing.insert(u"billing_"_s + QLatin1String(field), QString());
        billing.insert(u"billing_country"_s, u"GB"_s);
        if (account)
            billing.insert(u"billing_email"_s, account->email);
        QJsonObject shipping;
        for (const char *field : {"first_name", "last_name", "company", "address_1", "address_2",
                                  "city", "state", "postcode"})
            shipping.insert(u"shipping_"_s + QLatin1String(field), QString());
        shipping.insert(u"shipping_country"_s, u"GB"_s);
        const QString money = minorString(subtotal);
        return {
                {u"cart_hash"_s, Carts::cartHash(cart, catalog)},
                {u"cart_key"_s, key},
                {u"currency"_s, catalog.currency()},
                {u"customer"_s,
                 QJsonObject {{u"billing_address"_s, billing}, {u"shipping_address"_s, shipping}}},
                {u"items"_s, items},
                {u"item_count"_s, number(cart.itemCount())},
                {u"items_weight"_s, kgString(grams)},
                {u"coupons"_s, QJsonArray()},
                {u"needs_payment"_s, !cart.items.isEmpty()},
                {u"needs_shipping"_s, false},
                {u"shipping"_s, QJsonArray()},
                {u"fees"_s, QJsonArray()},
                {u"taxes"_s, QJsonArray()},
                {u"totals"_s,
                 QJsonObject {{u"subtotal"_s, money},
                              {u"subtotal_tax"_s, u"0"_s},
                              {u"fee_total"_s, u"0"_s},
                              {u"fee_tax"_s, u"0"_s},
                              {u"discount_total"_s, u"0"_s},
                              {u"discount_tax"_s, u"0"_s},
                              {u"shipping_total"_s, u"0"_s},
                              {u"shipping_tax"_s, u"0"_s},
                              {u"total"_s, money},
                              {u"total_tax"_s, u"0"_s}}},
                {u"removed_items"_s, removed},
                {u"cross_sells"_s, QJsonArray()},
                {u"notices"_s, notices},
        };
    }

    Response withCartHeaders(Response response, const QString &key) const
    {
        Cart &cart = store.carts.ensure(key);
        cart.touch(store.now());
        response.setHeader("CoCart-API-Cart-Key", key.toUtf8());
        response.setHeader("CoCart-API-Cart-Expiring", QByteArray::number(cart.expiring));
        response.setHeader("CoCart-API-Cart-Expiration", QByteArray::number(cart.expiresAt));
        return response;
    }

    //! The full cart, the answer of every successful cart change.
    Response cart(const Request &request, const QString &key,
                  const QJsonValue &notices = QJsonArray())
    {
        const Cart &cart = store.carts.ensure(key);
        return withCartHeaders(Response::json(body(key, cart, request.userId, notices)), key);
    }

    Response addItem(Request &request, const QString &key)
    {
        const Param id = param(request, u"id"_s);
        if (!id.present)
            return missingParam(u"id"_s);
        if (id.fromJson && !id.json.isString())
            return notOfTypeString(u"id"_s);
        double quantity = 1;
        const Param quantityParam = param(request, u"quantity"_s);
        if (quantityParam.present) {
            if (std::optional<Response> bad = parseQuantity(quantityParam, &quantity))
                return *bad;
        }

        bool numeric = false;
        const qint64 numericId = id.text.trimmed().toLongLong(&numeric);
        const Product *named = numeric ? catalog.byId(numericId) : catalog.bySku(id.text.trimmed());
        if (!named && numeric)
            return Response::error(u"cocart_invalid_product"_s,
                                   u"This product cannot be added to the cart."_s, 400);
        if (!named)
            return Response::error(u"cocart_unknown_product_id"_s,
                                   u"Product does not exist! Check that you have submitted a "
                                   "product ID or SKU ID correctly for a product that exists."_s,
                                   404);
        if (std::optional<Response> bad = checkQuantity(*named, quantity))
            return *bad;

        // Resolve the line: a simple product, or a variation (by its id, or by the parent and
        // complete "attribute_*" values).
        const Product *product = named;
        const Product *parent = named;
        if (named->type == Product::Type::Variable || named->isVariation()) {
            if (named->isVariation())
                parent = catalog.byId(named->parentId);
            QList<QPair<QString, QString>> wanted;
            for (const auto &given : variationParam(request)) {
                if (given.first.startsWith(u"attribute_"_s))
                    wanted.append({given.first.mid(10), given.second});
            }
            if (named->isVariation()) {
                for (const auto &own : named->variationAttributes) {
                    bool conflict = false, present = false;
                    for (const auto &w : wanted) {
                        if (w.first == own.first) {
                            present = true;
                            conflict = conflict || w.second != own.second;
                        }
                    }
                    if (conflict)
                        return noVariation();
                    if (!present)
                        wanted.append(own);
                }
            }
            product = parent ? catalog.findVariation(*parent, wanted) : nullptr;
            if (!product)
                return noVariation();
        }

        Cart &cart = store.carts.ensure(key);
        QList<QPair<QString, QString>> attributes;
        for (const auto &attribute : product->variationAttributes)
            attributes.append({u"attribute_"_s + attribute.first, attribute.second});
        const qint64 productId = product->isVariation() ? parent->id : product->id;
        const qint64 variationId = product->isVariation() ? product->id : 0;
        const QString itemKey = Carts::itemKey(productId, variationId, attributes);
        const int index = cart.indexOf(itemKey);
        const double inCart = index >= 0 ? cart.items.at(index).quantity : 0;

        if (!product->isVariation()) {
            if (!product->inStock())
                return Response::error(u"cocart_product_out_of_stock"_s,
                                       u"You cannot add \"%1\" to the cart because the product is "
                                       "out of stock."_s.arg(product->name),
                                       404);
            if (product->soldIndividually && index >= 0)
                return addToCartError(u"View cart You cannot add another &quot;%1&quot; to your "
                                      "cart."_s.arg(product->name));
            if (product->stock && inCart + quantity > *product->stock)
                return Response::error(
                        u"cocart_not_enough_stock_remaining"_s,
                        u"You cannot add that amount of \"%1\" to the cart &mdash; we have (%2) "
                        "in stock remaining. You already have (%3) in your cart."_s.arg(
                                product->name, QString::number(*product->stock),
                                numberText(inCart)),
                        404);
        } else {
            // WooCommerce's own checks, as CoCart passes them on (08x, 08za).
            if (!product->inStock())
                return addToCartError(u"You cannot add &quot;%1&quot; to the cart because the "
                                      "product is out of stock."_s.arg(product->name));
            if (product->stock && quantity > *product->stock)
                return addToCartError(u"You cannot add that amount of &quot;%1&quot; to the cart "
                                      "because there is not enough stock (%2 remaining)."_s.arg(
                                              product->name, QString::number(*product->stock)));
            if (product->stock && inCart + quantity > *product->stock)
                return addToCartError(
                        u"View cart You cannot add that amount to the cart &mdash; "
                        "we have %1 in stock and you already have %2 in your cart."_s.arg(
                                QString::number(*product->stock), numberText(inCart)));
        }

        if (index >= 0) {
            cart.items[index].quantity += quantity;
        } else {
            CartLine line;
            line.key = itemKey;
            line.productId = productId;
            line.variationId = variationId;
            line.variation = attributes;
            line.quantity = quantity;
            cart.items.append(line);
        }
        const CartLine &line = cart.items.at(index >= 0 ? index : cart.items.size() - 1);
        if (boolParam(request, u"return_item"_s))
            return withCartHeaders(Response::json(item(line, false)), key);
        return this->cart(request, key,
                          successNotice(u"“%1” has been added to your cart."_s.arg(parent->name)));
    }

    /*!
        POST /cart/add-items: a grouped product's children, `quantity` an object of child id ->
        quantity. The recorded store answered 400 rest_invalid_param for a non-grouped product sent
        with a string quantity; the rest follows CoCart 4.3's add-items controller: `quantity` is
        required and typed object, an empty object is cocart_grouped_product_empty, no positive
        quantity is cocart_grouped_product_failed, and each child is added as add-item would.
    */
    Response addItems(Request &request, const QString &key)
    {
        const Param quantityParam = param(request, u"quantity"_s);
        if (!quantityParam.present)
            return missingParam(u"quantity"_s);
        QList<QPair<QString, QString>> children;
        if (quantityParam.fromJson && quantityParam.json.isObject()) {
            const QJsonObject object = quantityParam.json.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
                const QJsonValue v = it.value();
                children.append(
                        {it.key(), v.isString() ? v.toString() : QString::number(v.toDouble())});
            }
        } else {
            // Forms and query strings carry an object as quantity[10]=1.
            const auto scan = [&children](const QUrlQuery &query) {
                for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
                    if (item.first.startsWith(u"quantity["_s) && item.first.endsWith(u']'))
                        children.append({item.first.mid(9, item.first.size() - 10), item.second});
                }
            };
            scan(request.formBody());
            if (children.isEmpty())
                scan(request.query);
            if (children.isEmpty()) {
                const QString message = u"quantity is not of type object."_s;
                return invalidParamError(
                        u"quantity"_s, QJsonObject {{u"quantity"_s, message}},
                        QJsonObject {{u"quantity"_s,
                                      QJsonObject {{u"code"_s, u"rest_invalid_type"_s},
                                                   {u"message"_s, message},
                                                   {u"data"_s,
                                                    QJsonObject {{u"param"_s, u"quantity"_s}}}}}});
            }
        }
        const Param id = param(request, u"id"_s);
        if (id.present) {
            bool numeric = false;
            const qint64 numericId = id.text.trimmed().toLongLong(&numeric);
            const Product *container =
                    numeric ? catalog.byId(numericId) : catalog.bySku(id.text.trimmed());
            if (!container && numeric)
                return Response::error(u"cocart_invalid_product"_s,
                                       u"This product cannot be added to the cart."_s, 400);
            if (!container)
                return Response::error(
                        u"cocart_unknown_product_id"_s,
                        u"Product does not exist! Check that you have submitted a "
                        "product ID or SKU ID correctly for a product that exists."_s,
                        404);
        }
        if (children.isEmpty())
            return Response::error(u"cocart_grouped_product_empty"_s,
                                   u"Please choose a product to add to your cart."_s, 404);
        QStringList added;
        for (const auto &child : std::as_const(children)) {
            bool ok = false;
            const double quantity = child.second.trimmed().toDouble(&ok);
            if (!ok || quantity <= 0)
                continue;
            Request one = request;
            one.query = QUrlQuery();
            one.headers.clear();
            one.headers.append(
                    qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            one.body = encodeJsonBody(
                    QJsonObject {{u"id"_s, child.first}, {u"quantity"_s, child.second.trimmed()}});
            Response response = addItem(one, key);
            if (response.status >= 400)
                return response;
            if (const Product *p = catalog.byId(child.first.toLongLong()))
                added.append(u"“"_s + p->name + u"”"_s);
        }
        if (added.isEmpty())
            return Response::error(u"cocart_grouped_product_failed"_s,
                                   u"Please choose the quantity of items you wish to add to your "
                                   "cart."_s,
                                   404);
        // wc_add_to_cart_message() for several products: "“A” and “B” have been added …".
        const QString names = added.size() == 1
                ? added.constFirst()
                : added.mid(0, added.size() - 1).join(u", "_s) + u" and "_s + added.constLast();
        return this->cart(
                request, key,
                successNotice(added.size() == 1
                                      ? u"%1 has been added to your cart."_s.arg(names)
                                      : u"%1 have been added to your cart."_s.arg(names)));
    }

    static Response noVariation()
    {
        return Response::error(u"cocart_no_variation_found"_s, u"No matching variation found."_s,
                               404);
    }

    static Response addToCartError(const QString &message)
    {
        return Response::error(u"cocart_add_to_cart_error"_s, message, 400);
    }

    static Response notInCart()
    {
        return Response::error(u"cocart_item_not_in_cart"_s,
                               u"Item specified does not exist in cart."_s, 404);
    }

    Response updateItem(Request &request, const QString &key, const QString &itemKey)
    {
        const Param quantityParam = param(request, u"quantity"_s);
        if (!quantityParam.present)
            return missingParam(u"quantity"_s);
        double quantity = 0;
        if (std::optional<Response> bad = parseQuantity(quantityParam, &quantity))
            return *bad;
        Cart &cart = store.carts.ensure(key);
        const int index = cart.indexOf(itemKey);
        if (index < 0)
            return notInCart();
        CartLine &line = cart.items[index];
        const Product *product = catalog.byId(line.itemId());
        if (!product)
            return notInCart();
        // Quantity 0 is refused like any amount below 1: update never removes (08zn).
        if (std::optional<Response> bad = checkQuantity(*product, quantity))
            return *bad;
        if (product->stock && quantity > *product->stock)
            return Response::error(u"cocart_not_enough_in_stock"_s,
                                   u"You cannot add that amount of &quot;%1&quot; to the cart "
                                   "because there is not enough stock (%2 remaining)."_s.arg(
                                           product->name, QString::number(*product->stock)),
                                   404);
        const double before = line.quantity;
        line.quantity = quantity;
        if (boolParam(request, u"return_status"_s)) {
            QString message;
            if (quantity > before)
                message = u"The quantity for \"%1\" has increased to \"%2\"."_s.arg(
                        product->name, numberText(quantity));
            else if (quantity < before)
                message = u"The quantity for \"%1\" has decreased to \"%2\"."_s.arg(
                        product->name, numberText(quantity));
            else
                message = u"The quantity for \"%1\" has not changed."_s.arg(product->name);
            return withCartHeaders(Response::json(QJsonObject {{u"message"_s, message},
                                                               {u"quantity"_s, number(quantity)}}),
                                   key);
        }
        return this->cart(request, key);
    }

    Response removeItem(Request &request, const QString &key, const QString &itemKey)
    {
        Cart &cart = store.carts.ensure(key);
        if (cart.items.isEmpty())
            return Response::error(u"cocart_no_items"_s, u"No items in cart."_s, 404);
        const int index = cart.indexOf(itemKey);
        if (index < 0) {
            const int removedIndex = cart.removedIndexOf(itemKey);
            if (removedIndex >= 0)
                return Response::error(u"cocart_item_not_in_cart"_s,
                                       u"\"%1\" has already been removed from cart."_s.arg(
                                               title(cart.removed.at(removedIndex))),
                                       404);
            return Response::error(u"cocart_item_not_in_cart"_s, u"Item does not exist in cart."_s,
                                   404);
        }
        const CartLine line = cart.items.takeAt(index);
        const int previous = cart.removedIndexOf(itemKey);
        if (previous >= 0)
            cart.removed.removeAt(previous);
        cart.removed.append(line);
        const QString message = u"\"%1\" has been removed from cart."_s.arg(title(line));
        if (boolParam(request, u"return_status"_s))
            return withCartHeaders(Response::json(QJsonValue(message)), key);
        return this->cart(request, key, successNotice(message));
    }

    Response restoreItem(Request &request, const QString &key, const QString &itemKey)
    {
        Cart &cart = store.carts.ensure(key);
        const int removedIndex = cart.removedIndexOf(itemKey);
        if (removedIndex < 0)
            return Response::error(u"cocart_item_restored_to_cart"_s,
                                   u"Item does not exist in cart."_s, 404);
        const CartLine line = cart.removed.takeAt(removedIndex);
        const int index = cart.indexOf(itemKey);
        if (index >= 0)
            cart.items[index].quantity += line.quantity;
        else
            cart.items.append(line); // a restored line goes to the end (08zz1)
        return this->cart(
                request, key,
                successNotice(u"\"%1\" has been added back to your cart."_s.arg(title(line))));
    }

    Response clear(Request &request, const QString &key)
    {
        Cart &cart = store.carts.ensure(key);
        cart.items.clear();
        if (!boolParam(request, u"keep_removed_items"_s))
            cart.removed.clear();
        return this->cart(request, key,
                          QJsonObject {{u"notice"_s, QJsonArray {u"Cart is cleared."_s}}});
    }

    Response items(const QString &key)
    {
        const Cart &cart = store.carts.ensure(key);
        if (cart.items.isEmpty())
            return Response::error(u"cocart_no_items_in_cart"_s, u"No items in the cart."_s, 404);
        QJsonObject keyed;
        for (const CartLine &line : cart.items)
            keyed.insert(line.key, item(line, false));
        return withCartHeaders(Response::json(keyed), key);
    }

    Response count(Request &request, const QString &key)
    {
        const Cart &cart = store.carts.ensure(key);
        double count = 0;
        for (const CartLine &line :
             boolParam(request, u"removed_items"_s) ? cart.removed : cart.items)
            count += line.quantity;
        // 4.3.6's response helper rejects the empty payload 0 (transcripts.md 50, 08d).
        if (count == 0)
            return Response::error(
                    u"cocart_response_returned_empty"_s,
                    u"Request returned nothing for \"%1\"! Please seek assistance."_s.arg(
                            store.restUrl(u"/cocart/v2/cart/items/count/"_s)),
                    400);
        return withCartHeaders(Response::json(number(count)), key);
    }

    Response getItem(const QString &key, const QString &itemKey)
    {
        const Cart &cart = store.carts.ensure(key);
        const int index = cart.indexOf(itemKey);
        if (index < 0)
            return notInCart();
        return withCartHeaders(Response::json(item(cart.items.at(index), false)), key);
    }

    DevStorePrivate &store;
    const Catalog &catalog;
};

using CartHandler = std::function<Response(CartApi &, Request &, const QString &key)>;

Handler cartRoute(DevStorePrivate &store, CartHandler handler)
{
    return [&store, handler](Request &request) {
        CartApi api(store);
        QString key;
        if (std::optional<Response> refused = api.open(request, &key))
            return *refused;
        return handler(api, request, key);
    };
}

using ItemHandler =
        std::function<Response(CartApi &, Request &, const QString &key, const QString &itemKey)>;

//! A cart route on one item: the route's first capture is the item key.
Handler itemRoute(DevStorePrivate &store, ItemHandler handler)
{
    return cartRoute(store, [handler](CartApi &api, Request &request, const QString &key) {
        return handler(api, request, key, request.captures.value(0));
    });
}

//! The sessions routes are for shop managers (WooCommerce's "settings" capability); no devstore
//! account has it. rest_authorization_required_code(): 401 for a guest, 403 when signed in.
std::optional<Response> managersOnly(Request &request)
{
    return Response::error(u"cocart_rest_cannot_view"_s, u"Sorry, you cannot list resources."_s,
                           request.userId > 0 ? 403 : 401);
}

} // namespace

QJsonObject cartSnapshot(DevStorePrivate &store, const QString &key)
{
    const Cart *cart = store.carts.find(key);
    if (!cart)
        return {};
    return CartApi(store).body(key, *cart, 0, QJsonArray());
}

void registerCartRoutes(RouteTable &routes, DevStorePrivate &store)
{
    const QString base = u"/wp-json/cocart/v2/cart"_s;
    const QString item = base + u"/item/(\\w+)"_s;

    const Handler wholeCart =
            cartRoute(store, [](CartApi &api, Request &request, const QString &key) {
                return api.cart(request, key);
            });
    routes.add("GET", base, wholeCart, CoCartHeaders);
    routes.add("POST", base + u"/add-item"_s, cartRoute(store, &CartApi::addItem), CoCartHeaders);
    routes.add("POST", base + u"/add-items"_s, cartRoute(store, &CartApi::addItems), CoCartHeaders);
    routes.add("GET", item,
               itemRoute(store,
                         [](CartApi &api, Request &, const QString &key, const QString &itemKey) {
                             return api.getItem(key, itemKey);
                         }),
               CoCartHeaders);
    routes.add("POST", item, itemRoute(store, &CartApi::updateItem), CoCartHeaders);
    routes.add("DELETE", item, itemRoute(store, &CartApi::removeItem), CoCartHeaders);
    for (const QByteArray &method : {QByteArray("PUT"), QByteArray("PATCH")})
        routes.add(method, item, itemRoute(store, &CartApi::restoreItem), CoCartHeaders);
    routes.add(
            "GET", base + u"/items"_s,
            cartRoute(store,
                      [](CartApi &api, Request &, const QString &key) { return api.items(key); }),
            CoCartHeaders);
    routes.add("GET", base + u"/items/count"_s, cartRoute(store, &CartApi::count), CoCartHeaders);
    // Admin-only session routes (CoCart 4.3 registers "session/{key}", singular; the store's
    // route list names them sessions-*). The handlers never run: the permission refuses first.
    const QString v2 = u"/wp-json/cocart/v2"_s;
    const Handler never = [](Request &) { return Response::json(QJsonArray()); };
    routes.add("GET", v2 + u"/sessions"_s, never, NoFlags, managersOnly);
    routes.add("GET", v2 + u"/session/(\\w+)"_s, never, NoFlags, managersOnly);
    routes.add("DELETE", v2 + u"/session/(\\w+)"_s, never, NoFlags, managersOnly);
    routes.add("GET", v2 + u"/session/(\\w+)/items"_s, never, NoFlags, managersOnly);
    routes.add("POST", base + u"/clear"_s, cartRoute(store, &CartApi::clear), CoCartHeaders);
    routes.add("POST", base + u"/calculate"_s, wholeCart, CoCartHeaders);
    // Extension data for registered cart callbacks; the devstore registers none, so the cart comes
    // back as it is (CoCart's update controller test: 200 with the cart).
    routes.add("POST", base + u"/update"_s, wholeCart, CoCartHeaders);
    // 4.3.6 never answered /cart/totals with totals (08e, 08zq-08zv); the cart carries them.
    routes.add("GET", base + u"/totals"_s,
               cartRoute(store,
                         [](CartApi &, Request &, const QString &) {
                             return Response::error(u"cocart_cart_totals_empty"_s,
                                                    u"This cart either has no items or was not "
                                                    "calculated."_s,
                                                    404);
                         }),
               CoCartHeaders);
}

} // namespace CoCartDevStore::Internal
