// The devstore on both stacks of shared/cocart/transcripts-3.md: WordPress 6.6 + WooCommerce 9.1
// (the default) and WordPress 7.1 + WooCommerce 10.0 (DevStore::Stack::WooCommerce10, the
// `--woocommerce 10` option). Every recorded difference is checked on both, with raw HTTP: the
// checkout link and its redirects, load-cart sessions that do not survive the next request, the
// "View cart" text, company fields, placeholder images, targetHints and avatar URLs.

#include "devstore_http.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kV2 = QStringLiteral("/wp-json/cocart/v2");
const QString kStoreApiCart = QStringLiteral("/wp-json/wc/store/v1/cart");

//! One raw request: no automatic redirects, no cookie jar.
HttpResult web(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &cookie = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!cookie.isEmpty())
        request.setRawHeader("Cookie", cookie);
    std::unique_ptr<QNetworkReply> reply(nam.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(8000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    return result;
}

//! "name=value" of the response's Set-Cookie, empty if none.
QByteArray cookieOf(const HttpResult &r)
{
    return r.header("set-cookie").split(';').constFirst().trimmed();
}

//! Quantity per product id of a Store API cart answer.
QList<QPair<qint64, int>> storeApiItems(const HttpResult &r)
{
    QList<QPair<qint64, int>> items;
    for (const QJsonValue &value : r.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject item = value.toObject();
        items.append({item.value(QLatin1String("id")).toInteger(),
                      item.value(QLatin1String("quantity")).toInt()});
    }
    return items;
}

using Items = QList<QPair<qint64, int>>;

} // namespace

Q_DECLARE_METATYPE(DevStore::Stack)

class TestDevStoreStacks : public QObject
{
    Q_OBJECT

private:
    DevStore m_store;
    std::unique_ptr<Client> m_client;
    QNetworkAccessManager m_nam;

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(m_store.url().toString() + pathAndQuery);
    }

    //! A guest cart holding Test Mug x2 and Classic T-Shirt M (variation 23) x1; its key.
    QString guestCart()
    {
        HttpResult r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item"), {},
                                      R"({"id":"10","quantity":"2"})");
        const QString key = QString::fromLatin1(r.header("CoCart-API-Cart-Key"));
        r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item?cart_key=") + key, {},
                           R"({"id":"21","quantity":"1","variation":{"attribute_size":"M"}})");
        return r.status == 200 ? key : QString();
    }

    static void addStackColumn() { QTest::addColumn<DevStore::Stack>("stack"); }

