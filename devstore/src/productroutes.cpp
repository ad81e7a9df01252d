// The catalogue routes: /cocart/v2/products (list, single by id or SKU, variations),
// /cocart/v2/products/categories, /tags, /attributes (+ terms), /reviews, and the product images
// under /wp-content/uploads/. Shapes, codes and messages follow transcripts-2, sections 1-4.
// Product responses carry no CoCart-* headers and the guest Cache-Control whoever asks.
// Tags, attributes and reviews were only seen answering 200 lists on the recorded store (which had
// none of them); their shapes and errors are modelled on CoCart's terms and reviews controllers
// (CoCart_REST_Terms_Controller, CoCart_Product_Attributes_Controller,
// CoCart_Product_Reviews_Controller, "view" context).

#include "accounts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

const QString kProducts = u"/cocart/v2/products"_s;

const QStringList kOrderBy = {u"date"_s,          u"id"_s,
                              u"menu_order"_s,    u"include"_s,
                              u"title"_s,         u"slug"_s,
                              u"name"_s,          u"popularity"_s,
                              u"alphabetical"_s,  u"reverse_alpha"_s,
                              u"by_stock"_s,      u"review_count"_s,
                              u"on_sale_first"_s, u"featured_first"_s,
                              u"price_asc"_s,     u"price_desc"_s,
                              u"sales"_s,         u"rating"_s};

QJsonObject links(const QString &href, const QString &permalink = QString())
{
    QJsonObject o;
    if (!permalink.isEmpty())
        o.insert(u"permalink"_s, permalink);
    o.insert(u"href"_s, href);
    return o;
}

//! WordPress's %l list: "a, b, and c"; two items: "a and b".
QString wpList(const QStringList &items)
{
    if (items.size() == 2)
        return items.at(0) + u" and "_s + items.at(1);
    return items.mid(0, items.size() - 1).join(u", "_s) + u", and "_s + items.constLast();
}

class Builder
{
public:
    explicit Builder(const DevStorePrivate &store) : store(store), catalog(store.catalog) { }

    QString permalink(const Product &p) const
    {
        if (p.isVariation()) {
            const Product *parent = catalog.byId(p.parentId);
            QString link = parent ? permalink(*parent) : store.baseUrl() + u"/"_s;
            for (const auto &attribute : p.variationAttributes)
                link += (link.contains(QLatin1Char('?')) ? u"&"_s : u"?"_s) + u"attribute_"_s +
                        attribute.first + QLatin1Char('=') + attribute.second;
            return link;
        }
        return store.baseUrl() + u"/product/"_s + p.slug + QLatin1Char('/');
    }

    QString imageUrl(const Product &p) const
    {
        const QString file = p.image.isEmpty() ? u"woocommerce-placeholder.png"_s : p.image;
        return store.baseUrl() + u"/wp-content/uploads/"_s + file;
    }

    QString addToCartUrl(const Product &p) const
    {
        QString url = store.restUrl(u"/cocart/v2/cart/add-item?id="_s) + QString::number(p.id) +
                u"&quantity=1"_s;
        for (const auto &attribute : p.variationAttributes)
            url += u"&variation[attribute_"_s + attribute.first + u"]="_s + attribute.second;
        return url;
    }

    QJsonObject dates(const Product &p) const
    {
        return {{u"created"_s, p.created},
                {u"created_gmt"_s, p.created},
                {u"modified"_s, p.created},
                {u"modified_gmt"_s, p.created}};
    }

    static QJsonObject dateOnSale()
    {
        return {{u"from"_s, QJsonValue::Null},
                {u"from_gmt"_s, QJsonValue::Null},
                {u"to"_s, QJsonValue::Null},
                {u"to_gmt"_s, QJsonValue::Null}};
    }

    QJsonObject prices(const Product &p, bool withRange = true) const
    {
        QJsonObject o {{u"price"_s, minorString(p.price())},
                       {u"regular_price"_s, minorString(p.regularPrice)},
                       {u"sale_price"_s, p.salePrice ? minorString(*p.salePrice) : QString()},
                       {u"on_sale"_s, p.onSale()},
                       {u"date_on_sale"_s, dateOnSale()},
                       {u"currency"_s, catalog.currency()}};
        if (withRange)
            o.insert(u"price_range"_s, QJsonArray());
        if (p.type == Product::Type::Variable) {
            qint64 low = -1, high = -1, lowRegular = -1;
            bool onSale = false;
            for (const Product *v : catalog.variationsOf(p.id)) {
                low = low < 0 ? v->price() : qMin(low, v->price());
                high = qMax(high, v->price());
                lowRegular = lowRegular < 0 ? v->regularPrice : qMin(lowRegular, v->regularPrice);
                onSale = onSale || v->onSale();
            }
            o.insert(u"price"_s, minorString(qMax<qint64>(low, 0)));
            o.insert(u"regular_price"_s, minorString(qMax<qint64>(lowRegular, 0)));
            o.insert(u"sale_price"_s, QString());
            o.insert(u"on_sale"_s, onSale);
            o.insert(u"price_range"_s,
                     QJsonObject {{u"from"_s, minorString(qMax<qint64>(low, 0))},
                                  {u"to"_s, minorString(qMax<qint64>(high, 0))}});
        }
        return o;
    }

