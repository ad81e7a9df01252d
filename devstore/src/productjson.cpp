// The catalogue's JSON (see productjson_p.h): product, variation, category, tag and review
// objects as CoCart 4.3.6 answers them, and the helpers every catalogue answer goes through.

#include "productjson_p.h"

#include "accounts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "wire_p.h"

#include <QRandomGenerator>

#include <algorithm>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

const QString kProducts = u"/cocart/v2/products"_s;

QJsonObject links(const QString &href, const QString &permalink)
{
    QJsonObject o;
    if (!permalink.isEmpty())
        o.insert(u"permalink"_s, permalink);
    o.insert(u"href"_s, href);
    return o;
}

// --- Builder ---------------------------------------------------------------------------------

Builder::Builder(const DevStorePrivate &store) : store(store), catalog(store.catalog) { }
QString Builder::permalink(const Product &p) const
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

QString placeholderImage(const DevStorePrivate &store)
{
    return store.isWooCommerce10() ? u"woocommerce-placeholder-150x150.webp"_s
                                   : u"woocommerce-placeholder.png"_s;
}

void addTargetHints(const DevStorePrivate &store, QJsonObject *object)
{
    if (!store.isWooCommerce10() || !object->contains(u"_links"_s))
        return;
    QJsonObject linkSet = object->value(u"_links"_s).toObject();
    QJsonArray self = linkSet.value(u"self"_s).toArray();
    for (qsizetype i = 0; i < self.size(); ++i) {
        QJsonObject link = self.at(i).toObject();
        link.insert(u"targetHints"_s, QJsonObject {{u"allow"_s, QJsonArray {u"GET"_s}}});
        self.replace(i, link);
    }
    linkSet.insert(u"self"_s, self);
    object->insert(u"_links"_s, linkSet);
}

QString Builder::imageUrl(const Product &p) const
{
    return store.baseUrl() + u"/wp-content/uploads/"_s +
            (p.image.isEmpty() ? placeholderImage(store) : p.image);
}

QString Builder::addToCartUrl(const Product &p) const
{
    QString url = store.restUrl(u"/cocart/v2/cart/add-item?id="_s) + QString::number(p.id) +
            u"&quantity=1"_s;
    for (const auto &attribute : p.variationAttributes)
        url += u"&variation[attribute_"_s + attribute.first + u"]="_s + attribute.second;
    return url;
}

QJsonObject Builder::dates(const Product &p) const
{
    return {{u"created"_s, p.created},
            {u"created_gmt"_s, p.created},
            {u"modified"_s, p.created},
            {u"modified_gmt"_s, p.created}};
}

QJsonObject Builder::dateOnSale()
{
    return {{u"from"_s, QJsonValue::Null},
            {u"from_gmt"_s, QJsonValue::Null},
            {u"to"_s, QJsonValue::Null},
            {u"to_gmt"_s, QJsonValue::Null}};
}

QJsonObject Builder::prices(const Product &p, bool withRange) const
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

QJsonObject Builder::stock(const Product &p) const
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

QJsonArray Builder::images(const Product &p) const
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

QJsonArray Builder::categories(const Product &p) const
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

QJsonArray Builder::tags(const Product &p) const
{
    QJsonArray list;
    for (const qint64 id : p.tags) {
        if (const Tag *t = catalog.tag(id))
            list.append(QJsonObject {
                    {u"id"_s, t->id},
                    {u"name"_s, t->name},
                    {u"slug"_s, t->slug},
                    {u"rest_url"_s,
                     QString(store.restUrl(kProducts + u"/tags/"_s) + QString::number(t->id))}});
    }
    return list;
}

QString Builder::averageRating(const Product &p) const
{
    const QList<Review> reviews = catalog.reviewsOf(p.id);
    if (reviews.isEmpty())
        return u"0"_s;
    int sum = 0;
    for (const Review &r : reviews)
        sum += r.rating;
    return QString::number(static_cast<double>(sum) / reviews.size(), 'f', 2);
}

QJsonArray Builder::embeddedReviews(const Product &p) const
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

