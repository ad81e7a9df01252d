#pragma once

#include <CoCart/Error.h>
#include <CoCart/Money.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/cocartqt_export.h>

#include <QAbstractListModel>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

namespace CoCart {

class ProductModelPrivate;

//! One variation of a variable product, as embedded in the product's `variations` array.
struct COCARTQT_EXPORT ProductVariation
{
    qint64 id = 0;
    //! The option values, "M" (several attributes: "M / Blue").
    QString name;
    //! The attribute labels, "Size" (several: "Size / Colour").
    QString label;
    //! "attribute_size" -> "M": what Cart::addItem() takes as its variation.
    QVariantMap attributes;
    QString sku;
    qint64 price = 0; //!< minor units
    qint64 regularPrice = 0;
    bool onSale = false;
    QString stockStatus;
    int stockQuantity = -1; //!< -1 when not managed
    bool purchasable = true;
    int maxQuantity = -1; //!< -1 = unlimited, 0 when out of stock

    bool inStock() const { return stockStatus != QLatin1String("outofstock"); }
    static ProductVariation fromJson(const QJsonObject &object, const QJsonObject &attributeInfo);
};

//! One product of the catalogue, as read from CoCart's `products` array.
struct COCARTQT_EXPORT Product
{
    qint64 id = 0;
    QString name;
    QString sku;
    QString slug;
    QString type; //!< simple, variable, …
    qint64 price = 0; //!< minor units
    qint64 regularPrice = 0;
    bool onSale = false;
    QUrl image;
    QString stockStatus; //!< instock, outofstock, onbackorder
    int stockQuantity = -1; //!< -1 when not managed
    bool purchasable = true;
    int maxQuantity = -1; //!< -1 = unlimited
    bool soldIndividually = false;
    QStringList categories;
    QString shortDescription;
    //! A variable product's variations, in the store's order (empty for other types).
    QList<ProductVariation> variations;

    static Product fromJson(const QJsonObject &object);
};

/*!
    The store's catalogue as a paged list model: set search/category and the model reloads from
    page 1; fetchMore() appends the next page. Requests go through the Session (Bearer when
    signed in, the fixed User-Agent). Every load ends in loaded() or errorOccurred(), and its
    Reply the same way; an answer for an older search, page 1 or session is dropped. Without a
    session the model is empty; a session destroyed mid-load ends the load (Error::Cancelled).
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
        ShortDescriptionRole,
        /*!
            A variable product's variations, as a list of maps with the keys id, name ("M"),
            label ("Size"), attributes ({"attribute_size": "M"}, for Cart.addItem), sku, price,
            priceText, regularPriceText, onSale, stockStatus, stockQuantity, inStock,
            purchasable and maxQuantity. Empty for other products.
        */
        VariationsRole,
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
    //! Appends the next page; nullptr when there is none or a load is running.
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
