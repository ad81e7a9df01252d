// cocart — a command-line client for CoCart stores, built on the CoCartQt SDK.
//
//   cocart --store URL login USER      (password from $COCART_PASSWORD or a no-echo prompt)
//   cocart --store URL whoami | validate | refresh | logout
//   cocart --store URL products [--search S] | cart | add ID [QTY] | set KEY QTY | remove KEY |
//   clear | checkout-url
//   cocart --store URL store | get /ROUTE   (any route under /wp-json, with the saved sign-in)
//
// Tokens are kept in the OS keychain between runs (--token-store memory for throwaway runs).

#include "cartcommands.h"
#include "passwordprompt.h"

#include <CoCart/Error.h>
#include <CoCart/KeychainTokenStore.h>
#include <CoCart/MemoryTokenStore.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/version.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <functional>

using CoCart::Error;
using CoCart::Session;

namespace {

enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuth = 3,
    ExitNetwork = 4,
    ExitStorage = 5,
};

/*!
    \a text as a terminal may show it: store strings (messages, names, keys, a redirect's
    Location) reach the screen through here, and an ESC, CR or C1 control in them would move the
    cursor, rewrite what is on screen or set the window title; bidi overrides would reorder it.
    Line feeds and tabs stay; --json output is JSON-escaped and does not come through here.
*/
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f) ||
                (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
                u == 0x200f || u == 0x061c;
        if (!control)
            out += c;
    }
    return out;
}

void printTo(FILE *stream, const QString &text)
{
    std::fputs(printable(text).toLocal8Bit().constData(), stream);
}

int exitCodeFor(const Error &error)
{
    switch (error.kind()) {
    case Error::NoError:
        return ExitOk;
    case Error::InvalidCredentials:
    case Error::SessionExpired:
    case Error::Unauthorized:
    case Error::Forbidden:
        return ExitAuth;
    case Error::Network:
    case Error::Timeout:
    case Error::Tls:
    case Error::RateLimited:
    case Error::Server:
        return ExitNetwork;
    case Error::Storage:
        return ExitStorage;
    case Error::Configuration:
    case Error::InsecureTransport:
        return ExitUsage;
    default:
        return ExitFailure;
    }
}

QJsonObject errorJson(const Error &error)
{
    return QJsonObject {{QLatin1String("kind"), error.kindName()},
                        {QLatin1String("code"), error.code()},
                        {QLatin1String("message"), error.message()},
                        {QLatin1String("httpStatus"), error.httpStatus()}};
}

/*!
    Checks a --store value before it is used: a URL with a user name or password is refused (its
    password would end up in output and logs; sign in with `cocart login` instead) and a port
    outside 1-65535 is named. Returns a usage message, empty when the text is fine. Never echoes
    the URL's user info.
*/
QString storeUrlProblem(const QString &text)
{
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    QString authority = schemeEnd >= 0 ? text.mid(schemeEnd + 3) : text;
    static const QRegularExpression authorityEnd(QStringLiteral("[/?#]"));
    const qsizetype end = authority.indexOf(authorityEnd);
    if (end >= 0)
        authority.truncate(end);
    if (authority.contains(QLatin1Char('@')))
        return QStringLiteral("the store URL must not contain a user name or password: sign in "
                              "with `cocart --store URL login USER`");
    static const QRegularExpression port(QStringLiteral(":(\\d*)$"));
    const QRegularExpressionMatch m = port.match(authority);
    if (m.hasMatch() && !authority.endsWith(QLatin1Char(']'))) {
        bool ok = false;
        const int value = m.captured(1).toInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return QStringLiteral("invalid port %1 in the store URL (1-65535)")
                    .arg(m.captured(1).left(10));
    }
    const QUrl url = QUrl::fromUserInput(text);
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("invalid store URL");
    return {};
}

