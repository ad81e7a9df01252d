// The C++ blocks of docs/calling-routes.md (see readme.cpp).
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>

namespace DocSnippets {

void warn(const QString &text)
{
    qWarning() << text;
}

void showStore(const QJsonObject &store)
{
    qInfo() << store;
}

void showCategories(const QJsonArray &categories)
{
    qInfo() << categories;
}

void addToWishlist(const QJsonValue &json)
{
    qInfo() << json;
}

class Page : public QObject
{
public:
    void show(CoCart::Session *session);
    void chain(CoCart::Session *session);
};

void Page::show(CoCart::Session *session)
{
    //! [signals]
    // Like QNetworkReply: errorOccurred() on a failure, then finished() once, for every outcome.
    CoCart::Reply *reply = session->get(QStringLiteral("/cocart/v2/store"));
    connect(reply, &CoCart::Reply::errorOccurred, this,
            [](const CoCart::Error &e) { warn(e.message()); });
    connect(reply, &CoCart::Reply::finished, this, [reply] {
        if (reply->isSuccess())
            showStore(reply->object());
    });
    //! [signals]

    //! [then]
    session->get(QStringLiteral("/cocart/v2/products/categories"), this, [](CoCart::Reply &r) {
        if (r.error())
            return warn(r.error().message());
        showCategories(r.array());
    });
    //! [then]

    const QJsonObject body {{"product_id", "10"}};
    //! [plugin]
    // Not a CoCart route: one a shop's own wishlist plugin adds.
    session->post(QStringLiteral("/my-wishlist/v1/items"), body, this, [](CoCart::Reply &r) {
        if (r.error())
            return warn(r.error().message());
        addToWishlist(r.json());
    });
    //! [plugin]

    //! [request]
    CoCart::Reply *ping = session->send(
            CoCart::Request::json("POST", QStringLiteral("/my-plugin/v1/ping"), QJsonObject {})
                    .addHeader("X-Client", "kiosk-3")
                    .setAuthentication(CoCart::Request::Authentication::None)
                    .setTimeoutMs(5000)
                    .setRetries(1));
    //! [request]
    ping->abort();
}

void showCart(const QJsonValue &cart)
{
    qInfo() << cart;
}

void Page::chain(CoCart::Session *session)
{
    //! [future]
    // Calls one after the other, without nesting: Qt's QFuture continuations.
    session->get(QStringLiteral("/cocart/v2/store"))
            ->future()
            .then(this,
                  [session](const QJsonValue &store) {
                      showStore(store.toObject());
                      return session->get(QStringLiteral("/cocart/v2/cart"))->future();
                  })
            .unwrap() // the continuation returned the next call's future
            .then(this, [](const QJsonValue &cart) { showCart(cart); })
            .onFailed(this, [](const CoCart::ReplyError &failure) {
                warn(failure.error().message()); // any step's failure; the later steps are skipped
            });
    //! [future]

    //! [headers]
    // The key a plugin of the shop asks every call of the app for, login and refresh included.
    session->setExtraHeaders({{"X-Shop-App-Key", "kiosk-3f9a"}, {"X-Shop-Channel", "kiosk"}});
    //! [headers]
}

} // namespace DocSnippets
