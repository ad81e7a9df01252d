// The product routes: /cocart/v2/products (list, single by id or SKU, variations) and the
// product images under /wp-content/uploads/. Shapes, codes and messages follow transcripts-2,
// sections 1-3; the JSON itself is productjson.cpp's, the taxonomies taxonomyroutes.cpp's.
// Product responses carry no CoCart-* headers and the guest Cache-Control whoever asks.

#include "catalog_p.h"
#include "devstore_p.h"
#include "productjson_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

const QStringList kOrderBy = {u"date"_s,          u"id"_s,
                              u"menu_order"_s,    u"include"_s,
                              u"title"_s,         u"slug"_s,
                              u"name"_s,          u"popularity"_s,
                              u"alphabetical"_s,  u"reverse_alpha"_s,
                              u"by_stock"_s,      u"review_count"_s,
                              u"on_sale_first"_s, u"featured_first"_s,
                              u"price_asc"_s,     u"price_desc"_s,
                              u"sales"_s,         u"rating"_s};

//! WordPress's %l list: "a, b, and c"; two items: "a and b".
QString wpList(const QStringList &items)
{
    if (items.size() == 2)
        return items.at(0) + u" and "_s + items.at(1);
    return items.mid(0, items.size() - 1).join(u", "_s) + u", and "_s + items.constLast();
}

bool truthy(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == u"1"_s || v == u"true"_s || v == u"yes"_s;
}

