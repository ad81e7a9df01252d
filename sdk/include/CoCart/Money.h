#pragma once

#include <CoCart/cocartqt_export.h>

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

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
    Currency() = default;
    //! Reads CoCart's `currency` object (currency_code, currency_symbol, currency_minor_unit,
    //! currency_decimal_separator, currency_thousand_separator, currency_prefix, currency_suffix).
    static Currency fromJson(const QJsonObject &object);

    QString code() const { return m_code; }
    QString symbol() const { return m_symbol; }
    int minorUnit() const { return m_minorUnit; }
    QString decimalSeparator() const { return m_decimalSeparator; }
    QString thousandSeparator() const { return m_thousandSeparator; }
    QString prefix() const { return m_prefix; }
    QString suffix() const { return m_suffix; }

    //! 123456 → "£1,234.56" for GBP; 1500 → "¥1,500" for JPY (0 minor units).
    Q_INVOKABLE QString format(qint64 minorUnits) const;
    //! Parses CoCart's minor-unit string ("1250"). Returns false for anything that is not an
    //! integer.
    static bool parseMinorUnits(const QString &text, qint64 *value);
    //! Converts a raw decimal ("12.5", 25, "25.00") to minor units with exact decimal arithmetic.
    static bool parseDecimal(const QString &text, int minorUnit, qint64 *value);

    friend bool operator==(const Currency &a, const Currency &b)
    {
        return a.m_code == b.m_code && a.m_symbol == b.m_symbol && a.m_minorUnit == b.m_minorUnit &&
                a.m_decimalSeparator == b.m_decimalSeparator &&
                a.m_thousandSeparator == b.m_thousandSeparator && a.m_prefix == b.m_prefix &&
                a.m_suffix == b.m_suffix;
    }
    friend bool operator!=(const Currency &a, const Currency &b) { return !(a == b); }

private:
    QString m_code;
    QString m_symbol;
    int m_minorUnit = 2;
    QString m_decimalSeparator = QStringLiteral(".");
    QString m_thousandSeparator = QStringLiteral(",");
    QString m_prefix;
    QString m_suffix;
};

} // namespace CoCart

Q_DECLARE_METATYPE(CoCart::Currency)
