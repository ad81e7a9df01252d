#pragma once

#include <CoCart/Money.h>
#include <CoCart/cocartqt_export.h>

#include <QAbstractListModel>
#include <QJsonArray>
#include <QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

class CartPrivate;
namespace Testing {
struct CartItemModelAccess;
}

//! One line of a cart, as read from CoCart's `items` array.
struct COCARTQT_EXPORT CartLine
{
    QString key; //!< `item_key`
    qint64 productId = 0; //!< `id`
    QString name;
    QString title;
    QString sku; //!< `meta.sku`
    QUrl image; //!< `featured_image`
    int quantity = 0; //!< `quantity.value`
    int minQuantity = 1; //!< `quantity.min_purchase`
    int maxQuantity = -1; //!< `quantity.max_purchase`, -1 = unlimited
    qint64 unitPrice = 0; //!< minor units (`price`)
    qint64 lineTotal = 0; //!< minor units (`totals.subtotal`)
    QVariantMap variation; //!< `meta.variation`

    static CartLine fromJson(const QJsonObject &item, const Currency &currency);
    friend COCARTQT_EXPORT bool operator==(const CartLine &a, const CartLine &b);
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
