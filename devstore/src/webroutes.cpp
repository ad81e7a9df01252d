// Plain-HTML stand-ins for the store's website, where CoCart carts are paid (WooCommerce's own
// checkout). The SDK's Cart::checkoutUrl() sends a guest to /checkout/?cocart-load-cart=KEY (or,
// on WooCommerce 10, to /checkout-link/?products=ID:QTY,…) and a signed-in customer to
// /wp-login.php?redirect_to=<STORE/checkout/>; these pages make that hand-off work offline:
//   GET  /cart/?cocart-load-cart=KEY  loads that guest cart into a new web session (cookie) and
//   GET  /checkout/?cocart-load-cart=KEY  shows the cart or the checkout. CoCart loads only guest
//                                     carts here: a registered customer's id is refused (403), an
//                                     unknown key gets CoCart's "Cart is not valid!" notice (404).
//                                     On WooCommerce 10 the session is discarded on the next
//                                     request (transcripts-3 section 1), and the page itself,
//                                     whose blocks read the cart from the Store API, shows it
//                                     empty.
//   GET  /checkout-link/?products=ID:QTY,…  WooCommerce 10 only (a 404 page on 9.1): empties a
//                                     new web cart (`t_…`), adds those products or variations and
//                                     redirects to /checkout/?session=…; an item that cannot be
//                                     added is skipped; if none can be, a redirect to
//                                     /cart/?wc_error=… (transcripts-3 section 2)
//   GET  /cart/                       the web session's cart (and a wc_error notice)
//   GET  /wp-json/wc/store/v1/cart    the web session's cart as the Store API shows it (items
//                                     with id, name and quantity; items_count; totals): what the
//                                     cart and checkout blocks read
//   GET  /wp-login.php                the sign-in form; POST log/pwd signs in and redirects to
//                                     redirect_to when it is on this store (else to the home page,
//                                     as wp_safe_redirect() falls back)
//   GET  /checkout/                   the web session's cart (signed-in or loaded guest) with a
//                                     "Place order" button; POST places a stand-in order: no
//                                     payment, the cart is emptied and "Order received" shown.
// Web sessions live in memory only and end like WordPress's sign-in cookie, 48 hours after their
// last use; at most kMaxWebSessions are kept (the least recently used goes first), so a store left
// running does not grow with every load-cart link or sign-in. Everything user- or
// catalogue-provided is HTML-escaped.

#include "cartapi_p.h"
#include "carts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "logging_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <memory>

namespace CoCartDevStore::Internal {

using namespace Qt::StringLiterals;

namespace {

const QByteArray kCookie = "cocart_devstore_web";
constexpr qint64 kWebSessionSeconds = 48 * 3600; // wp_set_auth_cookie() without "remember me"
constexpr qsizetype kMaxWebSessions = 1000;

struct WebSession
{
    qint64 userId = 0; //!< signed in on the website
    QString guestCartKey; //!< a guest cart loaded with cocart-load-cart, or a checkout link's
    //! WooCommerce 10 drops a session made by cocart-load-cart on its next request (its guest
    //! id is CoCart's key, not one of WooCommerce's own `t_…` ids).
    bool discardOnNextRequest = false;
    qint64 lastUsed = 0; //!< store time
    quint64 useOrder = 0; //!< WebState::uses when last used: the least recently used goes first
};

struct WebState
{
    QHash<QString, WebSession> sessions; //!< by cookie value
    int nextOrder = 1001;
    quint64 uses = 0;
};

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString cookieValue(const Request &request)
{
    const QByteArrayList pairs = request.header("cookie").split(';');
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && pair.left(eq).trimmed() == kCookie)
            return QString::fromLatin1(pair.mid(eq + 1).trimmed());
    }
    return {};
}

QByteArray setCookie(const QString &value)
{
    return kCookie + '=' + value.toLatin1() + "; path=/; HttpOnly; SameSite=Lax";
}

//! What WooCommerce 10 answers when it drops a session (transcripts-3 section 1).
QByteArray deleteCookie()
{
    return kCookie + "=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/; HttpOnly";
}

const QString kCheckoutLinkInvalid = u"The provided checkout link was out of date or invalid. "_s
                                     u"No products were added to the cart."_s;

