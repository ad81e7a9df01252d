// cocart-devstore: a CoCart 4.3.6 + JWT 3.0.3 compatible store on a local port, for demos,
// scripts and manual testing of the SDK. Scripts read the "listening on URL" line.

#include <CoCartDevStore/DevStore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>
#include <csignal>
#include <unistd.h>
#endif

using CoCartDevStore::Account;
using CoCartDevStore::DevStore;

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "cocart-devstore: %s\n", qPrintable(message));
    std::exit(2);
}

qint64 positiveSeconds(const QCommandLineParser &parser, const QString &option)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0)
        fail(QStringLiteral("--%1 needs a positive number of seconds").arg(option));
    return value;
}

int positiveInt(const QCommandLineParser &parser, const QString &option, const char *what)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value <= 0 || value > std::numeric_limits<int>::max())
        fail(QStringLiteral("--%1 needs a positive number of %2").arg(option, QLatin1String(what)));
    return static_cast<int>(value);
}

#ifdef Q_OS_UNIX
int quitPipe[2] = {-1, -1};

//! SIGINT/SIGTERM end the event loop normally, so the store writes its pending state (it saves
//! changes within 200 ms, not on every request) before the process exits.
void quitOnSignals(QCoreApplication *app)
{
    if (::pipe(quitPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(quitPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, &QCoreApplication::quit);
    const auto handler = [](int) {
        const char byte = 1;
        [[maybe_unused]] const auto written = ::write(quitPipe[1], &byte, 1);
    };
    std::signal(SIGINT, handler);
    std::signal(SIGTERM, handler);
}
#endif

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cocart-devstore"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("A local CoCart-compatible store (CoCart 4.3.6 + JWT Authentication "
                           "3.0.3 behaviour) for the CoCart Qt SDK and demo."));
    parser.addHelpOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        QStringLiteral("Address to listen on (default 127.0.0.1)."),
                                        QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port to listen on; 0 picks a free one "
                                                       "(default 0)."),
                                        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption userOption(
            QStringLiteral("user"),
            QStringLiteral("Adds a customer account (repeatable). The demo customer "
                           "customer1 / customer-pass-123 is always there."),
            QStringLiteral("name:password"));
    const QCommandLineOption accessTtlOption(
            QStringLiteral("access-ttl"),
            QStringLiteral("Access token lifetime in seconds (default 864000)."),
            QStringLiteral("seconds"));
    const QCommandLineOption refreshTtlOption(
            QStringLiteral("refresh-ttl"),
            QStringLiteral("Refresh token lifetime in seconds (default 2592000)."),
            QStringLiteral("seconds"));
    const QCommandLineOption usersFileOption(
            QStringLiteral("users-file"),
            QStringLiteral("Adds the customer accounts in <file>, one NAME:PASSWORD a line (also "
                           "read from $COCART_DEVSTORE_USERS): passwords stay out of argv, which "
                           "every local user can read in ps."),
            QStringLiteral("file"));
    const QCommandLineOption secretOption(
            QStringLiteral("secret"),
            QStringLiteral("JWT signing secret (default: the --state file's, else random for every "
                           "run). --secret-file or $COCART_DEVSTORE_SECRET keep it out of argv."),
            QStringLiteral("secret"));
    const QCommandLineOption secretFileOption(
            QStringLiteral("secret-file"),
            QStringLiteral("Read the JWT signing secret from <file> (its first line)."),
            QStringLiteral("file"));
    const QCommandLineOption allowHostOption(
            QStringLiteral("allow-host"),
            QStringLiteral("Also answer requests for this host name (repeatable; \"*\": any). "
                           "By default only IP addresses and localhost are answered, so a web "
                           "page cannot rebind its own name to this server (DNS rebinding)."),
            QStringLiteral("name"));
    const QCommandLineOption stateOption(
            QStringLiteral("state"),
            QStringLiteral("Keep the secret, token sessions, carts and stock in <file> (JSON), "
                           "loaded on start and saved within 200 ms of a change, so tokens and "
                           "carts survive a restart, on any port (default: memory only)."),
            QStringLiteral("file"));
    const QCommandLineOption logOption(QStringLiteral("log-requests"),
                                       QStringLiteral("Print \"METHOD /path STATUS\" per "
                                                      "request."));
    const CoCartDevStore::ServerLimits defaults;
    const QCommandLineOption maxBodyOption(
            QStringLiteral("max-body"),
            QStringLiteral("Largest request body in bytes; larger ones get 413 (default %1).")
                    .arg(defaults.maxBodyBytes),
            QStringLiteral("bytes"));
    const QCommandLineOption maxConnectionsOption(
            QStringLiteral("max-connections"),
            QStringLiteral("Open connections at most; more are answered 503 and closed "
                           "(default %1).")
                    .arg(defaults.maxConnections),
            QStringLiteral("count"));
    const QCommandLineOption headerTimeoutOption(
            QStringLiteral("header-timeout"),
            QStringLiteral("Milliseconds a client has to send a request's headers (default %1).")
                    .arg(defaults.headerTimeoutMs),
            QStringLiteral("ms"));
    const QCommandLineOption idleTimeoutOption(
            QStringLiteral("idle-timeout"),
            QStringLiteral("Milliseconds before a quiet connection is closed (default %1).")
                    .arg(defaults.idleTimeoutMs),
            QStringLiteral("ms"));
    const QCommandLineOption tlsOption(
            QStringLiteral("tls"),
            QStringLiteral("Serve HTTPS with a self-signed certificate made now (needs the "
                           "openssl command); its PEM file is printed, for clients to trust."));
    const QCommandLineOption tlsCertOption(
            QStringLiteral("tls-cert"),
            QStringLiteral("Serve HTTPS with this PEM certificate (with --tls-key)."),
            QStringLiteral("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
                                          QStringLiteral("The PEM private key of --tls-cert."),
                                          QStringLiteral("file"));
    const QCommandLineOption wooCommerceOption(
            QStringLiteral("woocommerce"),
            QStringLiteral("Behave like WooCommerce 9 (WordPress 6.6 + WooCommerce 9.1, the "
                           "default) or 10 (WordPress 7.1 + WooCommerce 10.0: checkout links, "
                           "load-cart sessions that do not last; transcripts-3)."),
            QStringLiteral("9|10"), QStringLiteral("9"));
    parser.addOptions({hostOption, portOption, userOption, usersFileOption, accessTtlOption,
                       refreshTtlOption, secretOption, secretFileOption, allowHostOption,
                       stateOption, logOption, maxBodyOption, maxConnectionsOption,
                       headerTimeoutOption, idleTimeoutOption, tlsOption, tlsCertOption,
                       tlsKeyOption});
    parser.addOption(wooCommerceOption);
    parser.process(app);

    const QHostAddress host(parser.value(hostOption));
    if (host.isNull())
        fail(QStringLiteral("--host needs an IP address, got \"%1\"")
                     .arg(parser.value(hostOption)));
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535)
        fail(QStringLiteral("--port needs a number from 0 to 65535"));

    DevStore store;
    store.seedDemoData();
    QStringList extraUsers;
    QStringList users = parser.values(userOption);
    if (parser.isSet(usersFileOption)) {
        QFile file(parser.value(usersFileOption));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            fail(QStringLiteral("cannot read --users-file %1").arg(file.fileName()));
        users += QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    users += qEnvironmentVariable("COCART_DEVSTORE_USERS")
                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString spec : qAsConst(users)) {
        spec = spec.trimmed();
        if (spec.isEmpty() || spec.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype colon = spec.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == spec.size() - 1)
            fail(QStringLiteral("--user needs NAME:PASSWORD"));
        Account account;
        account.username = spec.left(colon);
        account.password = spec.mid(colon + 1);
        account.email = account.username.contains(QLatin1Char('@'))
                ? account.username
                : account.username + QStringLiteral("@example.test");
        account.firstName = account.username;
        const qint64 id = store.addAccount(account);
        extraUsers.append(QStringLiteral("%1 (id %2)").arg(account.username).arg(id));
    }
    if (parser.isSet(accessTtlOption))
        store.setAccessTokenTtl(positiveSeconds(parser, accessTtlOption.names().constFirst()));
    if (parser.isSet(refreshTtlOption))
        store.setRefreshTokenTtl(positiveSeconds(parser, refreshTtlOption.names().constFirst()));
    // Before --secret: an explicit secret wins over a saved one.
    if (parser.isSet(stateOption) && !store.setStatePath(parser.value(stateOption)))
        fail(QStringLiteral("cannot use the state file %1").arg(parser.value(stateOption)));
    if (parser.isSet(secretOption) && parser.isSet(secretFileOption))
        fail(QStringLiteral("--secret and --secret-file: give one"));
    QByteArray secret;
    bool secretGiven = false;
    if (parser.isSet(secretFileOption)) {
        QFile file(parser.value(secretFileOption));
        if (!file.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read --secret-file %1").arg(file.fileName()));
        secret = file.readLine().trimmed();
        secretGiven = true;
    } else if (parser.isSet(secretOption)) {
        secret = parser.value(secretOption).toUtf8();
        secretGiven = true;
    } else if (qEnvironmentVariableIsSet("COCART_DEVSTORE_SECRET")) {
        secret = qgetenv("COCART_DEVSTORE_SECRET");
        secretGiven = true;
    }
    if (secretGiven) {
        if (secret.isEmpty())
            fail(QStringLiteral("the JWT secret must not be empty"));
        store.setSecret(secret);
    }
    store.setLogRequests(parser.isSet(logOption));
    DevStore::Stack stack = DevStore::Stack::WooCommerce9;
    if (!DevStore::parseStack(parser.value(wooCommerceOption), &stack))
        fail(QStringLiteral("--woocommerce needs 9 or 10"));
    store.setStack(stack);
    CoCartDevStore::ServerLimits limits;
    if (parser.isSet(maxBodyOption))
        limits.maxBodyBytes = positiveInt(parser, maxBodyOption.names().constFirst(), "bytes");
    if (parser.isSet(maxConnectionsOption))
        limits.maxConnections =
                positiveInt(parser, maxConnectionsOption.names().constFirst(), "connections");
    if (parser.isSet(headerTimeoutOption))
        limits.headerTimeoutMs =
                positiveInt(parser, headerTimeoutOption.names().constFirst(), "milliseconds");
    if (parser.isSet(idleTimeoutOption))
        limits.idleTimeoutMs =
                positiveInt(parser, idleTimeoutOption.names().constFirst(), "milliseconds");
    limits.allowedHosts = parser.values(allowHostOption);
    store.setServerLimits(limits);

    QString tlsCertificateFile;
    std::unique_ptr<QTemporaryDir> certificateDir; // removed with its file at exit
    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption))
        fail(QStringLiteral("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCertOption)) {
        QFile certFile(parser.value(tlsCertOption));
        QFile keyFile(parser.value(tlsKeyOption));
        if (!certFile.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read --tls-cert %1").arg(certFile.fileName()));
        if (!keyFile.open(QIODevice::ReadOnly))
            fail(QStringLiteral("cannot read --tls-key %1").arg(keyFile.fileName()));
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull())
            fail(QStringLiteral("--tls-cert/--tls-key need a PEM certificate and its RSA or EC "
                                "key"));
        store.setTls(certificate, key);
        tlsCertificateFile = certFile.fileName();
    } else if (parser.isSet(tlsOption)) {
        QSslCertificate certificate;
        QSslKey key;
        QString why;
        if (!DevStore::generateSelfSignedCertificate(&certificate, &key, &why))
            fail(QStringLiteral("--tls: %1").arg(why));
        store.setTls(certificate, key);
        // Clients trust it by file (--ca-file); the key stays in memory only. The file goes in a
        // directory made for this run (random name, mode 0700) and is created exclusively: a
        // predictable /tmp name could be a symlink or a file another user planted to be trusted.
        certificateDir = std::make_unique<QTemporaryDir>(
                QDir::temp().filePath(QStringLiteral("cocart-devstore-XXXXXX")));
        if (!certificateDir->isValid())
            fail(QStringLiteral("cannot make a private directory: %1")
                         .arg(certificateDir->errorString()));
        tlsCertificateFile = certificateDir->filePath(QStringLiteral("certificate.pem"));
        QFile out(tlsCertificateFile);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            out.write(certificate.toPem()) < 0 || !out.flush())
            fail(QStringLiteral("cannot write %1").arg(tlsCertificateFile));
    }

    if (!store.listen(host, static_cast<quint16>(port))) {
        certificateDir.reset(); // fail() exits without unwinding
        fail(QStringLiteral("cannot listen on %1:%2").arg(host.toString()).arg(port));
    }

