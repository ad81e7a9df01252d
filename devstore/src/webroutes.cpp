// Plain-HTML stand-ins for the store's website, where CoCart carts are paid (WooCommerce's own
// checkout). The SDK's Cart::checkoutUrl() sends a guest to /cart/?cocart-load-cart=KEY and a
// signed-in customer to /wp-login.php?redirect_to=<STORE/checkout/>; these pages make that
// hand-off work offline:
//   GET  /cart/?cocart-load-cart=KEY  loads that guest cart into a new web session (cookie) and
//                                     shows it. CoCart loads only guest carts here: a registered
//                                     customer's id is refused (403), an unknown key gets CoCart's
//                                     "Cart is not valid!" notice (404).
//   GET  /cart/                       the web session's cart
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

#include "carts_p.h"
#include "catalog_p.h"
#include "devstore_p.h"
#include "logging_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QHash>
#include <QJsonArray>
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
    QString guestCartKey; //!< a guest cart loaded with cocart-load-cart
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

    //! The request's web session, if it has a live one (its 48 hours start again).
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

    Response loadCart(Request &request)
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
        const QString cookie = startSession(web);
        Response response = cartPage(&state.sessions[cookie]);
        response.addHeader("Set-Cookie", setCookie(cookie));
        return response;
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

    Response checkout(const Request &request) const
    {
        const WebSession *web = session(request);
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

    Response placeOrder(const Request &request)
    {
        const WebSession *web = session(request);
        const QString key = web ? cartKey(*web) : QString();
        qint64 total = 0;
        if (!web || cartTable(key, &total).isEmpty())
            return checkout(request);
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
};

} // namespace

void registerWebRoutes(RouteTable &routes, DevStorePrivate &store)
{
    auto state = std::make_shared<WebState>();
    // The pipeline drops the trailing slash: "/cart/" arrives as "/cart".
    routes.add("GET", u"/cart"_s, [&store, state](Request &request) {
        Web web(store, *state);
        if (request.query.hasQueryItem(u"cocart-load-cart"_s))
            return web.loadCart(request);
        return web.cartPage(web.session(request));
    });
    routes.add("GET", u"/checkout"_s,
               [&store, state](Request &request) { return Web(store, *state).checkout(request); });
    routes.add("POST", u"/checkout"_s, [&store, state](Request &request) {
        return Web(store, *state).placeOrder(request);
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
