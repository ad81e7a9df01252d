#pragma once

// Reading CoCart's loosely typed JSON numbers: the same field may arrive as a string or a number
// depending on the route and the plugin version.

#include <CoCart/Money.h>

#include <QJsonValue>
#include <QString>

namespace CoCart {

//! A minor-unit amount: CoCart sends strings ("1250"); tolerate an integer number. 0 otherwise.
inline qint64 minorUnitsOf(const QJsonValue &value)
{
    qint64 amount = 0;
    if (value.isString() && Currency::parseMinorUnits(value.toString(), &amount))
        return amount;
    if (value.isDouble())
        return qint64(value.toDouble());
    return 0;
}

//! A product or variation id, sent as a number by some routes and as a string by others.
inline qint64 idOf(const QJsonValue &id)
{
    return id.isString() ? id.toString().toLongLong() : qint64(id.toDouble());
}

} // namespace CoCart