// Enough style to read the pages on a desktop or a phone; no scripts, no external resources.
const QString kStyle = u"<style>body{font-family:sans-serif;max-width:40em;margin:0 auto;"_s
                       u"padding:0 1em 2em;color:#222}.site{background:#7f54b3;color:#fff;"_s
                       u"margin:0 -1em;padding:.8em 1em;font-weight:bold}.site small{"_s
                       u"font-weight:normal;opacity:.85;margin-left:.5em}table{width:100%;"_s
                       u"border-collapse:collapse}th,td{text-align:left;padding:.5em;"_s
                       u"border-bottom:1px solid #ddd}tfoot th,tfoot td{font-weight:bold}"_s
                       u".woocommerce-message{background:#eef7ee;padding:.8em}"_s
                       u".woocommerce-error{background:#fbeaea;padding:.8em 2em}"_s
                       u"a.button,button,input[type=submit]{display:inline-block;background:"_s
                       u"#7f54b3;color:#fff;border:0;border-radius:4px;padding:.8em 1.4em;"_s
                       u"font-size:1em;text-decoration:none;margin-top:1em}"_s
                       u"input[type=text],input[type=password]{display:block;width:100%;"_s
                       u"padding:.5em;margin-top:.3em;box-sizing:border-box}</style>\n"_s;

Response page(const QString &title, const QString &body, int status = 200)
{
    Response response;
    response.status = status;
    response.contentType = "text/html; charset=UTF-8";
    response.body = QString(u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"_s
                            u"<meta name=\"viewport\" content=\"width=device-width\">"_s
                            u"<title>"_s +
                            esc(title) + u" – CoCart Local</title>\n"_s + kStyle +
                            u"</head>\n<body>\n<p class=\"site\">CoCart Local <small>the "_s
                            u"devstore's stand-in for the store's website</small></p>\n<h1>"_s +
                            esc(title) + u"</h1>\n"_s + body + u"</body></html>\n"_s)
                            .toUtf8();
    return response;
}

//! WooCommerce's messages carry `&quot;` (transcripts-3 section 2): as text, before escaping.
QString decodeQuot(QString text)
{
    return text.replace(u"&quot;"_s, u"\""_s);
}

QString notice(const QString &text, bool error = false)
{
    return (error ? u"<ul class=\"woocommerce-error\" role=\"alert\"><li>"_s
                  : u"<div class=\"woocommerce-message\" role=\"status\">"_s) +
            esc(text) + (error ? u"</li></ul>\n"_s : u"</div>\n"_s);
}

class Web
{
public:
    Web(DevStorePrivate &store, WebState &state) : store(store), state(state) { }

    QString money(qint64 minor) const
    {
        const QJsonObject currency = store.catalog.currency();
        const int unit = currency.value(u"currency_minor_unit"_s).toInt(2);
        qint64 scale = 1;
        for (int i = 0; i < unit; ++i)
            scale *= 10;
        const QString sign = minor < 0 ? u"-"_s : QString();
        minor = qAbs(minor);
        QString text = QString::number(minor / scale);
        if (unit > 0)
            text += u'.' + QStringLiteral("%1").arg(minor % scale, unit, 10, QLatin1Char('0'));
        return sign + currency.value(u"currency_symbol"_s).toString() + text;
    }

