// The devstore's cart routes against the recordings of a real CoCart 4.3.6 store
// (shared/cocart/transcripts-2.md sections 6-9 and 11, transcripts.md 07-09, 42-46, 50):
// statuses, codes, messages, top-level keys, value types, item keys and even cart hashes, which
// the store computes the way WooCommerce does. Raw HTTP only.

#include "devstore_http.h"

#include <QRegularExpression>
#include <QTest>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kCart = QStringLiteral("/wp-json/cocart/v2/cart");
const QString kAdd = QStringLiteral("/wp-json/cocart/v2/cart/add-item");
const QString kItem = QStringLiteral("/wp-json/cocart/v2/cart/item/");

// Item keys as recorded: md5(product id), md5("21_23_attribute_sizeM") for a variation.
const QString kKeyTestMug = QStringLiteral("d3d9446802a44259755d38e6d163e820");
const QString kKeyEnamel = QStringLiteral("c51ce410c124a10e0db5e4b97fc2af39");
const QString kKeyTravel = QStringLiteral("aab3238922bcc25a6f606eb525ffdc56");
const QString kKeyBeanie = QStringLiteral("6f4922f45568161a8cdf4ad2299f6d23");
const QString kKeyGift = QStringLiteral("1f0e3dad99908345f7439f8ffabdffc4");
const QString kKeyShirtM = QStringLiteral("39281676e1f5d87dc3cb02f6af200d61");
const QString kKeyShirtS = QStringLiteral("75f8832bd382e979bac1a98bb622d894");
const QString kKeyTote = QStringLiteral("70efdf2ec9b086079795c442636b55fb");
const QString kKeyKeyring = QStringLiteral("98f13708210194c475687be6106a3b84");
const QString kKeyTowel = QStringLiteral("9bf31c7ff062936a96d3c8bd1f8f2ff3");
const QString kNoHash = QStringLiteral("No items in cart so no hash");

const QStringList kCartKeys = sorted(
        {QStringLiteral("cart_hash"), QStringLiteral("cart_key"), QStringLiteral("currency"),
         QStringLiteral("customer"), QStringLiteral("items"), QStringLiteral("item_count"),
         QStringLiteral("items_weight"), QStringLiteral("coupons"), QStringLiteral("needs_payment"),
         QStringLiteral("needs_shipping"), QStringLiteral("shipping"), QStringLiteral("fees"),
         QStringLiteral("taxes"), QStringLiteral("totals"), QStringLiteral("removed_items"),
         QStringLiteral("cross_sells"), QStringLiteral("notices")});
const QStringList kItemKeys =
        sorted({QStringLiteral("item_key"), QStringLiteral("id"), QStringLiteral("name"),
                QStringLiteral("title"), QStringLiteral("price"), QStringLiteral("quantity"),
                QStringLiteral("totals"), QStringLiteral("slug"), QStringLiteral("meta"),
                QStringLiteral("backorders"), QStringLiteral("cart_item_data"),
                QStringLiteral("featured_image")});

QByteArray addBody(const char *id, const char *quantity, const char *variation = nullptr)
{
    QByteArray body = QByteArray("{\"id\":\"") + id + "\",\"quantity\":\"" + quantity + '"';
    if (variation)
        body += QByteArray(",\"variation\":") + variation;
    return body + '}';
}

QStringList itemKeys(const QJsonObject &cart)
{
    QStringList keys;
    for (const QJsonValue &item : cart.value(QLatin1String("items")).toArray())
        keys.append(item.toObject().value(QLatin1String("item_key")).toString());
    return keys;
}

QString total(const QJsonObject &cart)
{
    return cart.value(QLatin1String("totals")).toObject().value(QLatin1String("total")).toString();
}

//! The cart's first line (`items[0]`).
QJsonObject firstItem(const QJsonObject &cart)
{
    return cart.value(QLatin1String("items")).toArray().at(0).toObject();
}

QJsonObject notices(const QJsonObject &cart)
{
    return cart.value(QLatin1String("notices")).toObject();
}

QString firstNotice(const QJsonObject &cart, const char *type = "success")
{
    return notices(cart).value(QLatin1String(type)).toArray().at(0).toString();
}

bool noticesEmpty(const QJsonObject &cart)
{
    const QJsonValue n = cart.value(QLatin1String("notices"));
    return n.isArray() && n.toArray().isEmpty();
}

} // namespace

class TestDevStoreCart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void cartShape();
    void guestCartsAndHandover();
    void headerKeyAndHandover();
    void handoverByAddItemAndUnknownKeys();
    void cartKeysOfCustomers_data();
    void cartKeysOfCustomers();
    void errors_data();
    void errors();
    void operationsSequence();
    void paramTypes_data();
    void paramTypes();
    void formQueryAndSku();
    void stockFromApi();
    void responseHeaders();
    void keySanitizing();

private:
    HttpResult send(const QByteArray &method, const QString &path,
                    const QByteArrayList &headers = {}, const QByteArray &body = {})
    {
        return m_client->send(method, path, headers, body);
    }
    HttpResult bearer(const QByteArray &method, const QString &path, const QByteArray &body = {},
                      const QByteArrayList &headers = {})
    {
        return send(method, path, QByteArrayList {m_bearer} + headers, body);
    }
    void verifyCart(const HttpResult &r, const QString &key);

    std::unique_ptr<DevStore> m_store;
    std::unique_ptr<Client> m_client;
    QByteArray m_bearer;
};

void TestDevStoreCart::init()
{
    m_store = std::make_unique<DevStore>();
    m_store->seedDemoData();
    QVERIFY(m_store->listen());
    m_client = std::make_unique<Client>(m_store.get());
    m_bearer = m_client->loginBearer();
    QVERIFY(m_bearer.size() > 40);
}

void TestDevStoreCart::cleanup()
{
    m_client.reset();
    m_store.reset();
}

