#include <CoCart/Testing/TestTokenStore.h>

#include "tokenstorewait.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using CoCart::Error;
using CoCart::MemoryTokenStore;
using CoCart::TokenStore;
using namespace CoCartTest;

class TestMemoryTokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callbacksAreAsynchronous();
    void writeReadOverwriteRemove();
    void readMissing();
    void removeMissing();
    void callbacksInCallOrder();
    void failure_data();
    void failure();
    void failureWithoutReason();
    void noCallbackAfterDestruction();
    void nullCallbackIsAllowed();
};

void TestMemoryTokenStore::callbacksAreAsynchronous()
{
    CoCart::Testing::TestTokenStore store;
    bool ran = false;
    store.write(QStringLiteral("k"), "v", [&ran](const Error &) { ran = true; });
    QVERIFY(!ran);
    QTRY_VERIFY(ran);

    ran = false;
    store.read(QStringLiteral("k"), [&ran](const TokenStore::ReadResult &) { ran = true; });
    QVERIFY(!ran);
    QTRY_VERIFY(ran);

    ran = false;
    store.remove(QStringLiteral("k"), [&ran](const Error &) { ran = true; });
    QVERIFY(!ran);
    QTRY_VERIFY(ran);
}

void TestMemoryTokenStore::writeReadOverwriteRemove()
{
    CoCart::Testing::TestTokenStore store;
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);
    const QString key = QStringLiteral("https://shop.example/");
    QCOMPARE(store.writeCount(), 0);

    auto w = startWrite(store, key, "first");
    QVERIFY(finishedOnce(w));
    QVERIFY(!w->error.isError());
    QCOMPARE(store.writeCount(), 1);

    auto r = startRead(store, key);
    QVERIFY(finishedOnce(r));
    QVERIFY(!r->result.error.isError());
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, QByteArray("first"));

    const QByteArray binary("\0\xff\x01 second", 10);
    w = startWrite(store, key, binary);
    QVERIFY(finishedOnce(w));
    QVERIFY(!w->error.isError());
    QCOMPARE(store.writeCount(), 2);
    r = startRead(store, key);
    QVERIFY(finishedOnce(r));
    QVERIFY(r->result.found);
    QCOMPARE(r->result.value, binary);
    QCOMPARE(store.values().value(key), binary);
    QCOMPARE(store.values().size(), 1);

    auto rm = startRemove(store, key);
    QVERIFY(finishedOnce(rm));
    QVERIFY(!rm->error.isError());
    QVERIFY(store.values().isEmpty());
    r = startRead(store, key);
    QVERIFY(finishedOnce(r));
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty());
    QCOMPARE(store.writeCount(), 2); // a remove is not a write

    QCOMPARE(stateSpy.count(), 0);
    QCOMPARE(store.state(), TokenStore::State::Ready);
}

void TestMemoryTokenStore::readMissing()
{
    CoCart::Testing::TestTokenStore store;
    store.setValue(QStringLiteral("other"), "x");
    auto r = startRead(store, QStringLiteral("missing"));
    QVERIFY(finishedOnce(r));
    QVERIFY(!r->result.error.isError());
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty());
}

void TestMemoryTokenStore::removeMissing()
{
    CoCart::Testing::TestTokenStore store;
    auto rm = startRemove(store, QStringLiteral("missing"));
    QVERIFY(finishedOnce(rm));
    QVERIFY(!rm->error.isError());
    QCOMPARE(store.state(), TokenStore::State::Ready);
}

void TestMemoryTokenStore::callbacksInCallOrder()
{
    CoCart::Testing::TestTokenStore store;
    QStringList order;
    store.write(QStringLiteral("k"), "1", [&](const Error &) { order << QStringLiteral("w1"); });
    store.read(QStringLiteral("k"), [&](const TokenStore::ReadResult &r) {
        order << QStringLiteral("r:") + QString::fromLatin1(r.value);
    });
    store.write(QStringLiteral("k"), "2", [&](const Error &) { order << QStringLiteral("w2"); });
    store.remove(QStringLiteral("k"), [&](const Error &) { order << QStringLiteral("rm"); });
    QVERIFY(order.isEmpty());
    QTRY_COMPARE(order.size(), 4);
    QCOMPARE(order,
             QStringList({QStringLiteral("w1"), QStringLiteral("r:1"), QStringLiteral("w2"),
                          QStringLiteral("rm")}));
}

