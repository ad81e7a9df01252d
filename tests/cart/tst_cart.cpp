// Cart against the in-process devstore: every invokable and its recorded errors, the guest cart
// key, the handover at sign-in under each policy, sign-out, and a mutation racing a refresh made
// by another Session. The wire contract is shared/cocart/transcripts*.md.

#include <CoCart/Cart.h>
#include <CoCart/CartItemModel.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/CartItemModelAccess.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaProperty>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace CoCart;
using CoCartDevStore::DevStore;
using CoCartDevStore::RecordedRequest;
using namespace CoCartTest;

namespace {

QString itemKey(const char *productId)
{
    return QString::fromLatin1(
            QCryptographicHash::hash(QByteArray(productId), QCryptographicHash::Md5).toHex());
}

bool hasBearer(const RecordedRequest &r)
{
    return r.header("authorization").startsWith("Bearer ");
}

bool hasCartKey(const RecordedRequest &r)
{
    return r.hasHeader("cocart-api-cart-key") || r.query.contains(QStringLiteral("cart_key"));
}

struct Outcome
{
    int successes = 0;
    int errors = 0;
    Error error;
    QList<QVariant> successArgs;
};

// Quantity per product id, in model order.
QList<QPair<qint64, int>> contents(const Cart &cart)
{
    QList<QPair<qint64, int>> list;
    for (const CartLine &line : cart.items()->lines())
        list.append({line.productId(), line.quantity()});
    return list;
}

using Contents = QList<QPair<qint64, int>>;

//! What a browser does with a URL: keeps cookies, follows redirects. Returns the reply, finished.
std::unique_ptr<QNetworkReply> browse(QNetworkAccessManager &browser, const QUrl &url,
                                      const QByteArray &form = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!form.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> reply(form.isEmpty() ? browser.get(request)
                                                        : browser.post(request, form));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(5000);
    return reply;
}

//! The website's cart in \a browser's session, as the Store API shows it (what the checkout
//! page's blocks read): quantity per product id.
Contents webCart(QNetworkAccessManager &browser, const QUrl &store)
{
    QUrl url = store;
    url.setPath(QStringLiteral("/wp-json/wc/store/v1/cart"));
    const auto reply = browse(browser, url);
    Contents list;
    const QJsonArray items = QJsonDocument::fromJson(reply->readAll())
                                     .object()
                                     .value(QLatin1String("items"))
                                     .toArray();
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        list.append({item.value(QLatin1String("id")).toInteger(),
                     item.value(QLatin1String("quantity")).toInt()});
    }
    return list;
}

} // namespace

Q_DECLARE_METATYPE(CoCartDevStore::DevStore::Stack)

