#pragma once

// Route groups. Each registers its handlers on the store's RouteTable; the shared pipeline
// (pipeline.cpp, with requestlog.cpp and faultinjector.cpp) does authentication, decoration,
// counting, recording and faults for all of them.
// To add a group: write registerXxxRoutes() in its own .cpp and call it from DevStorePrivate().

#include <QJsonObject>
#include <QString>

namespace CoCartDevStore {
class DevStorePrivate;

namespace Internal {
class RouteTable;

//! /cocart/v2/login, /cocart/v2/logout, /cocart/jwt/refresh-token, /cocart/jwt/validate-token
void registerAuthRoutes(RouteTable &routes, DevStorePrivate &store);
//! /cocart/v2/store
void registerStoreRoutes(RouteTable &routes, DevStorePrivate &store);
//! /avatar/<md5 of email>: generated PNG avatars (the login answer's avatar_urls point here)
void registerAvatarRoutes(RouteTable &routes, DevStorePrivate &store);
//! GET /wp-json/ and the namespace indexes /wp-json/cocart/v2 and /wp-json/cocart/jwt
void registerIndexRoutes(RouteTable &routes, DevStorePrivate &store);
//! HTML stand-ins for the website: /cart/ (+ cocart-load-cart), /checkout/, /wp-login.php
void registerWebRoutes(RouteTable &routes, DevStorePrivate &store);
//! /cocart/v2/products (list, by id or SKU, variations) and /wp-content/uploads/; registers the
//! taxonomy routes too, before /products/{id}
void registerProductRoutes(RouteTable &routes, DevStorePrivate &store);
//! /cocart/v2/products/categories, /tags, /attributes (+ terms) and /reviews. Called by
//! registerProductRoutes() before /products/{id}, which would otherwise take "tags" for an
//! unknown SKU.
void registerTaxonomyRoutes(RouteTable &routes, const DevStorePrivate &store);
//! /cocart/v2/cart and everything under it (add-items, update), guest keys and the
//! guest-to-customer handover, and the admin-only /cocart/v2/sessions and /session/{key}
void registerCartRoutes(RouteTable &routes, DevStorePrivate &store);
//! The cart under \a key as a guest would see it (GET /cart, no notices); empty if none.
QJsonObject cartSnapshot(DevStorePrivate &store, const QString &key);

} // namespace Internal
} // namespace CoCartDevStore
