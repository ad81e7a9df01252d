// The cart routes of CoCart 4.3.6 (/cocart/v2/cart...), the guest cart keys and the handover of
// a guest cart to a signed-in customer. Statuses, codes, messages and shapes follow
// transcripts-2 sections 6-9 and 11 and transcripts.md 07-09, 42-46, 50. One deliberate
// difference: a guest naming a customer's id as the key is refused whether the key comes as the
// cart_key parameter or as the CoCart-API-Cart-Key header (4.3.6 only checked the parameter).

#include "cartapi_p.h"
#include "carts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "logging_p.h"
#include "productjson_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

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

} // namespace

CartApi::CartApi(DevStorePrivate &store) : store(store), catalog(store.catalog) { }

bool CartApi::isCustomerId(const QString &key) const
{
    bool numeric = false;
    const qint64 id = key.toLongLong(&numeric);
    return numeric && id > 0 && store.accounts.byId(id) != nullptr;
}

std::optional<Response> CartApi::open(Request &request, QString *key)
{
    const QString header =
            Carts::sanitizeKey(QString::fromUtf8(request.header("cocart-api-cart-key")).trimmed());
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

Response CartApi::mustAuthenticate()
{
    return sendJsonError(u"cocart_must_authenticate_user"_s,
                         u"Must authenticate customer as the cart key provided is a "
                         "registered customer."_s);
}

QString CartApi::imageUrl(const Product &p) const
{
    return store.baseUrl() + u"/wp-content/uploads/"_s +
            (p.image.isEmpty() ? placeholderImage(store) : p.image);
}

QString CartApi::title(const CartLine &line) const
{
    const Product *parent = catalog.byId(line.productId);
    return parent ? parent->name : QString();
}

QJsonObject CartApi::item(const CartLine &line, bool removed) const
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

QJsonObject CartApi::body(const QString &key, const Cart &cart, qint64 viewerId,
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
    // New WooCommerce 10 installs hide the company field, and CoCart leaves hidden fields out.
    const bool company = !store.isWooCommerce10();
    for (const char *field : {"first_name", "last_name", "company", "address_1", "address_2",
                              "city", "state", "postcode", "phone", "email"}) {
        if (company || qstrcmp(field, "company") != 0)
            billing.insert(u"billing_"_s + QLatin1String(field), QString());
    }
    billing.insert(u"billing_country"_s, u"GB"_s);
    if (account)
        billing.insert(u"billing_email"_s, account->email);
    QJsonObject shipping;
    for (const char *field : {"first_name", "last_name", "company", "address_1", "address_2",
                              "city", "state", "postcode"}) {
        if (company || qstrcmp(field, "company") != 0)
            shipping.insert(u"shipping_"_s + QLatin1String(field), QString());
    }
    shipping.insert(u"shipping_country"_s, u"GB"_s);
    // WooCommerce's order: the discount comes off the items, then shipping and fees are added,
    // and tax is charged on all of it (each part's tax rounded on its own, as WooCommerce does).
    const CartCharges &charges = store.cartCharges;
    const bool charged = !cart.items.isEmpty();
    const qint64 discount = charged ? qBound<qint64>(0, charges.discount, subtotal) : 0;
    const qint64 shippingCharge = charged ? qMax<qint64>(0, charges.shipping) : 0;
    const qint64 fee = charged ? qMax<qint64>(0, charges.fee) : 0;
    const auto taxOf = [&charges](qint64 amount) {
        return qRound64(double(amount) * qMax(0, charges.taxPercent) / 100.0);
    };
    const qint64 subtotalTax = taxOf(subtotal);
    const qint64 discountTax = taxOf(discount);
    const qint64 shippingTax = taxOf(shippingCharge);
    const qint64 feeTax = taxOf(fee);
    const qint64 totalTax = subtotalTax - discountTax + shippingTax + feeTax;
    const qint64 total = subtotal - discount + shippingCharge + fee + totalTax;
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
                          {u"subtotal_tax"_s, minorString(subtotalTax)},
                          {u"fee_total"_s, minorString(fee)},
                          {u"fee_tax"_s, minorString(feeTax)},
                          {u"discount_total"_s, minorString(discount)},
                          {u"discount_tax"_s, minorString(discountTax)},
                          {u"shipping_total"_s, minorString(shippingCharge)},
                          {u"shipping_tax"_s, minorString(shippingTax)},
                          {u"total"_s, minorString(total)},
                          {u"total_tax"_s, minorString(totalTax)}}},
            {u"removed_items"_s, removed},
            {u"cross_sells"_s, QJsonArray()},
            {u"notices"_s, notices},
    };
}

Response CartApi::withCartHeaders(Response response, const QString &key) const
{
    Cart &cart = store.carts.ensure(key);
    cart.touch(store.now());
    response.setHeader("CoCart-API-Cart-Key", key.toUtf8());
    response.setHeader("CoCart-API-Cart-Expiring", QByteArray::number(cart.expiring));
    response.setHeader("CoCart-API-Cart-Expiration", QByteArray::number(cart.expiresAt));
    return response;
}

Response CartApi::cart(const Request &request, const QString &key, const QJsonValue &notices)
{
    const Cart &cart = store.carts.ensure(key);
    return withCartHeaders(Response::json(body(key, cart, request.userId, notices)), key);
}

Response CartApi::notInCart()
{
    return Response::error(u"cocart_item_not_in_cart"_s,
                           u"Item specified does not exist in cart."_s, 404);
}

Response CartApi::updateItem(Request &request, const QString &key, const QString &itemKey)
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

Response CartApi::removeItem(Request &request, const QString &key, const QString &itemKey)
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

Response CartApi::restoreItem(Request &request, const QString &key, const QString &itemKey)
{
    Cart &cart = store.carts.ensure(key);
    const int removedIndex = cart.removedIndexOf(itemKey);
    if (removedIndex < 0)
        return Response::error(u"cocart_item_restored_to_cart"_s, u"Item does not exist in cart."_s,
                               404);
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

Response CartApi::clear(Request &request, const QString &key)
{
    Cart &cart = store.carts.ensure(key);
    cart.items.clear();
    if (!boolParam(request, u"keep_removed_items"_s))
        cart.removed.clear();
    return this->cart(request, key,
                      QJsonObject {{u"notice"_s, QJsonArray {u"Cart is cleared."_s}}});
}

Response CartApi::items(const QString &key)
{
    const Cart &cart = store.carts.ensure(key);
    if (cart.items.isEmpty())
        return Response::error(u"cocart_no_items_in_cart"_s, u"No items in the cart."_s, 404);
    QJsonObject keyed;
    for (const CartLine &line : cart.items)
        keyed.insert(line.key, item(line, false));
    return withCartHeaders(Response::json(keyed), key);
}

Response CartApi::count(Request &request, const QString &key)
{
    const Cart &cart = store.carts.ensure(key);
    double count = 0;
    for (const CartLine &line : boolParam(request, u"removed_items"_s) ? cart.removed : cart.items)
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

Response CartApi::getItem(const QString &key, const QString &itemKey)
{
    const Cart &cart = store.carts.ensure(key);
    const int index = cart.indexOf(itemKey);
    if (index < 0)
        return notInCart();
    return withCartHeaders(Response::json(item(cart.items.at(index), false)), key);
}

namespace {

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