    //! The cart of a web session's key: a table of its lines and the total; empty if no items.
    QString cartTable(const QString &key, qint64 *total = nullptr) const
    {
        const QJsonObject cart = cartSnapshot(store, key);
        const QJsonArray items = cart.value(u"items"_s).toArray();
        if (items.isEmpty())
            return {};
        QString html = u"<table class=\"shop_table cart\">\n"_s
                       u"<thead><tr><th>Product</th><th>Quantity</th><th>Subtotal</th></tr>"_s
                       u"</thead>\n<tbody>\n"_s;
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QJsonValue quantity = item.value(u"quantity"_s).toObject().value(u"value"_s);
            html += u"<tr class=\"cart_item\"><td class=\"product-name\">"_s +
                    esc(item.value(u"name"_s).toString()) +
                    u"</td><td class=\"product-quantity\">"_s +
                    esc(QString::number(quantity.toDouble())) +
                    u"</td><td class=\"product-subtotal\">"_s +
                    esc(money(item.value(u"totals"_s)
                                      .toObject()
                                      .value(u"subtotal"_s)
                                      .toString()
                                      .toLongLong())) +
                    u"</td></tr>\n"_s;
        }
        const qint64 sum =
                cart.value(u"totals"_s).toObject().value(u"total"_s).toString().toLongLong();
        if (total)
            *total = sum;
        html += u"</tbody>\n<tfoot><tr class=\"order-total\"><th colspan=\"2\">Total</th>"_s
                u"<td class=\"total\">"_s +
                esc(money(sum)) + u"</td></tr></tfoot>\n</table>\n"_s;
        return html;
    }

    //! The cart key a web session shops with: the customer's id, or the loaded guest key.
    static QString cartKey(const WebSession &session)
    {
        return session.userId > 0 ? QString::number(session.userId) : session.guestCartKey;
    }

    //! The request's web session, if it has a live one (its 48 hours start again). A session
    //! WooCommerce 10 drops is dropped here: finish() then tells the browser to delete it.
    const WebSession *session(const Request &request) const
    {
        const auto it = state.sessions.find(cookieValue(request));
        if (it == state.sessions.end())
            return nullptr;
        const qint64 t = store.now();
        if (t - it->lastUsed > kWebSessionSeconds) {
            state.sessions.erase(it);
            return nullptr;
        }
        if (it->discardOnNextRequest) {
            qCDebug(lcDevStore) << "WooCommerce 10: a cocart-load-cart web session is discarded";
            state.sessions.erase(it);
            discarded = true;
            return nullptr;
        }
        it->lastUsed = t;
        it->useOrder = ++state.uses;
        return &it.value();
    }

    //! Keeps \a web under a new cookie, after dropping expired sessions and, at the limit, the
    //! least recently used one. Returns the cookie.
    QString startSession(WebSession web)
    {
        const qint64 t = store.now();
        state.sessions.removeIf(
                [t](const auto &entry) { return t - entry.value().lastUsed > kWebSessionSeconds; });
        while (state.sessions.size() >= kMaxWebSessions) {
            auto oldest = state.sessions.begin();
            for (auto it = state.sessions.begin(); it != state.sessions.end(); ++it) {
                if (it->useOrder < oldest->useOrder)
                    oldest = it;
            }
            state.sessions.erase(oldest);
        }
        const QString cookie = QString::fromLatin1(randomHex(16));
        web.lastUsed = t;
        web.useOrder = ++state.uses;
        state.sessions.insert(cookie, web);
        return cookie;
    }

    //! \a response, with the cookie deletion when session() dropped the request's session.
    Response finish(Response response) const
    {
        if (discarded)
            response.addHeader("Set-Cookie", deleteCookie());
        return response;
    }

    QString who(const WebSession *session) const
    {
        if (!session || session->userId <= 0)
            return {};
        const Account *account = store.accounts.byId(session->userId);
        return account
                ? u"<p class=\"account\">Signed in as "_s + esc(account->displayName) + u".</p>\n"_s
                : QString();
    }

    Response cartPage(const WebSession *session, const QString &prefix = QString(),
                      int status = 200) const
    {
        const QString table = session ? cartTable(cartKey(*session)) : QString();
        QString body = prefix + who(session);
        if (table.isEmpty())
            body += u"<p class=\"cart-empty\">Your cart is currently empty.</p>\n"_s;
        else
            body += table +
                    u"<p><a class=\"checkout-button button\" href=\"/checkout/\">Proceed to "_s
                    u"checkout</a></p>\n"_s;
        return page(u"Cart"_s, body, status);
    }

    //! cocart-load-cart on /cart/ or /checkout/ (\a checkout): loads a guest cart by its key.
    Response loadCart(Request &request, bool checkout)
    {
        const QString key = Carts::sanitizeKey(
                request.query.queryItemValue(u"cocart-load-cart"_s, QUrl::FullyDecoded).trimmed());
        bool numeric = false;
        const qint64 id = key.toLongLong(&numeric);
        if (numeric && id > 0 && store.accounts.byId(id)) {
            qCDebug(lcDevStore) << "load-cart refused a registered customer's cart key";
            return cartPage(nullptr,
                            notice(u"This cart belongs to a registered customer: sign in to see "
                                   "it."_s,
                                   true),
                            403);
        }
        if (key.isEmpty() || !store.carts.find(key))
            return cartPage(
                    nullptr,
                    notice(u"Cart is not valid! If this is an error, contact for help."_s, true),
                    404);
        WebSession web;
        web.guestCartKey = key;
        web.discardOnNextRequest = store.isWooCommerce10();
        const QString cookie = startSession(web);
        // On WooCommerce 10 the page's blocks ask the Store API for the cart, a next request
        // that finds the session gone: the shopper sees an empty cart.
        const WebSession *shown = store.isWooCommerce10() ? nullptr : &state.sessions[cookie];
        Response response = checkout ? checkoutPage(shown) : cartPage(shown);
        response.addHeader("Set-Cookie", setCookie(cookie));
        return response;
    }

    //! WooCommerce 10's checkout link: a new web cart with those items, then the checkout.
    Response checkoutLink(const Request &request)
    {
        if (!store.isWooCommerce10()) {
            // The 2024 stack has no such page: the theme's not-found page.
            Response response =
                    page(u"Page not found"_s,
                         u"<p>It looks like nothing was found at this location.</p>\n"_s, 404);
            return response;
        }
        auto toCart = [this](const QString &error) {
            Response response = page(u"Cart"_s, u""_s, 302);
            QUrl target(store.baseUrl() + u"/cart/"_s);
            QUrlQuery query;
            query.addQueryItem(u"wc_error"_s, QString::fromLatin1(QUrl::toPercentEncoding(error)));
            target.setQuery(query);
            response.setHeader("Location", target.toString(QUrl::FullyEncoded).toUtf8());
            return response;
        };
        const QString products =
                request.query.queryItemValue(u"products"_s, QUrl::FullyDecoded).trimmed();
        QList<QPair<QString, QString>> wanted; // id, quantity
        for (const QString &spec : products.split(u',', Qt::SkipEmptyParts)) {
            const QStringList parts = spec.trimmed().split(u':');
            if (parts.size() != 2 || parts.at(0).trimmed().isEmpty())
                continue;
            wanted.append({parts.at(0).trimmed(), parts.at(1).trimmed()});
        }
        if (wanted.isEmpty())
            return toCart(kCheckoutLinkInvalid);

        // WooCommerce's own guest id, and a cart that holds only the link's items.
        const QString key = u"t_"_s + QString::fromLatin1(randomHex(15));
        QString firstError;
        int added = 0;
        for (const auto &item : wanted) {
            bool numeric = false;
            const qint64 id = item.first.toLongLong(&numeric);
            if (!numeric || !store.catalog.byId(id)) {
                if (firstError.isEmpty())
                    firstError = u"Product with ID &quot;%1&quot; was not found and cannot be "_s
                                 u"added to the cart."_s.arg(item.first.toHtmlEscaped());
                continue;
            }
            // WooCommerce's add-to-cart checks (stock, variation, sold individually): the same
            // as CoCart's add-item, so that one is asked.
            Request add;
            add.method = "POST";
            add.headers.append(
                    qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            add.body =
                    QJsonDocument(QJsonObject {{u"id"_s, item.first}, {u"quantity"_s, item.second}})
                            .toJson(QJsonDocument::Compact);
            const Response answer = CartApi(store).addItem(add, key);
            if (answer.status == 200)
                ++added;
            else
                qCDebug(lcDevStore)
                        << "checkout link: item" << id << "skipped, HTTP" << answer.status;
        }
        if (added == 0) {
            store.carts.remove(key);
            return toCart(firstError.isEmpty() ? kCheckoutLinkInvalid : firstError);
        }
        WebSession web;
        web.guestCartKey = key;
        const QString cookie = startSession(web);
        store.saveState();
        Response response = page(u"Checkout"_s, u""_s, 302);
        // The Store API cart token the real store puts here; this stand-in's checkout reads
        // the cookie and ignores it.
        const QByteArray token = base64UrlEncode(R"({"alg":"HS256","typ":"JWT"})") + '.' +
                base64UrlEncode(QJsonDocument(QJsonObject {{u"user_id"_s, key},
                                                           {u"exp"_s, store.now() + 172800},
                                                           {u"iss"_s, u"store-api"_s}})
                                        .toJson(QJsonDocument::Compact)) +
                '.' + base64UrlEncode(randomBytes(32));
        response.setHeader("Location",
                           (store.baseUrl() + u"/checkout/?session="_s).toUtf8() + token);
        response.addHeader("Set-Cookie", setCookie(cookie));
        return response;
    }

    //! The web session's cart as the Store API shows it (what the cart and checkout blocks read).
    Response storeApiCart(const Request &request) const
    {
        const WebSession *web = session(request);
        const QJsonObject cart = web ? cartSnapshot(store, cartKey(*web)) : QJsonObject();
        QJsonArray items;
        int count = 0;
        for (const QJsonValue &value : cart.value(u"items"_s).toArray()) {
            const QJsonObject item = value.toObject();
            const int quantity =
                    int(item.value(u"quantity"_s).toObject().value(u"value"_s).toDouble());
            count += quantity;
            items.append(QJsonObject {{u"key"_s, item.value(u"item_key"_s)},
                                      {u"id"_s, item.value(u"id"_s).toInteger()},
                                      {u"name"_s, item.value(u"name"_s)},
                                      {u"quantity"_s, quantity}});
        }
        Response response = Response::json(QJsonObject {
                {u"items"_s, items},
                {u"items_count"_s, count},
                {u"totals"_s,
                 QJsonObject {{u"total_price"_s,
                               cart.value(u"totals"_s).toObject().value(u"total"_s)}}}});
        return finish(response);
    }

    //! \a target if it is on this store (absolute with the same origin, or a path), else empty.
    QString sameOrigin(const QString &target) const
    {
        if (target.isEmpty() || target.contains(u'\\') || target.startsWith(u"//"_s))
            return {};
        const QUrl base(store.baseUrl() + u'/');
        const QUrl url = base.resolved(QUrl(target, QUrl::StrictMode));
        if (!url.isValid() || url.scheme() != base.scheme() || url.host() != base.host() ||
            url.port() != base.port() || !url.userInfo().isEmpty())
            return {};
        return url.toString(QUrl::FullyEncoded);
    }

    Response loginForm(const QString &redirectTo, const QString &username = QString(),
                       const QString &error = QString(), int status = 200) const
    {
        QString body = error.isEmpty() ? QString() : notice(error, true);
        body += u"<form name=\"loginform\" id=\"loginform\" action=\"/wp-login.php\" "_s
                u"method=\"post\">\n"_s
                u"<p><label for=\"user_login\">Username or Email Address</label>"_s
                u"<input type=\"text\" name=\"log\" id=\"user_login\" autocomplete=\"username\" "_s
                u"value=\""_s +
                esc(username) +
                u"\"></p>\n"_s
                u"<p><label for=\"user_pass\">Password</label>"_s
                u"<input type=\"password\" name=\"pwd\" id=\"user_pass\" "_s
                u"autocomplete=\"current-password\" value=\"\"></p>\n"_s
                u"<input type=\"hidden\" name=\"redirect_to\" value=\""_s +
                esc(redirectTo) +
                u"\">\n<p><input type=\"submit\" name=\"wp-submit\" id=\"wp-submit\" "_s
                u"value=\"Log In\"></p>\n</form>\n"_s;
        return page(u"Log In"_s, body, status);
    }

    Response login(Request &request)
    {
        const QUrlQuery form = request.formBody();
        const QString username = form.queryItemValue(u"log"_s, QUrl::FullyDecoded).trimmed();
        const QString password = form.queryItemValue(u"pwd"_s, QUrl::FullyDecoded);
        const QString requested = form.hasQueryItem(u"redirect_to"_s)
                ? form.queryItemValue(u"redirect_to"_s, QUrl::FullyDecoded)
                : request.query.queryItemValue(u"redirect_to"_s, QUrl::FullyDecoded);
        QString target = sameOrigin(requested);
        if (target.isEmpty()) {
            if (!requested.isEmpty())
                qCDebug(lcDevStore) << "wp-login.php: off-site redirect_to refused";
            target = store.baseUrl() + u'/';
        }
        Request check = request;
        if (username.isEmpty() || password.isEmpty() ||
            store.checkCredentials(check, username, password, Request::Auth::Params)) {
            // WordPress's wording, never the password; the username is escaped by loginForm.
            return loginForm(target, username,
                             u"Error: The username or password you entered is incorrect."_s);
        }
        WebSession web;
        web.userId = check.userId;
        const QString cookie = startSession(web);
        Response response = page(
                u"Signed in"_s, u"<p><a href=\""_s + esc(target) + u"\">Continue</a></p>\n"_s, 302);
        response.setHeader("Location", target.toUtf8());
        response.addHeader("Set-Cookie", setCookie(cookie));
        return response;
    }

    Response checkoutPage(const WebSession *web) const
    {
        const QString table = web ? cartTable(cartKey(*web)) : QString();
        if (table.isEmpty()) {
            return page(u"Checkout"_s,
                        who(web) +
                                u"<p class=\"cart-empty\">Your cart is currently empty.</p>\n"_s
                                u"<p><a href=\"/cart/\">Return to cart</a></p>\n"_s);
        }
        return page(u"Checkout"_s,
                    who(web) + table +
                            u"<p>This is the devstore's stand-in for WooCommerce's checkout: "_s
                            u"no payment is taken.</p>\n"_s
                            u"<form name=\"checkout\" method=\"post\" action=\"/checkout/\">"_s
                            u"<button type=\"submit\" id=\"place_order\" name=\"place_order\">"_s
                            u"Place order</button></form>\n"_s);
    }

    Response checkout(const Request &request) const
    {
        return finish(checkoutPage(session(request)));
    }

    Response placeOrder(const Request &request)
    {
        const WebSession *web = session(request);
        const QString key = web ? cartKey(*web) : QString();
        qint64 total = 0;
        if (!web || cartTable(key, &total).isEmpty())
            return checkoutPage(web);
        const QString table = cartTable(key);
        Cart &cart = store.carts.ensure(key);
        cart.items.clear();
        cart.removed.clear();
        const int order = state.nextOrder++;
        return page(u"Order received"_s,
                    u"<p class=\"woocommerce-thankyou-order-received\">Thank you. Your order "_s
                    u"has been received.</p>\n<ul class=\"order_details\"><li class=\"order\">"_s
                    u"Order number: <strong>"_s +
                            QString::number(order) +
                            u"</strong></li><li class=\"total\">Total: <strong>"_s +
                            esc(money(total)) + u"</strong></li></ul>\n"_s + table);
    }

    DevStorePrivate &store;
    WebState &state;
    mutable bool discarded = false; //!< session() dropped the request's web session
};

} // namespace

