// The catalogue's value types: Product and ProductVariation (implicitly shared data, accessors)
// and how they are read from CoCart's products JSON. The model that lists them: productmodel.cpp.

#include <CoCart/ProductModel.h>

#include "json_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace CoCart {

class ProductVariationData : public QSharedData
{
public:
    qint64 id = 0;
    QString name;
    QString label;
    QVariantMap attributes;
    QString sku;
    qint64 price = 0;
    qint64 regularPrice = 0;
    bool onSale = false;
    QString stockStatus;
    int stockQuantity = -1;
    bool purchasable = true;
    int maxQuantity = -1;
};

class ProductData : public QSharedData
{
public:
    qint64 id = 0;
    QString name;
    QString sku;
    QString slug;
    QString type;
    qint64 price = 0;
    qint64 regularPrice = 0;
    bool onSale = false;
    QUrl image;
    QString stockStatus;
    int stockQuantity = -1;
    bool purchasable = true;
    int maxQuantity = -1;
    bool soldIndividually = false;
    QStringList categories;
    QString shortDescription;
    QString description;
    QList<ProductVariation> variations;
};

namespace {

const QSharedDataPointer<ProductVariationData> &sharedEmptyVariation()
{
    static const QSharedDataPointer<ProductVariationData> empty(new ProductVariationData);
    return empty;
}

const QSharedDataPointer<ProductData> &sharedEmptyProduct()
{
    static const QSharedDataPointer<ProductData> empty(new ProductData);
    return empty;
}

QUrl imageOf(const QJsonObject &object)
{
    const QJsonArray images = object.value(QLatin1String("images")).toArray();
    if (images.isEmpty())
        return {};
    const QJsonValue src = images.first().toObject().value(QLatin1String("src"));
    if (src.isString())
        return QUrl(src.toString());
    const QJsonObject sizes = src.toObject();
    for (const char *size : {"woocommerce_thumbnail", "medium", "thumbnail", "full"}) {
        const QString url = sizes.value(QLatin1String(size)).toString();
        if (!url.isEmpty())
            return QUrl(url);
    }
    for (auto it = sizes.begin(); it != sizes.end(); ++it) {
        if (it.value().isString())
            return QUrl(it.value().toString());
    }
    return {};
}

} // namespace

ProductVariation::ProductVariation() : d(sharedEmptyVariation()) { }
ProductVariation::ProductVariation(const ProductVariation &other) = default;
ProductVariation::ProductVariation(ProductVariation &&other) noexcept = default;
ProductVariation &ProductVariation::operator=(const ProductVariation &other) = default;
ProductVariation &ProductVariation::operator=(ProductVariation &&other) noexcept = default;
ProductVariation::~ProductVariation() = default;

qint64 ProductVariation::id() const
{
    return d->id;
}

void ProductVariation::setId(qint64 id)
{
    d->id = id;
}

QString ProductVariation::name() const
{
    return d->name;
}

void ProductVariation::setName(const QString &name)
{
    d->name = name;
}

QString ProductVariation::label() const
{
    return d->label;
}

void ProductVariation::setLabel(const QString &label)
{
    d->label = label;
}

QVariantMap ProductVariation::attributes() const
{
    return d->attributes;
}

void ProductVariation::setAttributes(const QVariantMap &attributes)
{
    d->attributes = attributes;
}

QString ProductVariation::sku() const
{
    return d->sku;
}

void ProductVariation::setSku(const QString &sku)
{
    d->sku = sku;
}

qint64 ProductVariation::price() const
{
    return d->price;
}

void ProductVariation::setPrice(qint64 price)
{
    d->price = price;
}

qint64 ProductVariation::regularPrice() const
{
    return d->regularPrice;
}

void ProductVariation::setRegularPrice(qint64 price)
{
    d->regularPrice = price;
}

bool ProductVariation::isOnSale() const
{
    return d->onSale;
}

void ProductVariation::setOnSale(bool onSale)
{
    d->onSale = onSale;
}

QString ProductVariation::stockStatus() const
{
    return d->stockStatus;
}

void ProductVariation::setStockStatus(const QString &status)
{
    d->stockStatus = status;
}

int ProductVariation::stockQuantity() const
{
    return d->stockQuantity;
}

void ProductVariation::setStockQuantity(int quantity)
{
    d->stockQuantity = quantity;
}

bool ProductVariation::isPurchasable() const
{
    return d->purchasable;
}