void TestDevStoreCart::verifyCart(const HttpResult &r, const QString &key)
{
    QCOMPARE(r.status, 200);
    QCOMPARE(r.keys(), kCartKeys);
    const QJsonObject cart = r.json();
    QCOMPARE(cart.value(QLatin1String("cart_key")).toString(), key);
    QCOMPARE(QString::fromUtf8(r.header("CoCart-API-Cart-Key")), key);
    QVERIFY(cart.value(QLatin1String("items")).isArray());
    QVERIFY(cart.value(QLatin1String("item_count")).isDouble());
    QVERIFY(cart.value(QLatin1String("items_weight")).isString());
    QVERIFY(cart.value(QLatin1String("needs_payment")).isBool());
    QVERIFY(cart.value(QLatin1String("coupons")).isArray());
    QVERIFY(cart.value(QLatin1String("fees")).isArray());
    QVERIFY(cart.value(QLatin1String("cross_sells")).isArray());
    const QJsonObject totals = cart.value(QLatin1String("totals")).toObject();
    QCOMPARE(totals.size(), 10);
    for (auto it = totals.constBegin(); it != totals.constEnd(); ++it)
        QVERIFY2(it.value().isString(), qPrintable(it.key()));
}

// 06a in full: every key and value type of a cart and of an item.
void TestDevStoreCart::cartShape()
{
    const HttpResult r = send("POST", kAdd, {}, addBody("10", "2"));
    const QString key = r.json().value(QLatin1String("cart_key")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{30}$")).match(key).hasMatch());
    verifyCart(r, key);
    const QJsonObject cart = r.json();
    QCOMPARE(cart.value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("2758fe4d90c10f838386ca469b178a71"));
    QCOMPARE(cart.value(QLatin1String("item_count")).toInt(), 2);
    QCOMPARE(cart.value(QLatin1String("items_weight")).toString(), QStringLiteral("0"));
    QCOMPARE(cart.value(QLatin1String("needs_payment")).toBool(), true);
    QCOMPARE(cart.value(QLatin1String("needs_shipping")).toBool(), false);
    QCOMPARE(total(cart), QStringLiteral("2500"));
    QCOMPARE(firstNotice(cart), QStringLiteral("“Test Mug” has been added to your cart."));
    const QJsonObject currency = cart.value(QLatin1String("currency")).toObject();
    QCOMPARE(currency.value(QLatin1String("currency_code")).toString(), QStringLiteral("GBP"));
    QCOMPARE(currency.value(QLatin1String("currency_symbol")).toString(), QStringLiteral("£"));
    QCOMPARE(currency.value(QLatin1String("currency_minor_unit")).toInt(-1), 2);
    QVERIFY(currency.value(QLatin1String("currency_minor_unit")).isDouble());
    const QJsonObject billing = cart.value(QLatin1String("customer"))
                                        .toObject()
                                        .value(QLatin1String("billing_address"))
                                        .toObject();
    QCOMPARE(billing.size(), 11);
    QCOMPARE(billing.value(QLatin1String("billing_country")).toString(), QStringLiteral("GB"));
    QCOMPARE(billing.value(QLatin1String("billing_email")).toString(), QString());

    const QJsonObject item = firstItem(cart);
    QCOMPARE(sortedKeys(item), kItemKeys);
    QCOMPARE(item.value(QLatin1String("item_key")).toString(), kKeyTestMug);
    QCOMPARE(item.value(QLatin1String("id")).toInt(), 10);
    QCOMPARE(item.value(QLatin1String("price")).toString(), QStringLiteral("1250"));
    const QJsonObject quantity = item.value(QLatin1String("quantity")).toObject();
    QCOMPARE(quantity.value(QLatin1String("value")).toInt(), 2);
    QCOMPARE(quantity.value(QLatin1String("min_purchase")).toInt(), 1);
    QCOMPARE(quantity.value(QLatin1String("max_purchase")).toInt(), 50);
    const QJsonObject totals = item.value(QLatin1String("totals")).toObject();
    QCOMPARE(totals.value(QLatin1String("subtotal")).toString(), QStringLiteral("2500"));
    QVERIFY(totals.value(QLatin1String("total")).isDouble()); // raw decimal, major units
    QCOMPARE(totals.value(QLatin1String("total")).toDouble(), 25.0);
    QVERIFY(totals.value(QLatin1String("subtotal_tax")).isDouble());
    const QJsonObject meta = item.value(QLatin1String("meta")).toObject();
    QCOMPARE(meta.value(QLatin1String("product_type")).toString(), QStringLiteral("simple"));
    QCOMPARE(meta.value(QLatin1String("sku")).toString(), QStringLiteral("TEST-MUG"));
    QCOMPARE(meta.value(QLatin1String("weight")).toString(), QStringLiteral("0.0"));
    QVERIFY(meta.value(QLatin1String("variation")).isArray());
    QVERIFY(item.value(QLatin1String("cart_item_data")).isArray());
    QVERIFY(item.value(QLatin1String("featured_image"))
                    .toString()
                    .startsWith(m_store->url().toString() +
                                QStringLiteral("/wp-content/uploads/")));
    QCOMPARE(cart.value(QLatin1String("removed_items")).toArray().size(), 0);
    QCOMPARE(m_store->cartItemQuantity(key, 10), 2);
}

// Section 6: guest cart, login without transfer, handover on the first cart call with Bearer +
// key, replace (not merge), empty and unknown guest keys wipe the customer's cart.
void TestDevStoreCart::guestCartsAndHandover()
{
    // 06a, 06b
    HttpResult r = send("POST", kAdd, {}, addBody("10", "2"));
    const QString guest = r.json().value(QLatin1String("cart_key")).toString();
    r = send("POST", kAdd + QStringLiteral("?cart_key=") + guest, {}, addBody("13", "1"));
    verifyCart(r, guest);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("eb3084cf2a4c547392e93853b578ce1a"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyTestMug, kKeyEnamel}));
    QCOMPARE(r.json().value(QLatin1String("items_weight")).toString(), QStringLiteral("0.2"));
    QCOMPARE(total(r.json()), QStringLiteral("3499"));
    QCOMPARE(firstNotice(r.json()), QStringLiteral("“Enamel Mug” has been added to your cart."));
    // 06c: the notice is gone
    r = send("GET", kCart + QStringLiteral("?cart_key=") + guest);
    verifyCart(r, guest);
    QVERIFY(noticesEmpty(r.json()));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 3);

    // 06p: login with the guest key transfers nothing
    const HttpResult login =
            send("POST", QStringLiteral("/wp-json/cocart/v2/login?cart_key=") + guest,
                 {"Authorization: " + kBasicCustomer});
    QCOMPARE(login.status, 200);
    QVERIFY(!login.hasHeader("CoCart-API-Cart-Key"));
    QVERIFY(m_store->hasCart(guest));
    QCOMPARE(m_store->cartItemQuantity(guest, 10), 2);

    // 06e: Bearer + guest key: the guest cart becomes cart "2", same hash, customer's email
    r = bearer("GET", kCart + QStringLiteral("?cart_key=") + guest);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("eb3084cf2a4c547392e93853b578ce1a"));
    QCOMPARE(r.json().value(QLatin1String("customer"))
                     .toObject()
                     .value(QLatin1String("billing_address"))
                     .toObject()
                     .value(QLatin1String("billing_email"))
                     .toString(),
             QStringLiteral("customer1@example.test"));
    QVERIFY(!m_store->hasCart(guest)); // the guest cart was deleted
    // 06f
    r = bearer("GET", kCart);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyTestMug, kKeyEnamel}));
    // 06g: the old guest key now names a new, empty cart
    r = send("GET", kCart + QStringLiteral("?cart_key=") + guest);
    verifyCart(r, guest);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(), kNoHash);
    QCOMPARE(r.json().value(QLatin1String("needs_payment")).toBool(), false);
    QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 0);

    // 06h, 06i: a second guest cart
    r = send("POST", kAdd, {}, addBody("18", "1"));
    const QString guest2 = r.json().value(QLatin1String("cart_key")).toString();
    QVERIFY(guest2 != guest);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("fca5e1c25d782073e78ca0faa9db5d50"));
    r = send("POST", kAdd + QStringLiteral("?cart_key=") + guest2, {}, addBody("10", "1"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("c297390dfc87a9339702cd98a3edbdb6"));
    // 06j: REPLACED, not merged
    r = bearer("GET", kCart + QStringLiteral("?cart_key=") + guest2);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyBeanie, kKeyTestMug}));
    QCOMPARE(total(r.json()), QStringLiteral("3050"));
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 10), 1);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 13), 0);
    // 06k
    r = bearer("GET", kCart);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("c297390dfc87a9339702cd98a3edbdb6"));

    // 06l: a guest GET without a key creates and stores an empty cart, every time
    r = send("GET", kCart);
    const QString emptyGuest = r.json().value(QLatin1String("cart_key")).toString();
    verifyCart(r, emptyGuest);
    QVERIFY(m_store->hasCart(emptyGuest));
    QVERIFY(send("GET", kCart).json().value(QLatin1String("cart_key")).toString() != emptyGuest);
    // 06m: an empty guest cart wipes the customer's cart
    r = bearer("GET", kCart + QStringLiteral("?cart_key=") + emptyGuest);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 0);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(), kNoHash);

    // 06o: so does a key that never existed
    QCOMPARE(bearer("POST", kAdd, addBody("15", "2")).status, 200);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 15), 2);
    r = bearer("GET", kCart + QStringLiteral("?cart_key=0123456789abcdef0123456789abce"));
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 0);
    QCOMPARE(bearer("GET", kCart).json().value(QLatin1String("item_count")).toInt(), 0);
}