    QJsonObject stock(const Product &p) const
    {
        bool inStock = p.inStock();
        if (p.type == Product::Type::Variable) {
            inStock = false;
            for (const Product *v : catalog.variationsOf(p.id))
                inStock = inStock || v->inStock();
        }
        return {{u"is_in_stock"_s, inStock},
                {u"stock_quantity"_s, p.stock ? QJsonValue(*p.stock) : QJsonValue::Null},
                {u"stock_status"_s, inStock ? u"instock"_s : u"outofstock"_s},
                {u"backorders"_s, u"no"_s},
                {u"backorders_allowed"_s, false},
                {u"backordered"_s, false},
                {u"low_stock_amount"_s, QString()}};
    }

    QJsonArray images(const Product &p) const
    {
        const QString url = imageUrl(p);
        QJsonObject src;
        for (const char *size : {"thumbnail", "medium", "medium_large", "large", "1536x1536",
                                 "2048x2048", "woocommerce_thumbnail", "woocommerce_single",
                                 "woocommerce_gallery_thumbnail", "full", "custom"})
            src.insert(QLatin1String(size), url);
        const bool placeholder = p.image.isEmpty();
        return {QJsonObject {{u"id"_s, placeholder ? 0 : 1000 + p.id},
                             {u"src"_s, src},
                             {u"name"_s, placeholder ? u"Placeholder"_s : p.name},
                             {u"alt"_s, placeholder ? u"Placeholder"_s : p.name},
                             {u"position"_s, 0},
                             {u"featured"_s, true}}};
    }

    QJsonArray categories(const Product &p) const
    {
        QJsonArray list;
        for (const qint64 id : p.categories) {
            if (const Category *c = catalog.category(id))
                list.append(QJsonObject {{u"id"_s, c->id},
                                         {u"name"_s, c->name},
                                         {u"slug"_s, c->slug},
                                         {u"rest_url"_s,
                                          QString(store.restUrl(kProducts + u"/categories/"_s) +
                                                  QString::number(c->id))}});
        }
        return list;
    }

    QJsonArray tags(const Product &p) const
    {
        QJsonArray list;
        for (const qint64 id : p.tags) {
            if (const Tag *t = catalog.tag(id))
                list.append(QJsonObject {{u"id"_s, t->id},
                                         {u"name"_s, t->name},
                                         {u"slug"_s, t->slug},
                                         {u"rest_url"_s,
                                          QString(store.restUrl(kProducts + u"/tags/"_s) +
                                                  QString::number(t->id))}});
        }
        return list;
    }

    //! WooCommerce's stored average: two decimals ("4.50"), "0" without ratings.
    QString averageRating(const Product &p) const
    {
        const QList<Review> reviews = catalog.reviewsOf(p.id);
        if (reviews.isEmpty())
            return u"0"_s;
        int sum = 0;
        for (const Review &r : reviews)
            sum += r.rating;
        return QString::number(static_cast<double>(sum) / reviews.size(), 'f', 2);
    }

    //! The product's own `reviews` with show_reviews=true (CoCart's get_reviews(): comment
    //! fields as stored, so ids, ratings and "verified" are strings).
    QJsonArray embeddedReviews(const Product &p) const
    {
        QJsonArray list;
        for (const Review &r : catalog.reviewsOf(p.id)) {
            list.append(QJsonObject {{u"review_id"_s, QString::number(r.id)},
                                     {u"author_name"_s, r.reviewer},
                                     {u"author_url"_s, QString()},
                                     {u"review_comment"_s, r.text},
                                     {u"review_date"_s, QString(r.date).replace(u'T', u' ')},
                                     {u"review_date_gmt"_s, QString(r.date).replace(u'T', u' ')},
                                     {u"rating"_s, QString::number(r.rating)},
                                     {u"verified"_s, r.verified ? u"1"_s : u"0"_s}});
        }
        return list;
    }

    //! A review as /products/reviews lists it (WC_REST_Product_Reviews shape, "view" context:
    //! no reviewer_email, the text through wpautop()).
    QJsonObject review(const Review &r) const
    {
        const QString collection = store.restUrl(kProducts + u"/reviews"_s);
        QJsonObject avatars;
        for (const int size : {24, 48, 96})
            avatars.insert(QString::number(size),
                           Accounts::avatarUrl(store.baseUrl(), r.reviewerEmail, size));
        QString text = r.text;
        text.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
        QJsonObject reviewLinks {
                {u"self"_s,
                 QJsonArray {links(collection + QLatin1Char('/') + QString::number(r.id))}},
                {u"collection"_s, QJsonArray {links(collection)}}};
        if (const Product *p = catalog.byId(r.productId))
            reviewLinks.insert(u"product"_s,
                               QJsonArray {links(store.restUrl(kProducts + QLatin1Char('/')) +
                                                         QString::number(p->id),
                                                 permalink(*p))});
        return {{u"id"_s, r.id},
                {u"date_created"_s, r.date},
                {u"date_created_gmt"_s, r.date},
                {u"product_id"_s, r.productId},
                {u"status"_s, u"approved"_s},
                {u"reviewer"_s, r.reviewer},
                {u"review"_s, QString(u"<p>"_s + text + u"</p>\n"_s)},
                {u"rating"_s, r.rating},
                {u"verified"_s, r.verified},
                {u"reviewer_avatar_urls"_s, avatars},
                {u"_links"_s, reviewLinks}};
    }

