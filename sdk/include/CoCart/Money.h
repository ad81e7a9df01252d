#pragma once

#include <CoCart/cocartqt_export.h>

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QSharedDataPointer>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

class CurrencyData;

/*!
    A store's currency as CoCart describes it (`currency` object of the cart, or the store
    info): code, symbol, symbol position, separators and minor units. Formats amounts given in
    minor units (CoCart's "1250" = 12.50 for 2 minor units) without floating point.
*/
class COCARTQT_EXPORT Currency
{
    Q_GADGET
    QML_VALUE_TYPE(currency)
    Q_PROPERTY(QString code READ code)
    Q_PROPERTY(QString symbol READ symbol)
    Q_PROPERTY(int minorUnit READ minorUnit)

public:
    Currency();
    Currency(const Currency &other);
    Currency(Currency &&other) noexcept;
    Currency &operator=(const Currency &other);
    Currency &operator=(Currency &&other) noexcept;
    ~Currency();
    //! Swaps this currency with \a other (constant time, never fails).
    void swap(Currency &other) noexcept { d.swap(other.d); }

    //! Reads CoCart's `currency` object (currency_code, currency_symbol, currency_minor_unit,
    //! currency_decimal_separator, currency_thousand_separator, currency_prefix, currency_suffix).
    static Currency fromJson(const QJsonObject &object);

    QString code() const;
    QString symbol() const;
    int minorUnit() const;
    QString decimalSeparator() const;
    QString thousandSeparator() const;
    QString prefix() const;
    QString suffix() const;

    //! 123456 → "£1,234.56" for GBP; 1500 → "¥1,500" for JPY (0 minor units).
    Q_INVOKABLE QString format(qint64 minorUnits) const;
    //! Parses CoCart's minor-unit string ("1250"). Returns false for anything that is not an
    //! integer.
    static bool parseMinorUnits(const QString &text, qint64 *value);
    //! Converts a raw decimal ("12.5", 25, "25.00") to minor units with exact decimal arithmetic.
    static bool parseDecimal(const QString &text, int minorUnit, qint64 *value);

    friend COCARTQT_EXPORT bool operator==(const Currency &a, const Currency &b);
    friend bool operator!=(const Currency &a, const Currency &b) { return !(a == b); }

private:
    QSharedDataPointer<CurrencyData> d;
};

} // namespace CoCart

Q_DECLARE_SHARED(CoCart::Currency)
Q_DECLARE_METATYPE(CoCart::Currency)