// Section 7: the key in the CoCart-API-Cart-Key header, the same handover, header beats query.
void TestDevStoreCart::headerKeyAndHandover()
{
    QCOMPARE(bearer("POST", kAdd, addBody("15", "1")).status, 200); // unrecorded setup
    // 07a, 07b, 07c
    HttpResult r = send("POST", kAdd, {}, addBody("17", "1"));
    const QString guest = r.json().value(QLatin1String("cart_key")).toString();
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("0a72c4d28a752805b5a2157c19b161dd"));
    r = send("POST", kAdd, {"CoCart-API-Cart-Key: " + guest.toLatin1()}, addBody("20", "3"));
    verifyCart(r, guest);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("9b23fbc77629c424bc0568385521cf8f"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyTote, kKeyKeyring}));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 4);
    r = send("GET", kCart, {"CoCart-API-Cart-Key: " + guest.toLatin1()});
    verifyCart(r, guest);
    QVERIFY(noticesEmpty(r.json()));
    // 07d: Bearer + header: the Tea Towel cart is replaced
    r = bearer("GET", kCart, {}, {"CoCart-API-Cart-Key: " + guest.toLatin1()});
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyTote, kKeyKeyring}));
    QCOMPARE(total(r.json()), QStringLiteral("2700"));
    // 07e
    r = bearer("GET", kCart);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("9b23fbc77629c424bc0568385521cf8f"));
    QVERIFY(!m_store->hasCart(guest));
    // 07f, 07g: query names an unknown key, the header the real cart: the header wins
    r = send("POST", kAdd, {}, addBody("15", "1"));
    const QString guest2 = r.json().value(QLatin1String("cart_key")).toString();
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("a194f70f0171807eb1217e1174e7e375"));
    r = send("GET", kCart + QStringLiteral("?cart_key=0123456789abcdef0123456789abcf"),
             {"CoCart-API-Cart-Key: " + guest2.toLatin1()});
    verifyCart(r, guest2);
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyTowel}));
    // 08zv: /cart/totals answers 404 for guests too
    r = send("GET", QStringLiteral("/wp-json/cocart/v2/cart/totals?cart_key=") + guest2);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), QStringLiteral("cocart_cart_totals_empty"));
}

// 11k, 11l: add-item with Bearer + guest key moves the cart and then adds, in one call.
void TestDevStoreCart::handoverByAddItemAndUnknownKeys()
{
    QCOMPARE(bearer("POST", kAdd, addBody("18", "1")).status, 200);
    HttpResult r = send("POST", kAdd, {}, addBody("13", "1"));
    const QString guest = r.json().value(QLatin1String("cart_key")).toString();
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("bd4ea4cf7e9c89b293c6f362b4c6c224"));
    r = bearer("POST", kAdd + QStringLiteral("?cart_key=") + guest, addBody("10", "1"));
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyEnamel, kKeyTestMug}));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("a39f1b2f7c146db0e45adeb80e52be72"));
    QCOMPARE(total(r.json()), QStringLiteral("2249"));
    QCOMPARE(firstNotice(r.json()), QStringLiteral("“Test Mug” has been added to your cart."));

    // Even a failing cart call with Bearer + guest key hands the cart over first.
    r = send("POST", kAdd, {}, addBody("20", "1"));
    const QString guest2 = r.json().value(QLatin1String("cart_key")).toString();
    r = bearer("POST", kAdd + QStringLiteral("?cart_key=") + guest2, addBody("16", "1"));
    QCOMPARE(r.status, 404);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 20), 1);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 10), 0);
}

