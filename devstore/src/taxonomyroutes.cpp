// The catalogue's taxonomies and reviews: /cocart/v2/products/categories, /tags, /attributes
// (+ terms) and /reviews. Categories follow transcripts-2, section 4. Tags, attributes and
// reviews were only seen answering 200 lists on the recorded store (which had none of them);
// their shapes and errors are modelled on CoCart's terms and reviews controllers
// (CoCart_REST_Terms_Controller, CoCart_Product_Attributes_Controller,
// CoCart_Product_Reviews_Controller, "view" context).

#include "catalog_p.h"
#include "devstore_p.h"
#include "productjson_p.h"
#include "routes_p.h"

#include <QJsonArray>

#include <algorithm>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

//! A positive integer list parameter the way WP reads one: "10", "10,14" or product[]=10.
QList<qint64> idList(const Request &request, const QString &name)
{
    QList<qint64> out;
    const QUrlQuery &query = request.query;
    QStringList values = query.allQueryItemValues(name, QUrl::FullyDecoded);
    values += query.allQueryItemValues(name + u"[]"_s, QUrl::FullyDecoded);
    for (const QString &value : std::as_const(values)) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (ok && id > 0)
                out.append(id);
        }
    }
    return out;
}

} // namespace

void registerTaxonomyRoutes(RouteTable &routes, const DevStorePrivate &store)
{
    const QString base = u"/wp-json/cocart/v2/products"_s;

    routes.add("GET", base + u"/categories"_s, [&store](Request &) {
        const Builder build(store);
        QJsonArray list;
        for (const Category &c : store.catalog.categories())
            list.append(build.category(c));
        return listResponse(list);
    });
    routes.add("GET", base + u"/categories/(\\d+)"_s, [&store](Request &request) {
        const Category *c = store.catalog.category(request.captures.value(0).toLongLong());
        if (!c)
            return productError(u"cocart_term_invalid"_s, u"Term does not exist."_s, 404);
        return productResponse(Builder(store).category(*c));
    });

    routes.add("GET", base + u"/tags"_s, [&store](Request &) {
        const Builder build(store);
        QJsonArray list;
        for (const Tag &t : store.catalog.tags())
            list.append(build.tag(t));
        return listResponse(list);
    });
    routes.add("GET", base + u"/tags/(\\d+)"_s, [&store](Request &request) {
        const Tag *t = store.catalog.tag(request.captures.value(0).toLongLong());
        if (!t)
            return productError(u"cocart_term_invalid"_s, u"Term does not exist."_s, 404);
        return productResponse(Builder(store).tag(*t));
    });

    // Global (taxonomy) attributes. The demo catalogue's Size is a custom product attribute
    // (id 0), like the recorded T-shirt's, so the store has none: 200 [].
    routes.add("GET", base + u"/attributes"_s,
               [](Request &) { return listResponse(QJsonArray()); });
    routes.add("GET", base + u"/attributes/(\\d+)"_s, [](Request &) {
        return productError(u"cocart_attribute_invalid"_s, u"Attribute does not exist."_s, 404);
    });
    for (const QString &terms : {QString(base + u"/attributes/(\\d+)/terms"_s),
                                 QString(base + u"/attributes/(\\d+)/terms/(\\d+)"_s)}) {
        routes.add("GET", terms, [](Request &) {
            return productError(u"cocart_taxonomy_invalid"_s, u"Taxonomy does not exist."_s, 404);
        });
    }

    routes.add("GET", base + u"/reviews"_s, [&store](Request &request) {
        QList<InvalidParam> invalid;
        int page = 1, perPage = 10;
        if (auto bad = integerParam(request, u"page"_s, 1, 1, 0, &page))
            invalid.append(*bad);
        if (auto bad = integerParam(request, u"per_page"_s, 10, 1, 100, &perPage))
            invalid.append(*bad);
        if (!invalid.isEmpty())
            return invalidParams(invalid);
        const QList<qint64> products = idList(request, u"product"_s);
        QList<Review> reviews = store.catalog.reviews();
        if (!products.isEmpty()) {
            reviews.erase(std::remove_if(reviews.begin(), reviews.end(),
                                         [&products](const Review &r) {
                                             return !products.contains(r.productId);
                                         }),
                          reviews.end());
        }
        const Builder build(store);
        QJsonArray list;
        for (const Review &r : reviews.mid((page - 1) * perPage, perPage))
            list.append(build.review(r));
        const int total = static_cast<int>(reviews.size());
        Response response = productResponse(list);
        response.setHeader("X-WP-Total", QByteArray::number(total));
        response.setHeader("X-WP-TotalPages", QByteArray::number((total + perPage - 1) / perPage));
        return response;
    });
    routes.add("GET", base + u"/reviews/(\\d+)"_s, [&store](Request &request) {
        const Review *r = store.catalog.review(request.captures.value(0).toLongLong());
        if (!r)
            return productError(u"cocart_review_invalid_id"_s, u"Invalid review ID."_s, 404);
        return productResponse(Builder(store).review(*r));
    });
}

} // namespace CoCartDevStore::Internal
