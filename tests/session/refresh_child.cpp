// A second (and third) process of the same app for tst_resilience: restores the session saved in
// the shared keychain, waits for "refresh" on stdin, refreshes, and reports on stdout:
//   READY <status>            after restore
//   DONE <status> <fingerprint>  after the refresh (fingerprint: a hash prefix of the saved pair)
//   FAILED <kind>
// Usage: refresh_child STORE_URL KEYCHAIN_SERVICE LOCK_DIR

#include <CoCart/KeychainTokenStore.h>
#include <CoCart/Session.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace CoCart;

static void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cocart-resilience-test"));
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    Session session;
    session.setStoreUrl(QUrl(args.at(1)));
    session.setUserAgent(QStringLiteral("CoCartQtTests/1.0"));
    KeychainTokenStore store(args.at(2));
    session.setTokenStore(&store);
    session.setRefreshLockDirectory(args.at(3));
    session.setAutoRefresh(false);

    auto fingerprint = [&store, &session](std::function<void(QString)> done) {
        store.read(QStringLiteral("session:") + session.storeUrl().toString(),
                   [done](const TokenStore::ReadResult &result) {
                       done(QString::fromLatin1(
                               QCryptographicHash::hash(result.value, QCryptographicHash::Sha256)
                                       .toHex()
                                       .left(12)));
                   });
    };
    QObject::connect(&session, &Session::restored, &app,
                     [&] { say(QStringLiteral("READY %1").arg(int(session.status()))); });
    QObject::connect(&session, &Session::restoreFailed, &app, [&](const Error &error) {
        say(QStringLiteral("FAILED %1").arg(error.kindName()));
        QCoreApplication::exit(1);
    });
    QObject::connect(&session, &Session::refreshed, &app, [&] {
        fingerprint([&](const QString &print) {
            say(QStringLiteral("DONE %1 %2").arg(int(session.status())).arg(print));
            QCoreApplication::exit(session.isSignedIn() ? 0 : 1);
        });
    });
    QObject::connect(&session, &Session::refreshFailed, &app, [&](const Error &error) {
        say(QStringLiteral("FAILED %1").arg(error.kindName()));
        QCoreApplication::exit(1);
    });
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[64];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            input.setEnabled(false);
            return;
        }
        if (QByteArray(buffer, int(n)).contains("refresh"))
            session.refresh();
    });
    session.restore();
    return app.exec();
}