    QJsonObject tag(const Tag &t) const
    {
        const QString collection = store.restUrl(kProducts + u"/tags"_s);
        return {{u"id"_s, t.id},
                {u"name"_s, t.name},
                {u"slug"_s, t.slug},
                {u"description"_s, t.description},
                {u"count"_s, catalog.tagCount(t.id)},
                {u"_links"_s,
                 QJsonObject {{u"self"_s,
                               QJsonArray {links(collection + QLatin1Char('/') +
                                                 QString::number(t.id))}},
                              {u"collection"_s, QJsonArray {links(collection)}}}}};
    }

    static QJsonObject dimensions()
    {
        return {{u"length"_s, QString()},
                {u"width"_s, QString()},
                {u"height"_s, QString()},
                {u"unit"_s, u"cm"_s}};
    }

    QString addToCartText(const Product &p) const
    {
        if (p.type == Product::Type::Variable)
            return u"Select options"_s;
        return p.inStock() ? u"Add to cart"_s : u"Read more"_s;
    }

    QString addToCartDescription(const Product &p) const
    {
        const QString quoted = u"&ldquo;"_s + p.name + u"&rdquo;"_s;
        if (p.type == Product::Type::Variable)
            return u"Select options for "_s + quoted;
        return p.inStock() ? u"Add to cart: "_s + quoted : u"Read more about "_s + quoted;
    }

    QJsonValue purchaseQuantity(const Product &p) const
    {
        if (p.type == Product::Type::Variable)
            return QJsonArray();
        return QJsonObject {{u"min_purchase"_s, 1}, {u"max_purchase"_s, p.maxPurchase()}};
    }

    QJsonArray related(const Product &p) const
    {
        QList<const Product *> candidates;
        for (const Product *other : catalog.products()) {
            if (other->id == p.id)
                continue;
            for (const qint64 c : other->categories) {
                if (p.categories.contains(c)) {
                    candidates.append(other);
                    break;
                }
            }
        }
        // Random order on every request, like the real store.
        std::shuffle(candidates.begin(), candidates.end(), *QRandomGenerator::global());
        QJsonArray list;
        for (const Product *other : candidates.mid(0, 5)) {
            list.append(QJsonObject {{u"id"_s, other->id},
                                     {u"name"_s, other->name},
                                     {u"permalink"_s, permalink(*other)},
                                     {u"price"_s, prices(*other).value(u"price"_s)},
                                     {u"add_to_cart"_s,
                                      QJsonObject {{u"text"_s, addToCartText(*other)},
                                                   {u"description"_s, addToCartDescription(*other)},
                                                   {u"rest_url"_s, addToCartUrl(*other)}}},
                                     {u"rest_url"_s,
                                      QString(store.restUrl(kProducts + QLatin1Char('/')) +
                                              QString::number(other->id))}});
        }
        return list;
    }

