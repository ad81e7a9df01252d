// DevStore::setStatePath: a store started again on the same state file carries on where the last
// one stopped — same secret, same token sessions, same carts and stock — so a client's saved
// session survives a restart of the store (the demo app's embedded store relies on this).
// Raw HTTP only (never the SDK).

#include "devstore_http.h"

#include <CoCartDevStore/DevStore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kCart = QStringLiteral("/wp-json/cocart/v2/cart");
const QString kAdd = QStringLiteral("/wp-json/cocart/v2/cart/add-item");
const QString kRefresh = QStringLiteral("/wp-json/cocart/jwt/refresh-token");
const QString kValidate = QStringLiteral("/wp-json/cocart/jwt/validate-token");

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token;
}

int quantityOf(const QJsonObject &cart, qint64 productId)
{
    const QJsonArray items = cart.value(QLatin1String("items")).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        if (object.value(QLatin1String("id")).toInteger() == productId)
            return object.value(QLatin1String("quantity"))
                    .toObject()
                    .value(QLatin1String("value"))
                    .toInt();
    }
    return 0;
}

} // namespace

class TestDevStoreState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void secondStoreAcceptsTokensAndCarts();
    void refreshRotationIsSaved();
    void stateFileIsPrivateAndWrittenWhole();
    void unusableStateFileIsLeftAlone();
    void noStateFileMeansMemoryOnly();

private:
    //! A store on the state file, listening on \a port (0: any).
    std::unique_ptr<DevStore> startStore(quint16 port = 0)
    {
        auto store = std::make_unique<DevStore>();
        store->seedDemoData();
        if (!store->setStatePath(m_statePath))
            return nullptr;
        if (!store->listen(QHostAddress(QHostAddress::LocalHost), port))
            return nullptr;
        return store;
    }

    QTemporaryDir m_dir;
    QString m_statePath;
};

void TestDevStoreState::init()
{
    QVERIFY(m_dir.isValid());
    m_statePath = m_dir.filePath(QStringLiteral("state/devstore.json")); // folder made on demand
    QFile::remove(m_statePath);
}

void TestDevStoreState::cleanup()
{
    QFile::remove(m_statePath);
}

void TestDevStoreState::secondStoreAcceptsTokensAndCarts()
{
    QByteArray access;
    QByteArray refresh;
    QString guestKey;
    quint16 port = 0;
    {
        std::unique_ptr<DevStore> first = startStore();
        QVERIFY(first);
        QVERIFY(QFileInfo::exists(m_statePath));
        QCOMPARE(first->statePath(), QFileInfo(m_statePath).absoluteFilePath());
        port = first->port();
        Client client(first.get());
        std::tie(access, refresh) = client.loginPair();
        QVERIFY(!access.isEmpty());
        QVERIFY(!refresh.isEmpty());
        HttpResult r = client.send("POST", kAdd, {bearer(access)}, R"({"id":"10","quantity":"2"})");
        QCOMPARE(r.status, 200);
        // A guest cart and a stock change are kept too.
        r = client.send("POST", kAdd, {}, R"({"id":"13","quantity":"1"})");
        QCOMPARE(r.status, 200);
        guestKey = r.json().value(QLatin1String("cart_key")).toString();
        QVERIFY(!guestKey.isEmpty());
        first->setStock(23, 2);
    }

    // The store "restarts": a new object, same file, same port (tokens carry the URL as iss).
    std::unique_ptr<DevStore> second = startStore(port);
    QVERIFY2(second, "the second store could not start on the first one's port");
    QCOMPARE(second->activeSessionCount(2), 1);
    QCOMPARE(second->stock(23), 2);
    QCOMPARE(second->cartItemQuantity(QStringLiteral("2"), 10), 2);
    QCOMPARE(second->cartItemQuantity(guestKey, 13), 1);
    Client client(second.get());

    // The first store's access token works, and shows the same cart.
    QCOMPARE(client.send("POST", kValidate, {bearer(access)}).status, 200);
    HttpResult r = client.send("GET", kCart, {bearer(access)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("cart_key")).toString(), QStringLiteral("2"));
    QCOMPARE(quantityOf(r.json(), 10), 2);
    r = client.send("GET", kCart + QStringLiteral("?cart_key=") + guestKey);
    QCOMPARE(quantityOf(r.json(), 13), 1);

    // Its refresh token too: rotation as usual, the old access token dies.
    r = client.send("POST", kRefresh, {"Content-Type: application/json"},
                    "{\"refresh_token\":\"" + refresh + "\"}");
    QCOMPARE(r.status, 200);
    const QByteArray newAccess = r.json().value(QLatin1String("token")).toString().toLatin1();
    QVERIFY(!newAccess.isEmpty());
    QCOMPARE(client.send("POST", kValidate, {bearer(access)}).status, 403);
    QCOMPARE(client.send("POST", kValidate, {bearer(newAccess)}).status, 200);
}

