// ProductModel against the in-process devstore: paging with X-WP-Total/X-WP-TotalPages, search
// and category reloads, roles, categories, the currency learned from the products, failures.

#include <CoCart/Cart.h>
#include <CoCart/CartItemModel.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;

//! A token store that answers reads late, as a keychain over D-Bus does.
class SlowTokenStore : public Testing::TestTokenStore
{
public:
    void setReadDelay(int ms) { m_delayMs = ms; }
    void read(const QString &key, ReadCallback done) override
    {
        QTimer::singleShot(m_delayMs, this, [this, key, done = std::move(done)]() mutable {
            Testing::TestTokenStore::read(key, std::move(done));
        });
    }

private:
    int m_delayMs = 0;
};

class TestProductModel : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ProductModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    int rowOf(qint64 id) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->index(row).data(ProductModel::IdRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    bool loadAll()
    {
        while (m_model->hasMore()) {
            QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
            m_model->fetchNextPage();
            if (!loaded.wait(5000))
                return false;
        }
        return true;
    }

    QUrlQuery lastProductsQuery() const
    {
        const auto requests = m_store->requests();
        for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
            if (it->path == QLatin1String("/wp-json/cocart/v2/products"))
                return QUrlQuery(it->query);
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(startStore());
        m_session = makeSession(nullptr); // the catalogue needs no sign-in, so nothing to save
        m_model = std::make_unique<ProductModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_session.reset();
        stopStore();
    }

    void defaults()
    {
        ProductModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.pageSize(), 10);
        QVERIFY(!model.isLoading());
        QVERIFY(!model.hasMore());
        QVERIFY(model.categories().isEmpty());
        QSignalSpy failed(&model, &ProductModel::errorOccurred);
        model.reload();
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(model.lastError().kind(), Error::Configuration);
        const QHash<int, QByteArray> roles = model.roleNames();
        for (const char *name :
             {"productId", "name", "sku", "priceText", "image", "stockStatus", "purchasable",
              "maxQuantity", "categories", "shortDescription", "description"})
            QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }

    void loadsPagesOnSessionSet()
    {
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        QSignalSpy loading(m_model.get(), &ProductModel::loadingChanged);
        m_model->setPageSize(5);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(loading.count(), 2);
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/products")), 1);
        const QUrlQuery query = lastProductsQuery();
        QCOMPARE(query.queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("5"));
        QCOMPARE(m_model->rowCount(), 5);
        const int total = m_model->totalCount();
        QVERIFY2(total > 10, qPrintable(QString::number(total)));
        QVERIFY(m_model->hasMore());
        QVERIFY(m_model->canFetchMore({}));

        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QVERIFY(loadAll());
        QCOMPARE(m_model->rowCount(), total);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), (total + 4) / 5 - 1);
        QVERIFY(!m_model->hasMore());
        QVERIFY(!m_model->canFetchMore({}));
        m_model->fetchMore({}); // nothing left: no request
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/products")),
                 (total + 4) / 5);
        // No duplicates across pages.
        QSet<qint64> ids;
        for (const Product &p : m_model->products())
            ids.insert(p.id());
        QCOMPARE(ids.size(), total);
        // Categories came with the first page.
        QTRY_VERIFY(!m_model->categories().isEmpty());
        QStringList slugs;
        for (const QVariant &c : m_model->categories())
            slugs << c.toMap().value(QStringLiteral("slug")).toString();
        QVERIFY2(slugs.contains(QStringLiteral("kitchen")), qPrintable(slugs.join(u',')));
        QVERIFY(slugs.contains(QStringLiteral("clothing")));
        QCOMPARE(
                m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/products/categories")),
                1);
    }

    void roles()
    {
        m_model->setPageSize(100);
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        QSignalSpy currencyChanged(m_model.get(), &ProductModel::currencyChanged);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(currencyChanged.count(), 1);
        QCOMPARE(m_model->currency().code(), QStringLiteral("GBP"));

        // Travel Mug (02a): on sale, stock 2.
        const int mug = rowOf(14);
        QVERIFY(mug >= 0);
        const QModelIndex index = m_model->index(mug);
        QCOMPARE(index.data(ProductModel::NameRole).toString(), QStringLiteral("Travel Mug"));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("Travel Mug"));
        QCOMPARE(index.data(ProductModel::SkuRole).toString(), QStringLiteral("MUG-TRAVEL"));
        QCOMPARE(index.data(ProductModel::TypeRole).toString(), QStringLiteral("simple"));
        QCOMPARE(index.data(ProductModel::PriceRole).toLongLong(), 1150);
        QCOMPARE(index.data(ProductModel::PriceTextRole).toString(), QStringLiteral("£11.50"));
        QCOMPARE(index.data(ProductModel::RegularPriceTextRole).toString(),
                 QStringLiteral("£14.00"));
        QVERIFY(index.data(ProductModel::OnSaleRole).toBool());
        QCOMPARE(index.data(ProductModel::StockStatusRole).toString(), QStringLiteral("instock"));
        QCOMPARE(index.data(ProductModel::StockQuantityRole).toInt(), 2);
        QVERIFY(index.data(ProductModel::InStockRole).toBool());
        QVERIFY(index.data(ProductModel::PurchasableRole).toBool());
        QCOMPARE(index.data(ProductModel::MaxQuantityRole).toInt(), 2);
        QCOMPARE(index.data(ProductModel::CategoriesRole).toStringList(),
                 QStringList {QStringLiteral("Kitchen")});
        QVERIFY(index.data(ProductModel::ImageRole).toUrl().isValid());
        // The store sends both descriptions as HTML ("<p>…</p>"): the model gives plain text.
        QCOMPARE(index.data(ProductModel::ShortDescriptionRole).toString(),
                 QStringLiteral("Insulated stainless-steel travel mug with lid."));
        QCOMPARE(index.data(ProductModel::DescriptionRole).toString(),
                 QStringLiteral("Insulated stainless-steel travel mug with lid. Full description "
                                "of Travel Mug."));
        QCOMPARE(m_model->products().at(mug).description(),
                 index.data(ProductModel::DescriptionRole).toString());
        QCOMPARE(m_model->get(mug).value(QStringLiteral("description")),
                 index.data(ProductModel::DescriptionRole));

        // Out of stock (02g): still "purchasable", max 0.
        const QModelIndex coffee = m_model->index(rowOf(16));
        QCOMPARE(coffee.data(ProductModel::StockStatusRole).toString(),
                 QStringLiteral("outofstock"));
        QVERIFY(!coffee.data(ProductModel::InStockRole).toBool());
        QCOMPARE(coffee.data(ProductModel::MaxQuantityRole).toInt(), 0);

        // Sold individually, stock not managed (02i).
        const int gift = rowOf(19);
        QVERIFY(gift >= 0);
        QCOMPARE(m_model->index(gift).data(ProductModel::StockQuantityRole).toInt(), -1);
        QCOMPARE(m_model->index(gift).data(ProductModel::MaxQuantityRole).toInt(), 1);
        QVERIFY(m_model->products().at(gift).isSoldIndividually());

        // Variable (02b): no purchase quantity of its own.
        const int shirt = rowOf(21);
        QVERIFY(shirt >= 0);
        QCOMPARE(m_model->index(shirt).data(ProductModel::TypeRole).toString(),
                 QStringLiteral("variable"));
        QCOMPARE(m_model->index(shirt).data(ProductModel::MaxQuantityRole).toInt(), -1);
        QVERIFY(m_model->index(mug).data(ProductModel::VariationsRole).toList().isEmpty());

        const QVariantMap map = m_model->get(mug);
        QCOMPARE(map.value(QStringLiteral("name")).toString(), QStringLiteral("Travel Mug"));
        QCOMPARE(map.value(QStringLiteral("productId")).toLongLong(), 14);
        QVERIFY(m_model->get(-1).isEmpty());
        QVERIFY(m_model->get(1000).isEmpty());
    }

    // The list's embedded variations (02b): sizes S/M/L with their own price and stock, enough to
    // buy one without another request.
    void variationsRole()
    {
        m_model->setPageSize(100);
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QVERIFY(m_model->roleNames().value(ProductModel::VariationsRole) == "variations");
        const int shirt = rowOf(21);
        QVERIFY(shirt >= 0);
        const QVariantList variations =
                m_model->index(shirt).data(ProductModel::VariationsRole).toList();
        QCOMPARE(variations.size(), 3);
        QStringList names;
        for (const QVariant &v : variations)
            names << v.toMap().value(QStringLiteral("name")).toString();
        QCOMPARE(names,
                 (QStringList {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}));

        const QVariantMap m = variations.at(1).toMap();
        QCOMPARE(m.value(QStringLiteral("id")).toLongLong(), 23);
        QCOMPARE(m.value(QStringLiteral("label")).toString(), QStringLiteral("Size"));
        QCOMPARE(m.value(QStringLiteral("sku")).toString(), QStringLiteral("TSHIRT-CLASSIC-M"));
        QCOMPARE(m.value(QStringLiteral("attributes")).toMap(),
                 (QVariantMap {{QStringLiteral("attribute_size"), QStringLiteral("M")}}));
        QCOMPARE(m.value(QStringLiteral("price")).toLongLong(), 1500);
        QCOMPARE(m.value(QStringLiteral("priceText")).toString(), QStringLiteral("£15.00"));
        QVERIFY(m.value(QStringLiteral("inStock")).toBool());
        QCOMPARE(m.value(QStringLiteral("stockQuantity")).toInt(), 3);
        QCOMPARE(m.value(QStringLiteral("maxQuantity")).toInt(), 3);
        QVERIFY(m.value(QStringLiteral("purchasable")).toBool());

        const QVariantMap large = variations.at(2).toMap();
        QCOMPARE(large.value(QStringLiteral("priceText")).toString(), QStringLiteral("£17.00"));
        QVERIFY(!large.value(QStringLiteral("inStock")).toBool());
        QCOMPARE(large.value(QStringLiteral("stockStatus")).toString(),
                 QStringLiteral("outofstock"));
        QCOMPARE(large.value(QStringLiteral("maxQuantity")).toInt(), 0);

        // The plain struct says the same; get() carries the list for QML.
        QCOMPARE(m_model->products().at(shirt).variations().at(1).id(), 23);
        QCOMPARE(m_model->get(shirt).value(QStringLiteral("variations")).toList().size(), 3);

        // A size M T-shirt into the cart, as the demo's size picker does it.
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("guest.ini")), QSettings::IniFormat);
        Cart cart;
        cart.setGuestKeySettings(&settings);
        cart.setSession(m_session.get());
        QSignalSpy added(&cart, &Cart::itemAdded);
        QSignalSpy failed(&cart, &Cart::errorOccurred);
        cart.addItem(m.value(QStringLiteral("id")).toString(), 2,
                     m.value(QStringLiteral("attributes")).toMap());
        QTRY_COMPARE_WITH_TIMEOUT(added.count() + failed.count(), 1, 5000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(cart.itemCount(), 2);
        const CartLine line = cart.items()->lines().constFirst();
        QCOMPARE(line.productId(), 23);
        QCOMPARE(line.variation().value(QStringLiteral("Size")).toString(), QStringLiteral("M"));
        QCOMPARE(m_store->cartItemQuantity(cart.cartKey(), 23), 2);
    }

    void explicitCurrencyWins()
    {
        const Currency eur = Currency::fromJson(
                QJsonObject {{QLatin1String("currency_code"), QStringLiteral("EUR")},
                             {QLatin1String("currency_decimal_separator"), QStringLiteral(",")},
                             {QLatin1String("currency_thousand_separator"), QStringLiteral(".")},
                             {QLatin1String("currency_prefix"), QString()},
                             {QLatin1String("currency_suffix"), QStringLiteral(" €")}});
        m_model->setCurrency(eur);
        m_model->setPageSize(100);
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_model->currency(), eur);
        QCOMPARE(m_model->index(rowOf(14)).data(ProductModel::PriceTextRole).toString(),
                 QStringLiteral("11,50 €"));
    }

    void searchAndCategoryReload()
    {
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));

        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setSearch(QStringLiteral("mug"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(lastProductsQuery().queryItemValue(QStringLiteral("search")),
                 QStringLiteral("mug"));
        QCOMPARE(lastProductsQuery().queryItemValue(QStringLiteral("page")), QStringLiteral("1"));
        QVERIFY(m_model->rowCount() >= 3);
        QCOMPARE(m_model->totalCount(), m_model->rowCount());
        for (const Product &p : m_model->products())
            QVERIFY2(p.name().contains(QStringLiteral("mug"), Qt::CaseInsensitive),
                     qPrintable(p.name()));

        // Search and category set together: one request.
        const int before = m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/products"));
        m_model->setSearch(QString());
        m_model->setCategory(QStringLiteral("clothing"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/products")),
                 before + 1);
        QCOMPARE(lastProductsQuery().queryItemValue(QStringLiteral("category")),
                 QStringLiteral("clothing"));
        QVERIFY(!lastProductsQuery().hasQueryItem(QStringLiteral("search")));
        QVERIFY(m_model->rowCount() > 0);
        for (const Product &p : m_model->products())
            QVERIFY2(p.categories().contains(QStringLiteral("Clothing")), qPrintable(p.name()));

        // No match: 200 with an empty list.
        m_model->setCategory(QStringLiteral("nope"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->totalCount(), 0);
        QVERIFY(!m_model->hasMore());
        QVERIFY(!m_model->lastError().isError());
    }

    void newerReloadWins()
    {
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        m_model->setSearch(QStringLiteral("mug"));
        m_model->reload();
        m_model->setSearch(QStringLiteral("beanie"));
        m_model->reload();
        QVERIFY(loaded.wait(5000));
        QTest::qWait(50);
        QCOMPARE(loaded.count(), 2);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->products().first().name(), QStringLiteral("Wool Beanie"));
    }

    void descriptionsArePlainText_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::newRow("paragraph") << QStringLiteral("<p>A plain white ceramic mug.</p>")
                                   << QStringLiteral("A plain white ceramic mug.");
        QTest::newRow("entities") << QStringLiteral(
                                             "<p>Tom &amp; Jerry&rsquo;s &ldquo;mug&rdquo; &#8211; "
                                             "350&nbsp;ml &lt;hot&gt;</p>")
                                  << QStringLiteral("Tom & Jerry’s “mug” – 350 ml <hot>");
        QTest::newRow("paragraphs and breaks")
                << QStringLiteral("<p>First line<br />second line.</p>\n<p><strong>Bold</strong> "
                                  "and <em>light</em>.</p>")
                << QStringLiteral("First line second line. Bold and light.");
        QTest::newRow("list") << QStringLiteral("<ul><li>Dishwasher safe</li><li>350 ml</li></ul>")
                              << QStringLiteral("Dishwasher safe 350 ml");
        QTest::newRow("link kept as its text")
                << QStringLiteral("<p>See the <a href=\"https://example.test/care\">care "
                                  "guide</a>.</p>")
                << QStringLiteral("See the care guide.");
        QTest::newRow("plain") << QStringLiteral("No markup at all.")
                               << QStringLiteral("No markup at all.");
        QTest::newRow("empty") << QString() << QString();
    }

    // A product page shows the descriptions as text: the store's HTML (what WooCommerce's editor
    // stores) arrives over HTTP and leaves the model without tags or entities.
    void descriptionsArePlainText()
    {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QJsonObject product {
                {QStringLiteral("id"), 90},
                {QStringLiteral("name"), QStringLiteral("Described Mug")},
                {QStringLiteral("slug"), QStringLiteral("described-mug")},
                {QStringLiteral("sku"), QStringLiteral("MUG-DESC")},
                {QStringLiteral("type"), QStringLiteral("simple")},
                {QStringLiteral("regular_price"), QStringLiteral("1000")},
                {QStringLiteral("stock"), 5},
                {QStringLiteral("categories"), QJsonArray {}},
                {QStringLiteral("short_description"), html},
                {QStringLiteral("description"), html},
        };
        const QJsonObject catalog {
                {QStringLiteral("store"),
                 QJsonObject {{QStringLiteral("title"), QStringLiteral("Descriptions")},
                              {QStringLiteral("currency_code"), QStringLiteral("GBP")},
                              {QStringLiteral("currency_symbol"), QStringLiteral("£")},
                              {QStringLiteral("currency_minor_unit"), 2}}},
                {QStringLiteral("categories"), QJsonArray {}},
                {QStringLiteral("products"), QJsonArray {product}},
        };
        QFile file(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(catalog).toJson());
        file.close();
        QVERIFY(m_store->loadCatalog(file.fileName()));

        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QCOMPARE(m_model->rowCount(), 1);
        const QModelIndex index = m_model->index(0);
        QCOMPARE(index.data(ProductModel::DescriptionRole).toString(), text);
        QCOMPARE(index.data(ProductModel::ShortDescriptionRole).toString(), text);
        QCOMPARE(m_model->products().constFirst().description(), text);
        QCOMPARE(m_model->products().constFirst().shortDescription(), text);
    }

    // Product and ProductVariation are implicitly shared values: a copy changed later leaves the
    // model's rows alone.
    void productIsAValue()
    {
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setPageSize(100);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        const int shirt = rowOf(21);
        QVERIFY(shirt >= 0);
        Product copy = m_model->products().at(shirt);
        QCOMPARE(copy.variations().size(), 3);
        copy.setDescription(QStringLiteral("changed"));
        copy.setOnSale(true);
        QList<ProductVariation> variations = copy.variations();
        variations[0].setPrice(1);
        copy.setVariations(variations);
        const Product &row = m_model->products().at(shirt);
        QCOMPARE(row.description(),
                 QStringLiteral("Organic cotton crew-neck T-shirt in three sizes."));
        QVERIFY(!row.isOnSale());
        QCOMPARE(row.variations().constFirst().price(), 1500);
        QCOMPARE(copy.variations().constFirst().price(), 1);
        QCOMPARE(copy.id(), row.id());

        const Product empty;
        QCOMPARE(empty.id(), 0);
        QCOMPARE(empty.stockQuantity(), -1);
        QCOMPARE(empty.maxQuantity(), -1);
        QVERIFY(empty.isPurchasable());
        QVERIFY(empty.variations().isEmpty());
        QVERIFY(ProductVariation().inStock());
    }

    void failureKeepsRows()
    {
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        const int rows = m_model->rowCount();
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/cocart/v2/products");
        fault.status = 500;
        fault.body = "<html>There has been a critical error on this website.</html>";
        m_store->addFault(fault);
        QSignalSpy failed(m_model.get(), &ProductModel::errorOccurred);
        m_model->reload();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(m_model->lastError().kind(), Error::Server);
        QCOMPARE(m_model->rowCount(), rows);
        QVERIFY(!m_model->isLoading());
        // Recovers on the next reload.
        m_model->reload();
        QVERIFY(loaded.wait(5000));
        QVERIFY(!m_model->lastError().isError());
    }

    void signedInRequestsCarryTheBearer()
    {
        Testing::TestTokenStore tokens;
        m_session->setTokenStore(&tokens);
        QSignalSpy in(m_session.get(), &Session::loggedIn);
        m_session->login(QStringLiteral("customer1"), QStringLiteral("customer-pass-123"));
        QVERIFY(in.wait(5000));
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        m_model->setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        const auto requests = m_store->requests();
        bool found = false;
        for (const auto &r : requests) {
            if (r.path == QLatin1String("/wp-json/cocart/v2/products")) {
                QVERIFY(r.header("authorization").startsWith("Bearer "));
                found = true;
            }
        }
        QVERIFY(found);
    }

    // Issue 20 (6): a model set next to login() or restore() loaded as a guest at once and the
    // app reloaded it after sign-in: loaded() twice, the first on the guest's load. The first
    // load now waits for the session to settle: one load, as the signed-in user.
    void firstLoadWaitsForTheSessionToSettle_data()
    {
        QTest::addColumn<bool>("restoring");
        QTest::newRow("signing in") << false;
        QTest::newRow("restoring") << true;
    }

    void firstLoadWaitsForTheSessionToSettle()
    {
        QFETCH(bool, restoring);
        SlowTokenStore tokens;
        if (restoring) {
            // A session saved by an earlier run of the app.
            auto earlier = makeSession(&tokens);
            QVERIFY(signIn(earlier.get()));
            QTRY_VERIFY(!tokens.values().isEmpty());
            // A keychain answers over D-Bus: slower than the model's first turn of the event loop.
            tokens.setReadDelay(300);
        }
        m_session->setTokenStore(&tokens);
        m_store->resetCounters();
        if (restoring)
            m_session->restore();
        else
            m_session->login(kUser, kPassword);
        QCOMPARE(m_session->status(),
                 restoring ? Session::Status::Restoring : Session::Status::SigningIn);

        QList<Session::Status> statusAtLoad;
        connect(m_model.get(), &ProductModel::loaded, this,
                [this, &statusAtLoad] { statusAtLoad << m_session->status(); });
        m_model->setSession(m_session.get());
        QTRY_COMPARE_WITH_TIMEOUT(statusAtLoad.size(), 1, 5000);
        QTest::qWait(300); // no second load follows
        QCOMPARE(statusAtLoad.size(), 1);
        QCOMPARE(statusAtLoad.first(), Session::Status::SignedIn);
        int loads = 0;
        for (const auto &r : m_store->requests()) {
            if (r.path != QLatin1String("/wp-json/cocart/v2/products"))
                continue;
            ++loads;
            QVERIFY2(r.header("authorization").startsWith("Bearer "), "the load went as a guest");
        }
        QCOMPARE(loads, 1);
        m_model->setSession(nullptr);
        m_session.reset(); // before `tokens` goes
    }

    // While the session settles, reload() still loads at once (it is the app's own call).
    void reloadDoesNotWait()
    {
        Testing::TestTokenStore tokens;
        m_session->setTokenStore(&tokens);
        m_session->login(kUser, kPassword);
        m_model->setSession(m_session.get());
        QSignalSpy loaded(m_model.get(), &ProductModel::loaded);
        Reply *reply = m_model->reload();
        QVERIFY(reply);
        QVERIFY(m_model->isLoading());
        QVERIFY(loaded.wait(5000));
        QTRY_COMPARE(m_session->status(), Session::Status::SignedIn);
        m_model->setSession(nullptr);
        m_session.reset();
    }
};

QTEST_GUILESS_MAIN(TestProductModel)
#include "tst_productmodel.moc"
