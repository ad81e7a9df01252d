#pragma once

#include <CoCart/Cart.h>
#include <CoCart/cocartqt_export.h>

#include <QAbstractTableModel>
#include <QList>
#include <QMetaObject>
#include <QPointer>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

/*!
    The lines of a Cart as a table, for Qt Widgets views (QTableView, QTreeView) and QML's
    TableView: one row per line, in the same order as Cart::items(), with four columns.

    | Column | Qt::DisplayRole | Qt::EditRole | Qt::TextAlignmentRole |
    |---|---|---|---|
    | ProductColumn | the line's title ("Classic T-Shirt - M"), else its name | — | left |
    | QuantityColumn | the quantity (int) | the quantity (int): editable | right |
    | PriceColumn | the unit price, formatted ("£12.50") | — | right |
    | LineTotalColumn | the line total, formatted ("£25.00") | — | right |

    Qt::ToolTipRole gives the SKU on the product column. Every CartItemModel::Role works on every
    column and returns what Cart::items() returns for that line (CartItemModel::UnitPriceRole for
    the amount in minor units, CartItemModel::KeyRole for the line's key, …), so a sorting proxy
    or a delegate can use the raw values.

    Editing the quantity (setData() with Qt::EditRole on QuantityColumn) calls
    Cart::setQuantity(): 0 removes the line. The table changes when the store answers, never
    before, so a view shows what the store holds; a refused change (stock, limits) leaves the line
    as it was and ends in Cart::errorOccurred(). Rows are inserted, removed, moved and changed
    as Cart::items() is (minimal updates: selections and editors survive a cart refresh).

    Not owned: the Cart is set with setCart() (or the constructor); the model is empty without
    one, and becomes empty if the Cart is destroyed.
*/
class COCARTQT_EXPORT CartTableModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CoCart::Cart *cart READ cart WRITE setCart NOTIFY cartChanged)

public:
    //! The columns, in order.
    enum Column {
        ProductColumn, //!< the line's title, or name
        QuantityColumn, //!< how many; editable
        PriceColumn, //!< the price of one
        LineTotalColumn, //!< the line's total
        ColumnCount //!< how many columns there are (not a column)
    };
    Q_ENUM(Column)

    explicit CartTableModel(QObject *parent = nullptr);
    //! A table of \a cart's lines (not owned).
    explicit CartTableModel(Cart *cart, QObject *parent = nullptr);
    ~CartTableModel() override;

    Cart *cart() const;
    void setCart(Cart *cart);

    //! The line's key (what Cart::setQuantity() and Cart::removeItem() take) of \a row, or empty.
    Q_INVOKABLE QString keyAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /*!
        Only Qt::EditRole on QuantityColumn, with a whole number ≥ 0: sends Cart::setQuantity()
        (0 removes the line) and returns true; the row changes when the store answers. Returns
        true without a call when the quantity is already \a value; false for anything else.
    */
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    //! Horizontal: "Product", "Quantity", "Price", "Total" (translatable); vertical: row numbers.
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    //! The roles of Cart::items() (CartItemModel::roleNames()) and Qt's.
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void cartChanged();

private:
    void connectItems();
    void disconnectItems();
    const CartItemModel *items() const;

    QPointer<Cart> m_cart;
    QList<QMetaObject::Connection> m_connections;
    Q_DISABLE_COPY(CartTableModel)
};

} // namespace CoCart