    QJsonObject product(const Product &p) const
    {
        if (p.isVariation())
            return variation(p, false);
        const bool variable = p.type == Product::Type::Variable;
        QJsonObject o {
                {u"id"_s, p.id},
                {u"parent_id"_s, 0},
                {u"name"_s, p.name},
                {u"type"_s, variable ? u"variable"_s : u"simple"_s},
                {u"slug"_s, p.slug},
                {u"permalink"_s, permalink(p)},
                {u"sku"_s, p.sku},
                {u"description"_s, p.description},
                {u"short_description"_s, p.shortDescription},
                {u"dates"_s, dates(p)},
                {u"featured"_s, false},
                {u"prices"_s, prices(p)},
                {u"hidden_conditions"_s,
                 QJsonObject {{u"virtual"_s, false},
                              {u"downloadable"_s, false},
                              {u"manage_stock"_s, p.managesStock()},
                              {u"sold_individually"_s, p.soldIndividually},
                              {u"reviews_allowed"_s, true},
                              {u"shipping_required"_s, true}}},
                {u"average_rating"_s, averageRating(p)},
                {u"review_count"_s, catalog.reviewsOf(p.id).size()},
                {u"rating_count"_s, catalog.reviewsOf(p.id).size()},
                {u"rated_out_of"_s, QString()},
                {u"images"_s, images(p)},
                {u"categories"_s, categories(p)},
                {u"tags"_s, tags(p)},
                {u"attributes"_s, QJsonArray()},
                {u"default_attributes"_s, QJsonArray()},
                {u"variations"_s, QJsonArray()},
                {u"grouped_products"_s, QJsonArray()},
                {u"stock"_s, stock(p)},
                {u"weight"_s, QJsonObject {{u"value"_s, p.weightText}, {u"unit"_s, u"kg"_s}}},
                {u"dimensions"_s, dimensions()},
                {u"reviews"_s, showReviews ? embeddedReviews(p) : QJsonArray()},
                {u"related"_s, related(p)},
                {u"upsells"_s, QJsonArray()},
                {u"cross_sells"_s, QJsonArray()},
                {u"total_sales"_s, 0},
                {u"external_url"_s, QString()},
                {u"button_text"_s, QString()},
                {u"add_to_cart"_s,
                 QJsonObject {{u"text"_s, addToCartText(p)},
                              {u"description"_s, addToCartDescription(p)},
                              {u"has_options"_s, variable},
                              {u"is_purchasable"_s, true},
                              {u"purchase_quantity"_s, purchaseQuantity(p)},
                              {u"rest_url"_s, variable ? QString() : addToCartUrl(p)}}},
                {u"meta_data"_s, QJsonArray()},
        };
        QJsonObject selfLinks {
                {u"self"_s,
                 QJsonArray {
                         links(store.restUrl(kProducts + QLatin1Char('/')) + QString::number(p.id),
                               permalink(p))}},
                {u"collection"_s,
                 QJsonArray {links(store.restUrl(kProducts), store.baseUrl() + u"/shop/"_s)}}};
        if (variable) {
            QJsonObject attributes;
            for (int i = 0; i < p.attributes.size(); ++i) {
                const Attribute &a = p.attributes.at(i);
                QJsonObject options;
                for (const QString &option : a.options)
                    options.insert(option, option);
                attributes.insert(u"attribute_"_s + a.slug,
                                  QJsonObject {{u"id"_s, 0},
                                               {u"name"_s, a.name},
                                               {u"position"_s, i},
                                               {u"is_attribute_visible"_s, true},
                                               {u"used_for_variation"_s, true},
                                               {u"options"_s, options}});
            }
            o.insert(u"attributes"_s, attributes);
            QJsonArray embedded;
            QJsonArray variationLinks;
            QList<const Product *> ascending = catalog.variationsOf(p.id);
            std::reverse(ascending.begin(), ascending.end());
            for (const Product *v : ascending) {
                QJsonObject attributeValues;
                for (const auto &attribute : v->variationAttributes)
                    attributeValues.insert(u"attribute_"_s + attribute.first, attribute.second);
                embedded.append(
                        QJsonObject {{u"id"_s, v->id},
                                     {u"sku"_s, v->sku},
                                     {u"description"_s, QString()},
                                     {u"attributes"_s, attributeValues},
                                     {u"featured_image"_s, QJsonArray()},
                                     {u"prices"_s, prices(*v, false)},
                                     {u"stock"_s, stock(*v)},
                                     {u"add_to_cart"_s,
                                      QJsonObject {{u"is_purchasable"_s, true},
                                                   {u"purchase_quantity"_s, purchaseQuantity(*v)},
                                                   {u"rest_url"_s, addToCartUrl(*v)}}}});
                variationLinks.append(links(store.restUrl(kProducts + QLatin1Char('/')) +
                                                    QString::number(p.id) + u"/variations/"_s +
                                                    QString::number(v->id),
                                            permalink(*v)));
            }
            o.insert(u"variations"_s, embedded);
            selfLinks.insert(u"variations"_s, variationLinks);
        }
        o.insert(u"_links"_s, selfLinks);
        return o;
    }

    //! A variation, from /products/{variation id} (\a underParent false) or from
    //! /products/{parent}/variations (\a underParent true): same keys, other _links.
    QJsonObject variation(const Product &v, bool underParent) const
    {
        const Product *parent = catalog.byId(v.parentId);
        QJsonObject attributes;
        if (parent) {
            for (const auto &attribute : v.variationAttributes) {
                QString label = attribute.first;
                for (const Attribute &a : parent->attributes) {
                    if (a.slug == attribute.first)
                        label = a.name;
                }
                attributes.insert(
                        u"attribute_"_s + attribute.first,
                        QJsonObject {
                                {u"id"_s, 0},
                                {u"name"_s, label},
                                {u"option"_s, QJsonObject {{attribute.second, attribute.second}}}});
            }
        }
        QJsonObject o {
                {u"id"_s, v.id},
                {u"parent_id"_s, v.parentId},
                {u"name"_s, v.name},
                {u"slug"_s, v.slug},
                {u"permalink"_s, permalink(v)},
                {u"sku"_s, v.sku},
                {u"description"_s, QString()},
                {u"dates"_s, dates(v)},
                {u"featured"_s, false},
                {u"prices"_s, prices(v)},
                {u"hidden_conditions"_s,
                 QJsonObject {{u"virtual"_s, false},
                              {u"downloadable"_s, false},
                              {u"manage_stock"_s, v.managesStock()},
                              {u"sold_individually"_s, v.soldIndividually},
                              {u"shipping_required"_s, true}}},
                {u"images"_s, images(v)},
                {u"categories"_s, QJsonArray()},
                {u"tags"_s, QJsonArray()},
                {u"attributes"_s, attributes},
                {u"stock"_s, stock(v)},
                {u"weight"_s, QJsonObject {{u"value"_s, v.weightText}, {u"unit"_s, u"kg"_s}}},
                {u"dimensions"_s, dimensions()},
                {u"total_sales"_s, u"0"_s},
                {u"add_to_cart"_s,
                 QJsonObject {{u"text"_s, addToCartText(v)},
                              {u"description"_s, addToCartDescription(v)},
                              {u"is_purchasable"_s, true},
                              {u"purchase_quantity"_s, purchaseQuantity(v)},
                              {u"rest_url"_s, addToCartUrl(v)}}},
                {u"meta_data"_s, QJsonArray()},
        };
        const QString productUrl = store.restUrl(kProducts + QLatin1Char('/'));
        const QString parentPermalink = parent ? permalink(*parent) : QString();
        if (underParent) {
            const QString collection = productUrl + QString::number(v.parentId) + u"/variations"_s;
            o.insert(u"_links"_s,
                     QJsonObject {{u"self"_s,
                                   QJsonArray {links(collection + QLatin1Char('/') +
                                                     QString::number(v.id))}},
                                  {u"collection"_s, QJsonArray {links(collection)}},
                                  {u"up"_s,
                                   QJsonArray {links(productUrl + QString::number(v.parentId),
                                                     parentPermalink)}}});
        } else {
            o.insert(u"_links"_s,
                     QJsonObject {
                             {u"self"_s,
                              QJsonArray {links(productUrl + QString::number(v.id), permalink(v))}},
                             {u"collection"_s,
                              QJsonArray {links(store.restUrl(kProducts),
                                                store.baseUrl() + u"/shop/"_s)}},
                             {u"parent_product"_s,
                              QJsonArray {links(productUrl + QString::number(v.parentId),
                                                parentPermalink)}}});
        }
        return o;
    }

