// The `cocart` command-line client against an in-process devstore, with the tokens kept in a
// real Secret Service between runs (this test runs inside tests/common/with-keyring.sh).

#include <CoCartDevStore/DevStore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using CoCartDevStore::DevStore;

namespace {
const QString kPassword = QStringLiteral("customer-pass-123");
}

class TestCli : public QObject
{
    Q_OBJECT

private:
    DevStore m_store;
    QStringList m_outputs; // everything the CLI printed, checked for secrets at the end
    QTemporaryDir m_config; // the CLI's QSettings (guest cart key) live here

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run cocart(const QStringList &arguments, const QString &password = QString(),
               const QString &tokenStore = QStringLiteral("keychain"))
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("COCART_PASSWORD"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        if (!password.isEmpty())
            env.insert(QStringLiteral("COCART_PASSWORD"), password);
        process.setProcessEnvironment(env);
        QStringList args {QStringLiteral("--store"), m_store.url().toString(),
                          QStringLiteral("--token-store"), tokenStore};
        args << arguments;
        process.start(QStringLiteral(COCART_CLI_PATH), args);
        // The store runs in this thread: spin the event loop while the CLI talks to it.
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(20000)) {
            process.kill();
            process.waitForFinished();
        }
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        m_outputs << run.out << run.err;
        return run;
    }

    bool keychainAvailable() const { return qEnvironmentVariableIsSet("COCART_KEYRING_WRAPPED"); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!keychainAvailable()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("CI=true but no Secret Service: run through tests/common/with-keyring.sh");
            QSKIP("needs a Secret Service: run through tests/common/with-keyring.sh");
        }
        m_store.seedDemoData();
        QVERIFY(m_store.listen());
    }

    void usageErrors()
    {
        QProcess process;
        process.start(QStringLiteral(COCART_CLI_PATH), {QStringLiteral("whoami")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("no store"));
        const Run unknown = cocart({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command")));
    }

    void notSignedIn()
    {
        const Run run = cocart({QStringLiteral("whoami")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("Not signed in")), qPrintable(run.err));
    }

    void wrongPassword()
    {
        const Run run = cocart({QStringLiteral("login"), QStringLiteral("customer1")},
                               QStringLiteral("wrong-password"));
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("InvalidCredentials")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("is incorrect")));
    }

    void fullCycleWithKeychain()
    {
        m_store.resetCounters();
        const Run login = cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.out.contains(QStringLiteral("Signed in as Jane Doe")));

        // whoami restores from the keychain with zero requests while the token is valid.
        const int before = m_store.totalRequestCount();
        const Run whoami = cocart({QStringLiteral("whoami")});
        QVERIFY2(whoami.exitCode == 0, qPrintable(whoami.err));
        QVERIFY(whoami.out.contains(QStringLiteral("customer1@example.test")));
        QCOMPARE(m_store.totalRequestCount(), before);

        const Run json = cocart({QStringLiteral("--json"), QStringLiteral("whoami")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(object.value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                 QStringLiteral("2"));

        const Run validate = cocart({QStringLiteral("validate")});
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.err));
        QCOMPARE(m_store.requestCount(QStringLiteral("POST /wp-json/cocart/jwt/validate-token")),
                 1);

        const Run refresh = cocart({QStringLiteral("refresh")});
        QVERIFY2(refresh.exitCode == 0, qPrintable(refresh.err));
        QCOMPARE(m_store.requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")), 1);

        // The rotated pair was saved: the next run's token is the new one and still valid.
        const Run validateAgain = cocart({QStringLiteral("validate")});
        QVERIFY2(validateAgain.exitCode == 0, qPrintable(validateAgain.err));

        const Run logout = cocart({QStringLiteral("logout")});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        QCOMPARE(m_store.requestCount(QStringLiteral("POST /wp-json/cocart/v2/logout")), 1);
        QCOMPARE(m_store.activeSessionCount(2), 0);

        const Run after = cocart({QStringLiteral("whoami")});
        QCOMPARE(after.exitCode, 3);
    }

    void memoryStoreKeepsNothing()
    {
        const Run login = cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword,
                                 QStringLiteral("memory"));
        QCOMPARE(login.exitCode, 0);
        const Run whoami = cocart({QStringLiteral("whoami")}, QString(), QStringLiteral("memory"));
        QCOMPARE(whoami.exitCode, 3);
    }

    void jsonErrors()
    {
        const Run run = cocart(
                {QStringLiteral("--json"), QStringLiteral("login"), QStringLiteral("customer1")},
                QStringLiteral("nope"));
        QCOMPARE(run.exitCode, 3);
        const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("ok")).toBool(), false);
        const QJsonObject error = object.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("InvalidCredentials"));
        QCOMPARE(error.value(QStringLiteral("code")).toString(),
                 QStringLiteral("cocart_authentication_error"));
        QCOMPARE(error.value(QStringLiteral("httpStatus")).toInt(), 401);
    }

    void insecureStoreRefused()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COCART_PASSWORD"), kPassword);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(COCART_CLI_PATH),
                      {QStringLiteral("--store"), QStringLiteral("http://shop.example"),
                       QStringLiteral("--token-store"), QStringLiteral("memory"),
                       QStringLiteral("login"), QStringLiteral("customer1")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("InsecureTransport")), qPrintable(err));
        QVERIFY(!err.contains(kPassword));
    }

    QJsonObject cartJson(const QStringList &arguments)
    {
        const Run run = cocart(QStringList {QStringLiteral("--json")} + arguments);
        if (run.exitCode != 0)
            qWarning("cocart %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                     qPrintable(run.err));
        const QJsonObject object = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QJsonObject cart = object.value(QStringLiteral("cart")).toObject();
        cart.insert(QStringLiteral("ok"), object.value(QStringLiteral("ok")));
        return cart;
    }

    static int quantityOf(const QJsonObject &cart, int productId)
    {
        const QJsonArray items = cart.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QStringLiteral("id")).toInt() == productId)
                return item.toObject().value(QStringLiteral("quantity")).toInt();
        }
        return 0;
    }

    static QString keyOf(const QJsonObject &cart, int productId)
    {
        const QJsonArray items = cart.value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QStringLiteral("id")).toInt() == productId)
                return item.toObject().value(QStringLiteral("key")).toString();
        }
        return {};
    }

    // Issue 5's walk-through: two products as a guest, log in, both in the signed-in cart,
    // change a quantity, remove one, clear, log out.
    void cartWalkThrough()
    {
        QVERIFY(m_config.isValid());
        const Run products = cocart({QStringLiteral("--json"), QStringLiteral("products"),
                                     QStringLiteral("--search"), QStringLiteral("mug")});
        QVERIFY2(products.exitCode == 0, qPrintable(products.err));

        QJsonObject cart =
                cartJson({QStringLiteral("add"), QStringLiteral("10"), QStringLiteral("2")});
        QCOMPARE(cart.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(cart.value(QStringLiteral("signedIn")).toBool(), false);
        const QString guestKey = cart.value(QStringLiteral("cartKey")).toString();
        QCOMPARE(guestKey.size(), 30); // a guest key, as the real store hands out
        cart = cartJson({QStringLiteral("add"), QStringLiteral("MUG-ENAMEL")});
        QCOMPARE(cart.value(QStringLiteral("cartKey")).toString(), guestKey); // kept between runs
        QCOMPARE(quantityOf(cart, 10), 2);
        QCOMPARE(quantityOf(cart, 13), 1);
        QCOMPARE(cart.value(QStringLiteral("itemCount")).toInt(), 3);

        const Run login = cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword);
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        cart = cartJson({QStringLiteral("cart")});
        QCOMPARE(cart.value(QStringLiteral("signedIn")).toBool(), true);
        QCOMPARE(cart.value(QStringLiteral("cartKey")).toString(), QStringLiteral("2"));
        QCOMPARE(quantityOf(cart, 10), 2);
        QCOMPARE(quantityOf(cart, 13), 1);

        cart = cartJson({QStringLiteral("set"), keyOf(cart, 10), QStringLiteral("3")});
        QCOMPARE(quantityOf(cart, 10), 3);
        const qint64 total = cart.value(QStringLiteral("total")).toVariant().toLongLong();
        QVERIFY(total > 0);
        QVERIFY(cart.value(QStringLiteral("totalText")).toString().startsWith(QStringLiteral("£")));

        cart = cartJson({QStringLiteral("remove"), keyOf(cart, 13)});
        QCOMPARE(quantityOf(cart, 13), 0);
        QCOMPARE(cart.value(QStringLiteral("items")).toArray().size(), 1);

        cart = cartJson({QStringLiteral("clear")});
        QCOMPARE(cart.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(cart.value(QStringLiteral("itemCount")).toInt(), 0);

        const Run logout = cocart({QStringLiteral("logout")});
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        cart = cartJson({QStringLiteral("cart")});
        QCOMPARE(cart.value(QStringLiteral("signedIn")).toBool(), false);
        QCOMPARE(cart.value(QStringLiteral("items")).toArray().size(), 0);
        QVERIFY(cart.value(QStringLiteral("cartKey")).toString() != guestKey);
    }

    void cleanupTestCase()
    {
        // Nothing the CLI printed may contain a password or a token.
        for (const QString &text : qAsConst(m_outputs)) {
            QVERIFY(!text.contains(kPassword));
            QVERIFY(!text.contains(QStringLiteral("eyJ")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
