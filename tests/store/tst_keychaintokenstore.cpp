#include <CoCart/KeychainTokenStore.h>

#include "tokenstorewait.h"

#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using CoCart::Error;
using CoCart::KeychainTokenStore;
using CoCart::TokenStore;
using namespace CoCartTest;

// Runs against a real Secret Service. ctest wraps the binary in tests/common/with-keyring.sh
// (private D-Bus session + unlocked gnome-keyring, COCART_KEYRING_WRAPPED=1). A second ctest entry
// runs unavailableWhenNoService with no bus at all (COCART_EXPECT_NO_KEYCHAIN=1).

namespace {

constexpr int callbackTimeoutMs = 20000; // D-Bus's own reply timeout is 25 s

QString uniqueService(const QString &tag)
{
    return QStringLiteral("CoCartQt-test-%1-%2")
            .arg(tag, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

bool noServiceRun()
{
    return qEnvironmentVariable("COCART_EXPECT_NO_KEYCHAIN") == QLatin1String("1");
}

} // namespace

class TestKeychainTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serviceProperty();
    void writeReadOverwriteRemove();
    void readMissing();
    void removeMissing();
    void binarySafe();
    void servicesAreSeparate();
    void destroyedMidJob();
    void unavailableWhenNoService();

private:
    QString m_service;
    QStringList m_usedServices;
};

void TestKeychainTokenStore::initTestCase()
{
    if (noServiceRun())
        return;

    const bool wrapped = qEnvironmentVariable("COCART_KEYRING_WRAPPED") == QLatin1String("1");
    const bool ci = qEnvironmentVariable("CI") == QLatin1String("true");

    // Probe the Secret Service once, so a missing one gives one clear verdict, not 7 timeouts.
    KeychainTokenStore probeStore(uniqueService(QStringLiteral("probe")));
    auto w = startWrite(probeStore, QStringLiteral("probe"), "probe");
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    if (w->error.isError()) {
        const QString why = w->error.toString();
        if (wrapped)
            QFAIL(qPrintable(
                    QStringLiteral("with-keyring.sh ran, yet the Secret Service failed: ") + why));
        if (ci)
            QFAIL(qPrintable(QStringLiteral("CI=true and no Secret Service answered (%1); run "
                                            "through ctest, which wraps this test in "
                                            "tests/common/with-keyring.sh")
                                     .arg(why)));
        QSKIP(qPrintable(QStringLiteral("No usable Secret Service here (%1); run through ctest, "
                                        "which starts a private gnome-keyring")
                                 .arg(why)));
    }
    auto rm = startRemove(probeStore, QStringLiteral("probe"));
    QVERIFY(finishedOnce(rm, callbackTimeoutMs));
    QVERIFY2(!rm->error.isError(), qPrintable(rm->error.toString()));
}

void TestKeychainTokenStore::init()
{
    if (noServiceRun() &&
        QLatin1String(QTest::currentTestFunction()) != QLatin1String("unavailableWhenNoService"))
        QSKIP("this run has no Secret Service on purpose");
    m_service = uniqueService(QLatin1String(QTest::currentTestFunction()));
    m_usedServices = {m_service};
}

void TestKeychainTokenStore::cleanup()
{
    // Items are keyed per test function and service; a developer's real keyring stays clean.
    if (noServiceRun())
        return;
    for (const QString &service : std::as_const(m_usedServices)) {
        KeychainTokenStore store(service);
        for (const QString &key :
             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("https://shop.example/")}) {
            auto rm = startRemove(store, key);
            QVERIFY(finishedOnce(rm, callbackTimeoutMs));
        }
    }
}

void TestKeychainTokenStore::serviceProperty()
{
    KeychainTokenStore store;
    // The app's own item by default (organisation/application; here only the application).
    QCOMPARE(store.service(), KeychainTokenStore::defaultService());
    QCOMPARE(store.service(), QCoreApplication::applicationName());
    QSignalSpy spy(&store, &KeychainTokenStore::serviceChanged);
    store.setService(QStringLiteral("Other"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(store.service(), QStringLiteral("Other"));
    store.setService(QStringLiteral("Other"));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(KeychainTokenStore(QStringLiteral("Named")).service(), QStringLiteral("Named"));
    QCOMPARE(store.state(), TokenStore::State::Ready);
}

void TestKeychainTokenStore::writeReadOverwriteRemove()
{
    KeychainTokenStore store(m_service);
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);
    const QString key = QStringLiteral("https://shop.example/");

    auto w = startWrite(store, key, R"({"token":"first"})");
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY2(!w->error.isError(), qPrintable(w->error.toString()));

    auto r = startRead(store, key);
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY2(!r->result.error.isError(), qPrintable(r->result.error.toString()));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray(R"({"token":"first"})"));

    w = startWrite(store, key, R"({"token":"second"})");
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY2(!w->error.isError(), qPrintable(w->error.toString()));
    r = startRead(store, key);
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray(R"({"token":"second"})"));

    // A second store object on the same service sees the same item: it lives in the keychain.
    KeychainTokenStore sameService(m_service);
    r = startRead(sameService, key);
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray(R"({"token":"second"})"));

    auto rm = startRemove(store, key);
    QVERIFY(finishedOnce(rm, callbackTimeoutMs));
    QVERIFY2(!rm->error.isError(), qPrintable(rm->error.toString()));
    r = startRead(store, key);
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(!r->result.error.isError());
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty());

    QCOMPARE(stateSpy.count(), 0);
    QCOMPARE(store.state(), TokenStore::State::Ready);
    QVERIFY(store.stateReason().isEmpty());
}

