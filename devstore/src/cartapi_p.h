#pragma once

// The cart routes' shared parts (see routes_p.h, registerCartRoutes): CartApi, the cart of one
// request (which cart, its JSON, what each route does to it), and the request parameters as
// CoCart 4.3.6 reads and refuses them.
// cartroutes.cpp:  CartApi's cart key, JSON and item routes; the route table entries.
// addtocart.cpp:   CartApi::addItem and addItems (variations, stock, quantity limits).
// cartparams.cpp:  the helpers below.

#include "routetable_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace CoCartDevStore {
class DevStorePrivate;

namespace Internal {
class Catalog;
struct Cart;
struct CartLine;
struct Product;

//! A quantity as PHP json-encodes it: an integer when whole, else a double.
QJsonValue number(double value);
//! number() as text ("2", "1.5") for messages.
QString numberText(double value);
//! The `notices` of a cart answer with one success message.
QJsonObject successNotice(const QString &message);

//! A request parameter with its JSON type, found like WP_REST_Request::get_param (JSON body,
//! then form body, then query string).
struct Param
{
    bool present = false;
    bool fromJson = false;
    QJsonValue json;
    QString text;
};

Param param(const Request &request, const QString &name);
//! A boolean parameter: JSON true or "true", or "1"/"true"/"yes" in a form or the query.
bool boolParam(const Request &request, const QString &name);
//! WP's 400 rest_missing_callback_param.
Response missingParam(const QString &name);
//! WP's 400 rest_invalid_param for \a name, with its data.params and data.details.
Response invalidParamError(const QString &name, const QJsonObject &params,
                           const QJsonValue &details);
//! rest_invalid_param: "<name> is not of type string.".
Response notOfTypeString(const QString &name);
//! `quantity` as CoCart validates it: a JSON string holding a number (form and query values are
//! strings anyway). Numbers are a type error; anything not numeric is "Invalid parameter.".
std::optional<Response> parseQuantity(const Param &p, double *quantity);
//! CoCart's validate_quantity(): at least 1, at most max_purchase when that is positive.
std::optional<Response> checkQuantity(const Product &product, double quantity);

class CartApi
{
public:
    explicit CartApi(DevStorePrivate &store);

    bool isCustomerId(const QString &key) const;
    //! Picks the cart of this request, doing the handover when a customer sends a guest key.
    std::optional<Response> open(Request &request, QString *key);
    static Response mustAuthenticate();

    QString imageUrl(const Product &p) const;
    QString title(const CartLine &line) const;
    QJsonObject item(const CartLine &line, bool removed) const;
    QJsonObject body(const QString &key, const Cart &cart, qint64 viewerId,
                     const QJsonValue &notices) const;
    Response withCartHeaders(Response response, const QString &key) const;
    //! The full cart, the answer of every successful cart change.
    Response cart(const Request &request, const QString &key,
                  const QJsonValue &notices = QJsonArray());

    Response addItem(Request &request, const QString &key);
    /*!
        POST /cart/add-items: a grouped product's children, `quantity` an object of child id ->
        quantity. The recorded store answered 400 rest_invalid_param for a non-grouped product sent
        with a string quantity; the rest follows CoCart 4.3's add-items controller: `quantity` is
        required and typed object, an empty object is cocart_grouped_product_empty, no positive
        quantity is cocart_grouped_product_failed, and each child is added as add-item would.
    */
    Response addItems(Request &request, const QString &key);

    static Response notInCart();
    Response updateItem(Request &request, const QString &key, const QString &itemKey);
    Response removeItem(Request &request, const QString &key, const QString &itemKey);
    Response restoreItem(Request &request, const QString &key, const QString &itemKey);
    Response clear(Request &request, const QString &key);
    Response items(const QString &key);
    Response count(Request &request, const QString &key);
    Response getItem(const QString &key, const QString &itemKey);

    DevStorePrivate &store;
    const Catalog &catalog;
};

} // namespace Internal
} // namespace CoCartDevStore
