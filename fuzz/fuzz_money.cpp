// Currency::parseMinorUnits / parseDecimal / format on any text and minor-unit count.
#include <CoCart/Money.h>

#include <QJsonObject>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int minorUnit = int(int8_t(data[0])); // negative and large counts included
    const QString text =
            QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    qint64 value = 0;
    if (CoCart::Currency::parseMinorUnits(text, &value)) {
        const CoCart::Currency currency = CoCart::Currency::fromJson(QJsonObject {
                {QStringLiteral("currency_code"), QStringLiteral("GBP")},
                {QStringLiteral("currency_minor_unit"), minorUnit},
                {QStringLiteral("currency_symbol"), text.left(3)},
                {QStringLiteral("currency_thousand_separator"), text.left(1)},
        });
        (void)currency.format(value);
    }
    (void)CoCart::Currency::parseDecimal(text, minorUnit, &value);
    return 0;
}
