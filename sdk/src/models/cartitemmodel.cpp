#include <CoCart/CartItemModel.h>

#include "json_p.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

namespace CoCart {

class CartLineData : public QSharedData
{
public:
    QString key;
    qint64 productId = 0;
    QString name;
    QString title;
    QString sku;
    QUrl image;
    int quantity = 0;
    int minQuantity = 1;
    int maxQuantity = -1;
    qint64 unitPrice = 0;
    qint64 lineTotal = 0;
    qint64 regularUnitPrice = 0;
    QVariantMap variation;
};

namespace {

const QSharedDataPointer<CartLineData> &sharedEmptyLine()
{
    static const QSharedDataPointer<CartLineData> empty(new CartLineData);
    return empty;
}

int intOf(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return integerOf<int>(value.toDouble()); // CoCart accepts fractions (1.5): truncate
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().toDouble(&ok);
        if (ok)
            return int(d);
    }
    return fallback;
}

} // namespace

CartLine::CartLine() : d(sharedEmptyLine()) { }
CartLine::CartLine(const CartLine &other) = default;
CartLine::CartLine(CartLine &&other) noexcept = default;
CartLine &CartLine::operator=(const CartLine &other) = default;
CartLine &CartLine::operator=(CartLine &&other) noexcept = default;
CartLine::~CartLine() = default;

QString CartLine::key() const
{
    return d->key;
}

void CartLine::setKey(const QString &value)
{
    d->key = value;
}

qint64 CartLine::productId() const
{
    return d->productId;
}

void CartLine::setProductId(qint64 value)
{
    d->productId = value;
}

QString CartLine::name() const
{
    return d->name;
}

void CartLine::setName(const QString &value)
{
    d->name = value;
}

QString CartLine::title() const
{
    return d->title;
}

void CartLine::setTitle(const QString &value)
{
    d->title = value;
}

QString CartLine::sku() const
{
    return d->sku;
}

void CartLine::setSku(const QString &value)
{
    d->sku = value;
}

QUrl CartLine::image() const
{
    return d->image;
}

void CartLine::setImage(const QUrl &value)
{
    d->image = value;
}

int CartLine::quantity() const
{
    return d->quantity;
}

void CartLine::setQuantity(int value)
{
    d->quantity = value;
}

int CartLine::minQuantity() const
{
    return d->minQuantity;
}

void CartLine::setMinQuantity(int value)
{
    d->minQuantity = value;
}

int CartLine::maxQuantity() const
{
    return d->maxQuantity;
}

void CartLine::setMaxQuantity(int value)
{
    d->maxQuantity = value;
}

qint64 CartLine::unitPrice() const
{
    return d->unitPrice;
}

void CartLine::setUnitPrice(qint64 value)
{
    d->unitPrice = value;
}

qint64 CartLine::lineTotal() const
{
    return d->lineTotal;
}

void CartLine::setLineTotal(qint64 value)
{
    d->lineTotal = value;
}

qint64 CartLine::regularUnitPrice() const
{
    return d->regularUnitPrice;
}

void CartLine::setRegularUnitPrice(qint64 value)
{
    d->regularUnitPrice = value;
}

qint64 CartLine::saving() const
{
    if (d->regularUnitPrice <= d->unitPrice || d->quantity <= 0)
        return 0;
    return (d->regularUnitPrice - d->unitPrice) * d->quantity;
}

QVariantMap CartLine::variation() const
{
    return d->variation;
}

void CartLine::setVariation(const QVariantMap &value)
{
    d->variation = value;
}

CartLine CartLine::fromJson(const QJsonObject &item, const Currency &currency)
{
    CartLine result;
    CartLineData &line = *result.d;
    line.key = item.value(QLatin1String("item_key")).toString();
    line.productId = idOf(item.value(QLatin1String("id")));
    line.name = item.value(QLatin1String("name")).toString();
    line.title = item.value(QLatin1String("title")).toString();
    if (line.title.isEmpty())
        line.title = line.name;
    const QJsonObject meta = item.value(QLatin1String("meta")).toObject();
    line.sku = meta.value(QLatin1String("sku")).toString();
    // `[]` for a simple item, {"Size":"M"} for a variation.
    line.variation = meta.value(QLatin1String("variation")).toObject().toVariantMap();
    line.image = QUrl(item.value(QLatin1String("featured_image")).toString());

    const QJsonValue quantity = item.value(QLatin1String("quantity"));
    if (quantity.isObject()) {
        const QJsonObject q = quantity.toObject();
        line.quantity = intOf(q.value(QLatin1String("value")), 0);
        line.minQuantity = intOf(q.value(QLatin1String("min_purchase")), 1);
        line.maxQuantity = intOf(q.value(QLatin1String("max_purchase")), -1);
    } else {
        line.quantity = intOf(quantity, 0); // removed_items carry a plain number
    }

    line.unitPrice = minorUnitsOf(item.value(QLatin1String("price")));
    const QJsonObject totals = item.value(QLatin1String("totals")).toObject();
    const QJsonValue subtotal = totals.value(QLatin1String("subtotal"));
    if (subtotal.isString()) {
        line.lineTotal = minorUnitsOf(subtotal);
    } else {
        // `totals.total` is a raw decimal in major units (25, 9.99).
        const QJsonValue total = totals.value(QLatin1String("total"));
        const QString text =
                total.isDouble() ? QString::number(total.toDouble(), 'g', 15) : total.toString();
        qint64 amount = 0;
        if (Currency::parseDecimal(text, currency.minorUnit(), &amount))
            line.lineTotal = amount;
    }
    return result;
}