void TestKeychainTokenStore::readMissing()
{
    KeychainTokenStore store(m_service);
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);
    auto r = startRead(store, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY2(!r->result.error.isError(), qPrintable(r->result.error.toString()));
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty());
    QCOMPARE(store.state(), TokenStore::State::Ready);
    QCOMPARE(stateSpy.count(), 0);
}

void TestKeychainTokenStore::removeMissing()
{
    KeychainTokenStore store(m_service);
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);
    auto rm = startRemove(store, QStringLiteral("a"));
    QVERIFY(finishedOnce(rm, callbackTimeoutMs));
    QVERIFY2(!rm->error.isError(), qPrintable(rm->error.toString()));
    QCOMPARE(store.state(), TokenStore::State::Ready);
    QCOMPARE(stateSpy.count(), 0);
}

void TestKeychainTokenStore::binarySafe()
{
    QByteArray value;
    for (int i = 0; i < 256; ++i)
        value.append(char(i));
    value.append(QByteArray("\0\0\xff\xfe not UTF-8 \xc3\x28", 18));
    value.append(QByteArray(4096, 'x')); // bigger than any token pair we store
    QCOMPARE(value.at(0), '\0');

    KeychainTokenStore store(m_service);
    auto w = startWrite(store, QStringLiteral("a"), value);
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY2(!w->error.isError(), qPrintable(w->error.toString()));
    auto r = startRead(store, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value.size(), value.size());
    QCOMPARE(r->result.value, value);

    // An empty value is a value, not "nothing stored".
    w = startWrite(store, QStringLiteral("b"), QByteArray());
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY2(!w->error.isError(), qPrintable(w->error.toString()));
    r = startRead(store, QStringLiteral("b"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY2(!r->result.error.isError(), qPrintable(r->result.error.toString()));
    QVERIFY(r->result.found);
    QVERIFY(r->result.value.isEmpty());
}

void TestKeychainTokenStore::servicesAreSeparate()
{
    const QString otherService = uniqueService(QStringLiteral("other"));
    m_usedServices << otherService;
    KeychainTokenStore first(m_service);
    KeychainTokenStore second(otherService);

    auto w = startWrite(first, QStringLiteral("a"), "first's");
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY2(!w->error.isError(), qPrintable(w->error.toString()));

    auto r = startRead(second, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(!r->result.error.isError());
    QVERIFY(!r->result.found);

    w = startWrite(second, QStringLiteral("a"), "second's");
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    QVERIFY(!w->error.isError());
    r = startRead(first, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QCOMPARE(r->result.value, QByteArray("first's"));

    auto rm = startRemove(second, QStringLiteral("a"));
    QVERIFY(finishedOnce(rm, callbackTimeoutMs));
    r = startRead(first, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray("first's"));

    // setService() moves a store to the other service's items.
    first.setService(otherService);
    r = startRead(first, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QVERIFY(!r->result.found);
}

void TestKeychainTokenStore::destroyedMidJob()
{
    auto *store = new KeychainTokenStore(m_service);
    auto w = startWrite(*store, QStringLiteral("a"), "written after all");
    delete store;

    // The job outlives the store and still finishes; QtKeychain runs jobs in order, so once a
    // later read is answered, the write is done and its callback would have run by now.
    KeychainTokenStore other(m_service);
    auto r = startRead(other, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QTest::qWait(50);
    QCOMPARE(w->calls, 0);
    QVERIFY2(!r->result.error.isError(), qPrintable(r->result.error.toString()));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray("written after all"));
}

void TestKeychainTokenStore::unavailableWhenNoService()
{
    if (!noServiceRun())
        QSKIP("only the tst_keychaintokenstore_unavailable ctest entry runs this (no D-Bus)");

    // Where a plaintext fallback would write its file; it must stay empty.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path() + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.path() + QStringLiteral("/data")));

    KeychainTokenStore store(m_service);
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);

    const QByteArray value = "tok-9f3c7e21-value";
    auto w = startWrite(store, QStringLiteral("a"), value);
    QVERIFY(finishedOnce(w, callbackTimeoutMs));
    qInfo("write failed with: %s", qPrintable(w->error.toString()));
    QCOMPARE(w->error.kind(), Error::Storage);
    QVERIFY2(w->error.message().startsWith(QLatin1String("Could not write to the keychain: ")),
             qPrintable(w->error.message()));
    QVERIFY(w->error.code().startsWith(QLatin1String("keychain_")));
    QVERIFY(!w->error.message().contains(QString::fromLatin1(value)));
    QCOMPARE(store.state(), TokenStore::State::Unavailable);
    QCOMPARE(store.stateReason(), w->error.message());
    QCOMPARE(stateSpy.count(), 1);

    auto r = startRead(store, QStringLiteral("a"));
    QVERIFY(finishedOnce(r, callbackTimeoutMs));
    QCOMPARE(r->result.error.kind(), Error::Storage);
    QVERIFY(r->result.error.message().startsWith(
            QLatin1String("Could not read from the keychain: ")));
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty());
    QCOMPARE(store.state(), TokenStore::State::Unavailable);

    auto rm = startRemove(store, QStringLiteral("a"));
    QVERIFY(finishedOnce(rm, callbackTimeoutMs));
    QCOMPARE(rm->error.kind(), Error::Storage);
    QCOMPARE(store.state(), TokenStore::State::Unavailable);

    const QStringList written =
            QDir(home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1String(", "))));
}

QTEST_GUILESS_MAIN(TestKeychainTokenStore)
#include "tst_keychaintokenstore.moc"
