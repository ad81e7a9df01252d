// The REST route indexes: GET /wp-json/ (the site index) and GET /wp-json/cocart/v2 and
// /wp-json/cocart/jwt (namespace indexes). The recorded store answered /wp-json/cocart/v2 with 200
// and 31 routes (issue 9); nothing of the bodies was recorded, so their shape is WordPress's
// WP_REST_Server::get_index() / get_namespace_index() / get_data_for_route(): per route its
// namespace, methods and endpoints (methods + args), `allow_batch` where CoCart 4.3 declares it,
// and a self link for routes without parameters. The site index lists only what the devstore
// serves (a real site also has wp/v2, wc/v3, ...). Args name the parameters only, with `required`.

#include "devstore_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

struct Endpoint
{
    QStringList methods;
    QStringList args; //!< "name" or "name!" for a required one
};

struct RouteInfo
{
    QString route; //!< WordPress pattern, e.g. "/cocart/v2/cart/item/(?P<item_key>[\\w]+)"
    QList<Endpoint> endpoints;
    bool batch = false;
};

const QStringList kCartArgs = {u"cart_key"_s, u"fields"_s, u"thumb"_s, u"default"_s};

QList<RouteInfo> cocartV2Routes()
{
    const QString v2 = u"/cocart/v2"_s;
    const QStringList list = {u"context"_s, u"page"_s, u"per_page"_s, u"search"_s};
    const QStringList item = kCartArgs + QStringList {u"item_key!"_s};
    return {
            {v2, {{{u"GET"_s}, {u"namespace"_s, u"context"_s}}}},
            {v2 + u"/store"_s, {{{u"GET"_s}, {}}}},
            {v2 + u"/cart"_s, {{{u"GET"_s}, kCartArgs}}},
            {v2 + u"/cart/add-item"_s,
             {{{u"POST"_s},
               kCartArgs +
                       QStringList {u"id!"_s, u"quantity"_s, u"variation"_s, u"item_data"_s,
                                    u"email"_s, u"phone"_s, u"return_item"_s}}},
             true},
            {v2 + u"/cart/add-items"_s,
             {{{u"POST"_s},
               kCartArgs +
                       QStringList {u"id"_s, u"quantity!"_s, u"email"_s, u"phone"_s,
                                    u"return_items"_s}}},
             true},
            {v2 + u"/cart/item/(?P<item_key>[\\w]+)"_s,
             {{{u"GET"_s}, item},
              {{u"POST"_s}, item + QStringList {u"quantity!"_s, u"return_status"_s}},
              {{u"DELETE"_s}, item + QStringList {u"return_status"_s}},
              {{u"POST"_s, u"PUT"_s, u"PATCH"_s}, item}},
             true},
            {v2 + u"/cart/items"_s, {{{u"GET"_s}, kCartArgs}}},
            {v2 + u"/cart/items/count"_s,
             {{{u"GET"_s}, kCartArgs + QStringList {u"removed_items"_s, u"return"_s}}}},
            {v2 + u"/cart/calculate"_s,
             {{{u"POST"_s}, kCartArgs + QStringList {u"return"_s}}},
             true},
            {v2 + u"/cart/clear"_s,
             {{{u"POST"_s}, kCartArgs + QStringList {u"keep_removed_items"_s}}},
             true},
            {v2 + u"/cart/totals"_s, {{{u"GET"_s}, kCartArgs + QStringList {u"html"_s}}}},
            {v2 + u"/cart/update"_s,
             {{{u"POST"_s}, kCartArgs + QStringList {u"namespace"_s}}},
             true},
            {v2 + u"/login"_s, {{{u"POST"_s}, {}}}},
            {v2 + u"/logout"_s, {{{u"POST"_s}, {}}}},
            {v2 + u"/products"_s,
             {{{u"GET"_s},
               list +
                       QStringList {u"orderby"_s, u"order"_s, u"category"_s, u"tag"_s, u"sku"_s,
                                    u"slug"_s, u"type"_s, u"featured"_s, u"on_sale"_s,
                                    u"min_price"_s, u"max_price"_s, u"stock_status"_s, u"include"_s,
                                    u"exclude"_s, u"show_reviews"_s}}}},
            {v2 + u"/products/(?P<id>[\\w-]+)"_s, {{{u"GET"_s}, {u"id"_s, u"show_reviews"_s}}}},
            {v2 + u"/products/(?P<product_id>[\\d]+)/variations"_s, {{{u"GET"_s}, list}}},
            {v2 + u"/products/(?P<product_id>[\\d]+)/variations/(?P<id>[\\d]+)"_s,
             {{{u"GET"_s}, {u"id"_s}}}},
            {v2 + u"/products/attributes"_s, {{{u"GET"_s}, {u"context"_s}}}},
            {v2 + u"/products/attributes/(?P<id>[\\d]+)"_s, {{{u"GET"_s}, {u"id"_s}}}},
            {v2 + u"/products/attributes/(?P<attribute_id>[\\d]+)/terms"_s,
             {{{u"GET"_s}, list + QStringList {u"attribute_id"_s}}}},
            {v2 + u"/products/attributes/(?P<attribute_id>[\\d]+)/terms/(?P<id>[\\d]+)"_s,
             {{{u"GET"_s}, {u"attribute_id"_s, u"id"_s}}}},
            {v2 + u"/products/categories"_s, {{{u"GET"_s}, list}}},
            {v2 + u"/products/categories/(?P<id>[\\d]+)"_s, {{{u"GET"_s}, {u"id"_s}}}},
            {v2 + u"/products/reviews"_s,
             {{{u"GET"_s}, list + QStringList {u"product"_s, u"order"_s, u"orderby"_s}}}},
            {v2 + u"/products/reviews/(?P<id>[\\d]+)"_s, {{{u"GET"_s}, {u"id"_s}}}},
            {v2 + u"/products/tags"_s, {{{u"GET"_s}, list}}},
            {v2 + u"/products/tags/(?P<id>[\\d]+)"_s, {{{u"GET"_s}, {u"id"_s}}}},
            {v2 + u"/sessions"_s, {{{u"GET"_s}, {}}}},
            {v2 + u"/session/(?P<session_key>[\\w]+)"_s,
             {{{u"GET"_s}, {u"session_key"_s}}, {{u"DELETE"_s}, {u"session_key"_s}}}},
            {v2 + u"/session/(?P<session_key>[\\w]+)/items"_s, {{{u"GET"_s}, {u"session_key"_s}}}},
    };
}

