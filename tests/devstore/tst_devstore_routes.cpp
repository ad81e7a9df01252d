// The routes a live CoCart 4.3.6 store lists that the devstore lacked (issue 9): the REST route
// indexes, products/tags, /attributes (+ terms), /reviews, cart/add-items, the admin-only
// sessions routes, and the website stand-ins the checkout hand-off opens (/cart/?cocart-load-cart,
// /wp-login.php, /checkout/). Raw HTTP only; cookies and redirects are handled by hand so the
// test sees exactly what the store sends.

#include "devstore_http.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kV2 = QStringLiteral("/wp-json/cocart/v2");

//! One raw request with no automatic redirects and no cookie jar.
HttpResult web(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &method = "GET",
               const QByteArray &cookie = {}, const QByteArray &form = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!cookie.isEmpty())
        request.setRawHeader("Cookie", cookie);
    if (!form.isEmpty())
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, method, form));
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

QByteArray formBody(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &field : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return body;
}

//! The devstore's path for a WordPress route pattern, with sample values for its parameters.
QString samplePath(QString route)
{
    static const QRegularExpression param(QStringLiteral("\\(\\?P<(\\w+)>[^)]*\\)"));
    QRegularExpressionMatch m;
    while ((m = param.match(route)).hasMatch()) {
        const QString name = m.captured(1);
        const QString value =
                name == QLatin1String("item_key") || name == QLatin1String("session_key")
                ? QStringLiteral("abc123")
                : QStringLiteral("21");
        route.replace(m.capturedStart(), m.capturedLength(), value);
    }
    return QStringLiteral("/wp-json") + route;
}

} // namespace

