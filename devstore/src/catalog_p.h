#pragma once

// The store's catalogue: products, variations and categories, loaded from the demo catalogue
// embedded from resources/catalog (or a file given by DevStore::loadCatalog). Money is kept in
// minor units and weights in grams, so nothing here is floating point.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace CoCartDevStore::Internal {

struct Category
{
    qint64 id = 0;
    QString name;
    QString slug;
    QString description;
};

//! A product tag (taxonomy product_tag).
struct Tag
{
    qint64 id = 0;
    QString name;
    QString slug;
    QString description;
};

//! An approved product review (a WordPress comment of type "review" with its rating meta).
struct Review
{
    qint64 id = 0;
    qint64 productId = 0;
    QString reviewer;
    QString reviewerEmail; //!< never sent in the "view" context
    QString text; //!< plain text as entered
    QString date; //!< "2026-11-27T09:12:00", the store runs on UTC
    int rating = 0; //!< 1-5
    bool verified = false;
};

struct Attribute
{
    QString name; //!< label, "Size"
    QString slug; //!< "size"; the cart key is "attribute_size"
    QStringList options;
};

struct Product
{
    enum class Type { Simple, Variable, Variation };

    qint64 id = 0;
    qint64 parentId = 0; //!< variations only
    Type type = Type::Simple;
    QString name; //!< a variation's is "Parent - M"
    QString slug;
    QString sku;
    qint64 regularPrice = 0; //!< minor units
    std::optional<qint64> salePrice;
    std::optional<int> stock; //!< nullopt: stock not managed
    bool soldIndividually = false;
    qint64 weightGrams = 0;
    QString weightText; //!< as entered, "" when none
    QList<qint64> categories;
    QList<qint64> tags;
    QString image; //!< file name under /wp-content/uploads/
    QString created;
    QString shortDescription;
    QString description;
    QList<Attribute> attributes; //!< variable products
    QList<qint64> variationIds; //!< variable products, in catalogue order
    QList<QPair<QString, QString>> variationAttributes; //!< variations: attribute slug -> value

    qint64 price() const { return salePrice ? *salePrice : regularPrice; }
    bool onSale() const { return salePrice.has_value(); }
    bool managesStock() const { return stock.has_value(); }
    bool inStock() const { return !stock || *stock > 0; }
    //! add_to_cart.purchase_quantity.max_purchase: stock, 1 when sold individually, 0 when out of
    //! stock, -1 (unlimited) otherwise.
    int maxPurchase() const;
    bool isVariation() const { return type == Type::Variation; }
};

class Catalog
{
public:
    //! Loads catalog.json; \a imageDir holds the images it names (resource or file path).
    bool load(const QString &path, QString *error = nullptr);

    const Product *byId(qint64 id) const; //!< products and variations
    const Product *bySku(const QString &sku) const; //!< case-insensitive
    //! Products that are not variations, newest (highest id) first.
    QList<const Product *> products() const;
    QList<const Product *> variationsOf(qint64 parentId) const; //!< newest first
    //! The variation of \a parent whose attributes are exactly \a attributes (slug -> value).
    const Product *findVariation(const Product &parent,
                                 const QList<QPair<QString, QString>> &attributes) const;

    QList<Category> categories() const; //!< ordered by name
    const Category *category(qint64 id) const;
    const Category *categoryBySlug(const QString &slug) const;
    int productCount(qint64 categoryId) const;

    QList<Tag> tags() const; //!< ordered by name
    const Tag *tag(qint64 id) const;
    int tagCount(qint64 tagId) const;

    //! Every review, newest first (WP_Comment_Query's default order).
    QList<Review> reviews() const;
    QList<Review> reviewsOf(qint64 productId) const; //!< newest first
    const Review *review(qint64 id) const;

    void setStock(qint64 productId, std::optional<int> stock);

    //! The `currency` object of products and carts.
    QJsonObject currency() const;
    //! Bytes of an image named by a product (or the placeholder); empty if unknown.
    QByteArray image(const QString &fileName) const;

private:
    QHash<qint64, Product> m_products;
    QList<Category> m_categories;
    QList<Tag> m_tags;
    QList<Review> m_reviews;
    QString m_imageDir;
    QString m_currencyCode = QStringLiteral("GBP");
    QString m_currencySymbol = QStringLiteral("£");
    int m_minorUnit = 2;
};

//! "1150" for 1150 minor units; the wire format of CoCart money.
QString minorString(qint64 minor);
//! A weight in grams as WooCommerce prints kg: "0.3", "0.45", "0" (trailing zeros dropped).
QString kgString(qint64 grams);

} // namespace CoCartDevStore::Internal