void ProductVariation::setPurchasable(bool purchasable)
{
    d->purchasable = purchasable;
}

int ProductVariation::maxQuantity() const
{
    return d->maxQuantity;
}

void ProductVariation::setMaxQuantity(int quantity)
{
    d->maxQuantity = quantity;
}

bool ProductVariation::inStock() const
{
    return d->stockStatus != QLatin1String("outofstock");
}

Product::Product() : d(sharedEmptyProduct()) { }
Product::Product(const Product &other) = default;
Product::Product(Product &&other) noexcept = default;
Product &Product::operator=(const Product &other) = default;
Product &Product::operator=(Product &&other) noexcept = default;
Product::~Product() = default;

qint64 Product::id() const
{
    return d->id;
}

void Product::setId(qint64 id)
{
    d->id = id;
}

QString Product::name() const
{
    return d->name;
}

void Product::setName(const QString &name)
{
    d->name = name;
}

QString Product::sku() const
{
    return d->sku;
}

void Product::setSku(const QString &sku)
{
    d->sku = sku;
}

QString Product::slug() const
{
    return d->slug;
}

void Product::setSlug(const QString &slug)
{
    d->slug = slug;
}

QString Product::type() const
{
    return d->type;
}

void Product::setType(const QString &type)
{
    d->type = type;
}

qint64 Product::price() const
{
    return d->price;
}

void Product::setPrice(qint64 price)
{
    d->price = price;
}

qint64 Product::regularPrice() const
{
    return d->regularPrice;
}

void Product::setRegularPrice(qint64 price)
{
    d->regularPrice = price;
}

bool Product::isOnSale() const
{
    return d->onSale;
}

void Product::setOnSale(bool onSale)
{
    d->onSale = onSale;
}

QUrl Product::image() const
{
    return d->image;
}

void Product::setImage(const QUrl &image)
{
    d->image = image;
}

QString Product::stockStatus() const
{
    return d->stockStatus;
}

void Product::setStockStatus(const QString &status)
{
    d->stockStatus = status;
}

int Product::stockQuantity() const
{
    return d->stockQuantity;
}

void Product::setStockQuantity(int quantity)
{
    d->stockQuantity = quantity;
}

bool Product::isPurchasable() const
{
    return d->purchasable;
}

void Product::setPurchasable(bool purchasable)
{
    d->purchasable = purchasable;
}

int Product::maxQuantity() const
{
    return d->maxQuantity;
}

void Product::setMaxQuantity(int quantity)
{
    d->maxQuantity = quantity;
}

bool Product::isSoldIndividually() const
{
    return d->soldIndividually;
}

void Product::setSoldIndividually(bool soldIndividually)
{
    d->soldIndividually = soldIndividually;
}

QStringList Product::categories() const
{
    return d->categories;
}

void Product::setCategories(const QStringList &categories)
{
    d->categories = categories;
}

QString Product::shortDescription() const
{
    return d->shortDescription;
}

void Product::setShortDescription(const QString &text)
{
    d->shortDescription = text;
}

QString Product::description() const
{
    return d->description;
}

void Product::setDescription(const QString &text)
{
    d->description = text;
}

QList<ProductVariation> Product::variations() const
{
    return d->variations;
}

void Product::setVariations(const QList<ProductVariation> &variations)
{
    d->variations = variations;
}