QJsonObject Builder::review(const Review &r) const
{
    const QString collection = store.restUrl(kProducts + u"/reviews"_s);
    QJsonObject avatars;
    for (const int size : {24, 48, 96})
        avatars.insert(QString::number(size),
                       Accounts::avatarUrl(store.baseUrl(), r.reviewerEmail, size,
                                           store.isWooCommerce10()));
    QString text = r.text;
    text.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    QJsonObject reviewLinks {
            {u"self"_s, QJsonArray {links(collection + QLatin1Char('/') + QString::number(r.id))}},
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

QJsonObject Builder::tag(const Tag &t) const
{
    const QString collection = store.restUrl(kProducts + u"/tags"_s);
    return {{u"id"_s, t.id},
            {u"name"_s, t.name},
            {u"slug"_s, t.slug},
            {u"description"_s, t.description},
            {u"count"_s, catalog.tagCount(t.id)},
            {u"_links"_s,
             QJsonObject {
                     {u"self"_s,
                      QJsonArray {links(collection + QLatin1Char('/') + QString::number(t.id))}},
                     {u"collection"_s, QJsonArray {links(collection)}}}}};
}

QJsonObject Builder::dimensions()
{
    return {{u"length"_s, QString()},
            {u"width"_s, QString()},
            {u"height"_s, QString()},
            {u"unit"_s, u"cm"_s}};
}

QString Builder::addToCartText(const Product &p) const
{
    if (p.type == Product::Type::Variable)
        return u"Select options"_s;
    return p.inStock() ? u"Add to cart"_s : u"Read more"_s;
}

QString Builder::addToCartDescription(const Product &p) const
{
    const QString quoted = u"&ldquo;"_s + p.name + u"&rdquo;"_s;
    if (p.type == Product::Type::Variable)
        return u"Select options for "_s + quoted;
    return p.inStock() ? u"Add to cart: "_s + quoted : u"Read more about "_s + quoted;
}

QJsonValue Builder::purchaseQuantity(const Product &p) const
{
    if (p.type == Product::Type::Variable)
        return QJsonArray();
    return QJsonObject {{u"min_purchase"_s, 1}, {u"max_purchase"_s, p.maxPurchase()}};
}

QJsonArray Builder::related(const Product &p) const
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

QJsonObject Builder::product(const Product &p) const
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
             QJsonArray {links(store.restUrl(kProducts + QLatin1Char('/')) + QString::number(p.id),
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
    addTargetHints(store, &o);
    return o;
}

QJsonObject Builder::variation(const Product &v, bool underParent) const
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
            attributes.insert(u"attribute_"_s + attribute.first,
                              QJsonObject {{u"id"_s, 0},
                                           {u"name"_s, label},
                                           {u"option"_s,
                                            QJsonObject {{attribute.second, attribute.second}}}});
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
        o.insert(
                u"_links"_s,
                QJsonObject {{u"self"_s,
                              QJsonArray {links(productUrl + QString::number(v.id), permalink(v))}},
                             {u"collection"_s,
                              QJsonArray {links(store.restUrl(kProducts),
                                                store.baseUrl() + u"/shop/"_s)}},
                             {u"parent_product"_s,
                              QJsonArray {links(productUrl + QString::number(v.parentId),
                                                parentPermalink)}}});
    }
    addTargetHints(store, &o);
    return o;
}

QJsonObject Builder::category(const Category &c) const
{
    const QString collection = store.restUrl(kProducts + u"/categories"_s);
    QJsonObject o {{u"id"_s, c.id},
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
    addTargetHints(store, &o);
    return o;
}

// --- Responses -------------------------------------------------------------------------------

Response productResponse(const QJsonValue &body, int status)
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

Response listResponse(const QJsonArray &array)
{
    Response response = productResponse(array);
    response.setHeader("X-WP-Total", QByteArray::number(array.size()));
    response.setHeader("X-WP-TotalPages", QByteArray::number(array.isEmpty() ? 0 : 1));
    return response;
}

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

} // namespace CoCartDevStore::Internal