void TestMemoryTokenStore::failure_data()
{
    QTest::addColumn<TokenStore::State>("state");
    QTest::addColumn<QString>("reason");
    QTest::newRow("locked") << TokenStore::State::Locked
                            << QStringLiteral("Cannot create an item in a locked collection");
    QTest::newRow("unavailable")
            << TokenStore::State::Unavailable
            << QStringLiteral(
                       "The name org.freedesktop.secrets was not provided by any .service files");
    QTest::newRow("error") << TokenStore::State::Error << QStringLiteral("disk on fire");
}

void TestMemoryTokenStore::failure()
{
    QFETCH(TokenStore::State, state);
    QFETCH(QString, reason);

    CoCart::Testing::TestTokenStore store;
    store.setValue(QStringLiteral("k"), "kept");
    QSignalSpy stateSpy(&store, &TokenStore::stateChanged);

    store.setFailure(state, reason);
    QCOMPARE(stateSpy.count(), 1);
    QCOMPARE(store.state(), state);
    QCOMPARE(store.stateReason(), reason);
    store.setFailure(state, reason); // same again: compare first, no signal
    QCOMPARE(stateSpy.count(), 1);

    auto w = startWrite(store, QStringLiteral("k"), "new");
    QVERIFY(finishedOnce(w));
    QCOMPARE(w->error.kind(), Error::Storage);
    QCOMPARE(w->error.message(), reason);
    QCOMPARE(store.writeCount(), 0);
    QCOMPARE(store.values().value(QStringLiteral("k")), QByteArray("kept"));

    auto r = startRead(store, QStringLiteral("k"));
    QVERIFY(finishedOnce(r));
    QCOMPARE(r->result.error.kind(), Error::Storage);
    QCOMPARE(r->result.error.message(), reason);
    QVERIFY(!r->result.found);
    QVERIFY(r->result.value.isEmpty()); // a failed read hands out nothing

    auto rm = startRemove(store, QStringLiteral("k"));
    QVERIFY(finishedOnce(rm));
    QCOMPARE(rm->error.kind(), Error::Storage);
    QVERIFY(store.values().contains(QStringLiteral("k")));
    QCOMPARE(stateSpy.count(), 1);
    QCOMPARE(store.state(), state);

    store.setFailure(TokenStore::State::Ready);
    QCOMPARE(stateSpy.count(), 2);
    QCOMPARE(store.state(), TokenStore::State::Ready);
    QVERIFY(store.stateReason().isEmpty());

    w = startWrite(store, QStringLiteral("k"), "new");
    QVERIFY(finishedOnce(w));
    QVERIFY(!w->error.isError());
    QCOMPARE(store.writeCount(), 1);
    r = startRead(store, QStringLiteral("k"));
    QVERIFY(finishedOnce(r));
    QVERIFY(!r->result.error.isError());
    QCOMPARE(r->result.value, QByteArray("new"));
}

void TestMemoryTokenStore::failureWithoutReason()
{
    CoCart::Testing::TestTokenStore store;
    store.setFailure(TokenStore::State::Locked);
    auto w = startWrite(store, QStringLiteral("k"), "v");
    QVERIFY(finishedOnce(w));
    QCOMPARE(w->error.kind(), Error::Storage);
    QVERIFY(!w->error.message().isEmpty()); // a failure always says something
}

void TestMemoryTokenStore::noCallbackAfterDestruction()
{
    auto *store = new MemoryTokenStore;
    auto w = startWrite(*store, QStringLiteral("k"), "v");
    auto r = startRead(*store, QStringLiteral("k"));
    delete store;
    QTest::qWait(50);
    QCOMPARE(w->calls, 0);
    QCOMPARE(r->calls, 0);
}

void TestMemoryTokenStore::nullCallbackIsAllowed()
{
    CoCart::Testing::TestTokenStore store;
    store.write(QStringLiteral("k"), "v", {});
    store.read(QStringLiteral("k"), {});
    store.remove(QStringLiteral("k"), {});
    QTest::qWait(20);
    QVERIFY(store.values().isEmpty());
    QCOMPARE(store.writeCount(), 1);
}

QTEST_GUILESS_MAIN(TestMemoryTokenStore)
#include "tst_memorytokenstore.moc"
