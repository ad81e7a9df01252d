// `cocart-demo --screenshot` as the README uses it: every page at phone and desktop size must
// give a PNG of exactly the window's size that shows something (many distinct colours).

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class ScreenshotTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void screenshot_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        for (const char *page : {"signin", "shop", "cart", "account", "product"}) {
            QTest::addRow("%s-phone", page) << QString::fromLatin1(page) << 360 << 640;
            QTest::addRow("%s-desktop", page) << QString::fromLatin1(page) << 1280 << 800;
        }
    }

    void screenshot()
    {
        QFETCH(QString, page);
        QFETCH(int, width);
        QFETCH(int, height);
        QVERIFY(m_dir.isValid());
        const QString file =
                m_dir.filePath(QStringLiteral("%1-%2x%3.png").arg(page).arg(width).arg(height));

        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // --screenshot saves nothing, but keep the user's data folder out of reach regardless.
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(COCART_DEMO_EXECUTABLE),
                   {QStringLiteral("--screenshot"), file, QStringLiteral("--page"), page,
                    QStringLiteral("--width"), QString::number(width), QStringLiteral("--height"),
                    QString::number(height)});
        QVERIFY2(demo.waitForFinished(60000), "cocart-demo did not exit");
        const QString out = QString::fromUtf8(demo.readAllStandardOutput());
        QVERIFY2(demo.exitStatus() == QProcess::NormalExit && demo.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(demo.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("page: ") + page), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("first-frame-ms: ")), qPrintable(out));

        const QImage image(file);
        QVERIFY2(!image.isNull(), qPrintable(file));
        QCOMPARE(image.size(), QSize(width, height));

        // Not blank: a rendered page has text, images and controls, so many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() >= 16,
                 qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(ScreenshotTest)

#include "tst_qml_screenshots.moc"