    QJsonObject category(const Category &c) const
    {
        const QString collection = store.restUrl(kProducts + u"/categories"_s);
        return {{u"id"_s, c.id},
                {u"name"_s, c.name},
                {u"slug"_s, c.slug},
                {u"parent"_s, 0},
                {u"description"_s, c.description},
                {u"display"_s, u"default"_s},
                {u"image"_s, QJsonValue::Null},
                {u"menu_order"_s, 0},
                {u"count"_s, catalog.productCount(c.id)},
                {u"_links"_s,
                 QJsonObject {{u"self"_s,
                               QJsonArray {links(collection + QLatin1Char('/') +
                                                 QString::number(c.id))}},
                              {u"collection"_s, QJsonArray {links(collection)}}}}};
    }

    const DevStorePrivate &store;
    const Catalog &catalog;
    bool showReviews = false; //!< the show_reviews request parameter
};

//! Product responses: no CoCart-* headers, and the guest Cache-Control whoever asks.
Response productResponse(const QJsonValue &body, int status = 200)
{
    Response response = Response::json(body, status);
    response.setHeader("Expires", "Thu, 01-Jan-70 00:00:01 GMT");
    response.setHeader("Cache-Control", "no-store, no-cache, must-revalidate");
    return response;
}

Response productError(const QString &code, const QString &message, int status)
{
    return productResponse(errorBody(code, message, status), status);
}

struct InvalidParam
{
    QString name;
    QString message;
    QString code;
    QJsonValue data; //!< details.<name>.data
};

Response invalidParams(const QList<InvalidParam> &invalid)
{
    QStringList names;
    QJsonObject params;
    QJsonObject details;
    for (const InvalidParam &p : invalid) {
        names.append(p.name);
        params.insert(p.name, p.message);
        details.insert(
                p.name,
                QJsonObject {{u"code"_s, p.code}, {u"message"_s, p.message}, {u"data"_s, p.data}});
    }
    return productResponse(
            QJsonObject {{u"code"_s, u"rest_invalid_param"_s},
                         {u"message"_s, QString(u"Invalid parameter(s): "_s + names.join(u", "_s))},
                         {u"data"_s,
                          QJsonObject {{u"status"_s, 400},
                                       {u"params"_s, params},
                                       {u"details"_s, details}}}},
            400);
}

//! An integer request parameter checked like WP's schema validation.
std::optional<InvalidParam> integerParam(const Request &request, const QString &name, int fallback,
                                         int minimum, int maximum, int *out)
{
    *out = fallback;
    if (!request.query.hasQueryItem(name))
        return std::nullopt;
    bool ok = false;
    const int value = request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed().toInt(&ok);
    if (!ok)
        return InvalidParam {name, name + u" is not of type integer."_s, u"rest_invalid_type"_s,
                             QJsonObject {{u"param"_s, name}}};
    if (value < minimum || (maximum > 0 && value > maximum)) {
        const QString message = maximum > 0
                ? u"%1 must be between %2 (inclusive) and %3 (inclusive)"_s.arg(name)
                          .arg(minimum)
                          .arg(maximum)
                : u"%1 must be greater than or equal to %2"_s.arg(name).arg(minimum);
        return InvalidParam {name, message, u"rest_out_of_bounds"_s, QJsonValue::Null};
    }
    *out = value;
    return std::nullopt;
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"1"_s || v == u"true"_s || v == u"yes"_s;
}

