#pragma once

// The catalogue's JSON, shared by the product routes (productroutes.cpp) and the taxonomy routes
// (taxonomyroutes.cpp): Builder makes the product, variation, category, tag and review objects
// (transcripts-2, sections 1-4; CoCart's terms and reviews controllers, "view" context), and the
// helpers below give every catalogue answer its headers and WP's parameter errors.

#include "routetable_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace CoCartDevStore {
class DevStorePrivate;

namespace Internal {
class Catalog;
struct Category;
struct Product;
struct Review;
struct Tag;

//! "/cocart/v2/products", for DevStorePrivate::restUrl().
extern const QString kProducts;

//! The file name of WooCommerce's placeholder image under /wp-content/uploads/ (a .webp on
//! WooCommerce 10, a .png before).
QString placeholderImage(const DevStorePrivate &store);
//! WordPress 7's `targetHints` ({"allow":["GET"]}) in every `_links.self` entry of \a object, on
//! the WooCommerce10 stack only.
void addTargetHints(const DevStorePrivate &store, QJsonObject *object);

//! A `_links` entry: {"permalink" (if any), "href"}.
QJsonObject links(const QString &href, const QString &permalink = QString());

class Builder
{
public:
    explicit Builder(const DevStorePrivate &store);

    QString permalink(const Product &p) const;
    QString imageUrl(const Product &p) const;
    QString addToCartUrl(const Product &p) const;
    QJsonObject dates(const Product &p) const;
    static QJsonObject dateOnSale();
    QJsonObject prices(const Product &p, bool withRange = true) const;
    QJsonObject stock(const Product &p) const;
    QJsonArray images(const Product &p) const;
    QJsonArray categories(const Product &p) const;
    QJsonArray tags(const Product &p) const;
    //! WooCommerce's stored average: two decimals ("4.50"), "0" without ratings.
    QString averageRating(const Product &p) const;
    //! The product's own `reviews` with show_reviews=true (CoCart's get_reviews(): comment
    //! fields as stored, so ids, ratings and "verified" are strings).
    QJsonArray embeddedReviews(const Product &p) const;
    //! A review as /products/reviews lists it (WC_REST_Product_Reviews shape, "view" context:
    //! no reviewer_email, the text through wpautop()).
    QJsonObject review(const Review &r) const;
    QJsonObject tag(const Tag &t) const;
    static QJsonObject dimensions();
    QString addToCartText(const Product &p) const;
    QString addToCartDescription(const Product &p) const;
    QJsonValue purchaseQuantity(const Product &p) const;
    QJsonArray related(const Product &p) const;
    QJsonObject product(const Product &p) const;
    //! A variation, from /products/{variation id} (\a underParent false) or from
    //! /products/{parent}/variations (\a underParent true): same keys, other _links.
    QJsonObject variation(const Product &v, bool underParent) const;
    QJsonObject category(const Category &c) const;

    const DevStorePrivate &store;
    const Catalog &catalog;
    bool showReviews = false; //!< the show_reviews request parameter
};

//! Product responses: no CoCart-* headers, and the guest Cache-Control whoever asks.
Response productResponse(const QJsonValue &body, int status = 200);
Response productError(const QString &code, const QString &message, int status);
//! A list answer with X-WP-Total and X-WP-TotalPages (one page, none when empty).
Response listResponse(const QJsonArray &array);

struct InvalidParam
{
    QString name;
    QString message;
    QString code;
    QJsonValue data; //!< details.<name>.data
};

//! WP's 400 rest_invalid_param for every parameter in \a invalid.
Response invalidParams(const QList<InvalidParam> &invalid);
//! An integer request parameter checked like WP's schema validation.
std::optional<InvalidParam> integerParam(const Request &request, const QString &name, int fallback,
                                         int minimum, int maximum, int *out);

} // namespace Internal
} // namespace CoCartDevStore
