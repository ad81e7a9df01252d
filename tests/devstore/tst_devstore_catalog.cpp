// The devstore's catalogue routes against the recordings of a real CoCart 4.3.6 store
// (shared/cocart/transcripts-2.md sections 1-5): list paging, filters, order, headers, single
// products by id or SKU, variations, categories, and the product images. Raw HTTP only.

#include "devstore_http.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kProducts = QStringLiteral("/wp-json/cocart/v2/products");

QList<int> ids(const QJsonArray &array)
{
    QList<int> out;
    for (const QJsonValue &v : array)
        out.append(v.toObject().value(QLatin1String("id")).toInt());
    return out;
}

// 02a's keys (simple product); 02b has the same set.
const QStringList kProductKeys = sorted({QStringLiteral("id"),
                                         QStringLiteral("parent_id"),
                                         QStringLiteral("name"),
                                         QStringLiteral("type"),
                                         QStringLiteral("slug"),
                                         QStringLiteral("permalink"),
                                         QStringLiteral("sku"),
                                         QStringLiteral("description"),
                                         QStringLiteral("short_description"),
                                         QStringLiteral("dates"),
                                         QStringLiteral("featured"),
                                         QStringLiteral("prices"),
                                         QStringLiteral("hidden_conditions"),
                                         QStringLiteral("average_rating"),
                                         QStringLiteral("review_count"),
                                         QStringLiteral("rating_count"),
                                         QStringLiteral("rated_out_of"),
                                         QStringLiteral("images"),
                                         QStringLiteral("categories"),
                                         QStringLiteral("tags"),
                                         QStringLiteral("attributes"),
                                         QStringLiteral("default_attributes"),
                                         QStringLiteral("variations"),
                                         QStringLiteral("grouped_products"),
                                         QStringLiteral("stock"),
                                         QStringLiteral("weight"),
                                         QStringLiteral("dimensions"),
                                         QStringLiteral("reviews"),
                                         QStringLiteral("related"),
                                         QStringLiteral("upsells"),
                                         QStringLiteral("cross_sells"),
                                         QStringLiteral("total_sales"),
                                         QStringLiteral("external_url"),
                                         QStringLiteral("button_text"),
                                         QStringLiteral("add_to_cart"),
                                         QStringLiteral("meta_data"),
                                         QStringLiteral("_links")});
// 02f / 03a: a variation has fewer keys and no `type`.
const QStringList kVariationKeys = sorted({QStringLiteral("id"),
                                           QStringLiteral("parent_id"),
                                           QStringLiteral("name"),
                                           QStringLiteral("slug"),
                                           QStringLiteral("permalink"),
                                           QStringLiteral("sku"),
                                           QStringLiteral("description"),
                                           QStringLiteral("dates"),
                                           QStringLiteral("featured"),
                                           QStringLiteral("prices"),
                                           QStringLiteral("hidden_conditions"),
                                           QStringLiteral("images"),
                                           QStringLiteral("categories"),
                                           QStringLiteral("tags"),
                                           QStringLiteral("attributes"),
                                           QStringLiteral("stock"),
                                           QStringLiteral("weight"),
                                           QStringLiteral("dimensions"),
                                           QStringLiteral("total_sales"),
                                           QStringLiteral("add_to_cart"),
                                           QStringLiteral("meta_data"),
                                           QStringLiteral("_links")});

} // namespace

class TestDevStoreCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void list_data();
    void list();
    void listErrors_data();
    void listErrors();
    void single_data();
    void single();
    void simpleProductInFull();
    void variableProductInFull();
    void variationOnProductRoute();
    void variations_data();
    void variations();
    void categories();
    void store();
    void images();
    void bearerDoesNotChangeProductHeaders();
    void noCartIsCreated();

private:
    HttpResult get(const QString &path, const QByteArrayList &headers = {})
    {
        return m_client->send("GET", path, headers);
    }
    std::unique_ptr<DevStore> m_store;
    std::unique_ptr<Client> m_client;
};

void TestDevStoreCatalog::init()
{
    m_store = std::make_unique<DevStore>();
    m_store->seedDemoData();
    QVERIFY(m_store->listen());
    m_client = std::make_unique<Client>(m_store.get());
}

void TestDevStoreCatalog::cleanup()
{
    m_client.reset();
    m_store.reset();
}