void registerWebRoutes(RouteTable &routes, DevStorePrivate &store)
{
    auto state = std::make_shared<WebState>();
    // The pipeline drops the trailing slash: "/cart/" arrives as "/cart".
    routes.add("GET", u"/cart"_s, [&store, state](Request &request) {
        Web web(store, *state);
        if (request.query.hasQueryItem(u"cocart-load-cart"_s))
            return web.loadCart(request, false);
        const QString error = request.query.queryItemValue(u"wc_error"_s, QUrl::FullyDecoded);
        // WooCommerce shows wc_error as an error notice (its text escaped, as here).
        const WebSession *session = web.session(request);
        return web.finish(web.cartPage(
                session, error.isEmpty() ? QString() : notice(decodeQuot(error), true)));
    });
    routes.add("GET", u"/checkout"_s, [&store, state](Request &request) {
        Web web(store, *state);
        if (request.query.hasQueryItem(u"cocart-load-cart"_s))
            return web.loadCart(request, true);
        return web.checkout(request);
    });
    routes.add("GET", u"/checkout-link"_s, [&store, state](Request &request) {
        return Web(store, *state).checkoutLink(request);
    });
    routes.add("GET", u"/wp-json/wc/store/v1/cart"_s, [&store, state](Request &request) {
        return Web(store, *state).storeApiCart(request);
    });
    routes.add("POST", u"/checkout"_s, [&store, state](Request &request) {
        Web web(store, *state);
        return web.finish(web.placeOrder(request));
    });
    routes.add("GET", u"/wp-login.php"_s, [&store, state](Request &request) {
        const Web web(store, *state);
        QString target =
                web.sameOrigin(request.query.queryItemValue(u"redirect_to"_s, QUrl::FullyDecoded));
        if (target.isEmpty())
            target = store.baseUrl() + u'/';
        return web.loginForm(target);
    });
    routes.add("POST", u"/wp-login.php"_s,
               [&store, state](Request &request) { return Web(store, *state).login(request); });
}

} // namespace CoCartDevStore::Internal