private Q_SLOTS:
    void initTestCase()
    {
        m_store.seedDemoData();
        QVERIFY(m_store.listen());
        m_client = std::make_unique<Client>(&m_store);
    }

    void init()
    {
        m_store.clearCarts();
        m_store.setStack(DevStore::Stack::WooCommerce9);
    }

    void options()
    {
        DevStore store;
        QCOMPARE(store.stack(), DevStore::Stack::WooCommerce9); // the 2024 stack by default
        DevStore::Stack stack = DevStore::Stack::WooCommerce9;
        QVERIFY(DevStore::parseStack(QStringLiteral("10"), &stack));
        QCOMPARE(stack, DevStore::Stack::WooCommerce10);
        QVERIFY(DevStore::parseStack(QStringLiteral("9.1"), &stack));
        QCOMPARE(stack, DevStore::Stack::WooCommerce9);
        QVERIFY(DevStore::parseStack(QStringLiteral("10.0"), &stack));
        QVERIFY(!DevStore::parseStack(QStringLiteral("8"), &stack));
        QVERIFY(!DevStore::parseStack(QString(), &stack));
        QCOMPARE(DevStore::stackName(DevStore::Stack::WooCommerce10),
                 QStringLiteral("WordPress 7.1 + WooCommerce 10.0"));
    }

    // transcripts-3 section 1: the load-cart link's web session lasts on 9.1 and is discarded by
    // the next request on 10. Both pages take the parameter.
    void loadCartLink_data()
    {
        addStackColumn();
        QTest::addColumn<QString>("page");
        QTest::addColumn<bool>("lasts");
        QTest::newRow("9.1 cart") << DevStore::Stack::WooCommerce9 << "/cart/" << true;
        QTest::newRow("9.1 checkout") << DevStore::Stack::WooCommerce9 << "/checkout/" << true;
        QTest::newRow("10 cart") << DevStore::Stack::WooCommerce10 << "/cart/" << false;
        QTest::newRow("10 checkout") << DevStore::Stack::WooCommerce10 << "/checkout/" << false;
    }

    void loadCartLink()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(QString, page);
        QFETCH(bool, lasts);
        m_store.setStack(stack);
        const QString key = guestCart();
        QVERIFY(!key.isEmpty());

        const HttpResult loaded =
                web(m_nam, url(page + QStringLiteral("?cocart-load-cart=") + key));
        QCOMPARE(loaded.status, 200);
        const QByteArray cookie = cookieOf(loaded);
        QVERIFY(!cookie.isEmpty());
        // The page: the cart (9.1), or what the blocks show once the session is gone (10).
        QCOMPARE(loaded.body.contains("Test Mug</td><td class=\"product-quantity\">2</td>"), lasts);
        QCOMPARE(loaded.body.contains("Your cart is currently empty."), !lasts);
        if (page == QLatin1String("/checkout/"))
            QVERIFY(loaded.body.contains("<h1>Checkout</h1>"));

        // The next request.
        const HttpResult next = web(m_nam, url(kStoreApiCart), cookie);
        QCOMPARE(next.status, 200);
        QCOMPARE(storeApiItems(next), lasts ? (Items {{10, 2}, {23, 1}}) : Items {});
        QCOMPARE(next.header("set-cookie").contains("=deleted"), !lasts);
        QCOMPARE(next.header("set-cookie").contains("Max-Age=0"), !lasts);
        // And the one after: the session is either still there or gone for good.
        const HttpResult checkout = web(m_nam, url(QStringLiteral("/checkout/")), cookie);
        QCOMPARE(checkout.body.contains("Classic T-Shirt - M</td>"), lasts);
        QVERIFY(!checkout.hasHeader("set-cookie"));
        // The CoCart cart itself is untouched either way.
        QCOMPARE(m_store.cartItemQuantity(key, 10), 2);
    }

    // transcripts-3 section 2: WooCommerce 10's own checkout link.
    void checkoutLink_data()
    {
        addStackColumn();
        QTest::addColumn<QString>("products");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("target"); // path of Location
        QTest::addColumn<QString>("wcError");
        QTest::addColumn<Items>("items"); // the web cart behind the cookie

        const auto v10 = DevStore::Stack::WooCommerce10;
        const QString invalid = QStringLiteral("The provided checkout link was out of date or "
                                               "invalid. No products were added to the cart.");
        QTest::newRow("two items") << v10 << "10:2,23:1" << 302 << "/checkout/" << QString()
                                   << Items {{10, 2}, {23, 1}};
        QTest::newRow("no products") << v10 << QString() << 302 << "/cart/" << invalid << Items {};
        QTest::newRow("garbage") << v10 << "abc" << 302 << "/cart/" << invalid << Items {};
        QTest::newRow("unknown id")
                << v10 << "99999:1" << 302 << "/cart/"
                << QStringLiteral("Product with ID &quot;99999&quot; was not found and cannot be "
                                  "added to the cart.")
                << Items {};
        QTest::newRow("unknown id skipped")
                << v10 << "99999:1,13:1" << 302 << "/checkout/" << QString() << Items {{13, 1}};
        QTest::newRow("out of stock skipped")
                << v10 << "16:1,10:1" << 302 << "/checkout/" << QString() << Items {{10, 1}};
        QTest::newRow("nothing addable") << v10 << "16:1" << 302 << "/cart/" << invalid << Items {};
        QTest::newRow("9.1: not found") << DevStore::Stack::WooCommerce9 << "10:2" << 404
                                        << QString() << QString() << Items {};
    }

    void checkoutLink()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(QString, products);
        QFETCH(int, status);
        QFETCH(QString, target);
        QFETCH(QString, wcError);
        QFETCH(Items, items);
        m_store.setStack(stack);

        const QString query = products.isNull()
                ? QString()
                : QStringLiteral("?products=") + QString::fromLatin1(products.toUtf8());
        const HttpResult r = web(m_nam, url(QStringLiteral("/checkout-link/") + query));
        QCOMPARE(r.status, status);
        if (status == 404) {
            QVERIFY(r.header("content-type").startsWith("text/html"));
            QVERIFY(!r.hasHeader("location"));
            return;
        }
        const QUrl location(QString::fromUtf8(r.header("location")));
        QCOMPARE(location.host(), m_store.url().host());
        QCOMPARE(location.port(), m_store.url().port());
        QCOMPARE(location.path(), target);
        const QUrlQuery locationQuery(location);
        QCOMPARE(locationQuery.queryItemValue(QStringLiteral("wc_error"), QUrl::FullyDecoded),
                 wcError);
        if (items.isEmpty()) {
            QVERIFY(!r.hasHeader("set-cookie"));
            // The cart page shows the error as a notice, its quotes as text.
            const HttpResult page = web(m_nam, location);
            QCOMPARE(page.status, 200);
            QVERIFY(page.body.contains("woocommerce-error"));
            QVERIFY(page.body.contains(wcError.toUtf8())); // `"` escaped as &quot; again
            return;
        }
        // A Store API cart token whose user is WooCommerce's own guest id.
        const QString session = locationQuery.queryItemValue(QStringLiteral("session"));
        QCOMPARE(session.count(QLatin1Char('.')), 2);
        const QByteArray payload = QByteArray::fromBase64(
                session.section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
        QVERIFY(QJsonDocument::fromJson(payload)
                        .object()
                        .value(QLatin1String("user_id"))
                        .toString()
                        .startsWith(QLatin1String("t_")));
        const QByteArray cookie = cookieOf(r);
        QVERIFY(!cookie.isEmpty());
        QVERIFY(r.header("set-cookie").contains("HttpOnly"));

        // The checkout and the Store API see those items, on this request and the next ones.
        const HttpResult checkout = web(m_nam, location, cookie);
        QCOMPARE(checkout.status, 200);
        QVERIFY(checkout.body.contains("Place order"));
        for (int i = 0; i < 2; ++i) {
            const HttpResult cart = web(m_nam, url(kStoreApiCart), cookie);
            QCOMPARE(storeApiItems(cart), items);
            QVERIFY(!cart.hasHeader("set-cookie"));
        }
    }

    // transcripts-3 section 3: "View cart" first on 9.1, last on 10.
    void viewCartText_data()
    {
        addStackColumn();
        QTest::addColumn<QString>("message");
        QTest::newRow("9.1") << DevStore::Stack::WooCommerce9
                             << "View cart You cannot add another &quot;Gift Card 25&quot; to "
                                "your cart.";
        QTest::newRow("10") << DevStore::Stack::WooCommerce10
                            << "You cannot add another &quot;Gift Card 25&quot; to your cart. "
                               "View cart";
    }

    void viewCartText()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(QString, message);
        m_store.setStack(stack);
        HttpResult r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item"), {},
                                      R"({"id":"19","quantity":"1"})");
        QCOMPARE(r.status, 200);
        const QString key = QString::fromLatin1(r.header("CoCart-API-Cart-Key"));
        r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item?cart_key=") + key, {},
                           R"({"id":"19","quantity":"1"})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("cocart_add_to_cart_error"));
        QCOMPARE(r.message(), message);
    }

    // transcripts-3 section 4.
    void cartShape_data()
    {
        addStackColumn();
        QTest::addColumn<bool>("company");
        QTest::newRow("9.1") << DevStore::Stack::WooCommerce9 << true;
        QTest::newRow("10") << DevStore::Stack::WooCommerce10 << false;
    }

    void cartShape()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(bool, company);
        m_store.setStack(stack);
        const QString key = guestCart();
        const HttpResult r = m_client->send("GET", kV2 + QStringLiteral("/cart?cart_key=") + key);
        QCOMPARE(r.status, 200);
        const QJsonObject customer = r.json().value(QLatin1String("customer")).toObject();
        const QJsonObject billing = customer.value(QLatin1String("billing_address")).toObject();
        const QJsonObject shipping = customer.value(QLatin1String("shipping_address")).toObject();
        QCOMPARE(billing.contains(QLatin1String("billing_company")), company);
        QCOMPARE(shipping.contains(QLatin1String("shipping_company")), company);
        // Everything else is the same on both.
        QVERIFY(billing.contains(QLatin1String("billing_first_name")));
        QVERIFY(billing.contains(QLatin1String("billing_email")));
        QVERIFY(shipping.contains(QLatin1String("shipping_postcode")));
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 2);
    }

    void placeholderImage_data()
    {
        addStackColumn();
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("9.1") << DevStore::Stack::WooCommerce9 << "woocommerce-placeholder.png"
                             << QByteArray("image/png");
        QTest::newRow("10") << DevStore::Stack::WooCommerce10
                            << "woocommerce-placeholder-150x150.webp" << QByteArray("image/webp");
    }

    void placeholderImage()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(QString, file);
        QFETCH(QByteArray, contentType);
        // A catalogue with a product that has no picture.
        QTemporaryDir dir;
        const QJsonObject product {
                {QStringLiteral("id"), 90},
                {QStringLiteral("name"), QStringLiteral("Plain Mug")},
                {QStringLiteral("slug"), QStringLiteral("plain-mug")},
                {QStringLiteral("sku"), QStringLiteral("MUG-PLAIN")},
                {QStringLiteral("type"), QStringLiteral("simple")},
                {QStringLiteral("regular_price"), QStringLiteral("1000")},
                {QStringLiteral("stock"), 5},
                {QStringLiteral("categories"), QJsonArray {}},
        };
        const QJsonObject catalog {
                {QStringLiteral("store"),
                 QJsonObject {{QStringLiteral("title"), QStringLiteral("Plain")},
                              {QStringLiteral("currency_code"), QStringLiteral("GBP")},
                              {QStringLiteral("currency_symbol"), QStringLiteral("£")},
                              {QStringLiteral("currency_minor_unit"), 2}}},
                {QStringLiteral("categories"), QJsonArray {}},
                {QStringLiteral("products"), QJsonArray {product}},
        };
        QFile out(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(catalog).toJson());
        out.close();
        DevStore store;
        store.setStack(stack);
        QVERIFY(store.loadCatalog(out.fileName()));
        QVERIFY(store.listen());
        Client client(&store);

        const HttpResult p = client.send("GET", kV2 + QStringLiteral("/products/90"));
        QCOMPARE(p.status, 200);
        const QString src = p.json().value(QLatin1String("images"))
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(QLatin1String("src"))
                                    .toObject()
                                    .value(QLatin1String("thumbnail"))
                                    .toString();
        QVERIFY2(src.endsWith(QStringLiteral("/wp-content/uploads/") + file), qPrintable(src));
        HttpResult r = client.send("POST", kV2 + QStringLiteral("/cart/add-item"), {},
                                   R"({"id":"90","quantity":"1"})");
        QCOMPARE(r.status, 200);
        const QString featured = r.json().value(QLatin1String("items"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QLatin1String("featured_image"))
                                         .toString();
        QCOMPARE(featured, src);
        // The store serves WooCommerce 10's (the .png comes from the catalogue's images/ folder,
        // which this one has not).
        if (stack == DevStore::Stack::WooCommerce10) {
            const HttpResult image = web(m_nam, QUrl(src));
            QCOMPARE(image.status, 200);
            QCOMPARE(image.header("content-type"), contentType);
            QVERIFY(image.body.startsWith("RIFF"));
        }
    }

    void targetHints_data()
    {
        addStackColumn();
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("hints");
        for (const auto &[name, stack, hints] :
             {std::tuple {"9.1", DevStore::Stack::WooCommerce9, false},
              std::tuple {"10", DevStore::Stack::WooCommerce10, true}}) {
            for (const char *path : {"/products/10", "/products/23", "/products/21/variations/23",
                                     "/products/categories/16"})
                QTest::addRow("%s %s", name, path) << stack << QString::fromLatin1(path) << hints;
        }
    }

    void targetHints()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(QString, path);
        QFETCH(bool, hints);
        m_store.setStack(stack);
        const HttpResult r = m_client->send("GET", kV2 + path);
        QCOMPARE(r.status, 200);
        const QJsonObject self = r.json().value(QLatin1String("_links"))
                                         .toObject()
                                         .value(QLatin1String("self"))
                                         .toArray()
                                         .first()
                                         .toObject();
        QVERIFY(self.value(QLatin1String("href")).toString().startsWith(QLatin1String("http")));
        QCOMPARE(self.contains(QLatin1String("targetHints")), hints);
        if (hints)
            QCOMPARE(self.value(QLatin1String("targetHints")).toObject(),
                     (QJsonObject {{QStringLiteral("allow"), QJsonArray {QStringLiteral("GET")}}}));
    }

    void avatarUrls_data()
    {
        addStackColumn();
        QTest::addColumn<int>("hashLength");
        QTest::newRow("9.1: md5") << DevStore::Stack::WooCommerce9 << 32;
        QTest::newRow("10: sha256") << DevStore::Stack::WooCommerce10 << 64;
    }

    void avatarUrls()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(int, hashLength);
        m_store.setStack(stack);
        const HttpResult r = m_client->send("POST", kV2 + QStringLiteral("/login"),
                                            {"Authorization: " + kBasicCustomer});
        QCOMPARE(r.status, 200);
        const QUrl avatar(r.json().value(QLatin1String("avatar_urls"))
                                  .toObject()
                                  .value(QLatin1String("96"))
                                  .toString());
        QCOMPARE(avatar.path().section(QLatin1Char('/'), -1).size(), hashLength);
        const HttpResult image = web(m_nam, avatar);
        QCOMPARE(image.status, 200);
        QCOMPARE(image.header("content-type"), QByteArray("image/png"));
    }
};

QTEST_GUILESS_MAIN(TestDevStoreStacks)
#include "tst_devstore_stacks.moc"