void TestDevStoreCatalog::list_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<int>>("expectedIds");
    QTest::addColumn<int>("total");
    QTest::addColumn<int>("pages");
    QTest::addColumn<int>("page");
    QTest::addColumn<QString>("prevQuery"); // empty: no prev link
    QTest::addColumn<QString>("nextQuery");

    const QList<int> all = {21, 20, 19, 18, 17, 16, 15, 14, 13, 11};
    const QList<int> kitchen = {16, 15, 14, 13, 10};
    QTest::newRow("01a default") << QString() << all << 11 << 2 << 1 << QString()
                                 << QStringLiteral("page=2");
    QTest::newRow("01i page 2") << QStringLiteral("page=2") << QList<int> {10} << 11 << 2 << 2
                                << QStringLiteral("page=1") << QString();
    QTest::newRow("01b per_page 3 page 2")
            << QStringLiteral("per_page=3&page=2") << QList<int> {18, 17, 16} << 11 << 4 << 2
            << QStringLiteral("per_page=3&page=1") << QStringLiteral("per_page=3&page=3");
    QTest::newRow("01c search mug") << QStringLiteral("search=mug") << QList<int> {14, 13, 10} << 3
                                    << 1 << 1 << QString() << QString();
    QTest::newRow("01d category slug") << QStringLiteral("category=kitchen") << kitchen << 5 << 1
                                       << 1 << QString() << QString();
    QTest::newRow("01e category id")
            << QStringLiteral("category=16") << kitchen << 5 << 1 << 1 << QString() << QString();
    QTest::newRow("01l unknown category") << QStringLiteral("category=nope") << QList<int> {} << 0
                                          << 0 << 1 << QString() << QString();
    QTest::newRow("01k no match") << QStringLiteral("search=zzzz") << QList<int> {} << 0 << 0 << 1
                                  << QString() << QString();
    QTest::newRow("01j price_asc")
            << QStringLiteral("orderby=price_asc&per_page=4") << QList<int> {20, 15, 16, 13} << 11
            << 3 << 1 << QString() << QStringLiteral("orderby=price_asc&per_page=4&page=2");
    QTest::newRow("01n stock_status ignored")
            << QStringLiteral("stock_status=outofstock") << all << 11 << 2 << 1 << QString()
            << QStringLiteral("stock_status=outofstock&page=2");
    QTest::newRow("01o sku") << QStringLiteral("sku=MUG-ENAMEL") << QList<int> {13} << 1 << 1 << 1
                             << QString() << QString();
    QTest::newRow("01p on_sale") << QStringLiteral("on_sale=true") << QList<int> {14} << 1 << 1 << 1
                                 << QString() << QString();
    QTest::newRow("01q type variable") << QStringLiteral("type=variable") << QList<int> {21} << 1
                                       << 1 << 1 << QString() << QString();
    QTest::newRow("category clothing")
            << QStringLiteral("category=clothing") << QList<int> {21, 18, 17, 11} << 4 << 1 << 1
            << QString() << QString();
    QTest::newRow("alphabetical") << QStringLiteral("orderby=alphabetical&per_page=3")
                                  << QList<int> {17, 21, 16} << 11 << 4 << 1 << QString()
                                  << QStringLiteral("orderby=alphabetical&per_page=3&page=2");
}

