// Calls a route the SDK does not wrap, GET /wp-json/cocart/v2/store, through Session::get():
// the same User-Agent, timeouts and retries as the SDK's own calls (and the Bearer, refresh and
// replay when signed in). Usage: cocart-store-info-example STORE_URL
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: %s STORE_URL\n", qPrintable(args.value(0)));
        return 2;
    }

    CoCart::Session session;
    session.setStoreUrl(QUrl(args.at(1)));

    // The QRestAccessManager shape: a context object and one callback for either outcome.
    session.get(QStringLiteral("/cocart/v2/store"), &app, [](CoCart::Reply &reply) {
        if (reply.error()) {
            std::fprintf(stderr, "%s\n", qPrintable(reply.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        const QJsonObject store = reply.object();
        const QJsonObject address = store.value(QLatin1String("store_address")).toObject();
        std::printf("%s (CoCart %s) in %s, %s\n",
                    qPrintable(store.value(QLatin1String("title")).toString()),
                    qPrintable(store.value(QLatin1String("version")).toString()),
                    qPrintable(address.value(QLatin1String("city")).toString()),
                    qPrintable(address.value(QLatin1String("country")).toString()));
        QCoreApplication::exit(0);
    });
    return app.exec();
}