Response listProducts(const DevStorePrivate &store, const Request &request)
{
    Builder build(store);
    build.showReviews = truthy(request.query.queryItemValue(u"show_reviews"_s, QUrl::FullyDecoded));
    QList<InvalidParam> invalid;
    int page = 1, perPage = 10;
    if (auto bad = integerParam(request, u"page"_s, 1, 1, 0, &page))
        invalid.append(*bad);
    if (auto bad = integerParam(request, u"per_page"_s, 10, 1, 100, &perPage))
        invalid.append(*bad);
    const QString order = request.query.hasQueryItem(u"order"_s)
            ? request.query.queryItemValue(u"order"_s, QUrl::FullyDecoded)
            : u"desc"_s;
    if (order != u"asc"_s && order != u"desc"_s) {
        const QString message =
                u"order is not one of "_s + wpList({u"asc"_s, u"desc"_s}) + QLatin1Char('.');
        invalid.append({u"order"_s, message, u"rest_not_in_enum"_s, QJsonValue::Null});
    }
    const QString orderBy = request.query.hasQueryItem(u"orderby"_s)
            ? request.query.queryItemValue(u"orderby"_s, QUrl::FullyDecoded)
            : u"date"_s;
    if (!kOrderBy.contains(orderBy)) {
        const QString message = u"orderby is not one of "_s + wpList(kOrderBy) + QLatin1Char('.');
        invalid.append({u"orderby"_s, message, u"rest_not_in_enum"_s, QJsonValue::Null});
    }
    if (!invalid.isEmpty())
        return invalidParams(invalid);

    const auto value = [&request](const QString &name) {
        return request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    };
    const Catalog &catalog = store.catalog;
    QList<const Product *> list = catalog.products();
    const auto keep = [&list](const std::function<bool(const Product *)> &predicate) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&predicate](const Product *p) { return !predicate(p); }),
                   list.end());
    };
    if (const QString search = value(u"search"_s); !search.isEmpty())
        keep([&search](const Product *p) { return p->name.contains(search, Qt::CaseInsensitive); });
    if (const QString category = value(u"category"_s); !category.isEmpty()) {
        bool numeric = false;
        const qint64 id = category.toLongLong(&numeric);
        const Category *c = numeric ? catalog.category(id) : catalog.categoryBySlug(category);
        const qint64 categoryId = c ? c->id : -1;
        keep([categoryId](const Product *p) { return p->categories.contains(categoryId); });
    }
    if (const QString sku = value(u"sku"_s); !sku.isEmpty()) {
        const QStringList skus = sku.split(QLatin1Char(','), Qt::SkipEmptyParts);
        keep([&skus](const Product *p) {
            for (const QString &s : skus) {
                if (p->sku.compare(s.trimmed(), Qt::CaseInsensitive) == 0)
                    return true;
            }
            return false;
        });
    }
    if (const QString type = value(u"type"_s); !type.isEmpty()) {
        keep([&type](const Product *p) {
            return (p->type == Product::Type::Variable ? u"variable"_s : u"simple"_s) == type;
        });
    }
    if (request.query.hasQueryItem(u"on_sale"_s)) {
        const bool wanted = truthy(value(u"on_sale"_s));
        const Builder &b = build;
        keep([wanted, &b](const Product *p) {
            return b.prices(*p).value(u"on_sale"_s).toBool() == wanted;
        });
    }
    if (request.query.hasQueryItem(u"featured"_s) && truthy(value(u"featured"_s)))
        list.clear(); // nothing in the demo catalogue is featured
    const auto ids = [&value](const QString &name) {
        QList<qint64> out;
        for (const QString &part : value(name).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.append(part.trimmed().toLongLong());
        return out;
    };
    if (const QList<qint64> include = ids(u"include"_s); !include.isEmpty())
        keep([&include](const Product *p) { return include.contains(p->id); });
    if (const QList<qint64> exclude = ids(u"exclude"_s); !exclude.isEmpty())
        keep([&exclude](const Product *p) { return !exclude.contains(p->id); });
    // stock_status is accepted and ignored, as recorded (01n).

    const bool ascending = order == u"asc"_s;
    const auto byDate = [ascending](const Product *a, const Product *b) {
        return ascending ? a->id < b->id : a->id > b->id;
    };
    const auto price = [&build](const Product *p) {
        return build.prices(*p).value(u"price"_s).toString().toLongLong();
    };
    if (orderBy == u"title"_s || orderBy == u"name"_s || orderBy == u"slug"_s) {
        const bool slug = orderBy == u"slug"_s;
        std::stable_sort(list.begin(), list.end(), [ascending, slug](auto a, auto b) {
            const int c = slug ? QString::compare(a->slug, b->slug)
                               : QString::compare(a->name, b->name, Qt::CaseInsensitive);
            return ascending ? c < 0 : c > 0;
        });
    } else if (orderBy == u"alphabetical"_s || orderBy == u"reverse_alpha"_s) {
        const bool reverse = orderBy == u"reverse_alpha"_s;
        std::stable_sort(list.begin(), list.end(), [reverse](auto a, auto b) {
            const int c = QString::compare(a->name, b->name, Qt::CaseInsensitive);
            return reverse ? c > 0 : c < 0;
        });
    } else if (orderBy == u"price_asc"_s || orderBy == u"price_desc"_s) {
        const bool up = orderBy == u"price_asc"_s;
        std::stable_sort(list.begin(), list.end(), byDate);
        std::stable_sort(list.begin(), list.end(), [up, &price](auto a, auto b) {
            return up ? price(a) < price(b) : price(a) > price(b);
        });
    } else if (orderBy == u"by_stock"_s || orderBy == u"on_sale_first"_s) {
        const bool stockFirst = orderBy == u"by_stock"_s;
        std::stable_sort(list.begin(), list.end(), byDate);
        std::stable_sort(list.begin(), list.end(), [stockFirst, &build](auto a, auto b) {
            const QString key = stockFirst ? u"stock"_s : u"prices"_s;
            const auto flag = [&](const Product *p) {
                return stockFirst ? build.stock(*p).value(u"is_in_stock"_s).toBool()
                                  : build.prices(*p).value(u"on_sale"_s).toBool();
            };
            Q_UNUSED(key)
            return flag(a) && !flag(b);
        });
    } else {
        std::stable_sort(list.begin(), list.end(), byDate);
    }

    const int total = static_cast<int>(list.size());
    const int totalPages = (total + perPage - 1) / perPage;
    if (total > 0 && page > totalPages)
        return productError(u"cocart_products_invalid_page_number"_s,
                            u"The page number requested is larger than the number of products "
                            "available."_s,
                            400);

    QJsonArray products;
    for (const Product *p : list.mid((page - 1) * perPage, perPage))
        products.append(build.product(*p));
    QJsonObject body {{u"products"_s, products},
                      {u"page"_s, total > 0 ? page : 1},
                      {u"total_pages"_s, totalPages},
                      {u"total_products"_s, total}};

    const auto pageUrl = [&store, &request](int n) -> QString {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(u"page"_s);
        query.addQueryItem(u"page"_s, QString::number(n));
        return store.restUrl(kProducts) + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    };
    QJsonObject bodyLinks;
    QByteArrayList linkHeader;
    if (total > 0 && page > 1) {
        bodyLinks.insert(u"prev"_s, QJsonArray {links(pageUrl(page - 1))});
        linkHeader.append("<" + pageUrl(page - 1).toUtf8() + ">; rel=\"prev\"");
    }
    if (page < totalPages) {
        bodyLinks.insert(u"next"_s, QJsonArray {links(pageUrl(page + 1))});
        linkHeader.append("<" + pageUrl(page + 1).toUtf8() + ">; rel=\"next\"");
    }
    if (!bodyLinks.isEmpty())
        body.insert(u"_links"_s, bodyLinks);

    Response response = productResponse(body);
    response.setHeader("X-WP-Total", QByteArray::number(total));
    response.setHeader("X-WP-TotalPages", QByteArray::number(totalPages));
    if (!linkHeader.isEmpty())
        response.setHeader("Link", linkHeader.join(", "));
    return response;
}

