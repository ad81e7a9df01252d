// Signs in to a CoCart store and says who is signed in. The session is saved in the system
// keychain: the first run logs in, the next ones restore it with no request while the token is
// valid. Usage: cocart-console-example STORE_URL USERNAME   (the password: $COCART_PASSWORD)
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cocart-console-example"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: %s STORE_URL USERNAME\n", qPrintable(args.value(0)));
        return 2;
    }

    CoCart::Session session;
    session.setStoreUrl(QUrl(args.at(1)));

    const auto signedIn = [&](const char *how) {
        std::printf("%s: signed in as %s\n", how, qPrintable(session.user().displayName()));
        QCoreApplication::exit(0);
    };
    const auto failed = [](const CoCart::Error &error) {
        std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        QCoreApplication::exit(1);
    };

    // Restore first; log in only if there was nothing to restore (or it was no longer good).
    // Calling login() right after restore() would be refused: the session is busy restoring.
    session.restore()->then(&app, [&](CoCart::Reply &restore) {
        if (!restore.error())
            return signedIn("restored");
        session.login(args.at(2), qEnvironmentVariable("COCART_PASSWORD"))
                ->then(&app, [&](CoCart::Reply &login) {
                    if (login.error())
                        return failed(login.error());
                    signedIn("logged in");
                });
    });
    return app.exec();
}
