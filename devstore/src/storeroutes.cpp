// GET /cocart/v2/store: public store information (transcripts-2, 05a). No CoCart-* headers.

#include "devstore_p.h"
#include "routes_p.h"

#include <QJsonArray>
#include <QJsonObject>

namespace CoCartDevStore::Internal {

void registerStoreRoutes(RouteTable &routes, DevStorePrivate &store)
{
    routes.add("GET", QStringLiteral("/wp-json/cocart/v2/store"), [&store](Request &) {
        static const char *const names[][2] = {
                {"cart", "/cart"},
                {"cart-add-item", "/cart/add-item"},
                {"cart-add-items", "/cart/add-items"},
                {"cart-item", "/cart/item/{item_key}"},
                {"cart-items", "/cart/items"},
                {"cart-items-count", "/cart/items/count"},
                {"cart-calculate", "/cart/calculate"},
                {"cart-clear", "/cart/clear"},
                {"cart-totals", "/cart/totals"},
                {"cart-update", "/cart/update"},
                {"login", "/login"},
                {"logout", "/logout"},
                {"products", "/products"},
                {"products-attributes", "/products/attributes"},
                {"products-categories", "/products/categories"},
                {"products-reviews", "/products/reviews"},
                {"products-tags", "/products/tags"},
                {"products-variations", "/products/{product_id}/variations"},
                {"products-variation", "/products/{product_id}/variations/{variation_id}"},
                {"sessions", "/sessions"},
                {"sessions-view-session", "/sessions/{session_id}"},
                {"sessions-view-items", "/sessions/{session_id}/items"},
                {"sessions-delete-session", "/sessions/{session_id}"},
        };
        QJsonObject routeUrls;
        for (const auto &name : names)
            routeUrls.insert(QLatin1String(name[0]),
                             store.restUrl(QStringLiteral("/cocart/v2") + QLatin1String(name[1])));
        return Response::json(QJsonObject {
                {QStringLiteral("version"), QStringLiteral("4.3.6")},
                {QStringLiteral("routes"), routeUrls},
                {QStringLiteral("title"), QStringLiteral("CoCart Local")},
                {QStringLiteral("description"), QString()},
                {QStringLiteral("home_url"), store.baseUrl()},
                {QStringLiteral("language"), QStringLiteral("en-US")},
                {QStringLiteral("gmt_offset"), QStringLiteral("0")},
                {QStringLiteral("timezone_string"), QStringLiteral("+00:00")},
                {QStringLiteral("store_address"),
                 QJsonObject {
                         {QStringLiteral("address"), QStringLiteral("1 Test Street")},
                         {QStringLiteral("address_2"), QString()},
                         {QStringLiteral("city"), QStringLiteral("London")},
                         {QStringLiteral("country"), QStringLiteral("GB")},
                         {QStringLiteral("postcode"), QStringLiteral("SW1A 1AA")},
                 }},
                {QStringLiteral("_links"),
                 QJsonObject {
                         {QStringLiteral("help"),
                          QJsonArray {QJsonObject {{QStringLiteral("href"),
                                                    QStringLiteral("https://docs.cocart.xyz")}}}}}},
        });
    });
}

} // namespace CoCartDevStore::Internal