//! /products/{x}: a numeric id (products and variations) or a SKU, case-insensitive.
const Product *lookup(const Catalog &catalog, const QString &idOrSku, bool *numeric)
{
    bool isNumber = false;
    const qint64 id = idOrSku.toLongLong(&isNumber);
    *numeric = isNumber;
    return isNumber ? catalog.byId(id) : catalog.bySku(idOrSku);
}

Response listResponse(const QJsonArray &array)
{
    Response response = productResponse(array);
    response.setHeader("X-WP-Total", QByteArray::number(array.size()));
    response.setHeader("X-WP-TotalPages", QByteArray::number(array.isEmpty() ? 0 : 1));
    return response;
}

//! A positive integer list parameter the way WP reads one: "10", "10,14" or product[]=10.
QList<qint64> idList(const Request &request, const QString &name)
{
    QList<qint64> out;
    const QUrlQuery &query = request.query;
    QStringList values = query.allQueryItemValues(name, QUrl::FullyDecoded);
    values += query.allQueryItemValues(name + u"[]"_s, QUrl::FullyDecoded);
    for (const QString &value : std::as_const(values)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (ok && id > 0)
                out.append(id);
        }
    }
    return out;
}

//! /products/tags, /products/attributes (+ terms) and /products/reviews. Registered before
//! /products/{id}, which would otherwise take "tags" for an unknown SKU.
void registerTaxonomyRoutes(RouteTable &routes, const DevStorePrivate &store, const QString &base)
{
    routes.add("GET", base + u"/tags"_s, [&store](Request &) {
        const Builder build(store);
        QJsonArray list;
        for (const Tag &t : store.catalog.tags())
            list.append(build.tag(t));
        return listResponse(list);
    });
    routes.add("GET", base + u"/tags/(\\d+)"_s, [&store](Request &request) {
        const Tag *t = store.catalog.tag(request.captures.value(0).toLongLong());
        if (!t)
            return productError(u"cocart_term_invalid"_s, u"Term does not exist."_s, 404);
        return productResponse(Builder(store).tag(*t));
    });

    // Global (taxonomy) attributes. The demo catalogue's Size is a custom product attribute
    // (id 0), like the recorded T-shirt's, so the store has none: 200 [].
    routes.add("GET", base + u"/attributes"_s,
               [](Request &) { return listResponse(QJsonArray()); });
    routes.add("GET", base + u"/attributes/(\\d+)"_s, [](Request &) {
        return productError(u"cocart_attribute_invalid"_s, u"Attribute does not exist."_s, 404);
    });
    for (const QString &terms : {QString(base + u"/attributes/(\\d+)/terms"_s),
                                 QString(base + u"/attributes/(\\d+)/terms/(\\d+)"_s)}) {
        routes.add("GET", terms, [](Request &) {
            return productError(u"cocart_taxonomy_invalid"_s, u"Taxonomy does not exist."_s, 404);
        });
    }

    routes.add("GET", base + u"/reviews"_s, [&store](Request &request) {
        QList<InvalidParam> invalid;
        int page = 1, perPage = 10;
        if (auto bad = integerParam(request, u"page"_s, 1, 1, 0, &page))
            invalid.append(*bad);
        if (auto bad = integerParam(request, u"per_page"_s, 10, 1, 100, &perPage))
            invalid.append(*bad);
        if (!invalid.isEmpty())
            return invalidParams(invalid);
        const QList<qint64> products = idList(request, u"product"_s);
        QList<Review> reviews = store.catalog.reviews();
        if (!products.isEmpty()) {
            reviews.erase(std::remove_if(reviews.begin(), reviews.end(),
                                         [&products](const Review &r) {
                                             return !products.contains(r.productId);
                                         }),
                          reviews.end());
        }
        const Builder build(store);
        QJsonArray list;
        for (const Review &r : reviews.mid((page - 1) * perPage, perPage))
            list.append(build.review(r));
        const int total = static_cast<int>(reviews.size());
        Response response = productResponse(list);
        response.setHeader("X-WP-Total", QByteArray::number(total));
        response.setHeader("X-WP-TotalPages", QByteArray::number((total + perPage - 1) / perPage));
        return response;
    });
    routes.add("GET", base + u"/reviews/(\\d+)"_s, [&store](Request &request) {
        const Review *r = store.catalog.review(request.captures.value(0).toLongLong());
        if (!r)
            return productError(u"cocart_review_invalid_id"_s, u"Invalid review ID."_s, 404);
        return productResponse(Builder(store).review(*r));
    });
}

} // namespace

