#pragma once

#include <CoCart/Error.h>
#include <CoCart/Money.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/cocartqt_export.h>

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QSharedDataPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace CoCart {

class ProductModelPrivate;

class ProductVariationData;
class ProductData;

/*!
    One variation of a variable product, as embedded in the product's `variations` array. An
    implicitly shared value type: copies are cheap, a setter detaches the copy it is called on.
*/
class COCARTQT_EXPORT ProductVariation
{
public:
    ProductVariation();
    ProductVariation(const ProductVariation &other);
    ProductVariation(ProductVariation &&other) noexcept;
    ProductVariation &operator=(const ProductVariation &other);
    ProductVariation &operator=(ProductVariation &&other) noexcept;
    ~ProductVariation();
    //! Swaps this variation with \a other (constant time, never fails).
    void swap(ProductVariation &other) noexcept { d.swap(other.d); }

    //! The variation id: what Cart::addItem() takes as the product id.
    qint64 id() const;
    void setId(qint64 id);
    //! The option values, "M" (several attributes: "M / Blue").
    QString name() const;
    void setName(const QString &name);
    //! The attribute labels, "Size" (several: "Size / Colour").
    QString label() const;
    void setLabel(const QString &label);
    //! "attribute_size" -> "M": what Cart::addItem() takes as its variation.
    QVariantMap attributes() const;
    void setAttributes(const QVariantMap &attributes);
    //! The SKU, or empty.
    QString sku() const;
    void setSku(const QString &sku);
    //! The price, minor units.
    qint64 price() const;
    void setPrice(qint64 price);
    //! The price before a sale, minor units.
    qint64 regularPrice() const;
    void setRegularPrice(qint64 price);
    //! True when price() is a sale price.
    bool isOnSale() const;
    void setOnSale(bool onSale);
    //! instock, outofstock or onbackorder.
    QString stockStatus() const;
    void setStockStatus(const QString &status);
    //! Items in stock, -1 when the store does not manage its stock.
    int stockQuantity() const;
    void setStockQuantity(int quantity);
    //! False when the store does not sell it now.
    bool isPurchasable() const;
    void setPurchasable(bool purchasable);
    //! The most one order may hold: -1 = unlimited, 0 when out of stock.
    int maxQuantity() const;
    void setMaxQuantity(int quantity);

    bool inStock() const;
    static ProductVariation fromJson(const QJsonObject &object, const QJsonObject &attributeInfo);

private:
    QSharedDataPointer<ProductVariationData> d;
};

/*!
    One product of the catalogue, as read from CoCart's `products` array. An implicitly shared
    value type: copies are cheap, a setter detaches the copy it is called on. The descriptions
    are plain text: fromJson() turns the store's HTML into text with Error::plainText().
*/
class COCARTQT_EXPORT Product
{
public:
    Product();
    Product(const Product &other);
    Product(Product &&other) noexcept;
    Product &operator=(const Product &other);
    Product &operator=(Product &&other) noexcept;
    ~Product();
    //! Swaps this product with \a other (constant time, never fails).
    void swap(Product &other) noexcept { d.swap(other.d); }

    //! The product id (`id`).
    qint64 id() const;
    void setId(qint64 id);
    //! The product name, plain text.
    QString name() const;
    void setName(const QString &name);
    //! The SKU, or empty.
    QString sku() const;
    void setSku(const QString &sku);
    //! The URL slug.
    QString slug() const;
    void setSlug(const QString &slug);
    //! simple, variable, … ("variation" for a variation read as a product).
    QString type() const;
    void setType(const QString &type);
    //! The price, minor units.
    qint64 price() const;
    void setPrice(qint64 price);
    //! The price before a sale, minor units.
    qint64 regularPrice() const;
    void setRegularPrice(qint64 price);
    //! True when price() is a sale price.
    bool isOnSale() const;
    void setOnSale(bool onSale);
    //! The featured image URL.
    QUrl image() const;
    void setImage(const QUrl &image);
    //! instock, outofstock or onbackorder.
    QString stockStatus() const;
    void setStockStatus(const QString &status);
    //! Items in stock, -1 when the store does not manage its stock.
    int stockQuantity() const;
    void setStockQuantity(int quantity);
    //! False when the store does not sell it now.
    bool isPurchasable() const;
    void setPurchasable(bool purchasable);
    //! The most one order may hold, -1 = unlimited.
    int maxQuantity() const;
    void setMaxQuantity(int quantity);
    //! True when one per order.
    bool isSoldIndividually() const;
    void setSoldIndividually(bool soldIndividually);
    //! The category names.
    QStringList categories() const;
    void setCategories(const QStringList &categories);
    //! The short description (`short_description`) as plain text.
    QString shortDescription() const;
    void setShortDescription(const QString &text);
    //! The full description (`description`) as plain text: tags dropped, entities decoded,
    //! paragraphs and line breaks joined by spaces.
    QString description() const;
    void setDescription(const QString &text);
    //! A variable product's variations, in the store's order (empty for other types).
    QList<ProductVariation> variations() const;
    void setVariations(const QList<ProductVariation> &variations);

    static Product fromJson(const QJsonObject &object);

private:
    QSharedDataPointer<ProductData> d;
};

/*!
    The store's catalogue as a paged list model: set search/category and the model reloads from
    page 1; fetchMore() appends the next page. Requests go through the Session (Bearer when
    signed in, the fixed User-Agent). Every load ends in loaded() or errorOccurred(), and its
    Reply the same way; an answer for an older search, page 1 or session is dropped. Without a
    session the model is empty; a session destroyed mid-load ends the load (Error::Cancelled).

    When it loads: the first page loads from the event loop once the session is set, and again
    whenever search, category or pageSize change (several changes in a row give one load). While
    the session is signing in, restoring or signing out, that load waits until it has settled,
    so a model set up next to login() or restore() loads once, as the signed-in user, and
    loaded() fires once. reload() and fetchNextPage() load at once, whatever the session does.
    A store address where no CoCart answers fails the load with `cocart_no_store`.
*/
class COCARTQT_EXPORT ProductModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CoCart::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString category READ category WRITE setCategory NOTIFY categoryChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY countChanged)
    Q_PROPERTY(CoCart::Error lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(CoCart::Currency currency READ currency WRITE setCurrency NOTIFY currencyChanged)
    //! The store's categories: a list of {id, name, slug, count}, loaded with the first page.
    Q_PROPERTY(QVariantList categories READ categories NOTIFY categoriesChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        SkuRole,
        TypeRole,
        PriceRole, //!< minor units
        PriceTextRole, //!< formatted
        RegularPriceTextRole,
        OnSaleRole,
        ImageRole,
        StockStatusRole,
        StockQuantityRole,
        InStockRole,
        PurchasableRole,
        MaxQuantityRole,
        CategoriesRole,
        ShortDescriptionRole, //!< plain text
        /*!
            A variable product's variations, as a list of maps with the keys id, name ("M"),
            label ("Size"), attributes ({"attribute_size": "M"}, for Cart.addItem), sku, price,
            priceText, regularPriceText, onSale, stockStatus, stockQuantity, inStock,
            purchasable and maxQuantity. Empty for other products.
        */
        VariationsRole,
        DescriptionRole, //!< the full description (Product::description()), plain text
    };
    Q_ENUM(Role)

    explicit ProductModel(QObject *parent = nullptr);
    ~ProductModel() override;

    Session *session() const;
    void setSession(Session *session);
    QString search() const;
    void setSearch(const QString &search);
    //! A category slug or id; empty for all.
    QString category() const;
    void setCategory(const QString &category);
    int pageSize() const;
    void setPageSize(int size);
    int totalCount() const;
    bool isLoading() const;
    //! More pages than the ones loaded exist.
    bool hasMore() const;
    Error lastError() const;
    //! The currency prices are formatted with (the store's; defaults to the store info's).
    Currency currency() const;
    void setCurrency(const Currency &currency);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QVariantList categories() const;
    const QList<Product> &products() const;
    //! Loads page 1 again (and the categories); the Reply ends with the page.
    Q_INVOKABLE CoCart::Reply *reload();
    //! Appends the next page. When there is none, or a load is running, the Reply finishes at
    //! once with nothing loaded (never nullptr).
    Q_INVOKABLE CoCart::Reply *fetchNextPage();
    Q_INVOKABLE QVariantMap get(int row) const;

Q_SIGNALS:
    void loaded();
    void errorOccurred(const CoCart::Error &error);
    void sessionChanged();
    void searchChanged();
    void categoryChanged();
    void pageSizeChanged();
    void countChanged();
    void loadingChanged();
    void lastErrorChanged();
    void currencyChanged();
    void categoriesChanged();

private:
    friend class ProductModelPrivate;
    std::unique_ptr<ProductModelPrivate> d;
};

} // namespace CoCart

Q_DECLARE_SHARED(CoCart::ProductVariation)
Q_DECLARE_SHARED(CoCart::Product)
