// Currency: formatting minor units with the store's symbol, position, separators and minor
// units, and the exact parsers for CoCart's minor-unit strings and raw decimals.

#include <CoCart/Money.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace CoCart;

namespace {

Currency currencyFrom(const char *json)
{
    return Currency::fromJson(QJsonDocument::fromJson(QByteArray(json)).object());
}

// As recorded (transcripts-2, 02a/06a).
const char *const kGbp =
        R"({"currency_code": "GBP", "currency_symbol": "£", "currency_symbol_pos": "currency_prefix",
            "currency_minor_unit": 2, "currency_decimal_separator": ".",
            "currency_thousand_separator": ",", "currency_prefix": "£", "currency_suffix": ""})";
const char *const kUsd =
        R"({"currency_code": "USD", "currency_symbol": "$", "currency_symbol_pos": "currency_prefix",
            "currency_minor_unit": 2, "currency_decimal_separator": ".",
            "currency_thousand_separator": ",", "currency_prefix": "$", "currency_suffix": ""})";
// A store set to "right with space": CoCart puts the space into the suffix.
const char *const kEur =
        R"({"currency_code": "EUR", "currency_symbol": "€", "currency_symbol_pos": "currency_suffix",
            "currency_minor_unit": 2, "currency_decimal_separator": ",",
            "currency_thousand_separator": ".", "currency_prefix": "", "currency_suffix": " €"})";
const char *const kJpy =
        R"({"currency_code": "JPY", "currency_symbol": "¥", "currency_symbol_pos": "currency_prefix",
            "currency_minor_unit": 0, "currency_decimal_separator": ".",
            "currency_thousand_separator": ",", "currency_prefix": "¥", "currency_suffix": ""})";
