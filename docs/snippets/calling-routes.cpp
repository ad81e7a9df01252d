// The C++ blocks of docs/calling-routes.md (see readme.cpp).
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

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

} // namespace DocSnippets