// 11b, 11d, 11f and the header hole 4.3.6 had (11e, 11g), which the devstore closes.
void TestDevStoreCart::cartKeysOfCustomers_data()
{
    QTest::addColumn<bool>("withBearer");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("11b guest ?cart_key=2")
            << false << QStringLiteral("2") << QByteArray() << QByteArray("GET") << 403
            << QStringLiteral("cocart_must_authenticate_user");
    QTest::newRow("11d bearer ?cart_key=own id")
            << true << QStringLiteral("2") << QByteArray() << QByteArray("GET") << 403
            << QStringLiteral("cocart_already_authenticating_user");
    QTest::newRow("11d bearer ?cart_key=own id, add-item")
            << true << QStringLiteral("2") << QByteArray() << QByteArray("POST") << 403
            << QStringLiteral("cocart_already_authenticating_user");
    QTest::newRow("11e guest header 2 (4.3.6 hole closed)")
            << false << QString() << QByteArray("2") << QByteArray("GET") << 403
            << QStringLiteral("cocart_must_authenticate_user");
    QTest::newRow("11g guest header 2 add-item (4.3.6 hole closed)")
            << false << QString() << QByteArray("2") << QByteArray("POST") << 403
            << QStringLiteral("cocart_must_authenticate_user");
    QTest::newRow("11f bearer header own id")
            << true << QString() << QByteArray("2") << QByteArray("GET") << 200 << QString();
    QTest::newRow("guest numeric key of nobody") << false << QStringLiteral("777") << QByteArray()
                                                 << QByteArray("GET") << 200 << QString();
}

void TestDevStoreCart::cartKeysOfCustomers()
{
    QFETCH(bool, withBearer);
    QFETCH(QString, query);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, method);
    QFETCH(int, status);
    QFETCH(QString, code);

    QCOMPARE(bearer("POST", kAdd, addBody("20", "12")).status, 200);
    const QString hashBefore =
            m_store->cartSnapshot(QStringLiteral("2")).value(QLatin1String("cart_hash")).toString();
    QByteArrayList headers;
    if (withBearer)
        headers.append(m_bearer);
    if (!header.isEmpty())
        headers.append("CoCart-API-Cart-Key: " + header);
    const QString path = (method == "POST" ? kAdd : kCart) +
            (query.isEmpty() ? QString() : QStringLiteral("?cart_key=") + query);
    const HttpResult r =
            send(method, path, headers, method == "POST" ? addBody("15", "1") : QByteArray());
    QCOMPARE(r.status, status);
    if (status == 403) {
        // The wp_send_json_error shape; no caching and no CoCart-* headers (11b).
        const QJsonObject body = r.json();
        QCOMPARE(sortedKeys(body),
                 (QStringList {QStringLiteral("data"), QStringLiteral("success")}));
        QCOMPARE(body.value(QLatin1String("success")).toBool(true), false);
        const QJsonObject error = body.value(QLatin1String("data")).toArray().at(0).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(), code);
        QVERIFY(!r.hasHeader("Cache-Control"));
        QVERIFY(!r.hasHeader("CoCart-API-Cart-Key"));
        QVERIFY(!r.hasHeader("CoCart-Version"));
        QVERIFY(r.hasHeader("X-WP-DoingItWrong"));
        // The customer's cart is untouched.
        QCOMPARE(m_store->cartSnapshot(QStringLiteral("2"))
                         .value(QLatin1String("cart_hash"))
                         .toString(),
                 hashBefore);
        QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 15), 0);
    } else {
        QCOMPARE(r.keys(), kCartKeys);
        if (withBearer)
            QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(), hashBefore);
    }
}