Response listProducts(const DevStorePrivate &store, const Request &request)
{
    Builder build(store);
    build.showReviews = truthy(request.query.queryItemValue(u"show_reviews"_s, QUrl::FullyDecoded));
    QList<InvalidParam> invalid;
    int page = 1, perPage = 10;
    if (auto bad = integerParam(request, u"page"_s, 1, 1, 0, &page))
        invalid.append(*bad);
    if (auto bad = integerParam(request, u"per_page"_s, 10, 1, 100, &perPage))
        invalid.append(*bad);
    const QString order = request.query.hasQueryItem(u"order"_s)
            ? request.query.queryItemValue(u"order"_s, QUrl::FullyDecoded)
            : u"desc"_s;
    if (order != u"asc"_s && order != u"desc"_s) {
        const QString message =
                u"order is not one of "_s + wpList({u"asc"_s, u"desc"_s}) + QLatin1Char('.');
        invalid.append({u"order"_s, message, u"rest_not_in_enum"_s, QJsonValue::Null});
    }
    const QString orderBy = request.query.hasQueryItem(u"orderby"_s)
            ? request.query.queryItemValue(u"orderby"_s, QUrl::FullyDecoded)
            : u"date"_s;
    if (!kOrderBy.contains(orderBy)) {
        const QString message = u"orderby is not one of "_s + wpList(kOrderBy) + QLatin1Char('.');
        invalid.append({u"orderby"_s, message, u"rest_not_in_enum"_s, QJsonValue::Null});
    }
    if (!invalid.isEmpty())
        return invalidParams(invalid);

    const auto value = [&request](const QString &name) {
        return request.query.queryItemValue(name, QUrl::FullyDecoded).trimmed();
    };
    const Catalog &catalog = store.catalog;
    QList<const Product *> list = catalog.products();
    const auto keep = [&list](const std::function<bool(const Product *)> &predicate) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [&predicate](const Product *p) { return !predicate(p); }),
                   list.end());
    };
    if (const QString search = value(u"search"_s); !search.isEmpty())
        keep([&search](const Product *p) { return p->name.contains(search, Qt::CaseInsensitive); });
    if (const QString category = value(u"category"_s); !category.isEmpty()) {
        bool numeric = false;
        const qint64 id = category.toLongLong(&numeric);
        const Category *c = numeric ? catalog.category(id) : catalog.categoryBySlug(category);
        const qint64 categoryId = c ? c->id : -1;
        keep([categoryId](const Product *p) { return p->categories.contains(categoryId); });
    }
    if (const QString sku = value(u"sku"_s); !sku.isEmpty()) {
        const QStringList skus = sku.split(QLatin1Char(','), Qt::SkipEmptyParts);
        keep([&skus](const Product *p) {
            for (const QString &s : skus) {
                if (p->sku.compare(s.trimmed(), Qt::CaseInsensitive) == 0)
                    return true;
            }
            return false;
        });
    }
    if (const QString type = value(u"type"_s); !type.isEmpty()) {
        keep([&type](const Product *p) {
            return (p->type == Product::Type::Variable ? u"variable"_s : u"simple"_s) == type;
        });
    }
    if (request.query.hasQueryItem(u"on_sale"_s)) {
        const bool wanted = truthy(value(u"on_sale"_s));
        const Builder &b = build;
        keep([wanted, &b](const Product *p) {
            return b.prices(*p).value(u"on_sale"_s).toBool() == wanted;
        });
    }
    if (request.query.hasQueryItem(u"featured"_s) && truthy(value(u"featured"_s)))
        list.clear(); // nothing in the demo catalogue is featured
    const auto ids = [&value](const QString &name) {
        QList<qint64> out;
        for (const QString &part : value(name).split(QLatin1Char(','), Qt::SkipEmptyParts))
            out.append(part.trimmed().toLongLong());
        return out;
    };
    if (const QList<qint64> include = ids(u"include"_s); !include.isEmpty())
        keep([&include](const Product *p) { return include.contains(p->id); });
    if (const QList<qint64> exclude = ids(u"exclude"_s); !exclude.isEmpty())
        keep([&exclude](const Product *p) { return !exclude.contains(p->id); });
    // stock_status is accepted and ignored, as recorded (01n).

    const bool ascending = order == u"asc"_s;
    const auto byDate = [ascending](const Product *a, const Product *b) {
        return ascending ? a->id < b->id : a->id > b->id;
    };
    const auto price = [&build](const Product *p) {
        return build.prices(*p).value(u"price"_s).toString().toLongLong();
    };
    if (orderBy == u"title"_s || orderBy == u"name"_s || orderBy == u"slug"_s) {
        const bool slug = orderBy == u"slug"_s;
        std::stable_sort(list.begin(), list.end(), [ascending, slug](auto a, auto b) {
            const int c = slug ? QString::compare(a->slug, b->slug)
                               : QString::compare(a->name, b->name, Qt::CaseInsensitive);
            return ascending ? c < 0 : c > 0;
        });
    } else if (orderBy == u"alphabetical"_s || orderBy == u"reverse_alpha"_s) {
        const bool reverse = orderBy == u"reverse_alpha"_s;
        std::stable_sort(list.begin(), list.end(), [reverse](auto a, auto b) {
            const int c = QString::compare(a->name, b->name, Qt::CaseInsensitive);
            return reverse ? c > 0 : c < 0;
        });
    } else if (orderBy == u"price_asc"_s || orderBy == u"price_desc"_s) {
        const bool up = orderBy == u"price_asc"_s;
        std::stable_sort(list.begin(), list.end(), byDate);
        std::stable_sort(list.begin(), list.end(), [up, &price](auto a, auto b) {
            return up ? price(a) < price(b) : price(a) > price(b);
        });
    } else if (orderBy == u"by_stock"_s || orderBy == u"on_sale_first"_s) {
        const bool stockFirst = orderBy == u"by_stock"_s;
        std::stable_sort(list.begin(), list.end(), byDate);
        std::stable_sort(list.begin(), list.end(), [stockFirst, &build](auto a, auto b) {
            const QString key = stockFirst ? u"stock"_s : u"prices"_s;
            const auto flag = [&](const Product *p) {
                return stockFirst ? build.stock(*p).value(u"is_in_stock"_s).toBool()
                                  : build.prices(*p).value(u"on_sale"_s).toBool();
            };
            Q_UNUSED(key)
            return flag(a) && !flag(b);
        });
    } else {
        std::stable_sort(list.begin(), list.end(), byDate);
    }

    const int total = static_cast<int>(list.size());
    const int totalPages = (total + perPage - 1) / perPage;
    if (total > 0 && page > totalPages)
        return productError(u"cocart_products_invalid_page_number"_s,
                            u"The page number requested is larger than the number of products "
                            "available."_s,
                            400);

    QJsonArray products;
    for (const Product *p : list.mid((page - 1) * perPage, perPage))
        products.append(build.product(*p));
    QJsonObject body {{u"products"_s, products},
                      {u"page"_s, total > 0 ? page : 1},
                      {u"total_pages"_s, totalPages},
                      {u"total_products"_s, total}};

    const auto pageUrl = [&store, &request](int n) -> QString {
        QUrlQuery query = request.query;
        query.removeAllQueryItems(u"page"_s);
        query.addQueryItem(u"page"_s, QString::number(n));
        return store.restUrl(kProducts) + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    };
    QJsonObject bodyLinks;
    QByteArrayList linkHeader;
    if (total > 0 && page > 1) {
        bodyLinks.insert(u"prev"_s, QJsonArray {links(pageUrl(page - 1))});
        linkHeader.append("<" + pageUrl(page - 1).toUtf8() + ">; rel=\"prev\"");
    }
    if (page < totalPages) {
        bodyLinks.insert(u"next"_s, QJsonArray {links(pageUrl(page + 1))});
        linkHeader.append("<" + pageUrl(page + 1).toUtf8() + ">; rel=\"next\"");
    }
    if (!bodyLinks.isEmpty())
        body.insert(u"_links"_s, bodyLinks);

    Response response = productResponse(body);
    response.setHeader("X-WP-Total", QByteArray::number(total));
    response.setHeader("X-WP-TotalPages", QByteArray::number(totalPages));
    if (!linkHeader.isEmpty())
        response.setHeader("Link", linkHeader.join(", "));
    return response;
}

