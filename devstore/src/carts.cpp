#include "carts_p.h"

#include "catalog_p.h"
#include "wire_p.h"

#include <QCryptographicHash>
#include <QLocale>

namespace CoCartDevStore::Internal {

namespace {

QString md5Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex());
}

qint64 power10(int exponent)
{
    qint64 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

//! How PHP json-encodes a number that came from an int/int division: an int when exact, else
//! the shortest float.
QByteArray phpNumber(double value)
{
    if (value == static_cast<double>(static_cast<qint64>(value)))
        return QByteArray::number(static_cast<qint64>(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray minorAsMajor(qint64 minor, int minorUnit)
{
    const qint64 scale = power10(minorUnit);
    if (minor % scale == 0)
        return QByteArray::number(minor / scale);
    return phpNumber(static_cast<double>(minor) / static_cast<double>(scale));
}

} // namespace

int Cart::indexOf(const QString &itemKey) const
{
    for (int i = 0; i < items.size(); ++i) {
        if (items.at(i).key == itemKey)
            return i;
    }
    return -1;
}

int Cart::removedIndexOf(const QString &itemKey) const
{
    for (int i = 0; i < removed.size(); ++i) {
        if (removed.at(i).key == itemKey)
            return i;
    }
    return -1;
}

void Cart::touch(qint64 now)
{
    if (expiresAt != 0 && now <= expiring)
        return;
    expiring = now + kCartExpiringSeconds;
    expiresAt = now + kCartExpirationSeconds;
}

double Cart::itemCount() const
{
    double count = 0;
    for (const CartLine &line : items)
        count += line.quantity;
    return count;
}

Cart *Carts::find(const QString &key)
{
    const auto it = m_carts.find(key);
    return it == m_carts.end() ? nullptr : &it.value();
}

const Cart *Carts::find(const QString &key) const
{
    const auto it = m_carts.constFind(key);
    return it == m_carts.constEnd() ? nullptr : &it.value();
}

Cart &Carts::ensure(const QString &key)
{
    return m_carts[key];
}

void Carts::moveTo(const QString &from, const QString &to)
{
    Cart moved = m_carts.take(from);
    m_carts.insert(to, moved);
}

void Carts::remove(const QString &key)
{
    m_carts.remove(key);
}

void Carts::clear()
{
    m_carts.clear();
}

QStringList Carts::keys() const
{
    return m_carts.keys();
}

int Carts::pruneExpired(qint64 now)
{
    int pruned = 0;
    for (auto it = m_carts.begin(); it != m_carts.end();) {
        if (it->expiresAt != 0 && now > it->expiresAt && !isCustomerKey(it.key())) {
            it = m_carts.erase(it);
            ++pruned;
        } else {
            ++it;
        }
    }
    return pruned;
}

bool Carts::isCustomerKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

QString Carts::itemKey(qint64 productId, qint64 variationId,
                       const QList<QPair<QString, QString>> &variation)
{
    QByteArray id = QByteArray::number(productId);
    if (variationId) {
        id += '_' + QByteArray::number(variationId);
        QByteArray attributes;
        for (const auto &attribute : variation)
            attributes += attribute.first.trimmed().toUtf8() + attribute.second.trimmed().toUtf8();
        if (!variation.isEmpty())
            id += '_' + attributes;
    }
    return md5Hex(id);
}

QString Carts::newGuestKey()
{
    return QString::fromLatin1(randomHex(15));
}

QString Carts::sanitizeKey(const QString &key)
{
    QString out;
    for (const QChar c : key.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
            c == QLatin1Char('-'))
            out.append(c);
    }
    return out;
}

QString Carts::cartHash(const Cart &cart, const Catalog &catalog, int minorUnit)
{
    if (cart.items.isEmpty())
        return QStringLiteral("No items in cart so no hash");
    // wp_json_encode($cart->get_cart_for_session()) . $cart->get_total('edit'), keys in
    // WooCommerce's order.
    QByteArray json = "{";
    qint64 total = 0;
    bool first = true;
    for (const CartLine &line : cart.items) {
        const Product *product = catalog.byId(line.itemId());
        const qint64 subtotal = product ? qRound64(product->price() * line.quantity) : 0;
        total += subtotal;
        QByteArray variation = "[]";
        QByteArray attributes = "\"\"";
        if (line.variationId) {
            variation = "{";
            for (int i = 0; i < line.variation.size(); ++i) {
                variation += (i ? "," : "") + phpJsonString(line.variation.at(i).first) + ':' +
                        phpJsonString(line.variation.at(i).second);
            }
            variation += '}';
            attributes = variation;
        }
        const QByteArray dataHash =
                md5Hex(QByteArray("{\"type\":\"") + (line.variationId ? "variation" : "simple") +
                       "\",\"attributes\":" + attributes + '}')
                        .toLatin1();
        const QByteArray money = minorAsMajor(subtotal, minorUnit);
        const QByteArray key = phpJsonString(line.key);
        json += (first ? "" : ",") + key + ":{\"key\":" + key +
                ",\"product_id\":" + QByteArray::number(line.productId) +
                ",\"variation_id\":" + QByteArray::number(line.variationId) +
                ",\"variation\":" + variation + ",\"quantity\":" + phpNumber(line.quantity) +
                ",\"data_hash\":\"" + dataHash +
                "\",\"line_tax_data\":{\"subtotal\":[],\"total\":[]},\"line_subtotal\":" + money +
                ",\"line_subtotal_tax\":0,\"line_total\":" + money + ",\"line_tax\":0}";
        first = false;
    }
    json += '}';
    const qint64 scale = power10(minorUnit);
    QByteArray totalText = QByteArray::number(total / scale);
    if (minorUnit > 0)
        totalText += '.' + QByteArray::number(total % scale).rightJustified(minorUnit, '0');
    return md5Hex(json + totalText);
}

} // namespace CoCartDevStore::Internal