// Section 8 and 9 errors, each on a fresh customer cart prepared by `setup` (add-item bodies).
void TestDevStoreCart::errors_data()
{
    QTest::addColumn<QByteArrayList>("setup");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const QByteArrayList none;
    const QByteArrayList travel2 = {addBody("14", "2")};
    const QByteArrayList full = {addBody("19", "1"),
                                 addBody("21", "1", "{\"attribute_size\":\"M\"}"),
                                 addBody("22", "1"), addBody("14", "2")};
    const QString item = kItem;
    const QString notInCart = QStringLiteral("Item specified does not exist in cart.");
    const QString qtyMin = QStringLiteral("Quantity must be a minimum of 1.");

    QTest::newRow("08b items on empty cart")
            << none << QByteArray("GET") << kCart + QStringLiteral("/items") << QByteArray() << 404
            << QStringLiteral("cocart_no_items_in_cart") << QStringLiteral("No items in the cart.");
    QTest::newRow("08c delete on empty cart")
            << none << QByteArray("DELETE") << item + kKeyTestMug << QByteArray() << 404
            << QStringLiteral("cocart_no_items") << QStringLiteral("No items in cart.");
    QTest::newRow("08e totals on empty cart")
            << none << QByteArray("GET") << kCart + QStringLiteral("/totals") << QByteArray() << 404
            << QStringLiteral("cocart_cart_totals_empty")
            << QStringLiteral("This cart either has no items or was not calculated.");
    QTest::newRow("08zq totals with items")
            << full << QByteArray("GET") << kCart + QStringLiteral("/totals") << QByteArray() << 404
            << QStringLiteral("cocart_cart_totals_empty")
            << QStringLiteral("This cart either has no items or was not calculated.");
    QTest::newRow("08zr totals html")
            << full << QByteArray("GET") << kCart + QStringLiteral("/totals?html=true")
            << QByteArray() << 404 << QStringLiteral("cocart_cart_totals_empty")
            << QStringLiteral("This cart either has no items or was not calculated.");
    QTest::newRow("08g get item on empty cart")
            << none << QByteArray("GET") << item + kKeyTestMug << QByteArray() << 404
            << QStringLiteral("cocart_item_not_in_cart") << notInCart;
    QTest::newRow("08h update on empty cart")
            << none << QByteArray("POST") << item + kKeyTestMug
            << QByteArray("{\"quantity\":\"2\"}") << 404
            << QStringLiteral("cocart_item_not_in_cart") << notInCart;
    QTest::newRow("08i unknown numeric id")
            << none << QByteArray("POST") << kAdd << addBody("99999", "1") << 400
            << QStringLiteral("cocart_invalid_product")
            << QStringLiteral("This product cannot be added to the cart.");
    QTest::newRow("08q unknown sku")
            << none << QByteArray("POST") << kAdd << addBody("abc", "1") << 404
            << QStringLiteral("cocart_unknown_product_id")
            << QStringLiteral("Product does not exist! Check that you have submitted a product ID "
                              "or SKU ID correctly for a product that exists.");
    QTest::newRow("08p no id") << none << QByteArray("POST") << kAdd
                               << QByteArray("{\"quantity\":\"1\"}") << 400
                               << QStringLiteral("rest_missing_callback_param")
                               << QStringLiteral("Missing parameter(s): id");
    QTest::newRow("08j above stock") << none << QByteArray("POST") << kAdd << addBody("14", "3")
                                     << 405 << QStringLiteral("cocart_quantity_invalid_amount")
                                     << QStringLiteral("Quantity must be 2 or lower.");
    QTest::newRow("08k quantity 0")
            << none << QByteArray("POST") << kAdd << addBody("14", "0") << 405
            << QStringLiteral("cocart_quantity_invalid_amount") << qtyMin;
    QTest::newRow("08m quantity -1")
            << none << QByteArray("POST") << kAdd << addBody("14", "-1") << 405
            << QStringLiteral("cocart_quantity_invalid_amount") << qtyMin;
    QTest::newRow("08l quantity abc") << none << QByteArray("POST") << kAdd << addBody("14", "abc")
                                      << 400 << QStringLiteral("rest_invalid_param")
                                      << QStringLiteral("Invalid parameter(s): quantity");
    QTest::newRow("08o out of stock")
            << none << QByteArray("POST") << kAdd << addBody("16", "1") << 404
            << QStringLiteral("cocart_product_out_of_stock")
            << QStringLiteral("You cannot add \"Coffee Beans 250g\" to the cart because the "
                              "product is out of stock.");
    QTest::newRow("08r sold individually x2")
            << none << QByteArray("POST") << kAdd << addBody("19", "2") << 405
            << QStringLiteral("cocart_quantity_invalid_amount")
            << QStringLiteral("Quantity must be 1 or lower.");
    QTest::newRow("08t sold individually again")
            << QByteArrayList {addBody("19", "1")} << QByteArray("POST") << kAdd
            << addBody("19", "1") << 400 << QStringLiteral("cocart_add_to_cart_error")
            << QStringLiteral(
                       "View cart You cannot add another &quot;Gift Card 25&quot; to your cart.");
    QTest::newRow("08u variable without variation")
            << none << QByteArray("POST") << kAdd << addBody("21", "1") << 404
            << QStringLiteral("cocart_no_variation_found")
            << QStringLiteral("No matching variation found.");
    QTest::newRow("08x out-of-stock variation")
            << none << QByteArray("POST") << kAdd
            << addBody("21", "1", "{\"attribute_size\":\"L\"}") << 400
            << QStringLiteral("cocart_add_to_cart_error")
            << QStringLiteral("You cannot add &quot;Classic T-Shirt - L&quot; to the cart because "
                              "the product is out of stock.");
    QTest::newRow("08y no such option") << none << QByteArray("POST") << kAdd
                                        << addBody("21", "1", "{\"attribute_size\":\"XL\"}") << 404
                                        << QStringLiteral("cocart_no_variation_found")
                                        << QStringLiteral("No matching variation found.");
    QTest::newRow("08z key without prefix")
            << none << QByteArray("POST") << kAdd << addBody("21", "1", "{\"size\":\"M\"}") << 404
            << QStringLiteral("cocart_no_variation_found")
            << QStringLiteral("No matching variation found.");
    QTest::newRow("08za variation over stock")
            << QByteArrayList {addBody("21", "1", "{\"attribute_size\":\"M\"}")}
            << QByteArray("POST") << kAdd << addBody("21", "4", "{\"attribute_size\":\"M\"}") << 400
            << QStringLiteral("cocart_add_to_cart_error")
            << QStringLiteral("You cannot add that amount of &quot;Classic T-Shirt - M&quot; to "
                              "the cart because there is not enough stock (3 remaining).");
    QTest::newRow("08zc not enough remaining")
            << travel2 << QByteArray("POST") << kAdd << addBody("14", "1") << 404
            << QStringLiteral("cocart_not_enough_stock_remaining")
            << QStringLiteral("You cannot add that amount of \"Travel Mug\" to the cart &mdash; we "
                              "have (2) in stock remaining. You already have (2) in your cart.");
    QTest::newRow("08ze update above stock") << travel2 << QByteArray("POST") << item + kKeyTravel
                                             << QByteArray("{\"quantity\":\"5\"}") << 405
                                             << QStringLiteral("cocart_quantity_invalid_amount")
                                             << QStringLiteral("Quantity must be 2 or lower.");
    QTest::newRow("08zn update to 0") << travel2 << QByteArray("POST") << item + kKeyTravel
                                      << QByteArray("{\"quantity\":\"0\"}") << 405
                                      << QStringLiteral("cocart_quantity_invalid_amount") << qtyMin;
    QTest::newRow("08zj update sold individually")
            << full << QByteArray("POST") << item + kKeyGift << QByteArray("{\"quantity\":\"2\"}")
            << 405 << QStringLiteral("cocart_quantity_invalid_amount")
            << QStringLiteral("Quantity must be 1 or lower.");
    QTest::newRow("08zk update abc")
            << travel2 << QByteArray("POST") << item + kKeyTravel
            << QByteArray("{\"quantity\":\"abc\"}") << 400 << QStringLiteral("rest_invalid_param")
            << QStringLiteral("Invalid parameter(s): quantity");
    QTest::newRow("08zl update empty body")
            << travel2 << QByteArray("POST") << item + kKeyTravel << QByteArray("{}") << 400
            << QStringLiteral("rest_missing_callback_param")
            << QStringLiteral("Missing parameter(s): quantity");
    QTest::newRow("08zh update unknown key")
            << travel2 << QByteArray("POST")
            << item + QStringLiteral("ffffffffffffffffffffffffffffffff")
            << QByteArray("{\"quantity\":\"1\"}") << 404
            << QStringLiteral("cocart_item_not_in_cart") << notInCart;
    QTest::newRow("08zi remove unknown key")
            << travel2 << QByteArray("DELETE")
            << item + QStringLiteral("ffffffffffffffffffffffffffffffff") << QByteArray() << 404
            << QStringLiteral("cocart_item_not_in_cart")
            << QStringLiteral("Item does not exist in cart.");
    QTest::newRow("08zz2 restore unknown key")
            << travel2 << QByteArray("PUT")
            << item + QStringLiteral("ffffffffffffffffffffffffffffffff") << QByteArray() << 404
            << QStringLiteral("cocart_item_restored_to_cart")
            << QStringLiteral("Item does not exist in cart.");
    QTest::newRow("09j update quantity number")
            << travel2 << QByteArray("POST") << item + kKeyTravel << QByteArray("{\"quantity\":3}")
            << 400 << QStringLiteral("rest_invalid_param")
            << QStringLiteral("Invalid parameter(s): quantity");
}