ProductVariation ProductVariation::fromJson(const QJsonObject &object,
                                            const QJsonObject &attributeInfo)
{
    ProductVariation variation;
    ProductVariationData &v = *variation.d;
    v.id = idOf(object.value(QLatin1String("id")));
    v.sku = object.value(QLatin1String("sku")).toString();
    QStringList names;
    QStringList labels;
    // Embedded in a product: {"attribute_size": "M"}. From /variations: {"attribute_size":
    // {"name": "Size", "option": {"M": "M"}}}. Both are read.
    const QJsonObject attributes = object.value(QLatin1String("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        QString value = it.value().toString();
        QString label =
                attributeInfo.value(it.key()).toObject().value(QLatin1String("name")).toString();
        if (it.value().isObject()) {
            const QJsonObject detail = it.value().toObject();
            const QJsonValue option = detail.value(QLatin1String("option"));
            value = option.isObject() ? option.toObject().keys().value(0) : option.toString();
            if (label.isEmpty())
                label = detail.value(QLatin1String("name")).toString();
        }
        if (label.isEmpty()) { // "attribute_pa_colour" -> "Colour"
            label = it.key();
            for (const QLatin1String prefix : {QLatin1String("attribute_"), QLatin1String("pa_")}) {
                if (label.startsWith(prefix))
                    label = label.mid(prefix.size());
            }
            if (!label.isEmpty())
                label[0] = label.at(0).toUpper();
        }
        v.attributes.insert(it.key(), value);
        names << value;
        labels << label;
    }
    v.name = names.join(QStringLiteral(" / "));
    v.label = labels.join(QStringLiteral(" / "));
    const QJsonObject prices = object.value(QLatin1String("prices")).toObject();
    v.price = minorUnitsOf(prices.value(QLatin1String("price")));
    v.regularPrice = prices.contains(QLatin1String("regular_price"))
            ? minorUnitsOf(prices.value(QLatin1String("regular_price")))
            : v.price;
    v.onSale = prices.value(QLatin1String("on_sale")).toBool();
    const QJsonObject stock = object.value(QLatin1String("stock")).toObject();
    v.stockStatus = stock.value(QLatin1String("stock_status")).toString();
    v.stockQuantity = intOr(stock.value(QLatin1String("stock_quantity")), -1);
    const QJsonObject addToCart = object.value(QLatin1String("add_to_cart")).toObject();
    v.purchasable = addToCart.value(QLatin1String("is_purchasable")).toBool(true);
    v.maxQuantity = intOr(addToCart.value(QLatin1String("purchase_quantity"))
                                  .toObject()
                                  .value(QLatin1String("max_purchase")),
                          -1);
    return variation;
}

Product Product::fromJson(const QJsonObject &object)
{
    Product product;
    ProductData &p = *product.d;
    p.id = idOf(object.value(QLatin1String("id")));
    p.name = object.value(QLatin1String("name")).toString();
    p.sku = object.value(QLatin1String("sku")).toString();
    p.slug = object.value(QLatin1String("slug")).toString();
    p.type = object.value(QLatin1String("type")).toString(); // variations have none
    if (p.type.isEmpty() && object.value(QLatin1String("parent_id")).toInt() > 0)
        p.type = QStringLiteral("variation");
    const QJsonObject prices = object.value(QLatin1String("prices")).toObject();
    p.price = minorUnitsOf(prices.value(QLatin1String("price")));
    p.regularPrice = minorUnitsOf(prices.value(QLatin1String("regular_price")));
    if (!prices.contains(QLatin1String("regular_price")))
        p.regularPrice = p.price;
    p.onSale = prices.value(QLatin1String("on_sale")).toBool();
    p.image = imageOf(object);
    const QJsonObject stock = object.value(QLatin1String("stock")).toObject();
    p.stockStatus = stock.value(QLatin1String("stock_status")).toString();
    p.stockQuantity = intOr(stock.value(QLatin1String("stock_quantity")), -1); // null: unmanaged
    const QJsonObject addToCart = object.value(QLatin1String("add_to_cart")).toObject();
    p.purchasable = addToCart.value(QLatin1String("is_purchasable")).toBool(true);
    // `purchase_quantity` is `[]` on a variable product.
    const QJsonObject purchase = addToCart.value(QLatin1String("purchase_quantity")).toObject();
    p.maxQuantity = intOr(purchase.value(QLatin1String("max_purchase")), -1);
    p.soldIndividually = object.value(QLatin1String("hidden_conditions"))
                                 .toObject()
                                 .value(QLatin1String("sold_individually"))
                                 .toBool();
    const QJsonArray categories = object.value(QLatin1String("categories")).toArray();
    for (const auto &category : categories)
        p.categories << category.toObject().value(QLatin1String("name")).toString();
    // Both arrive as the store's HTML ("<p>…</p>", entities): shown as text, never as markup.
    p.shortDescription =
            Error::plainText(object.value(QLatin1String("short_description")).toString());
    p.description = Error::plainText(object.value(QLatin1String("description")).toString());
    // Only products carry `variations`; `attributes` is `[]` on a simple product.
    const QJsonObject attributeInfo = object.value(QLatin1String("attributes")).toObject();
    const QJsonArray variations = object.value(QLatin1String("variations")).toArray();
    for (const auto &variation : variations) {
        if (variation.isObject())
            p.variations.append(ProductVariation::fromJson(variation.toObject(), attributeInfo));
    }
    return product;
}

} // namespace CoCart
