// CartTableModel: Cart::items() (a list model, one row per line) as a table with product,
// quantity, price and line total columns, for Qt Widgets. Rows follow the list model's own
// minimal updates one for one, so the table never resets when the cart does not.

#include <CoCart/CartTableModel.h>

#include <CoCart/CartItemModel.h>

namespace CoCart {

CartTableModel::CartTableModel(QObject *parent) : QAbstractTableModel(parent) { }

CartTableModel::CartTableModel(Cart *cart, QObject *parent) : QAbstractTableModel(parent)
{
    setCart(cart);
}

CartTableModel::~CartTableModel()
{
    disconnectItems();
}

Cart *CartTableModel::cart() const
{
    return m_cart;
}

void CartTableModel::setCart(Cart *cart)
{
    if (m_cart == cart)
        return;
    beginResetModel();
    disconnectItems();
    m_cart = cart;
    connectItems();
    endResetModel();
    Q_EMIT cartChanged();
}

const CartItemModel *CartTableModel::items() const
{
    return m_cart ? m_cart->items() : nullptr;
}

void CartTableModel::disconnectItems()
{
    for (const auto &connection : qAsConst(m_connections))
        disconnect(connection);
    m_connections.clear();
}

void CartTableModel::connectItems()
{
    if (!m_cart)
        return;
    const CartItemModel *source = m_cart->items();
    // The Cart goes away (its lines with it): the table is empty from now on.
    m_connections << connect(m_cart, &QObject::destroyed, this, [this] {
        beginResetModel();
        disconnectItems();
        endResetModel();
        Q_EMIT cartChanged();
    });
    m_connections << connect(
            source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) { beginInsertRows({}, first, last); });
    m_connections << connect(source, &QAbstractItemModel::rowsInserted, this,
                             [this] { endInsertRows(); });
    m_connections << connect(
            source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { beginRemoveRows({}, first, last); });
    m_connections << connect(source, &QAbstractItemModel::rowsRemoved, this,
                             [this] { endRemoveRows(); });
    m_connections << connect(
            source, &QAbstractItemModel::rowsAboutToBeMoved, this,
            [this](const QModelIndex &, int first, int last, const QModelIndex &, int destination) {
                beginMoveRows({}, first, last, {}, destination);
            });
    m_connections << connect(source, &QAbstractItemModel::rowsMoved, this,
                             [this] { endMoveRows(); });
    m_connections << connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
                             [this] { beginResetModel(); });
    m_connections << connect(source, &QAbstractItemModel::modelReset, this,
                             [this] { endResetModel(); });
    m_connections << connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                             [this] { Q_EMIT layoutAboutToBeChanged(); });
    m_connections << connect(source, &QAbstractItemModel::layoutChanged, this,
                             [this] { Q_EMIT layoutChanged(); });
    // A line's values changed: every column of its row may show them.
    m_connections << connect(source, &QAbstractItemModel::dataChanged, this,
                             [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                                 Q_EMIT dataChanged(index(topLeft.row(), 0),
                                                    index(bottomRight.row(), ColumnCount - 1));
                             });
}

QString CartTableModel::keyAt(int row) const
{
    const CartItemModel *source = items();
    if (!source || row < 0 || row >= source->lines().size())
        return {};
    return source->lines().at(row).key();
}

int CartTableModel::rowCount(const QModelIndex &parent) const
{
    const CartItemModel *source = items();
    return parent.isValid() || !source ? 0 : source->rowCount();
}

int CartTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CartTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CartItemModel *source = items();
    if (!source || index.row() >= source->lines().size())
        return {};
    if (role >= CartItemModel::KeyRole)
        return source->data(source->index(index.row()), role);
    const CartLine &line = source->lines().at(index.row());
    const Currency currency = m_cart->currency();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProductColumn:
            return line.title().isEmpty() ? line.name() : line.title();
        case QuantityColumn:
            return line.quantity();
        case PriceColumn:
            return currency.format(line.unitPrice());
        case LineTotalColumn:
            return currency.format(line.lineTotal());
        default:
            return {};
        }
    case Qt::EditRole:
        if (index.column() == QuantityColumn)
            return line.quantity();
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ProductColumn && !line.sku().isEmpty())
            return line.sku();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ProductColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

bool CartTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != QuantityColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const CartItemModel *source = items();
    if (!source || index.row() >= source->lines().size())
        return false;
    bool ok = false;
    const int quantity = value.toInt(&ok);
    if (!ok || quantity < 0)
        return false;
    const CartLine &line = source->lines().at(index.row());
    if (quantity == line.quantity())
        return true;
    m_cart->setQuantity(line.key(), quantity);
    return true;
}

Qt::ItemFlags CartTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuantityColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CartTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case ProductColumn:
        return tr("Product");
    case QuantityColumn:
        return tr("Quantity");
    case PriceColumn:
        return tr("Price");
    case LineTotalColumn:
        return tr("Total");
    default:
        return {};
    }
}

QHash<int, QByteArray> CartTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    if (const CartItemModel *source = items()) {
        const QHash<int, QByteArray> lineRoles = source->roleNames();
        for (auto it = lineRoles.constBegin(); it != lineRoles.constEnd(); ++it)
            names.insert(it.key(), it.value());
    } else {
        CartItemModel empty;
        const QHash<int, QByteArray> lineRoles = empty.roleNames();
        for (auto it = lineRoles.constBegin(); it != lineRoles.constEnd(); ++it)
            names.insert(it.key(), it.value());
    }
    return names;
}

} // namespace CoCart