void TestDevStoreCart::errors()
{
    QFETCH(QByteArrayList, setup);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);

    QCOMPARE(bearer("GET", kCart).status, 200);
    for (const QByteArray &add : setup)
        QCOMPARE(bearer("POST", kAdd, add).status, 200);
    const QJsonObject before = m_store->cartSnapshot(QStringLiteral("2"));

    const HttpResult r = bearer(method, path, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.code(), code);
    QCOMPARE(r.message(), message);
    QVERIFY(r.json().value(QLatin1String("data"))
                    .toObject()
                    .value(QLatin1String("status"))
                    .isDouble());
    QCOMPARE(
            r.json().value(QLatin1String("data")).toObject().value(QLatin1String("status")).toInt(),
            status);
    // Errors carry the Bearer Cache-Control but no cart headers, and change nothing.
    QCOMPARE(r.header("Cache-Control"),
             QByteArray("no-cache, must-revalidate, max-age=0, no-store, private"));
    QVERIFY(!r.hasHeader("CoCart-API-Cart-Key"));
    QVERIFY(!r.hasHeader("CoCart-Timestamp"));
    QCOMPARE(m_store->cartSnapshot(QStringLiteral("2")), before);
    // Errors never show up as notices later (11h).
    QVERIFY(noticesEmpty(bearer("GET", kCart).json()));
}

