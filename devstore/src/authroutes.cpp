// Login, logout and the JWT plugin's refresh/validate routes (CoCart 4.3.6 + JWT 3.0.3).

#include "devstore_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>

namespace CoCartDevStore::Internal {

namespace {

const QString kDevNote = QStringLiteral("Don't forget to store the users login information in "
                                        "order to authenticate all other routes with CoCart.");

//! CoCart 4.3.6 reads login parameters from $_REQUEST: form body or query, never a JSON body.
std::optional<QString> requestParam(const Request &request, const QString &name)
{
    const QUrlQuery form = request.formBody();
    if (form.hasQueryItem(name))
        return form.queryItemValue(name, QUrl::FullyDecoded);
    if (request.query.hasQueryItem(name))
        return request.query.queryItemValue(name, QUrl::FullyDecoded);
    return std::nullopt;
}

Response forbidden(const QString &code, const QString &message)
{
    return Response::error(code, message, 403);
}

QJsonObject loginBody(const DevStorePrivate &store, const Account &account, const Session &session)
{
    QJsonObject avatars;
    for (const int size : {24, 48, 96})
        avatars.insert(
                QString::number(size),
                Accounts::avatarUrl(store.baseUrl(), account.email, size, store.isWooCommerce10()));
    return QJsonObject {
            {QStringLiteral("user_id"), QString::number(account.id)},
            {QStringLiteral("first_name"), account.firstName},
            {QStringLiteral("last_name"), account.lastName},
            {QStringLiteral("display_name"), account.displayName},
            {QStringLiteral("role"), QStringLiteral("Customer")},
            {QStringLiteral("avatar_urls"), avatars},
            {QStringLiteral("email"), account.email},
            {QStringLiteral("extras"),
             QJsonObject {
                     {QStringLiteral("jwt_token"), QString::fromLatin1(session.accessToken)},
                     {QStringLiteral("jwt_refresh"), QString::fromLatin1(session.refreshToken)},
             }},
            {QStringLiteral("dev_note"), kDevNote},
    };
}

//! The cookies wp_clear_auth_cookie() expires on logout (17 Set-Cookie headers).
void addLogoutCookies(Response &response, const DevStorePrivate &store, qint64 userId)
{
    const QByteArray hash =
            QCryptographicHash::hash(store.baseUrl().toUtf8(), QCryptographicHash::Md5).toHex();
    const QByteArray expires = QDateTime::fromSecsSinceEpoch(store.now() - 31536000, Qt::UTC)
                                       .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                       .toLatin1();
    const QByteArray uid = QByteArray::number(userId);
    const QList<QPair<QByteArray, QByteArray>> cookies = {
            {"wordpress_" + hash, "/wp-admin"},
            {"wordpress_sec_" + hash, "/wp-admin"},
            {"wordpress_" + hash, "/wp-content/plugins"},
            {"wordpress_sec_" + hash, "/wp-content/plugins"},
            {"wordpress_logged_in_" + hash, "/"},
            {"wordpress_logged_in_" + hash, "/"},
            {"wp-settings-" + uid, "/"},
            {"wp-settings-time-" + uid, "/"},
            {"wordpress_" + hash, "/"},
            {"wordpress_" + hash, "/"},
            {"wordpress_sec_" + hash, "/"},
            {"wordpress_sec_" + hash, "/"},
            {"wordpressuser_" + hash, "/"},
            {"wordpresspass_" + hash, "/"},
            {"wordpressuser_" + hash, "/"},
            {"wordpresspass_" + hash, "/"},
            {"wp-postpass_" + hash, "/"},
    };
    for (const auto &cookie : cookies)
        response.addHeader("Set-Cookie",
                           cookie.first + "=%20; expires=" + expires +
                                   "; Max-Age=0; path=" + cookie.second);
}

} // namespace

void registerAuthRoutes(RouteTable &routes, DevStorePrivate &store)
{
    // --- POST /cocart/v2/login ---
    // Permission: an authenticated user. Basic and Bearer were handled by the global check;
    // form/query credentials are tried here. A JSON body is not read by CoCart 4.3.6.
    const Permission loginPermission = [&store](Request &request) -> std::optional<Response> {
        if (request.userId > 0)
            return std::nullopt;
        const std::optional<QString> username = requestParam(request, QStringLiteral("username"));
        const std::optional<QString> password = requestParam(request, QStringLiteral("password"));
        const bool hasUser = username && !username->isEmpty();
        const bool hasPassword = password && !password->isEmpty();
        if (!hasUser && !hasPassword)
            return Response::error(QStringLiteral("cocart_rest_not_authorized"),
                                   QStringLiteral("Sorry, you are not authorized."), 401);
        if (!hasUser || !hasPassword)
            return Response::error(QStringLiteral("cocart_authentication_error"),
                                   QStringLiteral("Authentication invalid!"), 401);
        return store.checkCredentials(request, *username, *password, Request::Auth::Params);
    };
    routes.add(
            "POST", QStringLiteral("/wp-json/cocart/v2/login"),
            [&store](Request &request) {
                const Account *account = store.accounts.byId(request.userId);
                if (!account)
                    return Response::error(QStringLiteral("cocart_rest_not_authorized"),
                                           QStringLiteral("Sorry, you are not authorized."), 401);
                // Logged in by a valid Bearer: the JWT plugin hands back the same pair.
                if (request.auth == Request::Auth::Bearer) {
                    if (const Session *stored = store.tokens.sessionByPat(request.pat)) {
                        Session session = *stored;
                        session.accessToken = request.bearerToken;
                        session.refreshToken = store.tokens.refreshTokenOf(session);
                        if (!session.refreshToken.isEmpty())
                            return Response::json(loginBody(store, *account, session));
                    }
                }
                const Session session = store.tokens.issue(account->id, account->username,
                                                           request.clientIp, request.userAgent);
                return Response::json(loginBody(store, *account, session));
            },
            CoCartHeaders, loginPermission);

    // --- POST /cocart/v2/logout ---
    routes.add("POST", QStringLiteral("/wp-json/cocart/v2/logout"), [&store](Request &request) {
        const qint64 userId = request.userId;
        if (userId > 0)
            store.tokens.revokeUser(userId); // every device, every refresh token
        request.userId = 0; // the response goes out as a guest's
        request.auth = Request::Auth::None;
        Response response = Response::json(QJsonValue(true));
        addLogoutCookies(response, store, userId);
        return response;
    });

    // --- POST /cocart/jwt/refresh-token ---
    // Public; does not check IP/UA itself. The new token is bound to this request's IP and UA.
    routes.add(
            "POST", QStringLiteral("/wp-json/cocart/jwt/refresh-token"),
            [&store](Request &request) {
                const std::optional<QString> refreshToken =
                        request.param(QStringLiteral("refresh_token"));
                if (!refreshToken || refreshToken->isEmpty())
                    return forbidden(QStringLiteral("cocart_jwt_auth_missing_refresh_token"),
                                     QStringLiteral("Refresh token is required."));
                const Session *session = store.tokens.sessionByRefreshToken(refreshToken->toUtf8());
                if (!session)
                    return forbidden(QStringLiteral("cocart_authentication_error"),
                                     QStringLiteral("Invalid refresh token."));
                if (store.now() > session->refreshExpiresAt)
                    return forbidden(QStringLiteral("cocart_authentication_error"),
                                     QStringLiteral("Refresh token expired."));
                const Account *account = store.accounts.byId(session->userId);
                if (!account)
                    return forbidden(QStringLiteral("cocart_authentication_error"),
                                     QStringLiteral("Authentication failed."));

                // Rotation: the old access token and refresh token die now.
                store.tokens.destroySession(QString(session->pat));
                const Session fresh = store.tokens.issue(account->id, account->username,
                                                         request.clientIp, request.userAgent);
                return Response::json(QJsonObject {
                        {QStringLiteral("token"), QString::fromLatin1(fresh.accessToken)},
                        {QStringLiteral("refresh_token"), QString::fromLatin1(fresh.refreshToken)},
                });
            });

    // --- POST /cocart/jwt/validate-token ---
    // Bad tokens never get here (the global check answers 403); no token is a WP permission 401.
    routes.add(
            "POST", QStringLiteral("/wp-json/cocart/jwt/validate-token"),
            [](Request &) {
                return Response::json(QJsonObject {
                        {QStringLiteral("message"), QStringLiteral("Token is valid.")}});
            },
            NoFlags,
            [](Request &request) -> std::optional<Response> {
                if (request.userId > 0)
                    return std::nullopt;
                return Response::error(QStringLiteral("rest_forbidden"),
                                       QStringLiteral("Sorry, you are not allowed to do that."),
                                       401);
            });
}

} // namespace CoCartDevStore::Internal