QJsonObject userJson(const Session &session)
{
    const CoCart::User user = session.user();
    return QJsonObject {
            {QLatin1String("id"), user.id()},
            {QLatin1String("username"), user.username()},
            {QLatin1String("displayName"), user.displayName()},
            {QLatin1String("email"), user.email()},
            {QLatin1String("role"), user.role()},
            {QLatin1String("avatarUrl"), user.avatarUrl().toString()},
    };
}

class Cli
{
public:
    Cli(Session *session, bool json) : m_session(session), m_json(json) { }

    // Prints the result and quits the event loop with the right exit code.
    void succeed(const QString &text, QJsonObject object)
    {
        if (m_json) {
            object.insert(QLatin1String("ok"), true);
            std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
        } else if (!text.isEmpty()) {
            printTo(stdout, text + QLatin1Char('\n'));
        }
        std::fflush(stdout);
        QCoreApplication::exit(ExitOk);
    }

    void failWith(const Error &error)
    {
        printTo(stderr, QStringLiteral("cocart: %1\n").arg(error.toString()));
        if (m_json) {
            const QJsonObject object {{QLatin1String("ok"), false},
                                      {QLatin1String("error"), errorJson(error)}};
            std::fputs(QJsonDocument(object).toJson(QJsonDocument::Indented).constData(), stdout);
        }
        std::fflush(stdout);
        std::fflush(stderr);
        QCoreApplication::exit(exitCodeFor(error));
    }

    QString describe() const
    {
        const CoCart::User user = m_session->user();
        QString text = QStringLiteral("%1 (%2), user id %3")
                               .arg(user.displayName(), user.username(), user.id());
        if (!user.email().isEmpty())
            text += QStringLiteral("\nemail: %1").arg(user.email());
        if (!user.role().isEmpty())
            text += QStringLiteral("\nrole: %1").arg(user.role());
        text += QStringLiteral("\naccess token expires: %1")
                        .arg(m_session->accessTokenExpiry().toLocalTime().toString(Qt::ISODate));
        return text;
    }

    QJsonObject describeJson() const
    {
        return QJsonObject {
                {QLatin1String("user"), userJson(*m_session)},
                {QLatin1String("accessTokenExpiry"),
                 m_session->accessTokenExpiry().toString(Qt::ISODateWithMs)},
                {QLatin1String("store"), m_session->storeUrl().toString(QUrl::RemoveUserInfo)},
        };
    }

