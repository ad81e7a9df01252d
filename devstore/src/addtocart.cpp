// POST /cocart/v2/cart/add-item and /add-items: the product or variation named (by id, SKU or
// parent and attributes), WooCommerce's stock and sold-individually checks, CoCart's quantity
// limits, and the line they add (transcripts-2 sections 6, 8 and 9).

#include "cartapi_p.h"

#include "carts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "wire_p.h"

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

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

Response noVariation()
{
    return Response::error(u"cocart_no_variation_found"_s, u"No matching variation found."_s, 404);
}

Response addToCartError(const QString &message)
{
    return Response::error(u"cocart_add_to_cart_error"_s, message, 400);
}

//! WooCommerce's notice with its "View cart" button, as CoCart strips the tags off it: the
//! button's text comes first on WooCommerce 9.1 and last on 10 (transcripts-3 section 3).
QString withViewCart(const DevStorePrivate &store, const QString &message)
{
    return store.isWooCommerce10() ? message + u" View cart"_s : u"View cart "_s + message;
}

} // namespace

Response CartApi::addItem(Request &request, const QString &key)
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
            return addToCartError(withViewCart(
                    store,
                    u"You cannot add another &quot;%1&quot; to your cart."_s.arg(product->name)));
        if (product->stock && inCart + quantity > *product->stock)
            return Response::error(
                    u"cocart_not_enough_stock_remaining"_s,
                    u"You cannot add that amount of \"%1\" to the cart &mdash; we have (%2) "
                    "in stock remaining. You already have (%3) in your cart."_s.arg(
                            product->name, QString::number(*product->stock), numberText(inCart)),
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
            return addToCartError(withViewCart(
                    store,
                    u"You cannot add that amount to the cart &mdash; we have %1 in stock "
                    "and you already have %2 in your cart."_s.arg(QString::number(*product->stock),
                                                                  numberText(inCart))));
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

Response CartApi::addItems(Request &request, const QString &key)
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
            return Response::error(u"cocart_unknown_product_id"_s,
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
        one.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
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
    return this->cart(request, key,
                      successNotice(added.size() == 1
                                            ? u"%1 has been added to your cart."_s.arg(names)
                                            : u"%1 have been added to your cart."_s.arg(names)));
}

} // namespace CoCartDevStore::Internal