#ifdef Q_OS_UNIX
    // Before the banner: a script that reads it and stops the store at once still gets a clean
    // exit (and the --tls certificate directory removed).
    quitOnSignals(&app);
#endif
    if (!host.isLoopback()) {
        std::fprintf(stderr,
                     "cocart-devstore: warning: listening on %s, beyond this machine: anyone who "
                     "can reach it can sign in with the demo customer's published password and "
                     "use its tokens%s.\n",
                     qPrintable(host.toString()),
                     store.isTls() ? "" : ", and everything travels in plain HTTP");
    }
    const Account demo = DevStore::demoCustomer();
    std::printf("CoCart devstore listening on %s\n", qPrintable(store.url().toString()));
    std::printf("Behaves like: %s\n", qPrintable(DevStore::stackName(store.stack())));
    std::printf("Demo customer: %s / %s (%s, id %lld)\n", qPrintable(demo.username),
                qPrintable(demo.password), qPrintable(demo.email), static_cast<long long>(demo.id));
    for (const QString &user : qAsConst(extraUsers))
        std::printf("Customer: %s\n", qPrintable(user));
    if (!tlsCertificateFile.isEmpty())
        std::printf("TLS certificate: %s\n", qPrintable(tlsCertificateFile));
    if (!store.statePath().isEmpty())
        std::printf("State file: %s\n", qPrintable(store.statePath()));
    std::fflush(stdout);

    return app.exec(); // certificateDir goes with the certificate made for this run
}