    // Restores the saved session, then runs \a next; fails when there is none.
    void withRestoredSession(std::function<void()> next)
    {
        auto *context = new QObject(m_session);
        QObject::connect(m_session, &Session::restored, context, [context, next] {
            context->deleteLater();
            next();
        });
        QObject::connect(
                m_session, &Session::restoreFailed, context, [this, context](const Error &error) {
                    context->deleteLater();
                    if (error.kind() == Error::NotFound) {
                        failWith(Error(
                                Error::Unauthorized,
                                QStringLiteral("Not signed in to %1: run `cocart "
                                               "--store URL login USER` first.")
                                        .arg(m_session->storeUrl().toString(QUrl::RemoveUserInfo)),
                                error.code()));
                        return;
                    }
                    failWith(error);
                });
        m_session->restore();
    }

private:
    Session *m_session;
    bool m_json;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cocart"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COCARTQT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral(
                    "A command-line client for CoCart stores (WooCommerce + CoCart JWT "
                    "Authentication).\n\n"
                    "Commands:\n"
                    "  login USER   sign in (password from $COCART_PASSWORD, or a no-echo prompt)\n"
                    "  whoami       show the signed-in user (no network request while the token is "
                    "valid)\n"
                    "  validate     ask the store whether the access token is valid\n"
                    "  refresh      rotate the token pair now\n"
                    "  logout       sign out on this device (--everywhere: also revoke the "
                    "user's\n"
                    "               tokens on the store, which signs out every device)\n"
                    "%1"
                    "  store        show the store's CoCart version and routes (/cocart/v2/store)\n"
                    "  get /ROUTE   GET any route under /wp-json (signed in: with the saved "
                    "sign-in)\n\n"
                    "Exit codes: 0 ok, 1 other failure, 2 usage/configuration, 3 authentication,\n"
                    "4 network/server, 5 token storage (keychain).\n\n"
                    "Cart commands use the saved session when there is one, else a guest cart "
                    "whose key\n"
                    "is kept between runs.")
                    .arg(CartCommands::help()));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption(); // -v, --version
    const QCommandLineOption storeOption(
            QStringList {QStringLiteral("s"), QStringLiteral("store")},
            QStringLiteral("The store's base URL (default: $COCART_STORE)."),
            QStringLiteral("URL"));
    const QCommandLineOption tokenStoreOption(
            QStringLiteral("token-store"),
            QStringLiteral("Where tokens are kept: keychain (default) or memory (nothing is "
                           "saved)."),
            QStringLiteral("keychain|memory"), QStringLiteral("keychain"));
    const QCommandLineOption userAgentOption(
            QStringLiteral("user-agent"),
            QStringLiteral("The User-Agent to send (tokens are bound to it; keep it fixed)."),
            QStringLiteral("UA"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Request timeout in milliseconds."),
                                           QStringLiteral("MS"));
    const QCommandLineOption insecureOption(
            QStringLiteral("allow-insecure-http"),
            QStringLiteral("Allow a non-loopback http:// store (credentials travel unencrypted)."));
    const QCommandLineOption verboseOption(
            QStringLiteral("verbose"), // not -v: that is --version
            QStringLiteral("Log what the SDK does (never tokens or passwords) on stderr."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Machine-readable output on stdout."));
    const QCommandLineOption searchOption(QStringLiteral("search"),
                                          QStringLiteral("products: only those matching S."),
                                          QStringLiteral("S"));
    const QCommandLineOption caFileOption(
            QStringLiteral("ca-file"),
            QStringLiteral("Trust only the PEM certificates in FILE for an https:// store (a "
                           "private CA, or `cocart-devstore --tls`'s certificate)."),
            QStringLiteral("FILE"));
    const QCommandLineOption pinOption(
            QStringLiteral("pin"),
            QStringLiteral("Require the store's certificate chain to hold this public key: base64 "
                           "SHA-256 of its SubjectPublicKeyInfo (repeatable)."),
            QStringLiteral("SHA256"));
    const QCommandLineOption everywhereOption(
            QStringLiteral("everywhere"),
            QStringLiteral("logout: also tell the store, which signs the user out on every "
                           "device."));
    parser.addOptions({storeOption, tokenStoreOption, userAgentOption, timeoutOption,
                       insecureOption, caFileOption, pinOption, jsonOption, searchOption,
                       verboseOption, everywhereOption});
    parser.addPositionalArgument(
            QStringLiteral("command"),
            QStringLiteral("login | whoami | validate | refresh | logout | products | "
                           "cart | add | set | remove | clear | checkout-url | store | get"));
    parser.addPositionalArgument(QStringLiteral("args"), QStringLiteral("USER for login"),
                                 QStringLiteral("[args...]"));
    auto usage = [](const QString &message) {
        printTo(stderr, QStringLiteral("cocart: %1\nTry `cocart --help`.\n").arg(message));
        return int(ExitUsage);
    };

    // parse(), not process(): process() exits with 1 on an unknown option; usage errors are 2.
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.isSet(helpOption))
        parser.showHelp(ExitOk);
    if (parser.isSet(versionOption))
        parser.showVersion();
    // The CLI reports outcomes itself; the SDK's own log lines are for --verbose.
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("cocart.*=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral(
                "cocart.*.debug=false\ncocart.*.info=false\ncocart.*.warning=false"));

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = args.first();
    const QString storeText = parser.isSet(storeOption) ? parser.value(storeOption)
                                                        : qEnvironmentVariable("COCART_STORE");
    if (storeText.isEmpty())
        return usage(QStringLiteral("no store: pass --store URL or set COCART_STORE"));
    if (const QString problem = storeUrlProblem(storeText); !problem.isEmpty())
        return usage(problem);
    const QString tokenStoreKind = parser.value(tokenStoreOption);
    if (tokenStoreKind != QLatin1String("keychain") && tokenStoreKind != QLatin1String("memory"))
        return usage(QStringLiteral("--token-store must be keychain or memory"));

    Session session;
    session.setStoreUrl(QUrl::fromUserInput(storeText));
    session.setAllowInsecureHttp(parser.isSet(insecureOption));
    if (parser.isSet(userAgentOption))
        session.setUserAgent(parser.value(userAgentOption));
    if (parser.isSet(timeoutOption))
        session.setRequestTimeout(parser.value(timeoutOption).toInt());
    if (parser.isSet(caFileOption) && !session.setCaCertificatesFile(parser.value(caFileOption)))
        return usage(QStringLiteral("--ca-file: no PEM certificate can be read from %1")
                             .arg(parser.value(caFileOption)));
    if (parser.isSet(pinOption))
        session.setPinnedPublicKeys(parser.values(pinOption));
    CoCart::TokenStore *store = nullptr;
    if (tokenStoreKind == QLatin1String("memory"))
        store = new CoCart::MemoryTokenStore(&session);
    else
        store = new CoCart::KeychainTokenStore(QStringLiteral("cocart-cli"), &session);
    session.setTokenStore(store);

    Cli cli(&session, parser.isSet(jsonOption));
    QObject::connect(&session, &Session::loginFailed, &app,
                     [&cli](const Error &error) { cli.failWith(error); });
    QObject::connect(&session, &Session::refreshFailed, &app,
                     [&cli](const Error &error) { cli.failWith(error); });
    QObject::connect(&session, &Session::validateFailed, &app,
                     [&cli](const Error &error) { cli.failWith(error); });

    if (command == QLatin1String("login")) {
        if (args.size() != 2)
            return usage(QStringLiteral("usage: cocart --store URL login USER"));
        const QString username = args.at(1);
        QString password = qEnvironmentVariable("COCART_PASSWORD");
        if (password.isEmpty() &&
            !readPasswordFromTerminal(QStringLiteral("Password for %1: ").arg(username),
                                      &password)) {
            return usage(QStringLiteral("no password: set COCART_PASSWORD or run in a terminal"));
        }
        QObject::connect(&session, &Session::loggedIn, &app, [&cli, &session] {
            const Error saveError = session.lastError();
            if (saveError.kind() == Error::Storage) {
                // The store took the password, but the next command will not be signed in:
                // saying "Signed in" and exiting 0 would be a lie.
                return cli.failWith(Error(
                        Error::Storage,
                        QStringLiteral("The store accepted the sign-in, but it could not be saved "
                                       "(%1): later commands are not signed in. Without a "
                                       "keychain, --token-store memory keeps a sign-in for one "
                                       "run only.")
                                .arg(saveError.message()),
                        saveError.code()));
            }
            QJsonObject object = cli.describeJson();
            if (saveError)
                object.insert(QLatin1String("warning"), errorJson(saveError));
            cli.succeed(QStringLiteral("Signed in as ") + cli.describe(), object);
        });
        QTimer::singleShot(0, &session,
                           [&session, username, password] { session.login(username, password); });
    } else if (command == QLatin1String("whoami")) {
        QTimer::singleShot(0, &session, [&cli] {
            cli.withRestoredSession([&cli] { cli.succeed(cli.describe(), cli.describeJson()); });
        });
    } else if (command == QLatin1String("validate")) {
        // A rejected token ends in validateFailed (Unauthorized), connected above.
        QObject::connect(&session, &Session::validated, &app, [&cli] {
            cli.succeed(QStringLiteral("The access token is valid."),
                        QJsonObject {{QLatin1String("valid"), true}});
        });
        QTimer::singleShot(0, &session, [&cli, &session] {
            cli.withRestoredSession([&session] { session.validate(); });
        });
    } else if (command == QLatin1String("refresh")) {
        QObject::connect(&session, &Session::refreshed, &app, [&cli] {
            cli.succeed(QStringLiteral("Refreshed. ") + cli.describe(), cli.describeJson());
        });
        QTimer::singleShot(0, &session, [&cli, &session] {
            cli.withRestoredSession([&session] { session.refresh(); });
        });
    } else if (command == QLatin1String("logout")) {
        QObject::connect(&session, &Session::loggedOut, &app,
                         [&cli] { cli.succeed(QStringLiteral("Signed out."), QJsonObject {}); });
        // Restore first (to tell the server), but sign out locally whatever happens.
        const Session::LogoutScope scope = parser.isSet(everywhereOption)
                ? Session::LogoutScope::Everywhere
                : Session::LogoutScope::ThisDevice;
        auto signOut = [&session, scope] { session.logout(scope); };
        QObject::connect(&session, &Session::restored, &app, signOut);
        QObject::connect(&session, &Session::restoreFailed, &app, signOut);
        QTimer::singleShot(0, &session, [&session] { session.restore(); });
    } else if (command == QLatin1String("store") || command == QLatin1String("get")) {
        const bool storeInfo = command == QLatin1String("store");
        if (args.size() != (storeInfo ? 1 : 2))
            return usage(storeInfo ? QStringLiteral("usage: cocart --store URL store")
                                   : QStringLiteral("usage: cocart --store URL get /ROUTE"));
        const QString path = storeInfo ? QStringLiteral("/cocart/v2/store") : args.at(1);
        if (!path.startsWith(QLatin1Char('/')))
            return usage(QStringLiteral("the route starts with / and is under /wp-json"));
        // Signed in: with the Bearer (refreshed if needed); otherwise as a guest.
        auto call = [&cli, &session, path, storeInfo] {
            session.get(path, &session, [&cli, storeInfo](CoCart::Reply &reply) {
                if (reply.error())
                    return cli.failWith(reply.error());
                const QJsonValue json = reply.json();
                const QJsonObject object = json.isObject()
                        ? json.toObject()
                        : QJsonObject {{QLatin1String("value"), json}};
                QString text;
                if (storeInfo) {
                    text = QStringLiteral("CoCart %1, %2 routes")
                                   .arg(object.value(QLatin1String("version")).toString())
                                   .arg(object.value(QLatin1String("routes")).toObject().size());
                } else {
                    text = QString::fromUtf8(json.isArray() ? QJsonDocument(json.toArray()).toJson()
                                                            : QJsonDocument(object).toJson())
                                   .trimmed();
                }
                cli.succeed(text, object);
            });
        };
        QObject::connect(&session, &Session::restored, &app, call);
        QObject::connect(&session, &Session::restoreFailed, &app, call);
        QTimer::singleShot(0, &session, [&session] { session.restore(); });
    } else if (CartCommands::handles(command)) {
        const QString problem = CartCommands::checkArguments(command, args);
        if (!problem.isEmpty())
            return usage(problem);
        CartCommands::Output output;
        output.succeed = [&cli](const QString &text, const QJsonObject &object) {
            cli.succeed(text, object);
        };
        output.fail = [&cli](const Error &error) { cli.failWith(error); };
        output.warn = [](const QString &text) {
            printTo(stderr, QStringLiteral("cocart: %1\n").arg(text));
        };
        const QString search = parser.value(searchOption);
        QTimer::singleShot(0, &session, [&session, command, args, search, output] {
            CartCommands::start(&session, command, args, search, output);
        });
    } else {
        return usage(QStringLiteral("unknown command \"%1\"").arg(command));
    }
    return app.exec();
}
