#include <CoCart/Money.h>

#include <QJsonValue>

#include <limits>

namespace CoCart {

class CurrencyData : public QSharedData
{
public:
    QString code;
    QString symbol;
    int minorUnit = 2;
    QString decimalSeparator = QStringLiteral(".");
    QString thousandSeparator = QStringLiteral(",");
    QString prefix;
    QString suffix;
};

namespace {

const QSharedDataPointer<CurrencyData> &sharedDefaultCurrency()
{
    static const QSharedDataPointer<CurrencyData> none(new CurrencyData);
    return none;
}

constexpr int kMaxMinorUnit = 8; // no currency has more; keeps 10^n far from overflow

quint64 pow10(int n)
{
    quint64 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

QString groupDigits(const QString &digits, const QString &separator)
{
    if (separator.isEmpty() || digits.size() <= 3)
        return digits;
    QString out;
    out.reserve(digits.size() + digits.size() / 3 * separator.size());
    const int first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    out += QStringView(digits).left(first);
    for (int i = first; i < digits.size(); i += 3) {
        out += separator;
        out += QStringView(digits).mid(i, 3);
    }
    return out;
}

// Scanners over t from i, moving i past what they read.

//! An optional '+' or '-'; true for '-'.
bool takeSign(const QString &t, int &i)
{
    if (i < t.size() && (t.at(i) == QLatin1Char('-') || t.at(i) == QLatin1Char('+')))
        return t.at(i++) == QLatin1Char('-');
    return false;
}

//! A run of ASCII digits, possibly empty.
QString takeDigits(const QString &t, int &i)
{
    QString digits;
    while (i < t.size() && t.at(i).isDigit() && t.at(i).unicode() < 128)
        digits += t.at(i++);
    return digits;
}

} // namespace

Currency::Currency() : d(sharedDefaultCurrency()) { }
Currency::Currency(const Currency &other) = default;
Currency::Currency(Currency &&other) noexcept = default;
Currency &Currency::operator=(const Currency &other) = default;
Currency &Currency::operator=(Currency &&other) noexcept = default;
Currency::~Currency() = default;

QString Currency::code() const
{
    return d->code;
}

QString Currency::symbol() const
{
    return d->symbol;
}

int Currency::minorUnit() const
{
    return d->minorUnit;
}

QString Currency::decimalSeparator() const
{
    return d->decimalSeparator;
}

QString Currency::thousandSeparator() const
{
    return d->thousandSeparator;
}

QString Currency::prefix() const
{
    return d->prefix;
}

QString Currency::suffix() const
{
    return d->suffix;
}

bool operator==(const Currency &a, const Currency &b)
{
    if (a.d == b.d)
        return true;
    return a.d->code == b.d->code && a.d->symbol == b.d->symbol &&
            a.d->minorUnit == b.d->minorUnit && a.d->decimalSeparator == b.d->decimalSeparator &&
            a.d->thousandSeparator == b.d->thousandSeparator && a.d->prefix == b.d->prefix &&
            a.d->suffix == b.d->suffix;
}

Currency Currency::fromJson(const QJsonObject &object)
{
    Currency currency;
    CurrencyData &c = *currency.d;
    c.code = object.value(QLatin1String("currency_code")).toString();
    c.symbol = object.value(QLatin1String("currency_symbol")).toString();
    const QJsonValue minor = object.value(QLatin1String("currency_minor_unit"));
    if (minor.isDouble())
        c.minorUnit = qBound(0, minor.toInt(2), kMaxMinorUnit);
    else if (minor.isString())
        c.minorUnit = qBound(0, minor.toString().toInt(), kMaxMinorUnit);
    const QJsonValue decimal = object.value(QLatin1String("currency_decimal_separator"));
    if (decimal.isString())
        c.decimalSeparator = decimal.toString();
    const QJsonValue thousand = object.value(QLatin1String("currency_thousand_separator"));
    if (thousand.isString())
        c.thousandSeparator = thousand.toString();
    const QJsonValue prefix = object.value(QLatin1String("currency_prefix"));
    const QJsonValue suffix = object.value(QLatin1String("currency_suffix"));
    if (prefix.isString() || suffix.isString()) {
        // CoCart builds both from the store's position setting; they carry the space of the
        // `*_space` settings ("12,50 €" has the suffix " €").
        c.prefix = prefix.toString();
        c.suffix = suffix.toString();
    } else if (object.value(QLatin1String("currency_symbol_pos")).toString() ==
               QLatin1String("currency_suffix")) {
        c.suffix = c.symbol;
    } else {
        c.prefix = c.symbol;
    }
    return currency;
}

QString Currency::format(qint64 minorUnits) const
{
    const bool negative = minorUnits < 0;
    // Magnitude as unsigned: -INT64_MIN does not fit in qint64.
    const quint64 magnitude = negative ? quint64(0) - quint64(minorUnits) : quint64(minorUnits);
    const int minorUnit = qBound(0, d->minorUnit, kMaxMinorUnit);
    const quint64 scale = pow10(minorUnit);
    const quint64 major = magnitude / scale;
    const quint64 minor = magnitude % scale;

    QString text;
    if (negative)
        text += QLatin1Char('-');
    text += d->prefix;
    text += groupDigits(QString::number(major), d->thousandSeparator);
    if (minorUnit > 0) {
        text += d->decimalSeparator;
        text += QStringLiteral("%1").arg(minor, minorUnit, 10, QLatin1Char('0'));
    }
    text += d->suffix;
    return text;
}

bool Currency::parseMinorUnits(const QString &text, qint64 *value)
{
    const QString t = text.trimmed();
    int i = 0;
    const bool negative = takeSign(t, i);
    if (i >= t.size())
        return false;
    quint64 magnitude = 0;
    const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                   : quint64(std::numeric_limits<qint64>::max());
    for (; i < t.size(); ++i) {
        const QChar ch = t.at(i);
        if (ch < QLatin1Char('0') || ch > QLatin1Char('9'))
            return false;
        const quint64 digit = quint64(ch.unicode() - '0');
        if (magnitude > (limit - digit) / 10)
            return false;
        magnitude = magnitude * 10 + digit;
    }
    if (value)
        *value = negative ? qint64(quint64(0) - magnitude) : qint64(magnitude);
    return true;
}

bool Currency::parseDecimal(const QString &text, int minorUnit, qint64 *value)
{
    // [sign] digits [. digits] [e [sign] digits] — what JSON numbers and WooCommerce decimals
    // look like. Digits beyond the minor unit are rounded half away from zero.
    if (minorUnit < 0 || minorUnit > kMaxMinorUnit)
        return false;
    const QString t = text.trimmed();
    int i = 0;
    const bool negative = takeSign(t, i);
    const QString intDigits = takeDigits(t, i);
    QString fracDigits;
    if (i < t.size() && t.at(i) == QLatin1Char('.')) {
        ++i;
        fracDigits = takeDigits(t, i);
    }
    if (intDigits.isEmpty() && fracDigits.isEmpty())
        return false;
    int exponent = 0;
    if (i < t.size() && (t.at(i) == QLatin1Char('e') || t.at(i) == QLatin1Char('E'))) {
        ++i;
        const bool expNegative = takeSign(t, i);
        const QString expDigits = takeDigits(t, i);
        if (expDigits.isEmpty() || expDigits.size() > 3)
            return false;
        exponent = expDigits.toInt() * (expNegative ? -1 : 1);
    }
    if (i != t.size())
        return false;

    // All digits with the decimal point moved by the exponent and the minor unit.
    QString digits = intDigits + fracDigits;
    int pointPos = intDigits.size() + exponent + minorUnit; // digits left of the point
    if (pointPos < 0) {
        digits = QString(-pointPos, QLatin1Char('0')) + digits;
        pointPos = 0;
    }
    if (digits.size() < pointPos)
        digits += QString(pointPos - digits.size(), QLatin1Char('0'));
    const QString whole = digits.left(pointPos);
    const QString rest = digits.mid(pointPos);
    qint64 magnitude = 0;
    QString wholeTrimmed = whole;
    while (wholeTrimmed.size() > 1 && wholeTrimmed.startsWith(QLatin1Char('0')))
        wholeTrimmed.remove(0, 1);
    if (!wholeTrimmed.isEmpty() && !parseMinorUnits(wholeTrimmed, &magnitude))
        return false;
    if (!rest.isEmpty() && rest.at(0) >= QLatin1Char('5')) {
        if (magnitude == std::numeric_limits<qint64>::max())
            return false;
        ++magnitude;
    }
    if (value)
        *value = negative ? -magnitude : magnitude;
    return true;
}

} // namespace CoCart
