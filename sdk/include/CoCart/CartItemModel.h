#pragma once

#include <CoCart/Money.h>
#include <CoCart/cocartqt_export.h>

#include <QAbstractListModel>
#include <QJsonArray>
#include <QSharedDataPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

class CartPrivate;
namespace Testing {
struct CartItemModelAccess;
}

class CartLineData;

/*!
    One line of a cart, as read from CoCart's `items` array. An implicitly shared value type:
    copies are cheap, and a setter detaches the copy it is called on. Amounts are in minor units
    of the cart's currency.
*/
class COCARTQT_EXPORT CartLine
{
public:
    CartLine();
    CartLine(const CartLine &other);
    CartLine(CartLine &&other) noexcept;
    CartLine &operator=(const CartLine &other);
    CartLine &operator=(CartLine &&other) noexcept;
    ~CartLine();
    //! Swaps this line with \a other (constant time, never fails).
    void swap(CartLine &other) noexcept { d.swap(other.d); }

    //! The line's key (`item_key`): what Cart::setQuantity() and Cart::removeItem() take.
    QString key() const;
    void setKey(const QString &key);
    //! The product id (`id`); a variation's own id for a variation.
    qint64 productId() const;
    void setProductId(qint64 id);
    //! The product name, plain text.
    QString name() const;
    void setName(const QString &name);
    //! The line's title (the name with the variation, "T-Shirt - M").
    QString title() const;
    void setTitle(const QString &title);
    //! The SKU (`meta.sku`), or empty.
    QString sku() const;
    void setSku(const QString &sku);
    //! The featured image (`featured_image`).
    QUrl image() const;
    void setImage(const QUrl &image);
    //! How many (`quantity.value`).
    int quantity() const;
    void setQuantity(int quantity);
    //! The least the store sells (`quantity.min_purchase`, 1 by default).
    int minQuantity() const;
    void setMinQuantity(int quantity);
    //! The most the store sells (`quantity.max_purchase`), -1 = unlimited.
    int maxQuantity() const;
    void setMaxQuantity(int quantity);
    //! The price of one, minor units (`price`).
    qint64 unitPrice() const;
    void setUnitPrice(qint64 amount);
    //! The line's total before discounts, minor units (`totals.subtotal`).
    qint64 lineTotal() const;
    void setLineTotal(qint64 amount);
    /*!
        The price of one before a sale, minor units; 0 when unknown. CoCart's cart answer does
        not carry it (a line on sale says only `price`, the sale price): a Cart fills it from the
        products its catalogue has loaded (Cart::catalogue).
    */
    qint64 regularUnitPrice() const;
    void setRegularUnitPrice(qint64 amount);
    //! What the sale saves on this line, minor units: (regularUnitPrice() − unitPrice()) ×
    //! quantity() when the regular price is known and higher, else 0.
    qint64 saving() const;
    //! The chosen attributes of a variation (`meta.variation`, {"Size": "M"}); empty otherwise.
    QVariantMap variation() const;
    void setVariation(const QVariantMap &variation);

    static CartLine fromJson(const QJsonObject &item, const Currency &currency);
    friend COCARTQT_EXPORT bool operator==(const CartLine &a, const CartLine &b);
    friend bool operator!=(const CartLine &a, const CartLine &b) { return !(a == b); }

private:
    QSharedDataPointer<CartLineData> d;
};

/*!
    The lines of a Cart as a list model. Owned and updated by Cart; QML binds to it through
    Cart.items. Updates are minimal (rows inserted, removed or changed), so delegates keep their
    state across a cart refresh.
*/
class COCARTQT_EXPORT CartItemModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("CartItemModel is owned by a Cart: use Cart.items")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        ProductIdRole,
        NameRole,
        SkuRole,
        ImageRole,
        QuantityRole,
        MinQuantityRole,
        MaxQuantityRole,
        UnitPriceRole, //!< minor units (qint64)
        LineTotalRole, //!< minor units (qint64)
        UnitPriceTextRole, //!< formatted with the cart's currency
        LineTotalTextRole,
        VariationRole,
        //! CartLine::regularUnitPrice(), minor units (qint64); 0 when unknown
        RegularUnitPriceRole,
        //! The regular price of one, formatted, when the line is on sale; else empty
        RegularUnitPriceTextRole,
        SavingRole, //!< CartLine::saving(), minor units (qint64)
        SavingTextRole, //!< the saving, formatted; empty when there is none
    };
    Q_ENUM(Role)

    explicit CartItemModel(QObject *parent = nullptr);
    ~CartItemModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<CartLine> &lines() const { return m_lines; }
    Q_INVOKABLE int indexOfKey(const QString &key) const;

Q_SIGNALS:
    void countChanged();

private:
    friend class CartPrivate;
    friend struct Testing::CartItemModelAccess;
    //! Replaces the lines with \a lines using minimal row changes (the Cart's answers only).
    void setLines(const QList<CartLine> &lines, const Currency &currency);

    QList<CartLine> m_lines;
    Currency m_currency;
};

} // namespace CoCart

Q_DECLARE_SHARED(CoCart::CartLine)