void registerProductRoutes(RouteTable &routes, DevStorePrivate &store)
{
    const QString base = u"/wp-json/cocart/v2/products"_s;

    routes.add("GET", base, [&store](Request &request) { return listProducts(store, request); });

    // Categories first: "categories" would otherwise match the product id pattern.
    routes.add("GET", base + u"/categories"_s, [&store](Request &) {
        const Builder build(store);
        QJsonArray list;
        for (const Category &c : store.catalog.categories())
            list.append(build.category(c));
        return listResponse(list);
    });
    routes.add("GET", base + u"/categories/(\\d+)"_s, [&store](Request &request) {
        const Category *c = store.catalog.category(request.captures.value(0).toLongLong());
        if (!c)
            return productError(u"cocart_term_invalid"_s, u"Term does not exist."_s, 404);
        return productResponse(Builder(store).category(*c));
    });

    registerTaxonomyRoutes(routes, store, base);

    routes.add("GET", base + u"/([\\w-]+)"_s, [&store](Request &request) {
        bool numeric = false;
        const Product *p = lookup(store.catalog, request.captures.value(0), &numeric);
        if (!p && numeric)
            return productError(u"cocart_product_invalid_id"_s, u"Invalid ID."_s, 404);
        if (!p)
            return productError(u"cocart_unknown_product_id"_s,
                                u"Product does not exist! Check that you have submitted a "
                                "product ID or SKU ID correctly for a product that exists."_s,
                                404);
        Builder build(store);
        build.showReviews =
                truthy(request.query.queryItemValue(u"show_reviews"_s, QUrl::FullyDecoded));
        return productResponse(build.product(*p));
    });

    // A simple or unknown parent gives 200 [] (03c, 03d).
    routes.add("GET", base + u"/(\\d+)/variations"_s, [&store](Request &request) {
        const Builder build(store);
        QJsonArray list;
        for (const Product *v : store.catalog.variationsOf(request.captures.value(0).toLongLong()))
            list.append(build.variation(*v, true));
        return listResponse(list);
    });
    routes.add("GET", base + u"/(\\d+)/variations/(\\d+)"_s, [&store](Request &request) {
        const Product *v = store.catalog.byId(request.captures.value(1).toLongLong());
        if (!v || !v->isVariation() || v->parentId != request.captures.value(0).toLongLong())
            return productError(u"cocart_product_invalid_id"_s, u"Invalid ID."_s, 404);
        return productResponse(Builder(store).variation(*v, true));
    });

    // Product images (the catalogue's own PNGs; the placeholder for anything without one).
    routes.add("GET", u"/wp-content/uploads/([\\w.-]+)"_s, [&store](Request &request) {
        const QByteArray bytes = store.catalog.image(request.captures.value(0));
        if (bytes.isEmpty()) {
            Response response;
            response.status = 404;
            response.contentType = "text/html; charset=UTF-8";
            response.body = "<!DOCTYPE html><title>Not Found</title>";
            return response;
        }
        Response response;
        response.body = bytes;
        response.contentType = "image/png";
        response.setHeader("Cache-Control", "max-age=31536000");
        return response;
    });
}

} // namespace CoCartDevStore::Internal
