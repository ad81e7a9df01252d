// The `cocart` command-line client against an in-process devstore, with the tokens kept in a
// real Secret Service between runs (this test runs inside tests/common/with-keyring.sh).

#include <CoCartDevStore/DevStore.h>

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
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
        env.remove(QStringLiteral("QT_LOGGING_RULES")); // ctest's would override the CLI's own
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

    //! The CLI with exactly \a arguments (no --store added) and \a extraEnv on top.
    Run cocartRaw(const QStringList &arguments, const QList<QPair<QString, QString>> &extraEnv = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("COCART_PASSWORD"));
        env.remove(QStringLiteral("QT_LOGGING_RULES")); // ctest's would override the CLI's own
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        for (const auto &pair : extraEnv)
            env.insert(pair.first, pair.second);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(COCART_CLI_PATH), arguments);
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
    //! --ca-file and --pin against the devstore over HTTPS with a self-signed certificate.
    void tlsTrust()
    {
        DevStore tls;
        tls.seedDemoData();
        QSslCertificate certificate;
        QSslKey key;
        QString why;
        QVERIFY2(DevStore::generateSelfSignedCertificate(&certificate, &key, &why),
                 qPrintable(why));
        tls.setTls(certificate, key);
        QVERIFY(tls.listen());
        QTemporaryDir dir;
        const QString certFile = dir.filePath(QStringLiteral("store.pem"));
        QFile out(certFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(certificate.toPem());
        out.close();
        const QString pin =
                QString::fromLatin1(QCryptographicHash::hash(certificate.publicKey().toDer(),
                                                             QCryptographicHash::Sha256)
                                            .toBase64());
        const QStringList base {QStringLiteral("--store"), tls.url().toString(),
                                QStringLiteral("--token-store"), QStringLiteral("memory")};
        const QString store = QStringLiteral("store");

        const Run refused = cocartRaw(base + QStringList {store});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("(tls)")), qPrintable(refused.err));

        const Run trusted =
                cocartRaw(base + QStringList {QStringLiteral("--ca-file"), certFile, store});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        QVERIFY2(trusted.out.contains(QStringLiteral("CoCart 4.3.6")), qPrintable(trusted.out));

        const Run pinned = cocartRaw(base +
                                     QStringList {QStringLiteral("--ca-file"), certFile,
                                                  QStringLiteral("--pin"), pin, store});
        QVERIFY2(pinned.exitCode == 0, qPrintable(pinned.err));

        const QString wrongPin = QString::fromLatin1(QByteArray(32, 'x').toBase64());
        const Run mismatch = cocartRaw(base +
                                       QStringList {QStringLiteral("--ca-file"), certFile,
                                                    QStringLiteral("--pin"), wrongPin, store});
        QVERIFY(mismatch.exitCode != 0);
        QVERIFY2(mismatch.err.contains(QStringLiteral("pinned")), qPrintable(mismatch.err));

        const Run noFile = cocartRaw(base +
                                     QStringList {QStringLiteral("--ca-file"),
                                                  dir.filePath(QStringLiteral("none")), store});
        QCOMPARE(noFile.exitCode, 2);
        QVERIFY2(noFile.err.contains(QStringLiteral("--ca-file")), qPrintable(noFile.err));
    }

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

        // `logout` signs out this device only; --everywhere tells the store (every device).
        const Run logout = cocart({QStringLiteral("logout"), QStringLiteral("--everywhere")});
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

    // Issue 10.1: -v was both --version and --verbose; every run warned about it.
    void verbose()
    {
        const Run quiet = cocart({QStringLiteral("--json"), QStringLiteral("products")});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(!quiet.err.contains(QStringLiteral("already having an option")),
                 qPrintable(quiet.err));
        QVERIFY2(!quiet.err.contains(QStringLiteral("cocart.")), qPrintable(quiet.err));
        const Run loud = cocart({QStringLiteral("--verbose"), QStringLiteral("products")});
        QCOMPARE(loud.exitCode, 0);
        QVERIFY2(!loud.err.contains(QStringLiteral("already having an option")),
                 qPrintable(loud.err));
        QVERIFY2(loud.err.contains(QStringLiteral("cocart.")), qPrintable(loud.err)); // SDK lines
        const Run version = cocartRaw({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QStringLiteral("cocart ")));
    }

    // Issue 10.2: a password in the store URL was printed.
    void passwordInStoreUrlRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("whoami") << QStringList {QStringLiteral("whoami")};
        QTest::newRow("json whoami")
                << QStringList {QStringLiteral("--json"), QStringLiteral("whoami")};
        QTest::newRow("cart") << QStringList {QStringLiteral("--json"), QStringLiteral("cart")};
    }

    void passwordInStoreUrlRefused()
    {
        QFETCH(QStringList, arguments);
        QUrl store = m_store.url();
        store.setUserName(QStringLiteral("alice"));
        store.setPassword(QStringLiteral("s3cr3t"));
        const Run run =
                cocartRaw(QStringList {QStringLiteral("--store"), store.toString(),
                                       QStringLiteral("--token-store"), QStringLiteral("memory")} +
                          arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("user name or password")), qPrintable(run.err));
        QVERIFY(!run.err.contains(QStringLiteral("s3cr3t")));
        QVERIFY(!run.out.contains(QStringLiteral("s3cr3t")));
        // Also through $COCART_STORE.
        const Run env = cocartRaw(
                QStringList {QStringLiteral("--token-store"), QStringLiteral("memory")} + arguments,
                {{QStringLiteral("COCART_STORE"), store.toString()}});
        QCOMPARE(env.exitCode, 2);
        QVERIFY(!env.err.contains(QStringLiteral("s3cr3t")));
        QVERIFY(!env.out.contains(QStringLiteral("s3cr3t")));
    }

    // Issue 10.3: unknown options are usage errors (2), as the README says.
    void unknownOptionIsUsage()
    {
        const Run run = cocart({QStringLiteral("--frobnicate"), QStringLiteral("whoami")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("frobnicate")), qPrintable(run.err));
        const Run missingValue = cocartRaw({QStringLiteral("whoami"), QStringLiteral("--store")});
        QCOMPARE(missingValue.exitCode, 2);
    }

    // Issue 10.4: an out-of-range port is named as such.
    void invalidPort()
    {
        const Run run =
                cocartRaw({QStringLiteral("--store"), QStringLiteral("http://127.0.0.1:99999"),
                           QStringLiteral("--token-store"), QStringLiteral("memory"),
                           QStringLiteral("whoami")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("invalid port 99999")), qPrintable(run.err));
    }

    // Issue 10.5: guest cart commands need no keychain.
    void guestCartWithoutKeychain()
    {
        const QList<QPair<QString, QString>> noBus {
                {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=/nonexistent/cocart-test-bus")}};
        const Run run =
                cocartRaw({QStringLiteral("--store"), m_store.url().toString(),
                           QStringLiteral("--json"), QStringLiteral("add"), QStringLiteral("20")},
                          noBus);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject cart = QJsonDocument::fromJson(run.out.toUtf8())
                                         .object()
                                         .value(QStringLiteral("cart"))
                                         .toObject();
        QCOMPARE(cart.value(QStringLiteral("signedIn")).toBool(), false);
        QCOMPARE(quantityOf(cart, 20), 1);
        QVERIFY2(run.err.contains(QStringLiteral("as a guest")), qPrintable(run.err));
        // Signing in still needs the keychain.
        const Run login = cocartRaw(
                {QStringLiteral("--store"), m_store.url().toString(), QStringLiteral("whoami")},
                noBus);
        QCOMPARE(login.exitCode, 5);
        cocart({QStringLiteral("clear")});
    }

    // Issue 10.6: `cocart checkout-url`.
    void checkoutUrl()
    {
        cocart({QStringLiteral("logout")});
        cocart({QStringLiteral("clear")});
        const Run empty = cocart({QStringLiteral("checkout-url")});
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains(QStringLiteral("nothing to check out")), qPrintable(empty.err));

        const QJsonObject cart = cartJson({QStringLiteral("add"), QStringLiteral("10")});
        const QString key = cart.value(QStringLiteral("cartKey")).toString();
        QVERIFY(!key.isEmpty());
        // WooCommerce 9.1: the guest cart is loaded straight into the checkout.
        const Run guest = cocart({QStringLiteral("checkout-url")});
        QCOMPARE(guest.exitCode, 0);
        QCOMPARE(guest.out.trimmed(),
                 m_store.url().toString() + QStringLiteral("/checkout/?cocart-load-cart=") + key);
        const Run json = cocart({QStringLiteral("--json"), QStringLiteral("checkout-url")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject answer = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(answer.value(QStringLiteral("url")).toString(), guest.out.trimmed());
        QCOMPARE(answer.value(QStringLiteral("handoff")).toString(), QStringLiteral("LoadCart"));
        // WooCommerce 10: its own checkout link, with the cart's ids and quantities.
        m_store.setStack(DevStore::Stack::WooCommerce10);
        auto stack9 = qScopeGuard([this] { m_store.setStack(DevStore::Stack::WooCommerce9); });
        const Run link = cocart({QStringLiteral("--json"), QStringLiteral("checkout-url")});
        QCOMPARE(link.exitCode, 0);
        const QJsonObject linkAnswer = QJsonDocument::fromJson(link.out.toUtf8()).object();
        QCOMPARE(linkAnswer.value(QStringLiteral("url")).toString(),
                 m_store.url().toString() + QStringLiteral("/checkout-link/?products=10:1"));
        QCOMPARE(linkAnswer.value(QStringLiteral("handoff")).toString(),
                 QStringLiteral("CheckoutLink"));
        stack9.dismiss();
        m_store.setStack(DevStore::Stack::WooCommerce9);

        QCOMPARE(cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword).exitCode,
                 0);
        const Run customer = cocart({QStringLiteral("checkout-url")});
        QCOMPARE(customer.exitCode, 0);
        QVERIFY2(customer.out.trimmed().startsWith(m_store.url().toString() +
                                                   QStringLiteral("/wp-login.php?redirect_to=")),
                 qPrintable(customer.out));
        cocart({QStringLiteral("clear")});
        cocart({QStringLiteral("logout")});
    }

    // Any route through Session::get: the store's info as a guest, a customer's own route
    // with the saved sign-in's Bearer.
    void storeAndGet()
    {
        cocart({QStringLiteral("logout")});
        const Run info = cocart({QStringLiteral("store")});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.out.startsWith(QStringLiteral("CoCart 4.3.6, ")), qPrintable(info.out));
        const Run json = cocart({QStringLiteral("--json"), QStringLiteral("store")});
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                         .object()
                         .value(QStringLiteral("version"))
                         .toString(),
                 QStringLiteral("4.3.6"));

        const int before = m_store.requestCount(QStringLiteral("GET /wp-json/cocart/v2/cart"));
        QCOMPARE(cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword).exitCode,
                 0);
        const Run cart = cocart({QStringLiteral("get"), QStringLiteral("/cocart/v2/cart")});
        QCOMPARE(cart.exitCode, 0);
        QVERIFY2(cart.out.contains(QStringLiteral("\"cart_key\": \"2\"")), qPrintable(cart.out));
        QCOMPARE(m_store.requestCount(QStringLiteral("GET /wp-json/cocart/v2/cart")), before + 1);
        const Run missing = cocart({QStringLiteral("get"), QStringLiteral("/cocart/v2/nope")});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(cocart({QStringLiteral("get"), QStringLiteral("cocart/v2/cart")}).exitCode, 2);
        cocart({QStringLiteral("logout")});
    }

    // Issue 20.7: every command the CLI runs is in --help, the man page and the README.
    void everyCommandIsDocumented()
    {
        const Run help = cocartRaw({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QFile man(QStringLiteral(COCART_SOURCE_DIR "/packaging/cocart.1"));
        QVERIFY(man.open(QIODevice::ReadOnly));
        const QString manPage = QString::fromUtf8(man.readAll());
        QFile readmeFile(QStringLiteral(COCART_SOURCE_DIR "/README.md"));
        QVERIFY(readmeFile.open(QIODevice::ReadOnly));
        // README's CLI section.
        const QString readmeText = QString::fromUtf8(readmeFile.readAll());
        const qsizetype section = readmeText.indexOf(QStringLiteral("\n## The CLI"));
        QVERIFY(section > 0);
        const QString readme = readmeText.mid(
                section, readmeText.indexOf(QStringLiteral("\n## "), section + 1) - section);
        // The positional argument's description names them all (and the parser accepts them).
        // (wrapped over lines by QCommandLineParser)
        const QString flat = help.out.simplified();
        const QRegularExpression list(QStringLiteral("login \\| whoami( \\| [a-z-]+)*"));
        const QString commandList = list.match(flat).captured(0);
        QVERIFY2(!commandList.isEmpty(), qPrintable(help.out));
        const QStringList commands = commandList.split(QStringLiteral(" | "));
        QVERIFY(commands.contains(QStringLiteral("store")));
        QVERIFY(commands.contains(QStringLiteral("get")));
        for (const QString &command : commands) {
            QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("\\n  ") + command +
                                                          QStringLiteral("\\b"))),
                     qPrintable(command + QStringLiteral(" is not in --help's command list")));
            QVERIFY2(manPage.contains(QRegularExpression(QStringLiteral("\\n\\.BI? \"?") +
                                                         QRegularExpression::escape(command) +
                                                         QStringLiteral("\\b"))),
                     qPrintable(command + QStringLiteral(" is not in packaging/cocart.1")));
            QVERIFY2(readme.contains(QRegularExpression(QStringLiteral("\\b") +
                                                        QRegularExpression::escape(command) +
                                                        QStringLiteral("\\b"))),
                     qPrintable(command + QStringLiteral(" is not in README.md's CLI section")));
        }
        // The two that were missing everywhere, as commands.
        QVERIFY(readme.contains(QStringLiteral("cocart store")));
        QVERIFY(readme.contains(QStringLiteral("cocart get /")));
    }

    // Issue 20.7: adding a variable product by its own SKU or id says which variations to add;
    // `products` marks variable products with their variations' ids.
    void variableProducts()
    {
        cocart({QStringLiteral("logout")});
        const Run add = cocart({QStringLiteral("add"), QStringLiteral("TSHIRT-CLASSIC")});
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains(QStringLiteral("No matching variation found.")),
                 qPrintable(add.err));
        QVERIFY2(add.err.contains(QStringLiteral("Classic T-Shirt (TSHIRT-CLASSIC) is a variable "
                                                 "product: add one of its variations by id, e.g. "
                                                 "`cocart add 22`.")),
                 qPrintable(add.err));
        for (const char *line :
             {"22  TSHIRT-CLASSIC-S", "23  TSHIRT-CLASSIC-M", "24  TSHIRT-CLASSIC-L",
              "Size: S  £15.00", "Size: L  £17.00  out of stock"})
            QVERIFY2(add.err.contains(QString::fromUtf8(line)), line);
        const Run byId = cocart({QStringLiteral("add"), QStringLiteral("21")});
        QCOMPARE(byId.exitCode, 1);
        QVERIFY2(byId.err.contains(QStringLiteral("cocart add 22")), qPrintable(byId.err));
        // The hint's id works.
        const Run variation = cocart({QStringLiteral("add"), QStringLiteral("22")});
        QVERIFY2(variation.exitCode == 0, qPrintable(variation.err));
        QVERIFY(cocart({QStringLiteral("clear")}).exitCode == 0);
        // Not a variation problem: the store's message alone.
        const Run unknown = cocart({QStringLiteral("add"), QStringLiteral("NO-SUCH-SKU")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(!unknown.err.contains(QStringLiteral("variable product")));

        const Run products = cocart({QStringLiteral("products"), QStringLiteral("--search"),
                                     QStringLiteral("Classic T-Shirt")});
        QCOMPARE(products.exitCode, 0);
        QVERIFY2(products.out.contains(QStringLiteral("variable: 22 S, 23 M, 24 L (out of stock)")),
                 qPrintable(products.out));
        const Run json = cocart({QStringLiteral("--json"), QStringLiteral("products"),
                                 QStringLiteral("--search"), QStringLiteral("mug")});
        const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("products"))
                                        .toArray();
        QVERIFY(!list.isEmpty());
        for (const QJsonValue &p : list)
            QCOMPARE(p.toObject().value(QStringLiteral("variable")).toBool(), false);
        const Run shirts = cocart({QStringLiteral("--json"), QStringLiteral("products"),
                                   QStringLiteral("--search"), QStringLiteral("Classic T-Shirt")});
        const QJsonObject shirt = QJsonDocument::fromJson(shirts.out.toUtf8())
                                          .object()
                                          .value(QStringLiteral("products"))
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(shirt.value(QStringLiteral("variable")).toBool(), true);
        const QJsonArray variations = shirt.value(QStringLiteral("variations")).toArray();
        QCOMPARE(variations.size(), 3);
        QCOMPARE(variations.at(0).toObject().value(QStringLiteral("id")).toInt(), 22);
        QCOMPARE(variations.at(2).toObject().value(QStringLiteral("inStock")).toBool(), false);
    }

    // Issue 20.7: "The guest cart was moved to your account" only when something moved.
    void guestMoveMessageOnlyWhenSomethingMoved()
    {
        cocart({QStringLiteral("logout")});
        // An empty guest cart (with a key): signing in moves nothing.
        QCOMPARE(cocart({QStringLiteral("clear")}).exitCode, 0);
        QCOMPARE(cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword).exitCode,
                 0);
        const Run nothing = cocart({QStringLiteral("cart")});
        QVERIFY2(nothing.exitCode == 0, qPrintable(nothing.err));
        QVERIFY2(!nothing.err.contains(QStringLiteral("moved")), qPrintable(nothing.err));
        QCOMPARE(cocart({QStringLiteral("clear")}).exitCode, 0);
        QCOMPARE(cocart({QStringLiteral("logout")}).exitCode, 0);

        // A guest cart with a mug: it moves, and the run says what moved.
        QCOMPARE(
                cocart({QStringLiteral("add"), QStringLiteral("10"), QStringLiteral("2")}).exitCode,
                0);
        QCOMPARE(cocart({QStringLiteral("login"), QStringLiteral("customer1")}, kPassword).exitCode,
                 0);
        const Run moved = cocart({QStringLiteral("cart")});
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QVERIFY2(moved.err.contains(
                         QStringLiteral("The guest cart was moved to your account: 2 x Test Mug.")),
                 qPrintable(moved.err));
        QVERIFY(moved.out.contains(QStringLiteral("Test Mug")));
        // Once: the next run has no guest cart to move.
        const Run again = cocart({QStringLiteral("cart")});
        QVERIFY(!again.err.contains(QStringLiteral("moved")));
        QCOMPARE(cocart({QStringLiteral("clear")}).exitCode, 0);
        cocart({QStringLiteral("logout")});
    }

    // Issue 18.5: a store's strings reach the terminal without control characters.
    void storeStringsCannotDriveTheTerminal()
    {
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/cocart/v2/store");
        fault.status = 400;
        fault.contentType = "application/json";
        // An OSC title change and a screen clear, as entities, raw JSON escapes and a C1 CSI.
        fault.body = "{\"code\":\"bad\\u001b[2J\",\"message\":\"Nope&#27;]0;pwned&#7; "
                     "\\u001b[31mred\\u009b0m \\u202eevil\"}";
        fault.times = 2;
        m_store.addFault(fault);
        const Run run = cocart({QStringLiteral("store")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Nope]0;pwned [31mred0m evil")),
                 qPrintable(run.err));
        const Run json = cocart({QStringLiteral("--json"), QStringLiteral("store")});
        for (const Run &r : {run, json}) {
            for (const QString &text : {r.out, r.err}) {
                for (const QChar c : text) {
                    const char16_t u = c.unicode();
                    QVERIFY2(u >= 0x20 || u == 0x0a || u == 0x09, qPrintable(text));
                    QVERIFY2(!(u >= 0x7f && u <= 0x9f) && u != 0x202e, qPrintable(text));
                }
            }
        }
        m_store.clearFaults();
    }

    // Issue 18.9: "Signed in" is said only when the sign-in was kept.
    void signInNotSavedIsAFailure()
    {
        const QList<QPair<QString, QString>> noBus {
                {QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                 QStringLiteral("unix:path=/nonexistent/cocart-test-bus")},
                {QStringLiteral("COCART_PASSWORD"), kPassword}};
        const Run run = cocartRaw({QStringLiteral("--store"), m_store.url().toString(),
                                   QStringLiteral("login"), QStringLiteral("customer1")},
                                  noBus);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(!run.out.contains(QStringLiteral("Signed in")), qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("could not be saved")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("--token-store memory")), qPrintable(run.err));
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