//! /products/{x}: a numeric id (products and variations) or a SKU, case-insensitive.
const Product *lookup(const Catalog &catalog, const QString &idOrSku, bool *numeric)
{
    bool isNumber = false;
    const qint64 id = idOrSku.toLongLong(&isNumber);
    *numeric = isNumber;
    return isNumber ? catalog.byId(id) : catalog.bySku(idOrSku);
}

} // namespace

void registerProductRoutes(RouteTable &routes, DevStorePrivate &store)
{
    const QString base = u"/wp-json/cocart/v2/products"_s;

    routes.add("GET", base, [&store](Request &request) { return listProducts(store, request); });

    // Taxonomies first: "categories", "tags", ... would otherwise match the product id pattern.
    registerTaxonomyRoutes(routes, store);

    routes.add("GET", base + u"/([\\w-]+)"_s, [&store](Request &request) {
        bool numeric = false;
        const Product *p = lookup(store.catalog, request.captures.value(0), &numeric);
        if (!p && numeric)
            return productError(u"cocart_product_invalid_id"_s, u"Invalid ID."_s, 404);
        if (!p)
            return productError(u"cocart_unknown_product_id"_s,
                                u"Product does not exist! Check that you have submitted a "
                                "product ID or SKU ID correctly for a product that exists."_s,
                                404);
        Builder build(store);
        build.showReviews =
                truthy(request.query.queryItemValue(u"show_reviews"_s, QUrl::FullyDecoded));
        return productResponse(build.product(*p));
    });

    // A simple or unknown parent gives 200 [] (03c, 03d).
    routes.add("GET", base + u"/(\\d+)/variations"_s, [&store](Request &request) {
        const Builder build(store);
        QJsonArray list;
        for (const Product *v : store.catalog.variationsOf(request.captures.value(0).toLongLong()))
            list.append(build.variation(*v, true));
        return listResponse(list);
    });
    routes.add("GET", base + u"/(\\d+)/variations/(\\d+)"_s, [&store](Request &request) {
        const Product *v = store.catalog.byId(request.captures.value(1).toLongLong());
        if (!v || !v->isVariation() || v->parentId != request.captures.value(0).toLongLong())
            return productError(u"cocart_product_invalid_id"_s, u"Invalid ID."_s, 404);
        return productResponse(Builder(store).variation(*v, true));
    });

    // Product images (the catalogue's own PNGs; the placeholder for anything without one).
    routes.add("GET", u"/wp-content/uploads/([\\w.-]+)"_s, [&store](Request &request) {
        if (request.captures.value(0) == u"woocommerce-placeholder-150x150.webp"_s) {
            // WooCommerce 10's placeholder is a WebP; a 1x1 lossless one stands in for it.
            Response response;
            response.body =
                    QByteArray::fromBase64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
            response.contentType = "image/webp";
            response.setHeader("Cache-Control", "max-age=31536000");
            return response;
        }
        const QByteArray bytes = store.catalog.image(request.captures.value(0));
        if (bytes.isEmpty()) {
            Response response;
            response.status = 404;
            response.contentType = "text/html; charset=UTF-8";
            response.body = "<!DOCTYPE html><title>Not Found</title>";
            return response;
        }
        Response response;
        response.body = bytes;
        response.contentType = "image/png";
        response.setHeader("Cache-Control", "max-age=31536000");
        return response;
    });
}

} // namespace CoCartDevStore::Internal