// Three minor units (Kuwaiti dinar), suffix without a space, no thousands separator.
const char *const kKwd =
        R"({"currency_code": "KWD", "currency_symbol": "KD", "currency_symbol_pos": "currency_suffix",
            "currency_minor_unit": 3, "currency_decimal_separator": ".",
            "currency_thousand_separator": "", "currency_prefix": "", "currency_suffix": "KD"})";

} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromJson()
    {
        const Currency gbp = currencyFrom(kGbp);
        QCOMPARE(gbp.code(), QStringLiteral("GBP"));
        QCOMPARE(gbp.symbol(), QStringLiteral("£"));
        QCOMPARE(gbp.minorUnit(), 2);
        QCOMPARE(gbp.decimalSeparator(), QStringLiteral("."));
        QCOMPARE(gbp.thousandSeparator(), QStringLiteral(","));
        QCOMPARE(gbp.prefix(), QStringLiteral("£"));
        QCOMPARE(gbp.suffix(), QString());
        const Currency eur = currencyFrom(kEur);
        QCOMPARE(eur.prefix(), QString());
        QCOMPARE(eur.suffix(), QStringLiteral(" €"));
        QVERIFY(gbp != eur);
        QCOMPARE(currencyFrom(kGbp), gbp);
    }

    void fromJsonWithoutPrefixSuffix()
    {
        // Older answers carry only the position: the symbol goes on that side.
        const Currency suffix = currencyFrom(
                R"({"currency_code":"SEK","currency_symbol":"kr","currency_symbol_pos":"currency_suffix","currency_minor_unit":"2"})");
        QCOMPARE(suffix.format(1250), QStringLiteral("12.50kr"));
        const Currency prefix = currencyFrom(R"({"currency_code":"USD","currency_symbol":"$"})");
        QCOMPARE(prefix.format(1250), QStringLiteral("$12.50"));
    }

    void defaults()
    {
        const Currency none;
        QCOMPARE(none.minorUnit(), 2);
        QCOMPARE(none.format(123456), QStringLiteral("1,234.56"));
    }

    void format_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("expected");

        QTest::newRow("gbp") << QByteArray(kGbp) << qint64(123456) << QStringLiteral("£1,234.56");
        QTest::newRow("gbp zero") << QByteArray(kGbp) << qint64(0) << QStringLiteral("£0.00");
        QTest::newRow("gbp pence") << QByteArray(kGbp) << qint64(5) << QStringLiteral("£0.05");
        QTest::newRow("gbp 12.50") << QByteArray(kGbp) << qint64(1250) << QStringLiteral("£12.50");
        QTest::newRow("gbp million")
                << QByteArray(kGbp) << qint64(123456789) << QStringLiteral("£1,234,567.89");
        QTest::newRow("gbp negative")
                << QByteArray(kGbp) << qint64(-1250) << QStringLiteral("-£12.50");
        QTest::newRow("gbp negative pence")
                << QByteArray(kGbp) << qint64(-5) << QStringLiteral("-£0.05");
        QTest::newRow("usd") << QByteArray(kUsd) << qint64(1999) << QStringLiteral("$19.99");
        QTest::newRow("usd thousands")
                << QByteArray(kUsd) << qint64(100000) << QStringLiteral("$1,000.00");
        QTest::newRow("eur suffix")
                << QByteArray(kEur) << qint64(1250) << QStringLiteral("12,50 €");
        QTest::newRow("eur thousands")
                << QByteArray(kEur) << qint64(123456) << QStringLiteral("1.234,56 €");
        QTest::newRow("eur negative")
                << QByteArray(kEur) << qint64(-123456) << QStringLiteral("-1.234,56 €");
        QTest::newRow("jpy") << QByteArray(kJpy) << qint64(1500) << QStringLiteral("¥1,500");
        QTest::newRow("jpy small") << QByteArray(kJpy) << qint64(7) << QStringLiteral("¥7");
        QTest::newRow("jpy negative")
                << QByteArray(kJpy) << qint64(-1234567) << QStringLiteral("-¥1,234,567");
        QTest::newRow("kwd 3 minor")
                << QByteArray(kKwd) << qint64(1234567) << QStringLiteral("1234.567KD");
        QTest::newRow("int64 max") << QByteArray(kGbp) << std::numeric_limits<qint64>::max()
                                   << QStringLiteral("£92,233,720,368,547,758.07");
        QTest::newRow("int64 min") << QByteArray(kGbp) << std::numeric_limits<qint64>::min()
                                   << QStringLiteral("-£92,233,720,368,547,758.08");
    }

    void format()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, minor);
        QFETCH(QString, expected);
        QCOMPARE(currencyFrom(json.constData()).format(minor), expected);
    }

    void parseMinorUnits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");

        QTest::newRow("1250") << QStringLiteral("1250") << true << qint64(1250);
        QTest::newRow("0") << QStringLiteral("0") << true << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-500") << true << qint64(-500);
        QTest::newRow("plus") << QStringLiteral("+7") << true << qint64(7);
        QTest::newRow("spaces") << QStringLiteral(" 999 ") << true << qint64(999);
        QTest::newRow("max") << QStringLiteral("9223372036854775807") << true
                             << std::numeric_limits<qint64>::max();
        QTest::newRow("min") << QStringLiteral("-9223372036854775808") << true
                             << std::numeric_limits<qint64>::min();
        QTest::newRow("overflow") << QStringLiteral("9223372036854775808") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("sign only") << QStringLiteral("-") << false << qint64(0);
        QTest::newRow("decimal") << QStringLiteral("12.50") << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("12a") << false << qint64(0);
        QTest::newRow("formatted") << QStringLiteral("£12") << false << qint64(0);
        QTest::newRow("inner space") << QStringLiteral("1 250") << false << qint64(0);
        QTest::newRow("arabic digits") << QStringLiteral("\u0661\u0662") << false << qint64(0);
    }

    void parseMinorUnits()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        qint64 parsed = -42;
        QCOMPARE(Currency::parseMinorUnits(text, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, value);
        else
            QCOMPARE(parsed, qint64(-42)); // untouched on failure
    }

    void parseDecimal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("minorUnit");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");

        // Item totals.total as recorded: 25, 9.99, 12.5.
        QTest::newRow("25") << QStringLiteral("25") << 2 << true << qint64(2500);
        QTest::newRow("9.99") << QStringLiteral("9.99") << 2 << true << qint64(999);
        QTest::newRow("12.5") << QStringLiteral("12.5") << 2 << true << qint64(1250);
        QTest::newRow("25.00") << QStringLiteral("25.00") << 2 << true << qint64(2500);
        QTest::newRow(".5") << QStringLiteral(".5") << 2 << true << qint64(50);
        QTest::newRow("5.") << QStringLiteral("5.") << 2 << true << qint64(500);
        QTest::newRow("negative") << QStringLiteral("-3.6") << 2 << true << qint64(-360);
        QTest::newRow("0.1+0.2 float noise")
                << QStringLiteral("0.30000000000000004") << 2 << true << qint64(30);
        QTest::newRow("round half up") << QStringLiteral("1.005") << 2 << true << qint64(101);
        QTest::newRow("round down") << QStringLiteral("1.004") << 2 << true << qint64(100);
        QTest::newRow("round negative") << QStringLiteral("-1.005") << 2 << true << qint64(-101);
        QTest::newRow("jpy") << QStringLiteral("1500") << 0 << true << qint64(1500);
        QTest::newRow("jpy rounds") << QStringLiteral("1500.5") << 0 << true << qint64(1501);
        QTest::newRow("3 minor") << QStringLiteral("1.234") << 3 << true << qint64(1234);
        QTest::newRow("exponent") << QStringLiteral("1.5e2") << 2 << true << qint64(15000);
        QTest::newRow("negative exponent") << QStringLiteral("25e-1") << 2 << true << qint64(250);
        QTest::newRow("tiny") << QStringLiteral("1e-9") << 2 << true << qint64(0);
        QTest::newRow("spaces") << QStringLiteral(" 4.20 ") << 2 << true << qint64(420);
        QTest::newRow("empty") << QString() << 2 << false << qint64(0);
        QTest::newRow("dot only") << QStringLiteral(".") << 2 << false << qint64(0);
        QTest::newRow("comma") << QStringLiteral("12,50") << 2 << false << qint64(0);
        QTest::newRow("two dots") << QStringLiteral("1.2.3") << 2 << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("abc") << 2 << false << qint64(0);
        QTest::newRow("nan") << QStringLiteral("nan") << 2 << false << qint64(0);
        QTest::newRow("inf") << QStringLiteral("inf") << 2 << false << qint64(0);
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999") << 2 << false
                                  << qint64(0);
        QTest::newRow("bad minor unit") << QStringLiteral("1") << -1 << false << qint64(0);
    }

    void parseDecimal()
    {
        QFETCH(QString, text);
        QFETCH(int, minorUnit);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        qint64 parsed = -42;
        QCOMPARE(Currency::parseDecimal(text, minorUnit, &parsed), ok);
        if (ok)
            QCOMPARE(parsed, value);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
