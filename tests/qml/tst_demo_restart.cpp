// The demo app as a returning user meets it: `cocart-demo` run twice with the same data folder
// and keychain lands on the shop signed in the second time, with no login and no refresh
// request (the embedded store kept its secret, sessions and carts; the app kept the tokens in the
// keychain). Runs inside tests/common/with-keyring.sh: a private D-Bus session with a fresh,
// unlocked Secret Service. Each run prints its state with --print-state.

#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QHash<QString, QString> state; //!< "signed-in" -> "yes", … from --print-state

    QString describe() const { return out + err; }
};

//! A loopback port nobody listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class DemoRestartTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signedInAcrossRestarts();
    void takenPortFallsBackToAFreeOne();
    void keychainUnavailableStillShops();

private:
    Run runDemo(const QString &dataHome, const QStringList &arguments,
                const QProcessEnvironment &extra = {})
    {
        QProcess demo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        env.insert(extra);
        demo.setProcessEnvironment(env);
        demo.start(QStringLiteral(COCART_DEMO_EXECUTABLE),
                   QStringList {QStringLiteral("--print-state"), QStringLiteral("--page"),
                                QStringLiteral("shop")} +
                           arguments);
        Run run;
        if (!demo.waitForFinished(60000)) {
            demo.kill();
            demo.waitForFinished();
            run.err = QStringLiteral("cocart-demo did not exit");
            return run;
        }
        run.exitCode = demo.exitStatus() == QProcess::NormalExit ? demo.exitCode() : -1;
        run.out = QString::fromUtf8(demo.readAllStandardOutput());
        run.err = QString::fromUtf8(demo.readAllStandardError());
        static const QRegularExpression line(QStringLiteral("^([a-z-]+): (.*)$"),
                                             QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(run.out); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            run.state.insert(match.captured(1), match.captured(2).trimmed());
        }
        return run;
    }

    QTemporaryDir m_dir;
};

void DemoRestartTest::signedInAcrossRestarts()
{
    QVERIFY(m_dir.isValid());
    const QString dataHome = m_dir.filePath(QStringLiteral("restart"));
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QStringList arguments {QStringLiteral("--port"), QString::number(port)};

    // First run: nothing saved, so the demo script signs the demo customer in and fills the cart.
    const Run first = runDemo(dataHome, arguments);
    QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
    QCOMPARE(first.state.value(QStringLiteral("page")), QStringLiteral("shop (1280x800)"));
    QCOMPARE(first.state.value(QStringLiteral("signed-in")), QStringLiteral("yes"));
    QCOMPARE(first.state.value(QStringLiteral("token-storage")), QStringLiteral("Ready"));
    QCOMPARE(first.state.value(QStringLiteral("login-requests")), QStringLiteral("1"));
    const QString cartItems = first.state.value(QStringLiteral("cart-items"));
    QVERIFY2(cartItems.toInt() > 0, qPrintable(first.describe()));
    QVERIFY(QFile::exists(dataHome + QStringLiteral("/CoCartQt/cocart-demo/devstore-state.json")));

    // Second run, same folder and keychain: signed in from the saved session, nothing sent to
    // sign in or refresh, and the account's cart is still there.
    const Run second = runDemo(dataHome, arguments);
    QVERIFY2(second.exitCode == 0, qPrintable(second.describe()));
    QCOMPARE(second.state.value(QStringLiteral("page")), QStringLiteral("shop (1280x800)"));
    QCOMPARE(second.state.value(QStringLiteral("signed-in")), QStringLiteral("yes"));
    QCOMPARE(second.state.value(QStringLiteral("login-requests")), QStringLiteral("0"));
    QCOMPARE(second.state.value(QStringLiteral("refresh-requests")), QStringLiteral("0"));
    QCOMPARE(second.state.value(QStringLiteral("cart-items")), cartItems);

    // Tokens never reach the output.
    QVERIFY2(!second.describe().contains(QStringLiteral("eyJ")), qPrintable(second.describe()));
    QVERIFY2(!first.describe().contains(QStringLiteral("eyJ")), qPrintable(first.describe()));
}

void DemoRestartTest::takenPortFallsBackToAFreeOne()
{
    QVERIFY(m_dir.isValid());
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const Run run = runDemo(m_dir.filePath(QStringLiteral("taken")),
                            {QStringLiteral("--port"), QString::number(squatter.serverPort())});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QStringLiteral("Port %1 is taken").arg(squatter.serverPort())),
             qPrintable(run.describe()));
    QCOMPARE(run.state.value(QStringLiteral("signed-in")), QStringLiteral("yes"));
}

void DemoRestartTest::keychainUnavailableStillShops()
{
    QVERIFY(m_dir.isValid());
    // No Secret Service to talk to: the session cannot be saved, but the app signs in and shops.
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=") + m_dir.filePath(QStringLiteral("no-bus")));
    const Run run = runDemo(m_dir.filePath(QStringLiteral("nokeychain")),
                            {QStringLiteral("--port"), QStringLiteral("0")}, noBus);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.state.value(QStringLiteral("signed-in")), QStringLiteral("yes"));
    QCOMPARE(run.state.value(QStringLiteral("token-storage")), QStringLiteral("Unavailable"));
    QCOMPARE(run.state.value(QStringLiteral("login-requests")), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(DemoRestartTest)

#include "tst_demo_restart.moc"
