// The C++ blocks of README.md: each block is the region between two `//! [name]` lines here,
// compiled by docs/snippets/CMakeLists.txt and compared with the Markdown by tst_doc_snippets.
//! [includes]
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
//! [includes]

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcShop, "shop")

namespace DocSnippets {

class Shop : public QObject
{
public:
    void start(const QString &password);
    void callRoutes(CoCart::Session *session);
};

void Shop::start(const QString &password)
{
    //! [restore]
    auto *session = new CoCart::Session(this);
    session->setStoreUrl(QUrl(QStringLiteral("https://shop.example")));
    connect(session, &CoCart::Session::loginFailed, this, [](const CoCart::Error &error) {
        qCWarning(lcShop)
                << error.toString(); // e.g. "InvalidCredentials: The password you entered …"
    });
    session->restore()->then(this, [session, password](CoCart::Reply &restore) {
        if (restore.error()) // nothing saved, or no longer good: sign in
            session->login(QStringLiteral("jo"), password);
        else
            qCInfo(lcShop) << "hello" << session->user().displayName();
    });
    //! [restore]
}

void Shop::callRoutes(CoCart::Session *session)
{
    //! [routes]
    // A route every CoCart store has, with the Reply's signals.
    // finished() comes once for every outcome, after errorOccurred() on a failure.
    CoCart::Reply *reply = session->get(QStringLiteral("/cocart/v2/store"));
    connect(reply, &CoCart::Reply::errorOccurred, this,
            [](const CoCart::Error &error) { qWarning() << error.message(); });
    connect(reply, &CoCart::Reply::finished, this, [reply] {
        if (reply->isSuccess())
            qInfo() << "CoCart" << reply->object().value(u"version").toString();
    });

    // In the shape of QRestAccessManager: one callback, aborted if `this` goes away.
    session->get(QStringLiteral("/cocart/v2/products/categories"), this, [](CoCart::Reply &reply) {
        if (reply.error()) {
            qWarning() << reply.error().message();
            return;
        }
        qInfo() << reply.array().size() << "categories";
    });

    // A route of the shop's own plugin (here a wishlist plugin: not part of CoCart).
    session->post(QStringLiteral("/my-wishlist/v1/items"), QJsonObject {{"product_id", "10"}}, this,
                  [](CoCart::Reply &reply) {
                      if (reply.error()) {
                          qWarning() << reply.error().message();
                          return;
                      }
                      qInfo() << "wishlist:" << reply.json();
                  });
    //! [routes]
}

} // namespace DocSnippets