bool operator==(const CartLine &a, const CartLine &b)
{
    if (a.d == b.d)
        return true;
    const CartLineData &x = *a.d;
    const CartLineData &y = *b.d;
    return x.key == y.key && x.productId == y.productId && x.name == y.name && x.title == y.title &&
            x.sku == y.sku && x.image == y.image && x.quantity == y.quantity &&
            x.minQuantity == y.minQuantity && x.maxQuantity == y.maxQuantity &&
            x.unitPrice == y.unitPrice && x.lineTotal == y.lineTotal &&
            x.regularUnitPrice == y.regularUnitPrice && x.variation == y.variation;
}

CartItemModel::CartItemModel(QObject *parent) : QAbstractListModel(parent) { }

CartItemModel::~CartItemModel() = default;

int CartItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant CartItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CartLine &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return line.name();
    case KeyRole:
        return line.key();
    case ProductIdRole:
        return line.productId();
    case SkuRole:
        return line.sku();
    case ImageRole:
        return line.image();
    case QuantityRole:
        return line.quantity();
    case MinQuantityRole:
        return line.minQuantity();
    case MaxQuantityRole:
        return line.maxQuantity();
    case UnitPriceRole:
        return line.unitPrice();
    case LineTotalRole:
        return line.lineTotal();
    case UnitPriceTextRole:
        return m_currency.format(line.unitPrice());
    case LineTotalTextRole:
        return m_currency.format(line.lineTotal());
    case VariationRole:
        return line.variation();
    case RegularUnitPriceRole:
        return line.regularUnitPrice();
    case RegularUnitPriceTextRole:
        return line.saving() > 0 ? m_currency.format(line.regularUnitPrice()) : QString();
    case SavingRole:
        return line.saving();
    case SavingTextRole:
        return line.saving() > 0 ? m_currency.format(line.saving()) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> CartItemModel::roleNames() const
{
    return {
            {KeyRole, "key"},
            {ProductIdRole, "productId"},
            {NameRole, "name"},
            {SkuRole, "sku"},
            {ImageRole, "image"},
            {QuantityRole, "quantity"},
            {MinQuantityRole, "minQuantity"},
            {MaxQuantityRole, "maxQuantity"},
            {UnitPriceRole, "unitPrice"},
            {LineTotalRole, "lineTotal"},
            {UnitPriceTextRole, "unitPriceText"},
            {LineTotalTextRole, "lineTotalText"},
            {VariationRole, "variation"},
            {RegularUnitPriceRole, "regularUnitPrice"},
            {RegularUnitPriceTextRole, "regularUnitPriceText"},
            {SavingRole, "saving"},
            {SavingTextRole, "savingText"},
    };
}

int CartItemModel::indexOfKey(const QString &key) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).key() == key)
            return i;
    }
    return -1;
}

void CartItemModel::setLines(const QList<CartLine> &newLines, const Currency &currency)
{
    const int oldCount = int(m_lines.size());
    // Keys identify rows: a repeated key (a broken answer) keeps its first line only.
    QSet<QString> newKeys;
    QList<CartLine> lines;
    for (const CartLine &line : newLines) {
        if (newKeys.contains(line.key()))
            continue;
        newKeys.insert(line.key());
        lines.append(line);
    }

    // Rows inserted below already use the new currency; only rows kept from before repaint.
    const bool currencyChanged = currency != m_currency;
    m_currency = currency;

    // 1. Rows that are gone, from the back so the row numbers stay valid.
    for (int row = int(m_lines.size()) - 1; row >= 0; --row) {
        if (newKeys.contains(m_lines.at(row).key()))
            continue;
        beginRemoveRows({}, row, row);
        m_lines.removeAt(row);
        endRemoveRows();
    }

    const int keptRows = int(m_lines.size());

    // 2. Walk the new order: keep, move, change or insert each row in place.
    for (int i = 0; i < lines.size(); ++i) {
        const CartLine &line = lines.at(i);
        if (i < m_lines.size() && m_lines.at(i).key() == line.key()) {
            if (!(m_lines.at(i) == line)) {
                m_lines[i] = line;
                Q_EMIT dataChanged(index(i), index(i));
            }
            continue;
        }
        int from = -1;
        for (int j = i + 1; j < m_lines.size(); ++j) {
            if (m_lines.at(j).key() == line.key()) {
                from = j;
                break;
            }
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, i);
            m_lines.move(from, i);
            endMoveRows();
            if (!(m_lines.at(i) == line)) {
                m_lines[i] = line;
                Q_EMIT dataChanged(index(i), index(i));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_lines.insert(i, line);
        endInsertRows();
    }

    if (currencyChanged && keptRows > 0 && !m_lines.isEmpty()) {
        Q_EMIT dataChanged(
                index(0), index(int(m_lines.size()) - 1),
                {UnitPriceTextRole, LineTotalTextRole, RegularUnitPriceTextRole, SavingTextRole});
    }
    if (oldCount != m_lines.size())
        Q_EMIT countChanged();
}

} // namespace CoCart
