#pragma once

// Reading CoCart's loosely typed JSON numbers: the same field may arrive as a string or a number
// depending on the route and the plugin version.

#include <CoCart/Money.h>

#include <QJsonValue>
#include <QString>

#include <limits>

namespace CoCart {

//! \a number truncated to an integer of type \a Int; 0 for NaN and anything out of its range
//! (converting such a double is undefined behaviour, and servers send garbage: found by
//! fuzz_reply).
template<typename Int>
inline Int integerOf(double number)
{
    constexpr double lowest = double(std::numeric_limits<Int>::min());
    constexpr double highest = double(std::numeric_limits<Int>::max());
    if (!(number >= lowest && number < highest))
        return 0;
    return Int(number);
}

//! A minor-unit amount: CoCart sends strings ("1250"); tolerate an integer number. 0 otherwise.
inline qint64 minorUnitsOf(const QJsonValue &value)
{
    qint64 amount = 0;
    if (value.isString() && Currency::parseMinorUnits(value.toString(), &amount))
        return amount;
    if (value.isDouble())
        return integerOf<qint64>(value.toDouble());
    return 0;
}

//! A product or variation id, sent as a number by some routes and as a string by others.
inline qint64 idOf(const QJsonValue &id)
{
    return id.isString() ? id.toString().toLongLong() : integerOf<qint64>(id.toDouble());
}

//! An integer sent as a number or a numeric string; \a fallback otherwise.
inline int intOr(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return value.toInt(fallback);
    if (value.isString()) {
        bool ok = false;
        const int n = value.toString().toInt(&ok);
        return ok ? n : fallback;
    }
    return fallback;
}

} // namespace CoCart