QList<RouteInfo> jwtRoutes()
{
    const QString jwt = u"/cocart/jwt"_s;
    return {
            {jwt, {{{u"GET"_s}, {u"namespace"_s, u"context"_s}}}},
            {jwt + u"/refresh-token"_s, {{{u"POST"_s}, {}}}},
            {jwt + u"/validate-token"_s, {{{u"POST"_s}, {}}}},
    };
}

QJsonObject routeData(const DevStorePrivate &store, const QString &ns, const RouteInfo &info)
{
    QStringList methods;
    QJsonArray endpoints;
    for (const Endpoint &endpoint : info.endpoints) {
        QJsonObject args;
        for (QString arg : endpoint.args) {
            const bool required = arg.endsWith(u'!');
            if (required)
                arg.chop(1);
            args.insert(arg, QJsonObject {{u"required"_s, required}});
        }
        endpoints.append(QJsonObject {{u"methods"_s, QJsonArray::fromStringList(endpoint.methods)},
                                      {u"args"_s, args}});
        for (const QString &method : endpoint.methods) {
            if (!methods.contains(method))
                methods.append(method);
        }
    }
    QJsonObject data {{u"namespace"_s, ns},
                      {u"methods"_s, QJsonArray::fromStringList(methods)},
                      {u"endpoints"_s, endpoints}};
    if (info.batch)
        data.insert(u"allow_batch"_s, QJsonObject {{u"v1"_s, true}});
    if (!info.route.contains(u"(?P<"_s))
        data.insert(
                u"_links"_s,
                QJsonObject {{u"self"_s,
                              QJsonArray {QJsonObject {{u"href"_s, store.restUrl(info.route)}}}}});
    return data;
}

QJsonObject routesObject(const DevStorePrivate &store, const QString &ns,
                         const QList<RouteInfo> &routes)
{
    QJsonObject object;
    for (const RouteInfo &info : routes)
        object.insert(info.route, routeData(store, ns, info));
    return object;
}

Response namespaceIndex(const DevStorePrivate &store, const QString &ns,
                        const QList<RouteInfo> &routes)
{
    return Response::json(QJsonObject {
            {u"namespace"_s, ns},
            {u"routes"_s, routesObject(store, ns, routes)},
            {u"_links"_s,
             QJsonObject {
                     {u"up"_s, QJsonArray {QJsonObject {{u"href"_s, store.restUrl(u"/"_s)}}}}}}});
}

} // namespace

void registerIndexRoutes(RouteTable &routes, DevStorePrivate &store)
{
    routes.add("GET", u"/wp-json/cocart/v2"_s, [&store](Request &) {
        return namespaceIndex(store, u"cocart/v2"_s, cocartV2Routes());
    });
    routes.add("GET", u"/wp-json/cocart/jwt"_s,
               [&store](Request &) { return namespaceIndex(store, u"cocart/jwt"_s, jwtRoutes()); });
    // "/wp-json/" arrives as "/wp-json": the pipeline drops trailing slashes.
    routes.add("GET", u"/wp-json"_s, [&store](Request &) {
        QJsonObject all {
                {u"/"_s,
                 routeData(store, QString(), {u"/"_s, {{{u"GET"_s}, {u"context"_s}}}, false})}};
        for (const auto &[ns, list] : {std::pair {u"cocart/v2"_s, cocartV2Routes()},
                                       std::pair {u"cocart/jwt"_s, jwtRoutes()}}) {
            const QJsonObject part = routesObject(store, ns, list);
            for (auto it = part.constBegin(); it != part.constEnd(); ++it)
                all.insert(it.key(), it.value());
        }
        return Response::json(QJsonObject {
                {u"name"_s, u"CoCart Local"_s},
                {u"description"_s, QString()},
                {u"url"_s, store.baseUrl()},
                {u"home"_s, store.baseUrl()},
                {u"gmt_offset"_s, u"0"_s},
                {u"timezone_string"_s, QString()},
                {u"namespaces"_s, QJsonArray {u"cocart/v2"_s, u"cocart/jwt"_s}},
                {u"authentication"_s, QJsonArray()},
                {u"routes"_s, all},
                {u"_links"_s,
                 QJsonObject {
                         {u"help"_s,
                          QJsonArray {QJsonObject {
                                  {u"href"_s, u"https://developer.wordpress.org/rest-api/"_s}}}}}},
        });
    });
}

} // namespace CoCartDevStore::Internal