void TestDevStoreCatalog::list()
{
    QFETCH(QString, query);
    QFETCH(QList<int>, expectedIds);
    QFETCH(int, total);
    QFETCH(int, pages);
    QFETCH(int, page);
    QFETCH(QString, prevQuery);
    QFETCH(QString, nextQuery);

    const HttpResult r =
            get(kProducts + (query.isEmpty() ? QString() : QStringLiteral("?") + query));
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json();
    QVERIFY(body.value(QLatin1String("products")).isArray());
    QCOMPARE(ids(body.value(QLatin1String("products")).toArray()), expectedIds);
    QCOMPARE(body.value(QLatin1String("total_products")).toInt(-1), total);
    QCOMPARE(body.value(QLatin1String("total_pages")).toInt(-1), pages);
    QCOMPARE(body.value(QLatin1String("page")).toInt(-1), page);
    QVERIFY(body.value(QLatin1String("page")).isDouble());
    QCOMPARE(r.header("X-WP-Total"), QByteArray::number(total));
    QCOMPARE(r.header("X-WP-TotalPages"), QByteArray::number(pages));
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QVERIFY(!r.hasHeader("CoCart-Version"));
    QVERIFY(!r.hasHeader("CoCart-API-Cart-Key"));

    const QString base = m_store->url().toString() + kProducts + QStringLiteral("?");
    const QJsonObject links = body.value(QLatin1String("_links")).toObject();
    QStringList expectedKeys = {QStringLiteral("page"), QStringLiteral("products"),
                                QStringLiteral("total_pages"), QStringLiteral("total_products")};
    QByteArrayList linkParts;
    if (!prevQuery.isEmpty()) {
        QCOMPARE(links.value(QLatin1String("prev"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("href"))
                         .toString(),
                 base + prevQuery);
        linkParts.append("<" + (base + prevQuery).toUtf8() + ">; rel=\"prev\"");
    }
    if (!nextQuery.isEmpty()) {
        QCOMPARE(links.value(QLatin1String("next"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("href"))
                         .toString(),
                 base + nextQuery);
        linkParts.append("<" + (base + nextQuery).toUtf8() + ">; rel=\"next\"");
    }
    if (linkParts.isEmpty()) {
        QVERIFY(r.header("Link").contains("rel=\"https://api.w.org/\""));
    } else {
        expectedKeys.append(QStringLiteral("_links"));
        QCOMPARE(r.header("Link"), linkParts.join(", "));
    }
    QCOMPARE(r.keys(), sorted(expectedKeys));
    for (const QJsonValue &p : body.value(QLatin1String("products")).toArray())
        QCOMPARE(sortedKeys(p.toObject()), kProductKeys);
}

void TestDevStoreCatalog::listErrors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("detailCode");

    const QString bounds =
            QStringLiteral("per_page must be between 1 (inclusive) and 100 (inclusive)");
    QTest::newRow("01f page past the end")
            << QStringLiteral("page=5") << QStringLiteral("cocart_products_invalid_page_number")
            << QStringLiteral(
                       "The page number requested is larger than the number of products available.")
            << QString() << QString();
    QTest::newRow("01g per_page 200")
            << QStringLiteral("per_page=200") << QStringLiteral("rest_invalid_param")
            << QStringLiteral("Invalid parameter(s): per_page") << QStringLiteral("per_page")
            << QStringLiteral("rest_out_of_bounds");
    QTest::newRow("01m per_page 0")
            << QStringLiteral("per_page=0") << QStringLiteral("rest_invalid_param")
            << QStringLiteral("Invalid parameter(s): per_page") << QStringLiteral("per_page")
            << QStringLiteral("rest_out_of_bounds");
    QTest::newRow("01h orderby price")
            << QStringLiteral("orderby=price&order=asc") << QStringLiteral("rest_invalid_param")
            << QStringLiteral("Invalid parameter(s): orderby") << QStringLiteral("orderby")
            << QStringLiteral("rest_not_in_enum");
}

void TestDevStoreCatalog::listErrors()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, param);
    QFETCH(QString, detailCode);

    const HttpResult r = get(kProducts + QStringLiteral("?") + query);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.code(), code);
    QCOMPARE(r.message(), message);
    const QJsonObject data = r.json().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("status")).toInt(), 400);
    if (!param.isEmpty()) {
        const QJsonObject detail =
                data.value(QLatin1String("details")).toObject().value(param).toObject();
        QCOMPARE(detail.value(QLatin1String("code")).toString(), detailCode);
        QCOMPARE(data.value(QLatin1String("params")).toObject().value(param).toString(),
                 detail.value(QLatin1String("message")).toString());
        QVERIFY(detail.value(QLatin1String("data")).isNull());
    }
    if (query == QStringLiteral("orderby=price&order=asc"))
        QCOMPARE(data.value(QLatin1String("params")).toObject().value(param).toString(),
                 QStringLiteral("orderby is not one of date, id, menu_order, include, title, slug, "
                                "name, popularity, alphabetical, reverse_alpha, by_stock, "
                                "review_count, on_sale_first, featured_first, price_asc, "
                                "price_desc, sales, and rating."));
    QVERIFY(!r.hasHeader("X-WP-Total"));
}