// 08s-08zz7 in order: hashes, notices, quantities, removed_items, restore, count, clear.
void TestDevStoreCart::operationsSequence()
{
    // 08a/08f: clear works on any cart and says so
    HttpResult r = bearer("POST", kCart + QStringLiteral("/clear"));
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(firstNotice(r.json(), "notice"), QStringLiteral("Cart is cleared."));
    // 08d / transcripts.md 50: count on an empty cart is a 400 naming the URL with a slash
    r = bearer("GET", kCart + QStringLiteral("/items/count"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("cocart_response_returned_empty"));
    QCOMPARE(r.message(),
             QStringLiteral("Request returned nothing for "
                            "\"%1/wp-json/cocart/v2/cart/items/count/\"! Please seek assistance.")
                     .arg(m_store->url().toString()));

    // 08s
    r = bearer("POST", kAdd, addBody("19", "1"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("44adfae73c22ad593203df64876c3e2c"));
    QCOMPARE(firstItem(r.json())
                     .value(QLatin1String("quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(),
             1);
    // 08v: a variation by attributes, shown in full
    r = bearer("POST", kAdd, addBody("21", "1", "{\"attribute_size\":\"M\"}"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("5161478c61afe8e55dc8145d5c17be32"));
    QCOMPARE(firstNotice(r.json()),
             QStringLiteral("“Classic T-Shirt” has been added to your cart."));
    const QJsonObject shirt = r.json().value(QLatin1String("items")).toArray().at(1).toObject();
    QCOMPARE(sortedKeys(shirt), kItemKeys);
    QCOMPARE(shirt.value(QLatin1String("item_key")).toString(), kKeyShirtM);
    QCOMPARE(shirt.value(QLatin1String("id")).toInt(), 23);
    QCOMPARE(shirt.value(QLatin1String("name")).toString(), QStringLiteral("Classic T-Shirt - M"));
    QCOMPARE(shirt.value(QLatin1String("title")).toString(), QStringLiteral("Classic T-Shirt"));
    QCOMPARE(shirt.value(QLatin1String("slug")).toString(), QStringLiteral("classic-t-shirt"));
    const QJsonObject meta = shirt.value(QLatin1String("meta")).toObject();
    QCOMPARE(meta.value(QLatin1String("product_type")).toString(), QStringLiteral("variation"));
    QCOMPARE(meta.value(QLatin1String("sku")).toString(), QStringLiteral("TSHIRT-CLASSIC-M"));
    QCOMPARE(meta.value(QLatin1String("variation")).toObject(),
             (QJsonObject {{QStringLiteral("Size"), QStringLiteral("M")}}));
    QCOMPARE(shirt.value(QLatin1String("quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(),
             3);
    // 08w: the variation id alone is the same as parent + attributes
    r = bearer("POST", kAdd, addBody("22", "1"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("c57473bdf38f8e20aa4edd113a7bc635"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyGift, kKeyShirtM, kKeyShirtS}));
    // 08zb
    r = bearer("POST", kAdd, addBody("14", "2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("102a903ad2e9d76869e3a91aef40c7a8"));
    QCOMPARE(r.json().value(QLatin1String("items_weight")).toString(), QStringLiteral("0.6"));
    QCOMPARE(total(r.json()), QStringLiteral("7800"));
    // 08zd: the same line accumulates under the same key
    r = bearer("POST", kAdd, addBody("23", "1", "{\"attribute_size\":\"M\"}"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("a94ccae43dd7cd64025b2b111b7ac806"));
    QCOMPARE(itemKeys(r.json()).size(), 4);
    QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 6);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 23), 2);
    // 08zf: update, no notice
    r = bearer("POST", kItem + kKeyTravel, QByteArray("{\"quantity\":\"1\"}"));
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("7e2a0f61c457bb79bec93b17007c8f74"));
    QVERIFY(noticesEmpty(r.json()));
    QCOMPARE(r.json().value(QLatin1String("items_weight")).toString(), QStringLiteral("0.3"));
    // 08zg: same quantity, same hash
    r = bearer("POST", kItem + kKeyTravel, QByteArray("{\"quantity\":\"1\"}"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("7e2a0f61c457bb79bec93b17007c8f74"));
    // 08zm: return_status
    r = bearer("POST", kItem + kKeyTravel,
               QByteArray("{\"quantity\":\"2\",\"return_status\":true}"));
    QCOMPARE(r.status, 200);
    QCOMPARE(sortedKeys(r.json()),
             (QStringList {QStringLiteral("message"), QStringLiteral("quantity")}));
    QCOMPARE(r.message(),
             QStringLiteral("The quantity for \"Travel Mug\" has increased to \"2\"."));
    QCOMPARE(r.json().value(QLatin1String("quantity")).toInt(), 2);
    // 08zs: calculate returns the cart
    r = bearer("POST", kCart + QStringLiteral("/calculate"));
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("a94ccae43dd7cd64025b2b111b7ac806"));
    // 08zo: items keyed by item_key
    r = bearer("GET", kCart + QStringLiteral("/items"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.keys(), sorted({kKeyGift, kKeyShirtM, kKeyShirtS, kKeyTravel}));
    QCOMPARE(sortedKeys(r.json().value(kKeyGift).toObject()), kItemKeys);
    // 08zp: a bare number
    r = bearer("GET", kCart + QStringLiteral("/items/count"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.trimmed(), QByteArray("6"));
    // 08zw: one item, bare
    r = bearer("GET", kItem + kKeyShirtM);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.keys(), kItemKeys);
    QCOMPARE(r.json().value(QLatin1String("quantity"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toInt(),
             2);
    // 08zx: remove; the removed_items shape
    r = bearer("DELETE", kItem + kKeyShirtS);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("ec61d3fbd56f872c9b4707f073036f1d"));
    QCOMPARE(firstNotice(r.json()),
             QStringLiteral("\"Classic T-Shirt\" has been removed from cart."));
    QJsonArray removed = r.json().value(QLatin1String("removed_items")).toArray();
    QCOMPARE(removed.size(), 1);
    QCOMPARE(sortedKeys(removed.at(0).toObject()), kItemKeys);
    QVERIFY(removed.at(0).toObject().value(QLatin1String("quantity")).isDouble());
    QCOMPARE(removed.at(0).toObject().value(QLatin1String("quantity")).toInt(), 1);
    // 08zy: removed_items persists, the notice is gone
    r = bearer("GET", kCart);
    QCOMPARE(r.json().value(QLatin1String("removed_items")).toArray().size(), 1);
    QVERIFY(noticesEmpty(r.json()));
    // 08zz1: restore goes to the end
    r = bearer("PUT", kItem + kKeyShirtS);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyGift, kKeyShirtM, kKeyTravel, kKeyShirtS}));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("74eb65f1921a32c1cbbac0e40ff954bb"));
    QCOMPARE(firstNotice(r.json()),
             QStringLiteral("\"Classic T-Shirt\" has been added back to your cart."));
    QCOMPARE(r.json().value(QLatin1String("removed_items")).toArray().size(), 0);
    // 08zz3, 08zz4: oldest first
    r = bearer("DELETE", kItem + kKeyGift);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("a8b05bd8d50df78d66b9434f40f0f8de"));
    r = bearer("DELETE", kItem + kKeyTravel);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("79585cad447876bd7fd3e452be7de729"));
    QCOMPARE(r.json().value(QLatin1String("items_weight")).toString(), QStringLiteral("0"));
    removed = r.json().value(QLatin1String("removed_items")).toArray();
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0).toObject().value(QLatin1String("item_key")).toString(), kKeyGift);
    QCOMPARE(removed.at(1).toObject().value(QLatin1String("item_key")).toString(), kKeyTravel);
    QCOMPARE(removed.at(1).toObject().value(QLatin1String("quantity")).toInt(), 2);
    // 08zz5
    r = bearer("DELETE", kItem + kKeyTravel);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), QStringLiteral("cocart_item_not_in_cart"));
    QCOMPARE(r.message(), QStringLiteral("\"Travel Mug\" has already been removed from cart."));
    // 08zz6: the last item; removed_items becomes an object keyed by item_key
    QCOMPARE(bearer("DELETE", kItem + kKeyShirtM).status, 200);
    r = bearer("DELETE", kItem + kKeyShirtS);
    verifyCart(r, QStringLiteral("2"));
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(), kNoHash);
    QCOMPARE(r.json().value(QLatin1String("needs_payment")).toBool(), false);
    const QJsonObject keyed = r.json().value(QLatin1String("removed_items")).toObject();
    QCOMPARE(sortedKeys(keyed), sorted({kKeyGift, kKeyTravel, kKeyShirtM, kKeyShirtS}));
    QCOMPARE(keyed.value(kKeyTravel)
                     .toObject()
                     .value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("weight"))
                     .toString(),
             QStringLiteral("0.6"));
    // 08zz7: clear empties removed_items too
    r = bearer("POST", kCart + QStringLiteral("/clear"));
    QCOMPARE(r.json().value(QLatin1String("removed_items")).toArray().size(), 0);
    QVERIFY(r.json().value(QLatin1String("removed_items")).isArray());
    QCOMPARE(firstNotice(r.json(), "notice"), QStringLiteral("Cart is cleared."));
    // 08n: a fractional quantity is accepted
    r = bearer("POST", kAdd, addBody("14", "1.5"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("2d09aa435a5580302c5bd4824d52b3ba"));
    QCOMPARE(r.json().value(QLatin1String("item_count")).toDouble(), 1.5);
    QCOMPARE(r.json().value(QLatin1String("items_weight")).toString(), QStringLiteral("0.45"));
    QCOMPARE(total(r.json()), QStringLiteral("1725"));
    QCOMPARE(firstItem(r.json())
                     .value(QLatin1String("totals"))
                     .toObject()
                     .value(QLatin1String("total"))
                     .toDouble(),
             17.25);
}

// Section 9: `id` and `quantity` must be JSON strings.
void TestDevStoreCart::paramTypes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("detail");

    QTest::newRow("09a id number")
            << QByteArray("{\"id\":10,\"quantity\":\"1\"}") << QStringLiteral("id")
            << QStringLiteral("id is not of type string.");
    QTest::newRow("09b both numbers")
            << QByteArray("{\"id\":13,\"quantity\":2}") << QStringLiteral("id")
            << QStringLiteral("id is not of type string.");
    QTest::newRow("09c quantity number")
            << QByteArray("{\"id\":\"15\",\"quantity\":1}") << QStringLiteral("quantity")
            << QStringLiteral("quantity is not of type string.");
    QTest::newRow("09d id float") << QByteArray("{\"id\":15.0,\"quantity\":\"1\"}")
                                  << QStringLiteral("id")
                                  << QStringLiteral("id is not of type string.");
    QTest::newRow("09e quantity float")
            << QByteArray("{\"id\":\"15\",\"quantity\":1.5}") << QStringLiteral("quantity")
            << QStringLiteral("quantity is not of type string.");
    QTest::newRow("09i quantity true")
            << QByteArray("{\"id\":\"20\",\"quantity\":true}") << QStringLiteral("quantity")
            << QStringLiteral("Invalid parameter.");
}

