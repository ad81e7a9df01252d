#pragma once

// Route groups. Each registers its handlers on the store's RouteTable; the shared pipeline in
// devstore.cpp does authentication, decoration, counting, recording and faults for all of them.
// To add a group: write registerXxxRoutes() in its own .cpp and call it from DevStorePrivate().

namespace CoCartDevStore {
class DevStorePrivate;

namespace Internal {
class RouteTable;

//! /cocart/v2/login, /cocart/v2/logout, /cocart/jwt/refresh-token, /cocart/jwt/validate-token
void registerAuthRoutes(RouteTable &routes, DevStorePrivate &store);
//! /cocart/v2/store
void registerStoreRoutes(RouteTable &routes, DevStorePrivate &store);

} // namespace Internal
} // namespace CoCartDevStore