void TestDevStoreCatalog::single_data()
{
    QTest::addColumn<QString>("idOrSku");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("code");

    QTest::newRow("02a id") << QStringLiteral("14") << 200 << 14 << QString();
    QTest::newRow("02c unknown id")
            << QStringLiteral("99999") << 404 << 0 << QStringLiteral("cocart_product_invalid_id");
    QTest::newRow("02d sku") << QStringLiteral("MUG-TRAVEL") << 200 << 14 << QString();
    QTest::newRow("02e sku lower case") << QStringLiteral("mug-travel") << 200 << 14 << QString();
    QTest::newRow("02h slug is an unknown sku") << QStringLiteral("travel-mug") << 404 << 0
                                                << QStringLiteral("cocart_unknown_product_id");
    QTest::newRow("02f variation id") << QStringLiteral("23") << 200 << 23 << QString();
    QTest::newRow("variation sku") << QStringLiteral("tshirt-classic-s") << 200 << 22 << QString();
}

void TestDevStoreCatalog::single()
{
    QFETCH(QString, idOrSku);
    QFETCH(int, status);
    QFETCH(int, id);
    QFETCH(QString, code);

    const HttpResult r = get(kProducts + QLatin1Char('/') + idOrSku);
    QCOMPARE(r.status, status);
    if (status == 200) {
        QCOMPARE(r.json().value(QLatin1String("id")).toInt(), id);
    } else {
        QCOMPARE(r.code(), code);
        QCOMPARE(r.message(),
                 code == QStringLiteral("cocart_product_invalid_id")
                         ? QStringLiteral("Invalid ID.")
                         : QStringLiteral(
                                   "Product does not exist! Check that you have submitted a "
                                   "product ID or SKU ID correctly for a product that exists."));
    }
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
}

