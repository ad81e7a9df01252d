// Builds against the installed CoCartQt package; refuses an insecure store without the network.
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    CoCart::Session session;
    session.setStoreUrl(QUrl(QStringLiteral("http://shop.example")));
    CoCart::Reply *reply = session.login(QStringLiteral("user"), QStringLiteral("password"));
    QObject::connect(reply, &CoCart::Reply::failed, &app, [&app](const CoCart::Error &error) {
        std::printf("%s\n", qPrintable(error.toString()));
        app.exit(error.kind() == CoCart::Error::InsecureTransport ? 0 : 1);
    });
    QObject::connect(reply, &CoCart::Reply::finished, &app, [&app] { app.exit(1); });
    QTimer::singleShot(5000, &app, [&app] { app.exit(2); });
    return app.exec();
}