void TestDevStoreCart::paramTypes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, param);
    QFETCH(QString, detail);

    const HttpResult r = bearer("POST", kAdd, body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), QStringLiteral("rest_invalid_param"));
    QCOMPARE(r.message(), QStringLiteral("Invalid parameter(s): ") + param);
    const QJsonObject data = r.json().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("params")).toObject(), (QJsonObject {{param, detail}}));
    if (detail == QStringLiteral("Invalid parameter.")) {
        QVERIFY(data.value(QLatin1String("details")).isArray());
    } else {
        const QJsonObject d =
                data.value(QLatin1String("details")).toObject().value(param).toObject();
        QCOMPARE(d.value(QLatin1String("code")).toString(), QStringLiteral("rest_invalid_type"));
        QCOMPARE(d.value(QLatin1String("data")).toObject().value(QLatin1String("param")).toString(),
                 param);
    }
    QCOMPARE(m_store->cartSnapshot(QStringLiteral("2")).value(QLatin1String("item_count")).toInt(),
             0);
}

// 09f, 09g, 09h: a SKU as id, form bodies, query parameters without a body.
void TestDevStoreCart::formQueryAndSku()
{
    HttpResult r = bearer("POST", kAdd, QByteArray("{\"id\":\"HAT-BEANIE\",\"quantity\":\"1\"}"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("fca5e1c25d782073e78ca0faa9db5d50"));
    r = bearer("POST", kAdd, QByteArray("id=17&quantity=1"),
               {"Content-Type: application/x-www-form-urlencoded"});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("d8f26f661a738fe4b23c38e4e9ea5906"));
    QCOMPARE(firstNotice(r.json()),
             QStringLiteral("“Canvas Tote Bag” has been added to your cart."));
    r = bearer("POST", kAdd + QStringLiteral("?id=20&quantity=2"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("cart_hash")).toString(),
             QStringLiteral("f83079c6c8ef349749a99b60ca9678c2"));
    QCOMPARE(itemKeys(r.json()), (QStringList {kKeyBeanie, kKeyTote, kKeyKeyring}));
    // A variation by form fields, variation[attribute_size]=S.
    r = bearer("POST", kAdd, QByteArray("id=21&quantity=1&variation%5Battribute_size%5D=S"),
               {"Content-Type: application/x-www-form-urlencoded"});
    QCOMPARE(r.status, 200);
    QVERIFY(itemKeys(r.json()).contains(kKeyShirtS));
    // A lower-case SKU
    r = bearer("POST", kAdd, QByteArray("{\"id\":\"mug-enamel\",\"quantity\":\"1\"}"));
    QCOMPARE(r.status, 200);
    QVERIFY(itemKeys(r.json()).contains(kKeyEnamel));
}

// setStock(): the limits follow the catalogue as it is now.
void TestDevStoreCart::stockFromApi()
{
    QCOMPARE(m_store->stock(14), 2);
    QCOMPARE(m_store->stock(19), -1);
    m_store->setStock(16, 3);
    HttpResult r = bearer("POST", kAdd, addBody("16", "3"));
    QCOMPARE(r.status, 200);
    QCOMPARE(firstItem(r.json())
                     .value(QLatin1String("quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(),
             3);
    m_store->setStock(16, 1);
    r = bearer("POST", kItem + QStringLiteral("c74d97b01eae257e44aa9d5bade97baf"),
               QByteArray("{\"quantity\":\"2\"}"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.message(), QStringLiteral("Quantity must be 1 or lower."));
    m_store->setStock(10, 0);
    r = bearer("POST", kAdd, addBody("10", "1"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), QStringLiteral("cocart_product_out_of_stock"));
    m_store->setStock(10, -1); // not managed: no limit
    r = bearer("POST", kAdd, addBody("10", "500"));
    QCOMPARE(r.status, 200);
    QCOMPARE(m_store->cartItemQuantity(QStringLiteral("2"), 10), 500);
}

// Cart headers (06a, 06e), Cache-Control by who asks, Allow of the item route (45).
void TestDevStoreCart::responseHeaders()
{
    HttpResult r = send("GET", kCart);
    const qint64 stamp = r.header("CoCart-Timestamp").toLongLong();
    QVERIFY(qAbs(stamp - m_store->now()) <= 2);
    QCOMPARE(r.header("CoCart-Version"), QByteArray("4.3.6"));
    QCOMPARE(r.header("CoCart-API-Cart-Expiring").toLongLong() - stamp, 6 * 86400);
    QCOMPARE(r.header("CoCart-API-Cart-Expiration").toLongLong() - stamp, 7 * 86400);
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    r = bearer("POST", kAdd, addBody("10", "1"));
    QCOMPARE(r.header("Cache-Control"),
             QByteArray("no-cache, must-revalidate, max-age=0, no-store, private"));
    QCOMPARE(r.header("CoCart-API-Cart-Key"), QByteArray("2"));
    r = bearer("POST", kItem + kKeyTestMug, QByteArray("{\"quantity\":\"5\"}"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Allow"), QByteArray("GET, POST, DELETE, PUT, PATCH"));
    QCOMPARE(total(r.json()), QStringLiteral("6250")); // transcripts.md 45
    r = bearer("GET", kCart + QStringLiteral("/items/count"));
    QVERIFY(r.hasHeader("CoCart-API-Cart-Key"));
    QCOMPARE(r.body, QByteArray("5"));
}

// 11c: any key is accepted, lower-cased, characters outside [a-z0-9_-] dropped.
void TestDevStoreCart::keySanitizing()
{
    const HttpResult r = send("GET", kCart + QStringLiteral("?cart_key=Hello-World_1"));
    verifyCart(r, QStringLiteral("hello-world_1"));
    QVERIFY(m_store->hasCart(QStringLiteral("hello-world_1")));
    QVERIFY(m_store->cartKeys().contains(QStringLiteral("hello-world_1")));
}

QTEST_GUILESS_MAIN(TestDevStoreCart)
#include "tst_devstore_cart.moc"