void TestDevStoreState::refreshRotationIsSaved()
{
    QByteArray refresh;
    QByteArray newRefresh;
    QByteArray newAccess;
    quint16 port = 0;
    {
        std::unique_ptr<DevStore> first = startStore();
        QVERIFY(first);
        port = first->port();
        Client client(first.get());
        refresh = client.loginPair().second;
        const HttpResult r = client.send("POST", kRefresh, {"Content-Type: application/json"},
                                         "{\"refresh_token\":\"" + refresh + "\"}");
        QCOMPARE(r.status, 200);
        newAccess = r.json().value(QLatin1String("token")).toString().toLatin1();
        newRefresh = r.json().value(QLatin1String("refresh_token")).toString().toLatin1();
    }
    std::unique_ptr<DevStore> second = startStore(port);
    QVERIFY(second);
    Client client(second.get());
    // The spent refresh token stays spent; the rotated pair works.
    QCOMPARE(client.send("POST", kRefresh, {"Content-Type: application/json"},
                         "{\"refresh_token\":\"" + refresh + "\"}")
                     .status,
             403);
    QCOMPARE(client.send("POST", kValidate, {bearer(newAccess)}).status, 200);
    QCOMPARE(client.send("POST", kRefresh, {"Content-Type: application/json"},
                         "{\"refresh_token\":\"" + newRefresh + "\"}")
                     .status,
             200);
}

void TestDevStoreState::stateFileIsPrivateAndWrittenWhole()
{
    std::unique_ptr<DevStore> store = startStore();
    QVERIFY(store);
    Client client(store.get());
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(client.send("POST", kAdd, {}, R"({"id":"10","quantity":"1"})").status, 200);
        QCOMPARE(client.loginPair().first.count('.'), 2);
    }
    store->flushState(); // changes are written within 200 ms; now, for this check
    QFile file(m_statePath);
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(state.value(QLatin1String("version")).toInt(), 2);
    QCOMPARE(state.value(QLatin1String("sessions")).toObject().size(), 5);
    QCOMPARE(state.value(QLatin1String("carts")).toObject().size(), 5); // five guest carts
    // Only the state file in its folder: the temporary files were renamed over it.
    QCOMPARE(QDir(QFileInfo(m_statePath).absolutePath())
                     .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList {QStringLiteral("devstore.json")});
}

void TestDevStoreState::unusableStateFileIsLeftAlone()
{
    QVERIFY(QDir().mkpath(QFileInfo(m_statePath).absolutePath()));
    QFile file(m_statePath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"secret\": ");
    file.close();

    DevStore store;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is not usable")));
    QVERIFY(!store.setStatePath(m_statePath));
    QVERIFY(store.statePath().isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"version\": 1, \"secret\": "));
}

void TestDevStoreState::noStateFileMeansMemoryOnly()
{
    quint16 port = 0;
    QByteArray access;
    {
        DevStore first;
        first.seedDemoData();
        QVERIFY(first.listen());
        port = first.port();
        access = Client(&first).loginPair().first;
        QVERIFY(first.statePath().isEmpty());
    }
    DevStore second;
    second.seedDemoData();
    QVERIFY(second.listen(QHostAddress(QHostAddress::LocalHost), port));
    // A new random secret: the old token's signature no longer checks out.
    QCOMPARE(Client(&second).send("POST", kValidate, {bearer(access)}).status, 403);
    QVERIFY(!QFileInfo::exists(m_statePath));
}

QTEST_GUILESS_MAIN(TestDevStoreState)

#include "tst_devstore_state.moc"
