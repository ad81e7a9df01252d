// Small value-level guards of issue 18: store text turned into plain text carries no control
// characters (an ESC from `&#27;` or raw would drive a terminal), and tokens over the size bound
// are refused before anything keeps or sends them.

#include <CoCart/Error.h>

#include "tokenlimits_p.h"

#include <QTest>

using CoCart::Error;

class TestHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainTextDropsControls_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ESC as an entity") << QStringLiteral("Sold out&#27;]0;pwned&#7;. Try later.")
                                          << QStringLiteral("Sold out]0;pwned. Try later.");
        QTest::newRow("ESC as a hex entity, in markup")
                << QStringLiteral("<p>Bad &#x1b;[2Jcoupon</p>") << QStringLiteral("Bad [2Jcoupon");
        QTest::newRow("raw ESC and CR, no markup") << QStringLiteral("Out of stock\x1b[31m\rPaid")
                                                   << QStringLiteral("Out of stock[31mPaid");
        QTest::newRow("C1 CSI entity") << QStringLiteral("a&#155;31mb") << QStringLiteral("a31mb");
        QTest::newRow("bidi override")
                << QStringLiteral("Total \u202E0051\u202C") << QStringLiteral("Total 0051");
        QTest::newRow("DEL") << QStringLiteral("x&#127;y") << QStringLiteral("xy");
        QTest::newRow("line feed and tab stay in plain text")
                << QStringLiteral("Line one\nLine\ttwo") << QStringLiteral("Line one\nLine\ttwo");
        QTest::newRow("ordinary text untouched") << QStringLiteral("Caf\u00e9 \u2014 \u00a312.50")
                                                 << QStringLiteral("Caf\u00e9 \u2014 \u00a312.50");
    }

    void plainTextDropsControls()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(Error::plainText(input), expected);
        // Every Error message goes through it.
        QCOMPARE(Error(Error::InvalidRequest, input).message(), expected);
    }

    void tokenSizes()
    {
        const QByteArray normal(900, 'a');
        QVERIFY(!CoCart::checkTokenSizes(normal, QByteArray(64, 'r')));
        QVERIFY(!CoCart::checkTokenSizes(QByteArray(CoCart::kMaxTokenBytes, 'a'), normal));

        const QByteArray huge(10 * 1000 * 1000, 'a');
        const Error access = CoCart::checkTokenSizes(huge, normal);
        QCOMPARE(access.kind(), Error::BadResponse);
        QCOMPARE(access.code(), QStringLiteral("cocart_token_too_large"));
        QVERIFY2(access.message().contains(QStringLiteral("access")), qPrintable(access.message()));
        QVERIFY(!access.message().contains(QStringLiteral("aaaa"))); // never the token itself

        const Error refresh =
                CoCart::checkTokenSizes(normal, QByteArray(CoCart::kMaxTokenBytes + 1, 'r'));
        QCOMPARE(refresh.code(), QStringLiteral("cocart_token_too_large"));
        QVERIFY2(refresh.message().contains(QStringLiteral("refresh")),
                 qPrintable(refresh.message()));
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