// 02a: the Travel Mug, on sale, stock 2.
void TestDevStoreCatalog::simpleProductInFull()
{
    const HttpResult r = get(kProducts + QStringLiteral("/14"));
    QCOMPARE(r.keys(), kProductKeys);
    const QJsonObject p = r.json();
    QCOMPARE(p.value(QLatin1String("name")).toString(), QStringLiteral("Travel Mug"));
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("simple"));
    QCOMPARE(p.value(QLatin1String("sku")).toString(), QStringLiteral("MUG-TRAVEL"));
    QCOMPARE(p.value(QLatin1String("permalink")).toString(),
             m_store->url().toString() + QStringLiteral("/product/travel-mug/"));
    const QJsonObject prices = p.value(QLatin1String("prices")).toObject();
    QCOMPARE(prices.value(QLatin1String("price")).toString(), QStringLiteral("1150"));
    QCOMPARE(prices.value(QLatin1String("regular_price")).toString(), QStringLiteral("1400"));
    QCOMPARE(prices.value(QLatin1String("sale_price")).toString(), QStringLiteral("1150"));
    QCOMPARE(prices.value(QLatin1String("on_sale")).toBool(), true);
    QVERIFY(prices.value(QLatin1String("price_range")).isArray());
    QCOMPARE(prices.value(QLatin1String("currency"))
                     .toObject()
                     .value(QLatin1String("currency_code"))
                     .toString(),
             QStringLiteral("GBP"));
    const QJsonObject stock = p.value(QLatin1String("stock")).toObject();
    QCOMPARE(stock.value(QLatin1String("stock_quantity")).toInt(), 2);
    QCOMPARE(stock.value(QLatin1String("stock_status")).toString(), QStringLiteral("instock"));
    QCOMPARE(p.value(QLatin1String("weight")).toObject().value(QLatin1String("value")).toString(),
             QStringLiteral("0.3"));
    QVERIFY(p.value(QLatin1String("total_sales")).isDouble());
    QVERIFY(p.value(QLatin1String("average_rating")).isString());
    const QJsonObject add = p.value(QLatin1String("add_to_cart")).toObject();
    QCOMPARE(add.value(QLatin1String("text")).toString(), QStringLiteral("Add to cart"));
    QCOMPARE(add.value(QLatin1String("description")).toString(),
             QStringLiteral("Add to cart: &ldquo;Travel Mug&rdquo;"));
    QCOMPARE(add.value(QLatin1String("purchase_quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(),
             2);
    QCOMPARE(add.value(QLatin1String("rest_url")).toString(),
             m_store->url().toString() +
                     QStringLiteral("/wp-json/cocart/v2/cart/add-item?id=14&quantity=1"));
    QCOMPARE(p.value(QLatin1String("categories"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("slug"))
                     .toString(),
             QStringLiteral("kitchen"));
    QSet<int> related;
    for (const int id : ids(p.value(QLatin1String("related")).toArray()))
        related.insert(id);
    QCOMPARE(related, (QSet<int> {10, 13, 15, 16}));
    const QJsonObject image = p.value(QLatin1String("images")).toArray().at(0).toObject();
    QCOMPARE(image.value(QLatin1String("src")).toObject().size(), 11);
    QVERIFY(p.value(QLatin1String("variations")).toArray().isEmpty());

    // 02g: out of stock still purchasable, max 0, "Read more"
    const QJsonObject beans = get(kProducts + QStringLiteral("/16")).json();
    QCOMPARE(beans.value(QLatin1String("stock"))
                     .toObject()
                     .value(QLatin1String("is_in_stock"))
                     .toBool(true),
             false);
    QCOMPARE(beans.value(QLatin1String("stock"))
                     .toObject()
                     .value(QLatin1String("stock_status"))
                     .toString(),
             QStringLiteral("outofstock"));
    const QJsonObject beansAdd = beans.value(QLatin1String("add_to_cart")).toObject();
    QCOMPARE(beansAdd.value(QLatin1String("text")).toString(), QStringLiteral("Read more"));
    QCOMPARE(beansAdd.value(QLatin1String("is_purchasable")).toBool(), true);
    QCOMPARE(beansAdd.value(QLatin1String("purchase_quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(-1),
             0);
    // 02i: sold individually, stock not managed
    const QJsonObject gift = get(kProducts + QStringLiteral("/19")).json();
    QVERIFY(gift.value(QLatin1String("stock"))
                    .toObject()
                    .value(QLatin1String("stock_quantity"))
                    .isNull());
    QCOMPARE(gift.value(QLatin1String("hidden_conditions"))
                     .toObject()
                     .value(QLatin1String("sold_individually"))
                     .toBool(),
             true);
    QCOMPARE(gift.value(QLatin1String("hidden_conditions"))
                     .toObject()
                     .value(QLatin1String("manage_stock"))
                     .toBool(true),
             false);
    QCOMPARE(gift.value(QLatin1String("add_to_cart"))
                     .toObject()
                     .value(QLatin1String("purchase_quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(),
             1);
}

// 02b: the Classic T-Shirt.
void TestDevStoreCatalog::variableProductInFull()
{
    const HttpResult r = get(kProducts + QStringLiteral("/21"));
    QCOMPARE(r.keys(), kProductKeys);
    const QJsonObject p = r.json();
    QCOMPARE(p.value(QLatin1String("type")).toString(), QStringLiteral("variable"));
    const QJsonObject prices = p.value(QLatin1String("prices")).toObject();
    QCOMPARE(prices.value(QLatin1String("price")).toString(), QStringLiteral("1500"));
    QCOMPARE(prices.value(QLatin1String("sale_price")).toString(), QString());
    QCOMPARE(prices.value(QLatin1String("price_range")).toObject(),
             (QJsonObject {{QStringLiteral("from"), QStringLiteral("1500")},
                           {QStringLiteral("to"), QStringLiteral("1700")}}));
    const QJsonObject size = p.value(QLatin1String("attributes"))
                                     .toObject()
                                     .value(QLatin1String("attribute_size"))
                                     .toObject();
    QCOMPARE(size.value(QLatin1String("name")).toString(), QStringLiteral("Size"));
    QCOMPARE(size.value(QLatin1String("options")).toObject(),
             (QJsonObject {{QStringLiteral("S"), QStringLiteral("S")},
                           {QStringLiteral("M"), QStringLiteral("M")},
                           {QStringLiteral("L"), QStringLiteral("L")}}));
    const QJsonArray variations = p.value(QLatin1String("variations")).toArray();
    QCOMPARE(ids(variations), (QList<int> {22, 23, 24}));
    const QJsonObject m = variations.at(1).toObject();
    QCOMPARE(m.value(QLatin1String("attributes")).toObject(),
             (QJsonObject {{QStringLiteral("attribute_size"), QStringLiteral("M")}}));
    QCOMPARE(m.value(QLatin1String("add_to_cart"))
                     .toObject()
                     .value(QLatin1String("rest_url"))
                     .toString(),
             m_store->url().toString() +
                     QStringLiteral("/wp-json/cocart/v2/cart/"
                                    "add-item?id=23&quantity=1&variation[attribute_size]=M"));
    QCOMPARE(variations.at(2)
                     .toObject()
                     .value(QLatin1String("add_to_cart"))
                     .toObject()
                     .value(QLatin1String("purchase_quantity"))
                     .toObject()
                     .value(QLatin1String("max_purchase"))
                     .toInt(-1),
             0);
    const QJsonObject add = p.value(QLatin1String("add_to_cart")).toObject();
    QCOMPARE(add.value(QLatin1String("text")).toString(), QStringLiteral("Select options"));
    QCOMPARE(add.value(QLatin1String("has_options")).toBool(), true);
    QVERIFY(add.value(QLatin1String("purchase_quantity")).isArray());
    QCOMPARE(add.value(QLatin1String("rest_url")).toString(), QString());
    QVERIFY(p.value(QLatin1String("stock"))
                    .toObject()
                    .value(QLatin1String("stock_quantity"))
                    .isNull());
    QCOMPARE(p.value(QLatin1String("_links"))
                     .toObject()
                     .value(QLatin1String("variations"))
                     .toArray()
                     .size(),
             3);
}

// 02f: a variation id on the product route.
void TestDevStoreCatalog::variationOnProductRoute()
{
    const HttpResult r = get(kProducts + QStringLiteral("/23"));
    QCOMPARE(r.keys(), kVariationKeys);
    const QJsonObject v = r.json();
    QCOMPARE(v.value(QLatin1String("parent_id")).toInt(), 21);
    QCOMPARE(v.value(QLatin1String("name")).toString(), QStringLiteral("Classic T-Shirt - M"));
    QCOMPARE(v.value(QLatin1String("total_sales")).toString(), QStringLiteral("0"));
    QVERIFY(v.value(QLatin1String("categories")).toArray().isEmpty());
    QCOMPARE(v.value(QLatin1String("permalink")).toString(),
             m_store->url().toString() +
                     QStringLiteral("/product/classic-t-shirt/?attribute_size=M"));
    const QJsonObject size = v.value(QLatin1String("attributes"))
                                     .toObject()
                                     .value(QLatin1String("attribute_size"))
                                     .toObject();
    QCOMPARE(size.value(QLatin1String("option")).toObject(),
             (QJsonObject {{QStringLiteral("M"), QStringLiteral("M")}}));
    QVERIFY(v.value(QLatin1String("_links")).toObject().contains(QLatin1String("parent_product")));
}

void TestDevStoreCatalog::variations_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<int>>("expectedIds");

    QTest::newRow("03a variable") << QStringLiteral("/21/variations") << QList<int> {24, 23, 22};
    QTest::newRow("03c simple") << QStringLiteral("/14/variations") << QList<int> {};
    QTest::newRow("03d unknown") << QStringLiteral("/99999/variations") << QList<int> {};
}

void TestDevStoreCatalog::variations()
{
    QFETCH(QString, path);
    QFETCH(QList<int>, expectedIds);

    const HttpResult r = get(kProducts + path);
    QCOMPARE(r.status, 200);
    QVERIFY(r.doc().isArray());
    QCOMPARE(ids(r.array()), expectedIds);
    QCOMPARE(r.header("X-WP-Total"), QByteArray::number(expectedIds.size()));
    QCOMPARE(r.header("X-WP-TotalPages"), QByteArray(expectedIds.isEmpty() ? "0" : "1"));
    for (const QJsonValue &v : r.array()) {
        QCOMPARE(sortedKeys(v.toObject()), kVariationKeys);
        QVERIFY(v.toObject()
                        .value(QLatin1String("_links"))
                        .toObject()
                        .contains(QLatin1String("up")));
    }
    if (!expectedIds.isEmpty()) {
        const QJsonObject l = r.array().at(0).toObject();
        QCOMPARE(l.value(QLatin1String("add_to_cart"))
                         .toObject()
                         .value(QLatin1String("text"))
                         .toString(),
                 QStringLiteral("Read more"));
        QCOMPARE(l.value(QLatin1String("prices"))
                         .toObject()
                         .value(QLatin1String("price"))
                         .toString(),
                 QStringLiteral("1700"));
        // 03b
        const HttpResult one = get(kProducts + QStringLiteral("/21/variations/23"));
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json().value(QLatin1String("sku")).toString(),
                 QStringLiteral("TSHIRT-CLASSIC-M"));
        QCOMPARE(get(kProducts + QStringLiteral("/21/variations/14")).status, 404);
    }
}

// 04a-04c
void TestDevStoreCatalog::categories()
{
    HttpResult r = get(kProducts + QStringLiteral("/categories"));
    QCOMPARE(r.status, 200);
    QCOMPARE(ids(r.array()), (QList<int> {17, 16, 15}));
    QCOMPARE(r.header("X-WP-Total"), QByteArray("3"));
    QList<int> counts;
    for (const QJsonValue &c : r.array())
        counts.append(c.toObject().value(QLatin1String("count")).toInt());
    QCOMPARE(counts, (QList<int> {4, 5, 2}));
    const QStringList keys = sorted({QStringLiteral("id"), QStringLiteral("name"),
                                     QStringLiteral("slug"), QStringLiteral("parent"),
                                     QStringLiteral("description"), QStringLiteral("display"),
                                     QStringLiteral("image"), QStringLiteral("menu_order"),
                                     QStringLiteral("count"), QStringLiteral("_links")});
    QCOMPARE(sortedKeys(r.array().at(0).toObject()), keys);
    QVERIFY(r.array().at(0).toObject().value(QLatin1String("image")).isNull());
    r = get(kProducts + QStringLiteral("/categories/16"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("description")).toString(),
             QStringLiteral("Mugs, towels and things for the kitchen."));
    r = get(kProducts + QStringLiteral("/categories/999"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.code(), QStringLiteral("cocart_term_invalid"));
    QCOMPARE(r.message(), QStringLiteral("Term does not exist."));
}

// 05a
void TestDevStoreCatalog::store()
{
    const HttpResult r = get(QStringLiteral("/wp-json/cocart/v2/store"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("routes")).toObject().size(), 23);
    QCOMPARE(r.json().value(QLatin1String("gmt_offset")).toString(), QStringLiteral("0"));
    QVERIFY(!r.hasHeader("CoCart-Version"));
}

// Every image a product names is served, as a PNG.
void TestDevStoreCatalog::images()
{
    const QJsonArray products = get(kProducts + QStringLiteral("?per_page=100"))
                                        .json()
                                        .value(QLatin1String("products"))
                                        .toArray();
    QCOMPARE(products.size(), 11);
    QSet<QString> urls;
    for (const QJsonValue &p : products)
        urls.insert(p.toObject()
                            .value(QLatin1String("images"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QLatin1String("src"))
                            .toObject()
                            .value(QLatin1String("full"))
                            .toString());
    QCOMPARE(urls.size(), 11); // each product has its own picture
    const QString origin = m_store->url().toString();
    for (const QString &url : urls) {
        QVERIFY2(url.startsWith(origin + QStringLiteral("/wp-content/uploads/")), qPrintable(url));
        const HttpResult image = get(url.mid(origin.size()));
        QCOMPARE(image.status, 200);
        QCOMPARE(image.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(image.body.startsWith("\x89PNG\r\n\x1a\n"));
    }
    QCOMPARE(get(QStringLiteral("/wp-content/uploads/woocommerce-placeholder.png")).status, 200);
    QCOMPARE(get(QStringLiteral("/wp-content/uploads/nope.png")).status, 404);
}

// Product responses keep the guest Cache-Control and carry no CoCart-* headers for a Bearer too.
void TestDevStoreCatalog::bearerDoesNotChangeProductHeaders()
{
    const QByteArray bearer = m_client->loginBearer();
    const HttpResult r = get(kProducts + QStringLiteral("/14"), {bearer});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QVERIFY(!r.hasHeader("CoCart-Timestamp"));
}

// Product and store requests do not create carts.
void TestDevStoreCatalog::noCartIsCreated()
{
    get(kProducts);
    get(kProducts + QStringLiteral("/14"));
    get(QStringLiteral("/wp-json/cocart/v2/store"));
    QVERIFY(m_store->cartKeys().isEmpty());
}

QTEST_GUILESS_MAIN(TestDevStoreCatalog)
#include "tst_devstore_catalog.moc"