class TestDevStoreRoutes : public QObject
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

    //! A guest cart holding Test Mug x2 and Enamel Mug x1; returns its key.
    QString guestCart()
    {
        HttpResult r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item"), {},
                                      R"({"id":"10","quantity":"2"})");
        const QString key = QString::fromLatin1(r.header("CoCart-API-Cart-Key"));
        r = m_client->send("POST", kV2 + QStringLiteral("/cart/add-item?cart_key=") + key, {},
                           R"({"id":"13","quantity":"1"})");
        return r.status == 200 ? key : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_store.seedDemoData();
        QVERIFY(m_store.listen());
        m_client = std::make_unique<Client>(&m_store);
    }

    void init() { m_store.clearCarts(); }

    // --- route indexes ---------------------------------------------------------------------

    void namespaceIndexListsEveryRoute()
    {
        const HttpResult r = m_client->send("GET", kV2);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("namespace")).toString(),
                 QStringLiteral("cocart/v2"));
        const QJsonObject routes = r.json().value(QLatin1String("routes")).toObject();
        QCOMPARE(routes.size(), 31); // as the live store answered (issue 9)
        QVERIFY(routes.contains(QStringLiteral("/cocart/v2/cart/item/(?P<item_key>[\\w]+)")));
        const QJsonObject addItem =
                routes.value(QStringLiteral("/cocart/v2/cart/add-item")).toObject();
        QCOMPARE(addItem.value(QLatin1String("methods")).toArray(),
                 QJsonArray {QStringLiteral("POST")});
        QVERIFY(addItem.value(QLatin1String("endpoints"))
                        .toArray()
                        .first()
                        .toObject()
                        .value(QLatin1String("args"))
                        .toObject()
                        .value(QLatin1String("id"))
                        .toObject()
                        .value(QLatin1String("required"))
                        .toBool());

        // The index promises nothing the devstore does not serve.
        for (auto it = routes.constBegin(); it != routes.constEnd(); ++it) {
            const QString path = samplePath(it.key());
            const QJsonArray methods =
                    it.value().toObject().value(QLatin1String("methods")).toArray();
            for (const QJsonValue &method : methods) {
                const HttpResult answer = m_client->send(method.toString().toLatin1(), path);
                QVERIFY2(answer.code() != QLatin1String("rest_no_route"),
                         qPrintable(method.toString() + QLatin1Char(' ') + path));
            }
        }
    }

    void siteIndex()
    {
        for (const QString &path : {QStringLiteral("/wp-json/"), QStringLiteral("/wp-json")}) {
            const HttpResult r = m_client->send("GET", path);
            QCOMPARE(r.status, 200);
            const QJsonObject index = r.json();
            QVERIFY(index.value(QLatin1String("namespaces"))
                            .toArray()
                            .contains(QStringLiteral("cocart/v2")));
            QVERIFY(index.value(QLatin1String("namespaces"))
                            .toArray()
                            .contains(QStringLiteral("cocart/jwt")));
            const QJsonObject routes = index.value(QLatin1String("routes")).toObject();
            QVERIFY(routes.contains(QStringLiteral("/cocart/v2/cart")));
            QVERIFY(routes.contains(QStringLiteral("/cocart/jwt/refresh-token")));
            QCOMPARE(index.value(QLatin1String("url")).toString(), m_store.url().toString());
        }
    }

    // --- products/tags, attributes, reviews --------------------------------------------------

    void taxonomyLists_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("count");
        QTest::newRow("tags") << QStringLiteral("/products/tags") << 0;
        QTest::newRow("attributes") << QStringLiteral("/products/attributes") << 0;
        QTest::newRow("reviews") << QStringLiteral("/products/reviews") << 5;
        QTest::newRow("reviews of 14") << QStringLiteral("/products/reviews?product=14") << 2;
        QTest::newRow("reviews of 10,21") << QStringLiteral("/products/reviews?product=10,21") << 3;
        QTest::newRow("reviews of 11") << QStringLiteral("/products/reviews?product=11") << 0;
        QTest::newRow("reviews per_page 2") << QStringLiteral("/products/reviews?per_page=2") << 2;
    }

    void taxonomyLists()
    {
        QFETCH(QString, path);
        QFETCH(int, count);
        const HttpResult r = m_client->send("GET", kV2 + path);
        QCOMPARE(r.status, 200); // not the product route's 404 cocart_unknown_product_id
        QVERIFY(r.doc().isArray());
        QCOMPARE(r.array().size(), count);
        QVERIFY(r.hasHeader("X-WP-Total"));
        QVERIFY(!r.hasHeader("CoCart-Version"));
    }

    void taxonomyErrors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("code");
        QTest::newRow("tag") << QStringLiteral("/products/tags/5")
                             << QStringLiteral("cocart_term_invalid");
        QTest::newRow("attribute") << QStringLiteral("/products/attributes/1")
                                   << QStringLiteral("cocart_attribute_invalid");
        QTest::newRow("terms") << QStringLiteral("/products/attributes/1/terms")
                               << QStringLiteral("cocart_taxonomy_invalid");
        QTest::newRow("review") << QStringLiteral("/products/reviews/999")
                                << QStringLiteral("cocart_review_invalid_id");
    }

    void taxonomyErrors()
    {
        QFETCH(QString, path);
        QFETCH(QString, code);
        const HttpResult r = m_client->send("GET", kV2 + path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), code);
    }

    void reviewShape()
    {
        const HttpResult r =
                m_client->send("GET", kV2 + QStringLiteral("/products/reviews?product=10"));
        QCOMPARE(r.status, 200);
        const QJsonObject newest = r.array().first().toObject();
        QCOMPARE(sortedKeys(newest),
                 sorted({QStringLiteral("id"), QStringLiteral("date_created"),
                         QStringLiteral("date_created_gmt"), QStringLiteral("product_id"),
                         QStringLiteral("status"), QStringLiteral("reviewer"),
                         QStringLiteral("review"), QStringLiteral("rating"),
                         QStringLiteral("verified"), QStringLiteral("reviewer_avatar_urls"),
                         QStringLiteral("_links")}));
        QCOMPARE(newest.value(QLatin1String("reviewer")).toString(), QStringLiteral("Tom"));
        QCOMPARE(newest.value(QLatin1String("rating")).toInt(), 4);
        QCOMPARE(newest.value(QLatin1String("product_id")).toInt(), 10);
        // wpautop()'d and entity-encoded, as WordPress stores and sends a comment.
        QCOMPARE(newest.value(QLatin1String("review")).toString(),
                 QStringLiteral("<p>Plain &amp; simple. The handle is a little small for big "
                                "hands.</p>\n"));
        QVERIFY(!r.body.contains("tom@example.test")); // no reviewer_email in the view context

        const HttpResult one = m_client->send("GET", kV2 + QStringLiteral("/products/reviews/33"));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(QLatin1String("reviewer")).toString(), QStringLiteral("Alex R."));
    }

    void productCarriesRatings()
    {
        HttpResult r = m_client->send("GET", kV2 + QStringLiteral("/products/14"));
        QCOMPARE(r.json().value(QLatin1String("average_rating")).toString(),
                 QStringLiteral("4.00"));
        QCOMPARE(r.json().value(QLatin1String("review_count")).toInt(), 2);
        QCOMPARE(r.json().value(QLatin1String("reviews")).toArray().size(), 0);
        r = m_client->send("GET", kV2 + QStringLiteral("/products/14?show_reviews=true"));
        const QJsonArray reviews = r.json().value(QLatin1String("reviews")).toArray();
        QCOMPARE(reviews.size(), 2);
        QCOMPARE(reviews.first().toObject().value(QLatin1String("author_name")).toString(),
                 QStringLiteral("Morgan"));
        r = m_client->send("GET", kV2 + QStringLiteral("/products/11"));
        QCOMPARE(r.json().value(QLatin1String("average_rating")).toString(), QStringLiteral("0"));
    }

    void tagsFromACatalogue()
    {
        QTemporaryDir dir;
        QFile original(QStringLiteral(":/cocart-devstore/catalog/catalog.json"));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject catalog = QJsonDocument::fromJson(original.readAll()).object();
        catalog.insert(QStringLiteral("tags"),
                       QJsonArray {QJsonObject {{QStringLiteral("id"), 40},
                                                {QStringLiteral("name"), QStringLiteral("Gifts")},
                                                {QStringLiteral("slug"), QStringLiteral("gifts")},
                                                {QStringLiteral("description"), QString()}}});
        QJsonArray products = catalog.value(QStringLiteral("products")).toArray();
        QJsonObject first = products.first().toObject();
        first.insert(QStringLiteral("tags"), QJsonArray {40});
        products[0] = first;
        catalog.insert(QStringLiteral("products"), products);
        QFile file(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(catalog).toJson());
        file.close();

        DevStore store;
        QVERIFY(store.loadCatalog(file.fileName()));
        QVERIFY(store.listen());
        Client client(&store);
        const HttpResult tags = client.send("GET", kV2 + QStringLiteral("/products/tags"));
        QCOMPARE(tags.array().size(), 1);
        QCOMPARE(tags.array().first().toObject().value(QLatin1String("count")).toInt(), 1);
        const HttpResult tag = client.send("GET", kV2 + QStringLiteral("/products/tags/40"));
        QCOMPARE(tag.json().value(QLatin1String("slug")).toString(), QStringLiteral("gifts"));
        const HttpResult product =
                client.send("GET",
                            kV2 + QStringLiteral("/products/") +
                                    QString::number(first.value(QStringLiteral("id")).toInt()));
        QCOMPARE(product.json()
                         .value(QLatin1String("tags"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString(),
                 QStringLiteral("Gifts"));
    }

    // --- cart/add-items and sessions ---------------------------------------------------------

    void addItems_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        // Recorded on the live store: a non-grouped product with a plain quantity.
        QTest::newRow("not grouped") << QByteArray(R"({"id":"10","quantity":"1"})") << 400
                                     << QStringLiteral("rest_invalid_param");
        QTest::newRow("no quantity") << QByteArray(R"({"id":"10"})") << 400
                                     << QStringLiteral("rest_missing_callback_param");
        QTest::newRow("empty object") << QByteArray(R"({"id":"10","quantity":{}})") << 404
                                      << QStringLiteral("cocart_grouped_product_empty");
        QTest::newRow("zero quantities") << QByteArray(R"({"id":"10","quantity":{"13":"0"}})")
                                         << 404 << QStringLiteral("cocart_grouped_product_failed");
        QTest::newRow("unknown id") << QByteArray(R"({"id":"99999","quantity":{"13":"1"}})") << 400
                                    << QStringLiteral("cocart_invalid_product");
        QTest::newRow("children") << QByteArray(R"({"id":"10","quantity":{"13":"2","15":"1"}})")
                                  << 200 << QString();
    }

    void addItems()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpResult r =
                m_client->send("POST", kV2 + QStringLiteral("/cart/add-items"), {}, body);
        QCOMPARE(r.status, status);
        if (status != 200) {
            QCOMPARE(r.code(), code);
            return;
        }
        QCOMPARE(r.json().value(QLatin1String("items")).toArray().size(), 2);
        QCOMPARE(r.json().value(QLatin1String("item_count")).toInt(), 3);
        QCOMPARE(r.json().value(QLatin1String("notices"))
                         .toObject()
                         .value(QLatin1String("success"))
                         .toArray()
                         .first()
                         .toString(),
                 QStringLiteral("“Enamel Mug” and “Tea Towel” have been added to your cart."));
    }

    void sessionsAreForManagers_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("list") << QByteArray("GET") << QStringLiteral("/sessions");
        QTest::newRow("one") << QByteArray("GET") << QStringLiteral("/session/abc123");
        QTest::newRow("items") << QByteArray("GET") << QStringLiteral("/session/abc123/items");
        QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/session/abc123");
    }

    void sessionsAreForManagers()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpResult customer = m_client->send(method, kV2 + path, {m_client->loginBearer()});
        QCOMPARE(customer.status, 403); // as the live store answered a customer
        QCOMPARE(customer.code(), QStringLiteral("cocart_rest_cannot_view"));
        QCOMPARE(customer.message(), QStringLiteral("Sorry, you cannot list resources."));
        const HttpResult guest = m_client->send(method, kV2 + path);
        QCOMPARE(guest.status, 401);
        QCOMPARE(guest.code(), QStringLiteral("cocart_rest_cannot_view"));
    }

    // --- the website: load-cart, sign-in, checkout --------------------------------------------

    void guestCheckout()
    {
        const QString key = guestCart();
        QVERIFY(!key.isEmpty());
        const HttpResult loaded = web(m_nam, url(QStringLiteral("/cart/?cocart-load-cart=") + key));
        QCOMPARE(loaded.status, 200);
        QVERIFY(loaded.header("Content-Type").startsWith("text/html"));
        const QByteArray cookie = cookieOf(loaded);
        QVERIFY(!cookie.isEmpty());
        for (const HttpResult &r :
             {loaded, web(m_nam, url(QStringLiteral("/cart/")), "GET", cookie),
              web(m_nam, url(QStringLiteral("/checkout/")), "GET", cookie)}) {
            QCOMPARE(r.status, 200);
            QVERIFY2(r.body.contains("Test Mug</td><td class=\"product-quantity\">2</td>"),
                     r.body.constData());
            QVERIFY(r.body.contains("Enamel Mug</td><td class=\"product-quantity\">1</td>"));
            QVERIFY(r.body.contains("<td class=\"total\">£34.99</td>")); // 2 x 12.50 + 9.99
        }
        // Without the cookie the website knows no cart.
        QVERIFY(web(m_nam, url(QStringLiteral("/cart/")))
                        .body.contains("Your cart is currently empty."));

        const HttpResult order =
                web(m_nam, url(QStringLiteral("/checkout/")), "POST", cookie, "place_order=1");
        QCOMPARE(order.status, 200);
        QVERIFY(order.body.contains("Order received"));
        QVERIFY(order.body.contains("£34.99"));
        QCOMPARE(m_store.cartItemQuantity(key, 10), 0); // the stand-in order empties the cart
    }

    void customerCheckout()
    {
        const QByteArray bearer = m_client->loginBearer();
        QCOMPARE(m_client->send("POST", kV2 + QStringLiteral("/cart/add-item"), {bearer},
                                R"({"id":"18","quantity":"1"})")
                         .status,
                 200);
        const QString checkout = m_store.url().toString() + QStringLiteral("/checkout/");
        const HttpResult form = web(m_nam,
                                    url(QStringLiteral("/wp-login.php?redirect_to=") +
                                        QString::fromLatin1(QUrl::toPercentEncoding(checkout))));
        QCOMPARE(form.status, 200);
        QVERIFY(form.body.contains("name=\"log\""));
        QVERIFY(form.body.contains(
                (QStringLiteral("name=\"redirect_to\" value=\"") + checkout + QStringLiteral("\""))
                        .toUtf8()));

        const HttpResult signedIn =
                web(m_nam, url(QStringLiteral("/wp-login.php")), "POST", {},
                    formBody({{QStringLiteral("log"), QStringLiteral("customer1")},
                              {QStringLiteral("pwd"), QStringLiteral("customer-pass-123")},
                              {QStringLiteral("redirect_to"), checkout}}));
        QCOMPARE(signedIn.status, 302);
        QCOMPARE(QString::fromUtf8(signedIn.header("Location")), checkout);
        const QByteArray cookie = cookieOf(signedIn);
        QVERIFY(!cookie.isEmpty());

        const HttpResult page = web(m_nam, QUrl(checkout), "GET", cookie);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Signed in as Jane Doe."));
        QVERIFY(page.body.contains("Wool Beanie</td><td class=\"product-quantity\">1</td>"));
        QVERIFY(page.body.contains("<td class=\"total\">£18.00</td>"));
        QVERIFY(page.body.contains("Place order"));
    }

    //! Web sessions end like WordPress's sign-in cookie: 48 hours after their last use, and the
    //! store keeps at most a bounded number of them (the oldest-used goes first).
    void webSessionsExpireAndAreBounded()
    {
        const auto signInOnTheWebsite = [this] {
            return cookieOf(
                    web(m_nam, url(QStringLiteral("/wp-login.php")), "POST", {},
                        formBody({{QStringLiteral("log"), QStringLiteral("customer1")},
                                  {QStringLiteral("pwd"), QStringLiteral("customer-pass-123")}})));
        };
        const auto signedIn = [this](const QByteArray &cookie) {
            return web(m_nam, url(QStringLiteral("/checkout/")), "GET", cookie)
                    .body.contains("Signed in as Jane Doe.");
        };
        const QByteArray cookie = signInOnTheWebsite();
        QVERIFY(!cookie.isEmpty());
        const auto restoreClock = qScopeGuard([this] { m_store.setClockOffset(0); });
        m_store.setClockOffset(47 * 3600);
        QVERIFY(signedIn(cookie)); // used after 47 h: kept, and the 48 h start again
        m_store.setClockOffset(2 * 47 * 3600);
        QVERIFY(signedIn(cookie));
        m_store.setClockOffset(2 * 47 * 3600 + 49 * 3600);
        QVERIFY(!signedIn(cookie)); // idle for 49 h: over

        m_store.setClockOffset(0);
        const QByteArray oldest = signInOnTheWebsite();
        const QByteArray recent = signInOnTheWebsite();
        for (int i = 0; i < 1024; ++i) {
            if (i == 512)
                QVERIFY(signedIn(recent)); // used now: no longer among the oldest
            QVERIFY(!signInOnTheWebsite().isEmpty());
        }
        QVERIFY(!signedIn(oldest));
        QVERIFY(signedIn(recent));
    }

    void customerKeyRefusedByLoadCart()
    {
        const QByteArray bearer = m_client->loginBearer();
        m_client->send("POST", kV2 + QStringLiteral("/cart/add-item"), {bearer},
                       R"({"id":"18","quantity":"1"})");
        const HttpResult r = web(m_nam, url(QStringLiteral("/cart/?cocart-load-cart=2")));
        QCOMPARE(r.status, 403);
        QVERIFY(!r.hasHeader("Set-Cookie"));
        QVERIFY(!r.body.contains("Wool Beanie"));
        const HttpResult unknown =
                web(m_nam, url(QStringLiteral("/cart/?cocart-load-cart=0123456789abcdef")));
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.body.contains("Cart is not valid!"));
        QVERIFY(!unknown.hasHeader("Set-Cookie"));
    }

    void offSiteRedirectRefused_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("other host") << QStringLiteral("http://evil.example/checkout/");
        QTest::newRow("scheme-relative") << QStringLiteral("//evil.example/");
        QTest::newRow("backslash") << QStringLiteral("/\\evil.example/");
        QTest::newRow("userinfo") << QStringLiteral("http://127.0.0.1@evil.example/");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
    }

    void offSiteRedirectRefused()
    {
        QFETCH(QString, target);
        const HttpResult r =
                web(m_nam, url(QStringLiteral("/wp-login.php")), "POST", {},
                    formBody({{QStringLiteral("log"), QStringLiteral("customer1")},
                              {QStringLiteral("pwd"), QStringLiteral("customer-pass-123")},
                              {QStringLiteral("redirect_to"), target}}));
        QCOMPARE(r.status, 302);
        QCOMPARE(QString::fromUtf8(r.header("Location")),
                 m_store.url().toString() + QLatin1Char('/'));
        QVERIFY(!r.body.contains("evil"));
        const HttpResult form = web(m_nam,
                                    url(QStringLiteral("/wp-login.php?redirect_to=") +
                                        QString::fromLatin1(QUrl::toPercentEncoding(target))));
        QVERIFY(!form.body.contains("evil"));
    }

    void wrongPasswordAndEscaping()
    {
        const HttpResult r =
                web(m_nam, url(QStringLiteral("/wp-login.php")), "POST", {},
                    formBody({{QStringLiteral("log"), QStringLiteral("<script>x</script>")},
                              {QStringLiteral("pwd"), QStringLiteral("s3cr3t-guess")}}));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.hasHeader("Set-Cookie"));
        QVERIFY(r.body.contains("is incorrect"));
        QVERIFY(r.body.contains("&lt;script&gt;x&lt;/script&gt;"));
        QVERIFY(!r.body.contains("<script>"));
        QVERIFY(!r.body.contains("s3cr3t-guess"));
    }
};

QTEST_GUILESS_MAIN(TestDevStoreRoutes)
#include "tst_devstore_routes.moc"