class TestCart : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Cart> m_cart;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    std::unique_ptr<Cart> makeCart(Session *session, QSettings *settings)
    {
        auto cart = std::make_unique<Cart>();
        cart->setGuestKeySettings(settings);
        cart->setSession(session);
        return cart;
    }

    bool signOut(Session *session, Session::LogoutScope scope = Session::LogoutScope::ThisDevice)
    {
        QSignalSpy out(session, &Session::loggedOut);
        session->logout(scope);
        return out.wait(5000) || !out.isEmpty();
    }

    // Runs one call and waits for its single outcome (success signal or cartError).
    template<typename Signal>
    Outcome run(Cart *cart, Signal success, const std::function<void()> &call)
    {
        QSignalSpy ok(cart, success);
        QSignalSpy failed(cart, &Cart::errorOccurred);
        call();
        const bool finished =
                QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 5000);
        Q_UNUSED(finished) // a timeout shows as zero signals below
        QTest::qWait(20); // a second signal would show up now
        Outcome outcome;
        outcome.successes = int(ok.count());
        outcome.errors = int(failed.count());
        if (!failed.isEmpty())
            outcome.error = failed.first().first().value<Error>();
        if (!ok.isEmpty())
            outcome.successArgs = ok.first();
        return outcome;
    }

    Outcome add(Cart *cart, const QString &id, int quantity = 1)
    {
        return run(cart, &Cart::itemAdded, [=] { cart->addItem(id, quantity); });
    }

    //! Puts \a items into the customer's own cart through a separate session and cart.
    void fillAccountCart(const QList<QPair<QString, int>> &items)
    {
        Testing::TestTokenStore tokens;
        auto session = makeSession(&tokens);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("other.ini")), QSettings::IniFormat);
        auto cart = makeCart(session.get(), &settings);
        QVERIFY(signIn(session.get()));
        QTRY_VERIFY(!cart->isLoading());
        QVERIFY(run(cart.get(), &Cart::cleared, [&] { cart->clear(); }).successes == 1);
        for (const auto &item : items)
            QCOMPARE(add(cart.get(), item.first, item.second).successes, 1);
    }

    //! The REST requests the store saw (the cart's calls), without the one website request a
    //! Cart makes per store to learn its checkout hand-off (GET /checkout-link/).
    QList<RecordedRequest> apiRequests() const
    {
        QList<RecordedRequest> list;
        const auto requests = m_store->requests();
        for (const auto &r : requests) {
            if (r.path.startsWith(QLatin1String("/wp-json/")))
                list << r;
        }
        return list;
    }
    int apiRequestCount() const { return int(apiRequests().size()); }
    RecordedRequest lastApiRequest() const { return apiRequests().constLast(); }

    //! Requests that carried both a Bearer and a guest cart key (a handover).
    QList<RecordedRequest> handoverRequests() const
    {
        QList<RecordedRequest> list;
        const auto requests = m_store->requests();
        for (const auto &r : requests) {
            if (hasBearer(r) && hasCartKey(r))
                list << r;
        }
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Error>();
    }

    void init()
    {
        QVERIFY(startStore());
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("cart.ini")),
                                                 QSettings::IniFormat);
        m_session = makeSession(m_tokens.get());
        m_cart = makeCart(m_session.get(), m_settings.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_cart->items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_cart.reset();
        m_session.reset();
        m_settings.reset();
        m_dir.reset();
        stopStore();
    }

    void defaults()
    {
        Cart cart;
        QVERIFY(cart.isEmpty());
        QCOMPARE(cart.itemCount(), 0);
        QCOMPARE(cart.total(), qint64(0));
        QCOMPARE(cart.totalText(), QStringLiteral("0.00"));
        QVERIFY(!cart.isLoading());
        QVERIFY(!cart.lastError().isError());
        QCOMPARE(cart.guestCartPolicy(), Cart::GuestCartPolicy::Merge);
        QCOMPARE(cart.items()->rowCount(), 0);
        const QHash<int, QByteArray> roles = cart.items()->roleNames();
        for (const char *name :
             {"key", "productId", "name", "sku", "image", "quantity", "minQuantity", "maxQuantity",
              "unitPrice", "lineTotal", "unitPriceText", "lineTotalText", "variation",
              "regularUnitPrice", "regularUnitPriceText", "saving", "savingText"})
            QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }

    void noSessionFails()
    {
        Cart cart;
        const Outcome outcome = run(&cart, &Cart::reloaded, [&] { cart.reload(); });
        QCOMPARE(outcome.successes, 0);
        QCOMPARE(outcome.errors, 1);
        QCOMPARE(outcome.error.kind(), Error::Configuration);
        QCOMPARE(cart.lastError(), outcome.error);
    }

    void guestAddItemKeepsTheKey()
    {
        QSignalSpy keyChanged(m_cart.get(), &Cart::cartKeyChanged);
        QSignalSpy loading(m_cart.get(), &Cart::loadingChanged);
        const Outcome outcome = add(m_cart.get(), QStringLiteral("10"), 2);
        QCOMPARE(outcome.errors, 0);
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(outcome.successArgs.first().toString(), itemKey("10"));
        QCOMPARE(loading.count(), 2);
        QVERIFY(!m_cart->isLoading());

        // One request, no second GET; id and quantity as JSON strings; no key, no Bearer.
        QCOMPARE(apiRequestCount(), 1);
        const RecordedRequest request = lastApiRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/wp-json/cocart/v2/cart/add-item"));
        QVERIFY(!request.hasHeader("authorization"));
        QVERIFY(!hasCartKey(request));
        QCOMPARE(request.header("user-agent"), QByteArray("CoCartQtTests/1.0"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(QLatin1String("id")), QJsonValue(QStringLiteral("10")));
        QCOMPARE(body.value(QLatin1String("quantity")), QJsonValue(QStringLiteral("2")));

        // The key the store handed out is kept and shown.
        const QString key = m_cart->cartKey();
        QCOMPARE(key.size(), 30);
        QCOMPARE(m_cart->savedGuestKey(), key);
        QCOMPARE(keyChanged.count(), 1);
        // The key opens the cart to whoever holds it: the settings file is the owner's only.
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                QFileDevice::ReadOther | QFileDevice::WriteOther;
        QVERIFY(QFile::exists(m_settings->fileName()));
        QCOMPARE(QFile::permissions(m_settings->fileName()) & others, QFileDevice::Permissions());

        // The model and totals, as recorded in 06a.
        QCOMPARE(m_cart->items()->rowCount(), 1);
        const QModelIndex row = m_cart->items()->index(0);
        QCOMPARE(row.data(CartItemModel::KeyRole).toString(), itemKey("10"));
        QCOMPARE(row.data(CartItemModel::ProductIdRole).toLongLong(), 10);
        QCOMPARE(row.data(CartItemModel::NameRole).toString(), QStringLiteral("Test Mug"));
        QCOMPARE(row.data(CartItemModel::SkuRole).toString(), QStringLiteral("TEST-MUG"));
        QCOMPARE(row.data(CartItemModel::QuantityRole).toInt(), 2);
        QCOMPARE(row.data(CartItemModel::MinQuantityRole).toInt(), 1);
        QCOMPARE(row.data(CartItemModel::MaxQuantityRole).toInt(), 50);
        QCOMPARE(row.data(CartItemModel::UnitPriceRole).toLongLong(), 1250);
        QCOMPARE(row.data(CartItemModel::LineTotalRole).toLongLong(), 2500);
        QCOMPARE(row.data(CartItemModel::UnitPriceTextRole).toString(), QStringLiteral("£12.50"));
        QCOMPARE(row.data(CartItemModel::LineTotalTextRole).toString(), QStringLiteral("£25.00"));
        QVERIFY(row.data(CartItemModel::ImageRole).toUrl().isValid());
        QCOMPARE(m_cart->itemCount(), 2);
        QCOMPARE(m_cart->subtotal(), qint64(2500));
        QCOMPARE(m_cart->total(), qint64(2500));
        QCOMPARE(m_cart->totalText(), QStringLiteral("£25.00"));
        QCOMPARE(m_cart->subtotalText(), QStringLiteral("£25.00"));
        QCOMPARE(m_cart->currency().code(), QStringLiteral("GBP"));
        QVERIFY(!m_cart->isEmpty());
        QCOMPARE(m_cart->notices(),
                 QStringList {QStringLiteral("“Test Mug” has been added to your cart.")});

        // The next call carries the key as the CoCart-API-Cart-Key header.
        QCOMPARE(add(m_cart.get(), QStringLiteral("13")).successes, 1);
        const RecordedRequest second = lastApiRequest();
        QCOMPARE(second.header("cocart-api-cart-key"), key.toUtf8());
        QVERIFY(!second.hasHeader("authorization"));
        QCOMPARE(m_cart->cartKey(), key);
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}, {13, 1}}));
        QCOMPARE(m_cart->total(), qint64(3499));
        QCOMPARE(m_cart->totalText(), QStringLiteral("£34.99"));
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/cart")), 0);
    }

    void checkoutUrl()
    {
        // No cart yet: nothing to check out.
        QVERIFY(m_cart->checkoutUrl().isEmpty());
        QSignalSpy changed(m_cart.get(), &Cart::checkoutUrlChanged);

        // A guest cart is loaded into the website's session by its key, straight into the
        // checkout (WooCommerce 9.1: the store answers no checkout links), once the Cart has
        // asked the store which hand-off it takes.
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        const QString key = m_cart->cartKey();
        QVERIFY(changed.count() >= 1);
        QUrl expected = m_store->url();
        expected.setPath(QStringLiteral("/checkout/"));
        expected.setQuery(QStringLiteral("cocart-load-cart=") + key);
        QTRY_COMPARE(m_cart->checkoutUrl(), expected);
        QCOMPARE(m_cart->checkoutHandoff(), Cart::CheckoutHandoff::LoadCart);

        // A customer signs in on the website, which then goes to /checkout/.
        changed.clear();
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QVERIFY(changed.count() >= 1);
        const QUrl url = m_cart->checkoutUrl();
        QCOMPARE(url.path(), QStringLiteral("/wp-login.php"));
        QCOMPARE(url.host(), m_store->url().host());
        QCOMPARE(url.port(), m_store->url().port());
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("redirect_to"), QUrl::FullyDecoded),
                 m_store->url().toString() + QStringLiteral("/checkout/"));
        QVERIFY(!url.toString().contains(key));
    }

    // Issue 17: the checkout URL, opened by a browser (cookies kept, redirects followed), lands
    // on the checkout with the cart's items in the website's cart, on both stacks of
    // transcripts-3: WooCommerce 9.1 (load-cart link) and 10 (checkout link).
    void checkoutUrlLandsOnTheCheckout_data()
    {
        QTest::addColumn<DevStore::Stack>("stack");
        QTest::addColumn<bool>("customer");
        QTest::newRow("9.1 guest") << DevStore::Stack::WooCommerce9 << false;
        QTest::newRow("10 guest") << DevStore::Stack::WooCommerce10 << false;
        QTest::newRow("9.1 customer") << DevStore::Stack::WooCommerce9 << true;
        QTest::newRow("10 customer") << DevStore::Stack::WooCommerce10 << true;
    }

    void checkoutUrlLandsOnTheCheckout()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(bool, customer);
        m_store->setStack(stack);
        if (customer) {
            QVERIFY(signIn(m_session.get()));
            QTRY_VERIFY(!m_cart->isLoading());
            QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
        }
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        QCOMPARE(run(m_cart.get(), &Cart::itemAdded,
                     [&] {
                         m_cart->addItem(QStringLiteral("21"), 1,
                                         {{QStringLiteral("attribute_size"), QStringLiteral("M")}});
                     }).successes,
                 1);
        const Contents expected {{10, 2}, {23, 1}};
        QCOMPARE(contents(*m_cart), expected);
        QTRY_VERIFY(!m_cart->checkoutUrl().isEmpty());
        const QUrl url = m_cart->checkoutUrl();

        QNetworkAccessManager browser;
        browser.setCookieJar(new QNetworkCookieJar(&browser));
        auto reply = browse(browser, url);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        if (customer) {
            // The website's sign-in form, which goes on to the checkout.
            QVERIFY(reply->readAll().contains("name=\"log\""));
            const QString redirectTo = QUrlQuery(url).queryItemValue(QStringLiteral("redirect_to"),
                                                                     QUrl::FullyDecoded);
            QUrl login = url;
            login.setQuery(QString());
            QUrlQuery form;
            form.addQueryItem(QStringLiteral("log"), kUser);
            form.addQueryItem(QStringLiteral("pwd"), kPassword);
            form.addQueryItem(QStringLiteral("redirect_to"),
                              QString::fromLatin1(QUrl::toPercentEncoding(redirectTo)));
            reply = browse(browser, login, form.toString(QUrl::FullyEncoded).toUtf8());
            QCOMPARE(reply->error(), QNetworkReply::NoError);
        }
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->url().host(), m_store->url().host());
        QCOMPARE(reply->url().path(), QStringLiteral("/checkout/"));
        const QByteArray page = reply->readAll();
        QVERIFY2(page.contains("Place order"), page.constData());
        QVERIFY(page.contains("Test Mug</td><td class=\"product-quantity\">2</td>"));
        // The next requests of the website see the same items (WooCommerce 10 drops a load-cart
        // session right there).
        QCOMPARE(webCart(browser, m_store->url()), expected);
        QCOMPARE(webCart(browser, m_store->url()), expected);
    }

    // How checkoutUrl hands a guest cart over on each stack, learnt with one request per store.
    void checkoutHandoff_data()
    {
        QTest::addColumn<DevStore::Stack>("stack");
        QTest::addColumn<int>("handoff");
        QTest::addColumn<QString>("path");
        QTest::newRow("9.1: load-cart into the checkout")
                << DevStore::Stack::WooCommerce9 << int(Cart::CheckoutHandoff::LoadCart)
                << "/checkout/";
        QTest::newRow("10: checkout link")
                << DevStore::Stack::WooCommerce10 << int(Cart::CheckoutHandoff::CheckoutLink)
                << "/checkout-link/";
    }

    void checkoutHandoff()
    {
        QFETCH(DevStore::Stack, stack);
        QFETCH(int, handoff);
        QFETCH(QString, path);
        m_store->setStack(stack);
        auto probes = [this] {
            int n = 0;
            const auto requests = m_store->requests();
            for (const RecordedRequest &r : requests)
                n += r.path.startsWith(QLatin1String("/checkout-link")) ? 1 : 0;
            return n;
        };
        QCOMPARE(m_cart->checkoutHandoff(), Cart::CheckoutHandoff::None);
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        QTRY_COMPARE(int(m_cart->checkoutHandoff()), handoff);
        QCOMPARE(probes(), 1);
        const RecordedRequest probe = [&] {
            const auto requests = m_store->requests();
            for (const RecordedRequest &r : requests) {
                if (r.path.startsWith(QLatin1String("/checkout-link")))
                    return r;
            }
            return RecordedRequest();
        }();
        // The question carries nothing of the shopper's: no cookie, key or credentials.
        QVERIFY(probe.query.isEmpty());
        QVERIFY(!probe.hasHeader("cookie"));
        QVERIFY(!probe.hasHeader("authorization"));
        QVERIFY(!probe.hasHeader("cocart-api-cart-key"));
        QCOMPARE(probe.header("user-agent"), QByteArray("CoCartQtTests/1.0"));

        QSignalSpy changed(m_cart.get(), &Cart::checkoutUrlChanged);
        QCOMPARE(run(m_cart.get(), &Cart::itemAdded,
                     [&] {
                         m_cart->addItem(QStringLiteral("21"), 1,
                                         {{QStringLiteral("attribute_size"), QStringLiteral("M")}});
                     }).successes,
                 1);
        const QUrl url = m_cart->checkoutUrl();
        QCOMPARE(url.path(), path);
        const QUrlQuery query(url);
        if (handoff == int(Cart::CheckoutHandoff::CheckoutLink)) {
            // Ids and quantities, a variation by its own id; the link follows the cart.
            QCOMPARE(query.queryItemValue(QStringLiteral("products"), QUrl::FullyDecoded),
                     QStringLiteral("10:2,23:1"));
            QCOMPARE(changed.count(), 1);
            QVERIFY(!url.toString().contains(m_cart->cartKey()));
        } else {
            QCOMPARE(query.queryItemValue(QStringLiteral("cocart-load-cart")), m_cart->cartKey());
            QCOMPARE(changed.count(), 0); // the same URL: no signal
        }
        QCOMPARE(probes(), 1); // learnt once, not per change or per checkout

        // A line a link cannot carry (a fractional quantity, which CoCart accepts): the
        // load-cart link.
        QNetworkAccessManager raw;
        QNetworkRequest request(QUrl(m_store->url().toString() +
                                     QStringLiteral("/wp-json/cocart/v2/cart/add-item")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        request.setRawHeader("CoCart-API-Cart-Key", m_cart->cartKey().toUtf8());
        std::unique_ptr<QNetworkReply> added(
                raw.post(request, QByteArray(R"({"id":"13","quantity":"1.5"})")));
        QSignalSpy finished(added.get(), &QNetworkReply::finished);
        QVERIFY(added->isFinished() || finished.wait(5000));
        QCOMPARE(added->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(m_cart->checkoutHandoff(), Cart::CheckoutHandoff::LoadCart);
        QCOMPARE(m_cart->checkoutUrl().path(), QStringLiteral("/checkout/"));

        // Signed in: the website's sign-in, whatever the stack; nothing more is asked.
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(m_cart->checkoutHandoff(), Cart::CheckoutHandoff::SignIn);
        QCOMPARE(m_cart->checkoutUrl().path(), QStringLiteral("/wp-login.php"));
        QCOMPARE(probes(), 1);
    }

    // checkStore() learns the hand-off with the store's other facts: no request later.
    void checkoutHandoffLearntWithTheStore()
    {
        m_store->setStack(DevStore::Stack::WooCommerce10);
        QSignalSpy info(m_session.get(), &Session::storeInfoChanged);
        m_session->checkStore();
        QVERIFY(info.wait(5000));
        QTRY_COMPARE(m_store->requestCount(QStringLiteral("GET /checkout-link/")) +
                             m_store->requestCount(QStringLiteral("GET /checkout-link")),
                     1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        // Known already: the URL is there with the answer that made the key.
        QCOMPARE(m_cart->checkoutHandoff(), Cart::CheckoutHandoff::CheckoutLink);
        QCOMPARE(QUrlQuery(m_cart->checkoutUrl()).queryItemValue(QStringLiteral("products")),
                 QStringLiteral("10:1"));
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /checkout-link/")) +
                         m_store->requestCount(QStringLiteral("GET /checkout-link")),
                 1);
    }

    // transcripts-3 section 3: a store message is a plain sentence wherever the store puts its
    // "View cart" link text.
    void storeMessagesArePlain_data()
    {
        QTest::addColumn<DevStore::Stack>("stack");
        QTest::newRow("9.1: View cart first") << DevStore::Stack::WooCommerce9;
        QTest::newRow("10: View cart last") << DevStore::Stack::WooCommerce10;
    }

    void storeMessagesArePlain()
    {
        QFETCH(DevStore::Stack, stack);
        m_store->setStack(stack);
        QCOMPARE(add(m_cart.get(), QStringLiteral("19")).successes, 1);
        const Outcome again = add(m_cart.get(), QStringLiteral("19"));
        QCOMPARE(again.errors, 1);
        QCOMPARE(again.error.code(), QStringLiteral("cocart_add_to_cart_error"));
        QVERIFY(again.error.rawMessage().contains(QStringLiteral("View cart")));
        QCOMPARE(again.error.message(),
                 QStringLiteral("You cannot add another \"Gift Card 25\" to your cart."));
        QCOMPARE(m_cart->lastError().message(), again.error.message());
    }

    // transcripts-3 section 4: no company fields, .webp placeholders: the same cart either way.
    void cartShapesOnBothStacks_data()
    {
        QTest::addColumn<DevStore::Stack>("stack");
        QTest::newRow("9.1") << DevStore::Stack::WooCommerce9;
        QTest::newRow("10") << DevStore::Stack::WooCommerce10;
    }

    void cartShapesOnBothStacks()
    {
        QFETCH(DevStore::Stack, stack);
        m_store->setStack(stack);
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("13")).successes, 1);
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}, {13, 1}}));
        QCOMPARE(m_cart->total(), qint64(3499));
        QCOMPARE(m_cart->totalText(), QStringLiteral("£34.99"));
        QVERIFY(m_cart->items()->lines().first().image().isValid());

        // The account's cart, whose customer fields differ most.
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QVERIFY(!m_cart->lastError().isError());
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}, {13, 1}}));
        QCOMPARE(m_session->user().displayName(), QStringLiteral("Jane Doe"));
        QVERIFY(m_session->user().avatarUrl().isValid());
    }

    // Issue 20.9: the store's breakdown of the total (discount, shipping, fees, tax) is
    // bindable, and follows every answer.
    void totalsBreakdown()
    {
        QCOMPARE(m_cart->taxTotal(), qint64(0));
        QCOMPARE(m_cart->shippingTotalText(), QStringLiteral("0.00"));
        CoCartDevStore::CartCharges charges;
        charges.shipping = 495;
        charges.fee = 150;
        charges.discount = 500;
        charges.taxPercent = 20;
        m_store->setCartCharges(charges);
        QSignalSpy tax(m_cart.get(), &Cart::taxTotalChanged);
        QSignalSpy shipping(m_cart.get(), &Cart::shippingTotalChanged);
        QSignalSpy discount(m_cart.get(), &Cart::discountTotalChanged);
        QSignalSpy fee(m_cart.get(), &Cart::feeTotalChanged);
        QSignalSpy changed(m_cart.get(), &Cart::changed);

        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        // 2 x £12.50 − £5.00 + £4.95 shipping + £1.50 fee, 20 % tax on each part.
        QCOMPARE(m_cart->subtotal(), qint64(2500));
        QCOMPARE(m_cart->discountTotal(), qint64(500));
        QCOMPARE(m_cart->shippingTotal(), qint64(495));
        QCOMPARE(m_cart->feeTotal(), qint64(150));
        QCOMPARE(m_cart->taxTotal(), qint64(500 - 100 + 99 + 30));
        QCOMPARE(m_cart->total(), qint64(2500 - 500 + 495 + 150 + 529));
        QCOMPARE(m_cart->discountTotalText(), QStringLiteral("£5.00"));
        QCOMPARE(m_cart->shippingTotalText(), QStringLiteral("£4.95"));
        QCOMPARE(m_cart->feeTotalText(), QStringLiteral("£1.50"));
        QCOMPARE(m_cart->taxTotalText(), QStringLiteral("£5.29"));
        // The currency arrived with the first answer: each text changed once, with its value.
        QCOMPARE(tax.count(), 1);
        QCOMPARE(shipping.count(), 1);
        QCOMPARE(discount.count(), 1);
        QCOMPARE(fee.count(), 1);
        QVERIFY(changed.count() >= 1);

        // Another line: the tax follows, the flat charges stay and do not notify.
        QCOMPARE(add(m_cart.get(), QStringLiteral("13")).successes, 1);
        QCOMPARE(m_cart->taxTotal(), qint64(700 - 100 + 99 + 30)); // 20 % of 3499, rounded
        QCOMPARE(tax.count(), 2);
        QCOMPARE(shipping.count(), 1);
        QCOMPARE(discount.count(), 1);
        QCOMPARE(fee.count(), 1);

        // The same answer again changes nothing; an empty cart costs nothing.
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(tax.count(), 2);
        QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
        QCOMPARE(m_cart->total(), qint64(0));
        QCOMPARE(m_cart->taxTotal(), qint64(0));
        QCOMPARE(m_cart->shippingTotal(), qint64(0));
        QCOMPARE(m_cart->discountTotal(), qint64(0));
        QCOMPARE(m_cart->feeTotal(), qint64(0));
        QCOMPARE(shipping.count(), 2);

        // QML binds to them as properties.
        for (const char *name :
             {"discountTotal", "discountTotalText", "shippingTotal", "shippingTotalText",
              "feeTotal", "feeTotalText", "taxTotal", "taxTotalText"}) {
            const QMetaObject *meta = m_cart->metaObject();
            const int index = meta->indexOfProperty(name);
            QVERIFY2(index >= 0, name);
            QVERIFY2(meta->property(index).hasNotifySignal(), name);
        }
    }

    // Issue 20.5: every app without an organisation name warned "could not save the guest cart
    // key: QSettings::AccessError" on a new guest cart, though the key was saved: QSettings()
    // reports AccessError from its constructor when the organisation name is empty.
    void guestKeyInDefaultSettingsWithoutOrganisation()
    {
        QVERIFY(QCoreApplication::organizationName().isEmpty());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("could not save the guest cart")));
        auto cart = makeCart(m_session.get(), nullptr); // QSettings() of the application
        QCOMPARE(add(cart.get(), QStringLiteral("10")).successes, 1);
        const QString key = cart->cartKey();
        QVERIFY(!key.isEmpty());
        cart.reset();

        // It was saved: a new Cart (the app started again) finds it in the same place.
        cart = makeCart(m_session.get(), nullptr);
        QCOMPARE(cart->savedGuestKey(), key);
        QSettings(QStringLiteral("Unknown Organization"), QCoreApplication::applicationName())
                .remove(QStringLiteral("CoCart"));
    }

    // ... but a write that did fail still says so.
    void guestKeyWriteFailureWarns()
    {
        QTemporaryDir dir;
        QFile notADirectory(dir.filePath(QStringLiteral("file")));
        QVERIFY(notADirectory.open(QIODevice::WriteOnly));
        notADirectory.close();
        QSettings settings(dir.filePath(QStringLiteral("file/cart.ini")), QSettings::IniFormat);
        QCOMPARE(settings.status(), QSettings::NoError);
        auto cart = makeCart(m_session.get(), &settings);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral(
                                     "could not save the guest cart key: .*AccessError")));
        QCOMPARE(add(cart.get(), QStringLiteral("10")).successes, 1);
        QCOMPARE(settings.status(), QSettings::AccessError);
    }

    void guestKeySurvivesARestart()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("15"), 3).successes, 1);
        const QString key = m_cart->cartKey();
        m_tester.reset();
        m_cart.reset();

        // A new Cart (the app started again) with the same settings finds the guest cart.
        auto cart = makeCart(m_session.get(), m_settings.get());
        QCOMPARE(cart->cartKey(), key);
        QCOMPARE(run(cart.get(), &Cart::reloaded, [&] { cart->reload(); }).successes, 1);
        QCOMPARE(lastApiRequest().header("cocart-api-cart-key"), key.toUtf8());
        QCOMPARE(contents(*cart), (Contents {{15, 3}}));
        QVERIFY(cart->notices().isEmpty()); // notices are consumed once
    }

    void guestKeyIsPerStore()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("15")).successes, 1);
        DevStore other;
        other.setRequestHistoryLimit(100);
        other.seedDemoData();
        QVERIFY(other.listen());
        Session session;
        session.setStoreUrl(other.url());
        auto cart = makeCart(&session, m_settings.get());
        QVERIFY(cart->cartKey().isEmpty());
        QCOMPARE(run(cart.get(), &Cart::reloaded, [&] { cart->reload(); }).successes, 1);
        for (const RecordedRequest &r : other.requests())
            QVERIFY(!r.hasHeader("cocart-api-cart-key"));
        QVERIFY(cart->cartKey() != m_cart->cartKey());
        QCOMPARE(m_cart->savedGuestKey(), m_cart->cartKey());
    }

    void saleSavingsComeFromTheCatalogue()
    {
        // Issue 19: "the cart shows no sale savings". The store's cart line says only what it
        // costs now: the Travel Mug (14.00, on sale 11.50) is `"price": "1150"` with no regular
        // price (transcripts-2 08j-08l), and the devstore answers the same.
        QCOMPARE(add(m_cart.get(), QStringLiteral("14"), 2).successes, 1);
        {
            QNetworkAccessManager nam;
            QUrl url = m_store->url();
            url.setPath(QStringLiteral("/wp-json/cocart/v2/cart"));
            QNetworkRequest request(url);
            request.setRawHeader("CoCart-API-Cart-Key", m_cart->cartKey().toLatin1());
            std::unique_ptr<QNetworkReply> reply(nam.get(request));
            QSignalSpy finished(reply.get(), &QNetworkReply::finished);
            QVERIFY(finished.wait(5000));
            const QJsonObject item = QJsonDocument::fromJson(reply->readAll())
                                             .object()
                                             .value(QLatin1String("items"))
                                             .toArray()
                                             .first()
                                             .toObject();
            QCOMPARE(item.value(QLatin1String("price")), QJsonValue(QStringLiteral("1150")));
            const QStringList keys = item.keys();
            for (const QString &key : keys)
                QVERIFY2(!key.contains(QLatin1String("regular")) &&
                                 !key.contains(QLatin1String("sale")),
                         qPrintable(key));
        }
        // Without a catalogue the cart knows no regular price: no saving is made up.
        const QModelIndex mug = m_cart->items()->index(0);
        QCOMPARE(mug.data(CartItemModel::UnitPriceRole).toLongLong(), 1150);
        QCOMPARE(mug.data(CartItemModel::RegularUnitPriceRole).toLongLong(), 0);
        QCOMPARE(mug.data(CartItemModel::SavingRole).toLongLong(), 0);
        QCOMPARE(mug.data(CartItemModel::SavingTextRole).toString(), QString());
        QCOMPARE(m_cart->savings(), qint64(0));
        QCOMPARE(m_cart->savingsText(), QString());

        // The catalogue's page brings the regular prices: the line and the cart say the saving.
        ProductModel catalogue;
        catalogue.setPageSize(20);
        QSignalSpy savingsChanged(m_cart.get(), &Cart::savingsChanged);
        QSignalSpy dataChanged(m_cart->items(), &QAbstractItemModel::dataChanged);
        QSignalSpy catalogueChanged(m_cart.get(), &Cart::catalogueChanged);
        m_cart->setCatalogue(&catalogue);
        QCOMPARE(catalogueChanged.count(), 1);
        QCOMPARE(m_cart->catalogue(), &catalogue);
        QSignalSpy loaded(&catalogue, &ProductModel::loaded);
        catalogue.setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_cart->savings(), qint64(500));
        QCOMPARE(m_cart->savingsText(), QStringLiteral("£5.00"));
        QCOMPARE(savingsChanged.count(), 1);
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(mug.data(CartItemModel::RegularUnitPriceRole).toLongLong(), 1400);
        QCOMPARE(mug.data(CartItemModel::RegularUnitPriceTextRole).toString(),
                 QStringLiteral("£14.00"));
        QCOMPARE(mug.data(CartItemModel::SavingRole).toLongLong(), 500);
        QCOMPARE(mug.data(CartItemModel::SavingTextRole).toString(), QStringLiteral("£5.00"));
        QCOMPARE(m_cart->items()->lines().first().saving(), qint64(500));
        // What the shopper pays is the store's: the saving is already in it.
        QCOMPARE(m_cart->subtotal(), qint64(2300));

        // A line at its regular price (and a variation, by its own id) saves nothing.
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("23")).successes, 1);
        for (int row : {1, 2}) {
            const QModelIndex line = m_cart->items()->index(row);
            QCOMPARE(line.data(CartItemModel::RegularUnitPriceRole).toLongLong(),
                     row == 1 ? 1250 : 1500);
            QCOMPARE(line.data(CartItemModel::SavingRole).toLongLong(), 0);
            QCOMPARE(line.data(CartItemModel::RegularUnitPriceTextRole).toString(), QString());
            QCOMPARE(line.data(CartItemModel::SavingTextRole).toString(), QString());
        }
        QCOMPARE(m_cart->savings(), qint64(500));

        // The saving follows the quantity the store answers.
        QCOMPARE(run(m_cart.get(), &Cart::quantityChanged,
                     [&] {
                         m_cart->setQuantity(itemKey("14"), 1);
                     }).successes,
                 1);
        QCOMPARE(m_cart->savings(), qint64(250));
        QCOMPARE(m_cart->savingsText(), QStringLiteral("£2.50"));

        // A search that leaves the mug out of the catalogue does not take its saving away.
        catalogue.setSearch(QStringLiteral("towel"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(catalogue.rowCount(), 1);
        QCOMPARE(m_cart->savings(), qint64(250));
        QCOMPARE(m_cart->items()->index(0).data(CartItemModel::SavingRole).toLongLong(), 250);

        // The sale line removed: nothing is saved any more.
        QCOMPARE(run(m_cart.get(), &Cart::itemRemoved,
                     [&] {
                         m_cart->removeItem(itemKey("14"));
                     }).successes,
                 1);
        QCOMPARE(m_cart->savings(), qint64(0));
        QCOMPARE(m_cart->savingsText(), QString());

        // The catalogue can be let go of.
        m_cart->setCatalogue(nullptr);
        QCOMPARE(m_cart->catalogue(), nullptr);
        QCOMPARE(catalogueChanged.count(), 2);
    }

    void setQuantityAndRemove()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 1).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("13"), 1).successes, 1);
        QSignalSpy dataChanged(m_cart->items(), &QAbstractItemModel::dataChanged);
        QSignalSpy removed(m_cart->items(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(m_cart->items(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_cart->items(), &QAbstractItemModel::modelReset);

        Outcome outcome = run(m_cart.get(), &Cart::quantityChanged,
                              [&] { m_cart->setQuantity(itemKey("10"), 5); });
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(outcome.successArgs.at(0).toString(), itemKey("10"));
        QCOMPARE(outcome.successArgs.at(1).toInt(), 5);
        const RecordedRequest request = lastApiRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/wp-json/cocart/v2/cart/item/") + itemKey("10"));
        QCOMPARE(QJsonDocument::fromJson(request.body).object().value(QLatin1String("quantity")),
                 QJsonValue(QStringLiteral("5")));
        QCOMPARE(contents(*m_cart), (Contents {{10, 5}, {13, 1}}));
        QCOMPARE(m_cart->total(), qint64(5 * 1250 + 999));
        // Minimal change: one row changed, nothing inserted, removed or reset.
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(dataChanged.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(reset.count(), 0);
        QVERIFY(m_cart->notices().isEmpty()); // update-item has no notice

        // Quantity 0 removes the line (the store refuses 0 on update: DELETE).
        outcome = run(m_cart.get(), &Cart::quantityChanged,
                      [&] { m_cart->setQuantity(itemKey("13"), 0); });
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(outcome.successArgs.at(1).toInt(), 0);
        QCOMPARE(lastApiRequest().method, QByteArray("DELETE"));
        QCOMPARE(contents(*m_cart), (Contents {{10, 5}}));
        QCOMPARE(removed.count(), 1);

        outcome = run(m_cart.get(), &Cart::itemRemoved, [&] { m_cart->removeItem(itemKey("10")); });
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(outcome.successArgs.at(0).toString(), itemKey("10"));
        QCOMPARE(lastApiRequest().method, QByteArray("DELETE"));
        QVERIFY(m_cart->isEmpty());
        QCOMPARE(m_cart->total(), qint64(0));
        QCOMPARE(m_cart->notices(),
                 QStringList {QStringLiteral("\"Test Mug\" has been removed from cart.")});
        QCOMPARE(reset.count(), 0);
    }

    void clearCart()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 1).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("18"), 1).successes, 1);
        const Outcome outcome = run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); });
        QCOMPARE(outcome.successes, 1);
        const RecordedRequest request = lastApiRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QStringLiteral("/wp-json/cocart/v2/cart/clear"));
        QVERIFY(m_cart->isEmpty());
        QCOMPARE(m_cart->itemCount(), 0);
        QCOMPARE(m_cart->notices(), QStringList {QStringLiteral("Cart is cleared.")});
        // Clearing an empty cart works too.
        QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
    }

    void variationAndSoldIndividually()
    {
        QVariantMap variation {{QStringLiteral("attribute_size"), QStringLiteral("M")}};
        Outcome outcome = run(m_cart.get(), &Cart::itemAdded,
                              [&] { m_cart->addItem(QStringLiteral("21"), 1, variation); });
        QCOMPARE(outcome.successes, 1);
        const QJsonObject body = QJsonDocument::fromJson(lastApiRequest().body).object();
        QCOMPARE(body.value(QLatin1String("variation"))
                         .toObject()
                         .value(QLatin1String("attribute_size")),
                 QJsonValue(QStringLiteral("M")));
        QCOMPARE(m_cart->items()->rowCount(), 1);
        const CartLine line = m_cart->items()->lines().first();
        QCOMPARE(line.productId(), 23);
        QCOMPARE(outcome.successArgs.first().toString(), line.key());
        QCOMPARE(line.name(), QStringLiteral("Classic T-Shirt - M"));
        QCOMPARE(line.variation().value(QStringLiteral("Size")).toString(), QStringLiteral("M"));
        QCOMPARE(m_cart->items()->index(0).data(CartItemModel::VariationRole).toMap(),
                 line.variation());

        // Adding an existing line reports that line.
        outcome = add(m_cart.get(), QStringLiteral("19"));
        QCOMPARE(outcome.successArgs.first().toString(), itemKey("19"));
        QCOMPARE(m_cart->items()->lines().constLast().maxQuantity(), 1);
        outcome = run(m_cart.get(), &Cart::itemAdded,
                      [&] { m_cart->addItem(QStringLiteral("22"), 1); });
        QCOMPARE(outcome.successes, 1);
        outcome = add(m_cart.get(), QStringLiteral("22"));
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(m_cart->items()
                         ->lines()
                         .at(m_cart->items()->indexOfKey(outcome.successArgs.first().toString()))
                         .quantity(),
                 2);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("arg");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");

        // As recorded in transcripts-2, section 8.
        QTest::newRow("unknown id")
                << "add"
                << "99999" << 1 << 400 << "cocart_invalid_product" << int(Error::InvalidRequest);
        QTest::newRow("unknown sku")
                << "add"
                << "abc" << 1 << 404 << "cocart_unknown_product_id" << int(Error::NotFound);
        QTest::newRow("over stock") << "add"
                                    << "14" << 3 << 405 << "cocart_quantity_invalid_amount"
                                    << int(Error::InvalidRequest);
        QTest::newRow("quantity 0") << "add"
                                    << "14" << 0 << 405 << "cocart_quantity_invalid_amount"
                                    << int(Error::InvalidRequest);
        QTest::newRow("negative quantity") << "add"
                                           << "14" << -1 << 405 << "cocart_quantity_invalid_amount"
                                           << int(Error::InvalidRequest);
        QTest::newRow("out of stock")
                << "add"
                << "16" << 1 << 404 << "cocart_product_out_of_stock" << int(Error::NotFound);
        QTest::newRow("not enough stock")
                << "add"
                << "14" << 2 << 404 << "cocart_not_enough_stock_remaining" << int(Error::NotFound);
        QTest::newRow("sold individually x2")
                << "add"
                << "19" << 2 << 405 << "cocart_quantity_invalid_amount"
                << int(Error::InvalidRequest);
        QTest::newRow("variable without variation")
                << "add"
                << "21" << 1 << 404 << "cocart_no_variation_found" << int(Error::NotFound);
        QTest::newRow("update over stock")
                << "set" << itemKey("14") << 5 << 405 << "cocart_quantity_invalid_amount"
                << int(Error::InvalidRequest);
        QTest::newRow("update unknown key") << "set" << itemKey("99") << 2 << 404
                                            << "cocart_item_not_in_cart" << int(Error::NotFound);
        QTest::newRow("remove unknown key") << "remove" << itemKey("99") << 0 << 404
                                            << "cocart_item_not_in_cart" << int(Error::NotFound);
    }

    void errors()
    {
        QFETCH(QString, op);
        QFETCH(QString, arg);
        QFETCH(int, quantity);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, kind);

        // A cart with Travel Mug x2 (all its stock).
        QCOMPARE(add(m_cart.get(), QStringLiteral("14"), 2).successes, 1);
        const QList<CartLine> before = m_cart->items()->lines();
        const qint64 totalBefore = m_cart->total();
        const QStringList noticesBefore = m_cart->notices();
        QSignalSpy changed(m_cart.get(), &Cart::changed);
        QSignalSpy lastErrorChanged(m_cart.get(), &Cart::lastErrorChanged);

        Outcome outcome;
        if (op == QLatin1String("add"))
            outcome = add(m_cart.get(), arg, quantity);
        else if (op == QLatin1String("set"))
            outcome = run(m_cart.get(), &Cart::quantityChanged,
                          [&] { m_cart->setQuantity(arg, quantity); });
        else
            outcome = run(m_cart.get(), &Cart::itemRemoved, [&] { m_cart->removeItem(arg); });

        QCOMPARE(outcome.successes, 0);
        QCOMPARE(outcome.errors, 1);
        QCOMPARE(outcome.error.httpStatus(), status);
        QCOMPARE(outcome.error.code(), code);
        QCOMPARE(int(outcome.error.kind()), kind);
        QVERIFY(!outcome.error.message().isEmpty());
        QCOMPARE(m_cart->lastError(), outcome.error);
        QCOMPARE(lastErrorChanged.count(), 1);
        // The model is as it was.
        QCOMPARE(m_cart->items()->lines(), before);
        QCOMPARE(m_cart->total(), totalBefore);
        QCOMPARE(m_cart->notices(), noticesBefore);
        QCOMPARE(changed.count(), 0);
        QVERIFY(!m_cart->isLoading());

        // The next successful call clears lastError.
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QVERIFY(!m_cart->lastError().isError());
    }

    void negativeQuantityRefusedLocally()
    {
        const int before = apiRequestCount();
        const Outcome outcome = run(m_cart.get(), &Cart::quantityChanged,
                                    [&] { m_cart->setQuantity(itemKey("10"), -2); });
        QCOMPARE(outcome.errors, 1);
        QCOMPARE(outcome.error.kind(), Error::InvalidRequest);
        QCOMPARE(apiRequestCount(), before);
    }

    void callsRunInOrder()
    {
        // Three adds at once as a new guest: one guest cart, not three.
        QSignalSpy added(m_cart.get(), &Cart::itemAdded);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        m_cart->addItem(QStringLiteral("10"));
        m_cart->addItem(QStringLiteral("13"));
        m_cart->addItem(QStringLiteral("15"));
        QVERIFY(m_cart->isLoading());
        QTRY_COMPARE(added.count(), 3);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(contents(*m_cart), (Contents {{10, 1}, {13, 1}, {15, 1}}));
        const auto requests = apiRequests();
        QCOMPARE(requests.size(), 3);
        QVERIFY(!requests.at(0).hasHeader("cocart-api-cart-key"));
        QCOMPARE(requests.at(1).header("cocart-api-cart-key"), m_cart->cartKey().toUtf8());
        QCOMPARE(requests.at(2).header("cocart-api-cart-key"), m_cart->cartKey().toUtf8());
        QVERIFY(!m_cart->isLoading());
    }

    void identicalAnswerChangesNothing_data()
    {
        QTest::addColumn<bool>("signedIn");
        QTest::newRow("guest") << false;
        QTest::newRow("signed in") << true;
    }

    void identicalAnswerChangesNothing()
    {
        // A reload whose answer is what the cart already shows: reloaded() and its Reply, but
        // no model change and no property signal (QML bindings stay quiet).
        QFETCH(bool, signedIn);
        if (signedIn) {
            QVERIFY(signIn(m_session.get()));
            QTRY_VERIFY(!m_cart->isLoading());
            QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
        }
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("13")).successes, 1);
        // The first reload drops the add's notice; from then on the answers are identical.
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        const Contents before = contents(*m_cart);
        QCOMPARE(before, (Contents {{10, 2}, {13, 1}}));

        CartItemModel *model = m_cart->items();
        QList<std::shared_ptr<QSignalSpy>> spies;
        for (const char *signal :
             {SIGNAL(dataChanged(QModelIndex, QModelIndex, QList<int>)),
              SIGNAL(rowsInserted(QModelIndex, int, int)),
              SIGNAL(rowsRemoved(QModelIndex, int, int)),
              SIGNAL(rowsMoved(QModelIndex, int, int, QModelIndex, int)), SIGNAL(modelReset()),
              SIGNAL(layoutChanged(QList<QPersistentModelIndex>,
                                   QAbstractItemModel::LayoutChangeHint)),
              SIGNAL(countChanged())})
            spies << std::make_shared<QSignalSpy>(model, signal);
        const QMetaObject *meta = m_cart->metaObject();
        for (int i = meta->propertyOffset(); i < meta->propertyCount(); ++i) {
            const QMetaProperty property = meta->property(i);
            if (property.hasNotifySignal())
                spies << std::make_shared<QSignalSpy>(m_cart.get(), property.notifySignal());
        }
        spies << std::make_shared<QSignalSpy>(m_cart.get(), &Cart::changed);
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        m_store->resetCounters();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(apiRequestCount(), 3);
        QCOMPARE(reloaded.count(), 3);
        QCOMPARE(contents(*m_cart), before);
        for (const auto &spy : qAsConst(spies)) {
            // loading goes true and back for each call: that one is meant to fire.
            if (spy->signal().startsWith("loadingChanged"))
                continue;
            QVERIFY2(spy->isEmpty(), spy->signal().constData());
        }
    }

    void reloadsAtOnceShareOneRequest()
    {
        // Six reloads at once on one Cart: one GET, six answers (a Reply and a reloaded() each).
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        m_store->resetCounters();
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        QList<QPointer<Reply>> replies;
        int finished = 0;
        for (int i = 0; i < 6; ++i) {
            Reply *reply = m_cart->reload();
            connect(reply, &Reply::finished, this, [&finished] { ++finished; });
            replies << reply;
        }
        QTRY_COMPARE(finished, 6);
        QTest::qWait(20); // a seventh signal would show up now
        QCOMPARE(reloaded.count(), 6);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(apiRequestCount(), 1);
        QCOMPARE(contents(*m_cart), (Contents {{10, 1}}));
        QVERIFY(!m_cart->isLoading());
    }

    void reloadsAroundAWriteStayInOrder()
    {
        // A write between two reloads splits them: the second one sees the write.
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        m_store->resetCounters();
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        QSignalSpy added(m_cart.get(), &Cart::itemAdded);
        m_cart->reload();
        m_cart->reload();
        m_cart->addItem(QStringLiteral("13"));
        m_cart->reload();
        QTRY_COMPARE(reloaded.count(), 3);
        QCOMPARE(added.count(), 1);
        const auto requests = apiRequests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).method, QByteArray("GET"));
        QCOMPARE(requests.at(1).method, QByteArray("POST"));
        QCOMPARE(requests.at(2).method, QByteArray("GET"));
        QCOMPARE(contents(*m_cart), (Contents {{10, 1}, {13, 1}}));
    }

    void abortingOneSharedReloadKeepsTheOthers()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        m_store->resetCounters();
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        Reply *first = m_cart->reload();
        Reply *second = m_cart->reload();
        Reply *third = m_cart->reload();
        QSignalSpy firstFailed(first, &Reply::errorOccurred);
        QSignalSpy secondFailed(second, &Reply::errorOccurred);
        QSignalSpy thirdFinished(third, &Reply::finished);
        first->abort(); // the call on the wire: the others still get the answer
        second->abort(); // a call that joined it
        QCOMPARE(firstFailed.count(), 1);
        QCOMPARE(secondFailed.count(), 1);
        QTRY_COMPARE(thirdFinished.count(), 1);
        QTest::qWait(20);
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Cancelled);
        QCOMPARE(apiRequestCount(), 1);
        QVERIFY(!m_cart->isLoading());
    }

    void networkErrorKeepsModel()
    {
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        const QList<CartLine> before = m_cart->items()->lines();
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/cart/add-item");
        fault.status = 500;
        fault.body = "<html>There has been a critical error on this website.</html>";
        m_store->addFault(fault);
        const Outcome outcome = add(m_cart.get(), QStringLiteral("13"));
        QCOMPARE(outcome.errors, 1);
        QCOMPARE(outcome.error.kind(), Error::Server);
        QCOMPARE(m_cart->items()->lines(), before);

        // Not a cart at all.
        fault.status = 200;
        fault.contentType = "application/json";
        fault.body = "{\"hello\":1}";
        m_store->addFault(fault);
        const Outcome bad = add(m_cart.get(), QStringLiteral("13"));
        QCOMPARE(bad.errors, 1);
        QCOMPARE(bad.error.kind(), Error::BadResponse);
        QCOMPARE(m_cart->items()->lines(), before);
    }

    void signedInCartSendsNoGuestKey()
    {
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(m_cart->cartKey(), QStringLiteral("2"));
        QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("10"), 2).successes, 1);
        const RecordedRequest request = lastApiRequest();
        QVERIFY(hasBearer(request));
        QVERIFY(!hasCartKey(request));
        QCOMPARE(m_cart->cartKey(), QStringLiteral("2"));
        QVERIFY(m_cart->savedGuestKey().isEmpty());
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}}));
    }

    void signInWithoutGuestCartLoadsTheAccountCart()
    {
        fillAccountCart({{QStringLiteral("15"), 2}});
        m_store->resetCounters();
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        QSignalSpy handedOver(m_cart.get(), &Cart::guestCartHandedOver);
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!reloaded.isEmpty()); // may have come while signIn() waited
        QCOMPARE(handedOver.count(), 0);
        QCOMPARE(contents(*m_cart), (Contents {{15, 2}}));
        QVERIFY(handoverRequests().isEmpty());
    }

    void handover_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("accountHasItems");
        QTest::addColumn<bool>("guestHasItems");
        //! A new Cart with the saved guest key: it has not seen the guest cart (an app restart).
        QTest::addColumn<bool>("restarted");
        QTest::addColumn<Contents>("expected");
        QTest::addColumn<int>("handovers"); // requests with Bearer + guest key
        QTest::addColumn<int>("requests"); // from login to guestCartHandedOver, login included

        // Account: Test Mug x2 + Enamel Mug x1. Guest: Wool Beanie x1 + Test Mug x1 (06i/06j).
        // A cart that shows the guest cart's last answer knows whether it is empty: no look at
        // it before the handover. One that does not (restarted) looks first, as a guest.
        const Contents account {{10, 2}, {13, 1}};
        const Contents guest {{18, 1}, {10, 1}};
        const Contents merged {{18, 1}, {10, 3}, {13, 1}};
        // login, account cart, handover, 2 re-adds
        QTest::newRow("merge") << int(Cart::GuestCartPolicy::Merge) << true << true << false
                               << merged << 1 << 5;
        QTest::newRow("merge, empty account")
                << int(Cart::GuestCartPolicy::Merge) << false << true << false << guest << 1 << 3;
        QTest::newRow("merge, empty guest cart")
                << int(Cart::GuestCartPolicy::Merge) << true << false << false << account << 0 << 2;
        QTest::newRow("merge, restarted")
                << int(Cart::GuestCartPolicy::Merge) << true << true << true << merged << 1 << 6;
        // login, handover
        QTest::newRow("replace") << int(Cart::GuestCartPolicy::Replace) << true << true << false
                                 << guest << 1 << 2;
        QTest::newRow("replace, empty guest cart") << int(Cart::GuestCartPolicy::Replace) << true
                                                   << false << false << account << 0 << 2;
        // login, look as the guest, handover
        QTest::newRow("replace, restarted")
                << int(Cart::GuestCartPolicy::Replace) << true << true << true << guest << 1 << 3;
        // An empty guest cart never wipes the account's, even when the cart has not seen it.
        QTest::newRow("replace, empty guest cart, restarted")
                << int(Cart::GuestCartPolicy::Replace) << true << false << true << account << 0
                << 3;
        QTest::newRow("keep account") << int(Cart::GuestCartPolicy::KeepAccount) << true << true
                                      << false << account << 0 << 2;
        QTest::newRow("keep account, empty account")
                << int(Cart::GuestCartPolicy::KeepAccount) << false << true << false << Contents {}
                << 0 << 2;
        QTest::newRow("keep account, restarted") << int(Cart::GuestCartPolicy::KeepAccount) << true
                                                 << true << true << account << 0 << 2;
    }

    void handover()
    {
        QFETCH(int, policy);
        QFETCH(bool, accountHasItems);
        QFETCH(bool, guestHasItems);
        QFETCH(bool, restarted);
        QFETCH(Contents, expected);
        QFETCH(int, handovers);
        QFETCH(int, requests);

        if (accountHasItems)
            fillAccountCart({{QStringLiteral("10"), 2}, {QStringLiteral("13"), 1}});
        else
            fillAccountCart({});
        m_cart->setGuestCartPolicy(Cart::GuestCartPolicy(policy));

        if (guestHasItems) {
            QCOMPARE(add(m_cart.get(), QStringLiteral("18")).successes, 1);
            QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        } else {
            // An empty guest cart that has a key: the store handed one out on a GET.
            QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        }
        const QString guestKey = m_cart->cartKey();
        QVERIFY(!guestKey.isEmpty());
        QCOMPARE(m_cart->savedGuestKey(), guestKey);
        if (restarted) {
            m_tester.reset();
            m_cart = makeCart(m_session.get(), m_settings.get());
            m_tester = std::make_unique<QAbstractItemModelTester>(
                    m_cart->items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            m_cart->setGuestCartPolicy(Cart::GuestCartPolicy(policy));
            QCOMPARE(m_cart->savedGuestKey(), guestKey);
            QVERIFY(m_cart->isEmpty());
        }
        m_store->resetCounters();

        QSignalSpy handedOver(m_cart.get(), &Cart::guestCartHandedOver);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!handedOver.isEmpty()); // may have come while signIn() waited
        QTest::qWait(20);
        QCOMPARE(handedOver.count(), 1);
        QCOMPARE(failed.count(), 0);
        QVERIFY(handedOver.first().first().toStringList().isEmpty());
        QVERIFY(!m_cart->isLoading());
        QCOMPARE(apiRequestCount(), requests);

        QCOMPARE(contents(*m_cart), expected);
        QCOMPARE(m_cart->cartKey(), QStringLiteral("2"));
        QVERIFY(m_cart->savedGuestKey().isEmpty()); // forgotten once handled
        // The guest key went out with a Bearer only for a real handover, and then only once.
        const auto transfers = handoverRequests();
        QCOMPARE(transfers.size(), handovers);
        for (const auto &r : transfers)
            QCOMPARE(r.header("cocart-api-cart-key"), guestKey.toUtf8());

        // What the store now holds for the account is what we show.
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(contents(*m_cart), expected);
        QVERIFY(!hasCartKey(lastApiRequest()));

        // Sign out: the cart is empty and a new guest cart starts with a new key.
        QSignalSpy changed(m_cart.get(), &Cart::changed);
        QVERIFY(signOut(m_session.get()));
        QVERIFY(m_cart->isEmpty());
        QCOMPARE(m_cart->itemCount(), 0);
        QCOMPARE(m_cart->total(), qint64(0));
        QVERIFY(m_cart->cartKey().isEmpty());
        QVERIFY(changed.count() >= 1 || expected.isEmpty());
        QCOMPARE(add(m_cart.get(), QStringLiteral("20")).successes, 1);
        QVERIFY(!lastApiRequest().hasHeader("authorization"));
        QVERIFY(!hasCartKey(lastApiRequest()));
        QVERIFY(!m_cart->cartKey().isEmpty());
        QVERIFY(m_cart->cartKey() != guestKey);
        QCOMPARE(contents(*m_cart), (Contents {{20, 1}}));
    }

    void mergeWithinStockLimits()
    {
        // Travel Mug has stock 2: account x2 + guest x1 gives 2, not an error. The gift card is
        // sold individually: one in each cart gives one.
        fillAccountCart({{QStringLiteral("14"), 2}, {QStringLiteral("19"), 1}});
        QCOMPARE(add(m_cart.get(), QStringLiteral("14"), 1).successes, 1);
        QCOMPARE(add(m_cart.get(), QStringLiteral("19"), 1).successes, 1);
        QSignalSpy handedOver(m_cart.get(), &Cart::guestCartHandedOver);
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!handedOver.isEmpty()); // may have come while signIn() waited
        QVERIFY(handedOver.first().first().toStringList().isEmpty());
        QCOMPARE(contents(*m_cart), (Contents {{14, 2}, {19, 1}}));
    }

    void mergeReportsLinesThatCouldNotBeReAdded()
    {
        fillAccountCart({{QStringLiteral("13"), 1}, {QStringLiteral("15"), 2}});
        QCOMPARE(add(m_cart.get(), QStringLiteral("18")).successes, 1);
        // The store refuses the first re-add (say the Enamel Mug sold out meanwhile).
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/cart/add-item");
        fault.status = 404;
        fault.contentType = "application/json; charset=UTF-8";
        fault.body = "{\"code\":\"cocart_product_out_of_stock\",\"message\":\"You cannot add "
                     "\\\"Enamel Mug\\\" to the cart because the product is out of "
                     "stock.\",\"data\":{\"status\":404}}";
        m_store->addFault(fault);
        QSignalSpy handedOver(m_cart.get(), &Cart::guestCartHandedOver);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!handedOver.isEmpty()); // may have come while signIn() waited
        QCOMPARE(handedOver.first().first().toStringList(),
                 QStringList {QStringLiteral("Enamel Mug")});
        QCOMPARE(failed.count(), 0);
        QCOMPARE(contents(*m_cart), (Contents {{18, 1}, {15, 2}}));
    }

    void callDuringSignInWaitsForTheHandover()
    {
        fillAccountCart({{QStringLiteral("13"), 1}});
        QCOMPARE(add(m_cart.get(), QStringLiteral("18")).successes, 1);
        QSignalSpy handedOver(m_cart.get(), &Cart::guestCartHandedOver);
        QSignalSpy added(m_cart.get(), &Cart::itemAdded);
        m_session->login(kUser, kPassword);
        m_cart->addItem(QStringLiteral("20")); // while signing in
        QTRY_COMPARE(added.count(), 1);
        QCOMPARE(handedOver.count(), 1);
        QCOMPARE(contents(*m_cart), (Contents {{18, 1}, {13, 1}, {20, 1}}));
        QVERIFY(hasBearer(lastApiRequest()));
        QVERIFY(!hasCartKey(lastApiRequest()));
    }

    void signOutCancelsQueuedCalls()
    {
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        QSignalSpy added(m_cart.get(), &Cart::itemAdded);
        m_cart->addItem(QStringLiteral("10"));
        m_cart->addItem(QStringLiteral("13"));
        m_session->logout();
        QTRY_COMPARE(added.count() + failed.count(), 2);
        for (const auto &args : qAsConst(failed)) {
            // Dropped, or refused by the store if the sign-out reached it first.
            const Error::Kind kind = args.first().value<Error>().kind();
            QVERIFY(kind == Error::Cancelled || kind == Error::Unauthorized);
        }
        QTRY_VERIFY(!m_cart->isLoading());
        QVERIFY(m_cart->isEmpty()); // the account's cart is not shown to the guest
        QVERIFY(m_cart->cartKey().isEmpty());
    }

    void sessionExpiryEmptiesTheCart()
    {
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(add(m_cart.get(), QStringLiteral("10")).successes, 1);
        // Another device signs out: every token of the user is revoked.
        Testing::TestTokenStore tokens;
        auto other = makeSession(&tokens);
        QVERIFY(signIn(other.get()));
        QVERIFY(signOut(other.get(), Session::LogoutScope::Everywhere));
        const Outcome outcome = add(m_cart.get(), QStringLiteral("13"));
        QCOMPARE(outcome.errors, 1);
        QCOMPARE(outcome.error.kind(), Error::SessionExpired);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(m_cart->isEmpty());
    }

    void mutationAfterARefreshElsewhere()
    {
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);

        // Another Session (another process of the app) with the same saved tokens refreshes:
        // our access token is revoked and our refresh token is spent.
        auto other = makeSession(m_tokens.get());
        QSignalSpy restored(other.get(), &Session::restored);
        other->restore();
        QVERIFY(restored.wait(5000) || !restored.isEmpty());
        QSignalSpy refreshed(other.get(), &Session::refreshed);
        other->refresh();
        QVERIFY(refreshed.wait(5000));
        m_store->resetCounters();

        const Outcome outcome = add(m_cart.get(), QStringLiteral("10"), 2);
        QVERIFY2(outcome.errors == 0, qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 0);
        // Landed exactly once: the rejected attempt was not executed.
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}}));
        QCOMPARE(run(m_cart.get(), &Cart::reloaded, [&] { m_cart->reload(); }).successes, 1);
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}}));
    }

    void mutationAfterTokenRejectedIsReplayedOnce()
    {
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(run(m_cart.get(), &Cart::cleared, [&] { m_cart->clear(); }).successes, 1);
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/cart/add-item");
        fault.status = 403;
        fault.contentType = "application/json; charset=UTF-8";
        fault.body = "{\"code\":\"cocart_authentication_error\",\"message\":\"Authentication "
                     "failed.\",\"data\":{\"status\":403}}";
        m_store->addFault(fault);
        m_store->resetCounters();
        const Outcome outcome = add(m_cart.get(), QStringLiteral("10"), 2);
        QCOMPARE(outcome.successes, 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/cart/add-item")), 2);
        QCOMPARE(contents(*m_cart), (Contents {{10, 2}}));
    }

    void itemModelMinimalChanges()
    {
        CartItemModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto line = [](const char *key, int quantity) {
            CartLine l;
            l.setKey(QString::fromLatin1(key));
            l.setName(l.key());
            l.setQuantity(quantity);
            l.setUnitPrice(100);
            l.setLineTotal(100 * quantity);
            return l;
        };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy count(&model, &CartItemModel::countChanged);
        const Currency gbp = Currency::fromJson(
                QJsonObject {{QLatin1String("currency_code"), QStringLiteral("GBP")},
                             {QLatin1String("currency_prefix"), QStringLiteral("£")},
                             {QLatin1String("currency_suffix"), QString()}});

        Testing::CartItemModelAccess::setLines(model, {line("a", 1), line("b", 1), line("c", 1)},
                                               gbp);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.index(1).data(CartItemModel::LineTotalTextRole).toString(),
                 QStringLiteral("£1.00"));
        QCOMPARE(model.indexOfKey(QStringLiteral("c")), 2);
        QCOMPARE(model.indexOfKey(QStringLiteral("x")), -1);

        Testing::CartItemModelAccess::setLines(model, {line("a", 1), line("b", 1), line("c", 1)},
                                               gbp); // nothing changed
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(count.count(), 1);

        Testing::CartItemModelAccess::setLines(model, {line("a", 1), line("b", 4), line("c", 1)},
                                               gbp);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).toModelIndex().row(), 1);

        Testing::CartItemModelAccess::setLines(model, {line("a", 1), line("c", 1)}, gbp);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(count.count(), 2);

        // A restored line goes to the end; a new one in the middle; an order change moves.
        Testing::CartItemModelAccess::setLines(
                model, {line("c", 1), line("d", 1), line("a", 1), line("b", 2)}, gbp);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(inserted.count(), 5);
        QStringList keys;
        for (const CartLine &l : model.lines())
            keys << l.key();
        QCOMPARE(keys,
                 (QStringList {QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("a"),
                               QStringLiteral("b")}));

        // A currency change repaints the formatted roles.
        const int before = int(changed.count());
        Currency eur = Currency::fromJson(
                QJsonObject {{QLatin1String("currency_code"), QStringLiteral("EUR")},
                             {QLatin1String("currency_decimal_separator"), QStringLiteral(",")},
                             {QLatin1String("currency_prefix"), QString()},
                             {QLatin1String("currency_suffix"), QStringLiteral(" €")}});
        Testing::CartItemModelAccess::setLines(model, model.lines(), eur);
        QCOMPARE(changed.count(), before + 1);
        QCOMPARE(model.index(0).data(CartItemModel::UnitPriceTextRole).toString(),
                 QStringLiteral("1,00 €"));

        // Duplicate keys (a broken answer) keep the first.
        Testing::CartItemModelAccess::setLines(model, {line("x", 1), line("x", 2)}, eur);
        QCOMPARE(model.rowCount(), 1);
        Testing::CartItemModelAccess::setLines(model, {}, eur);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.index(0).data().isValid());
    }
};

QTEST_GUILESS_MAIN(TestCart)
#include "tst_cart.moc"
