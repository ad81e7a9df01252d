// bench_gets: N sequential authenticated GETs of the cart, by the SDK (Session::get) or by a
// hand-written QNetworkAccessManager client with the same headers (--raw), against a store that
// runs in another process (--store URL, e.g. `cocart-devstore`). Signs in first (the SDK: login;
// raw: the same POST with Basic), then times nothing: scripts/bench-instructions.sh runs it under
// callgrind at two request counts, and the difference of the totals divided by the difference of
// the counts is what one GET costs, with start-up, sign-in and exit cancelled out.

#include <CoCart/MemoryTokenStore.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstdio>
#include <functional>

namespace {

const QString kUser = QStringLiteral("customer1");
const QString kPassword = QStringLiteral("customer-pass-123");
const QString kCartPath = QStringLiteral("/cocart/v2/cart");

//! What an app would write by hand on a bare QNetworkAccessManager: the SDK's headers and
//! cookie attributes, the answer parsed as JSON once.
class RawClient
{
public:
    explicit RawClient(const QUrl &store)
        : m_base(store.toString() + QStringLiteral("/wp-json")),
          m_userAgent(CoCart::Session::defaultUserAgent().toUtf8())
    { }

    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setHeader(QNetworkRequest::UserAgentHeader, m_userAgent);
        request.setRawHeader("Accept", "application/json");
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        return request;
    }

    bool login()
    {
        QNetworkRequest r = request(QStringLiteral("/cocart/v2/login"));
        r.setRawHeader("Authorization",
                       "Basic " + (kUser + QLatin1Char(':') + kPassword).toUtf8().toBase64());
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.post(r, QByteArrayLiteral("{}"));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        const QJsonObject extras = QJsonDocument::fromJson(reply->readAll())
                                           .object()
                                           .value(QLatin1String("extras"))
                                           .toObject();
        m_bearer = "Bearer " + extras.value(QLatin1String("jwt_token")).toString().toLatin1();
        return m_bearer.size() > 7;
    }

    void get(QObject *context, const std::function<void(bool)> &done)
    {
        QNetworkRequest r = request(kCartPath);
        r.setRawHeader("Authorization", m_bearer);
        QNetworkReply *reply = m_nam.get(r);
        QObject::connect(reply, &QNetworkReply::finished, context, [reply, done] {
            reply->deleteLater();
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &error);
            done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 &&
                 error.error == QJsonParseError::NoError && document.isObject());
        });
    }

private:
    QNetworkAccessManager m_nam;
    QString m_base;
    QByteArray m_userAgent;
    QByteArray m_bearer;
};

//! Runs \a count requests one after the other; returns the number that failed.
int runSequential(int count, const std::function<void(std::function<void(bool)>)> &issue)
{
    QEventLoop loop;
    int left = count;
    int failures = 0;
    std::function<void(bool)> next = [&](bool ok) {
        if (!ok)
            ++failures;
        if (--left <= 0) {
            loop.quit();
            return;
        }
        issue(next);
    };
    issue(next);
    loop.exec();
    return failures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Sequential authenticated GETs by the SDK or by a raw QNAM client."));
    parser.addHelpOption();
    const QCommandLineOption storeOption(QStringLiteral("store"), QStringLiteral("Store URL."),
                                         QStringLiteral("url"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("GETs to make (default 200)."),
                                         QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption rawOption(QStringLiteral("raw"),
                                       QStringLiteral("Use the hand-written QNAM client."));
    parser.addOptions({storeOption, countOption, rawOption});
    parser.process(app);
    const QUrl store(parser.value(storeOption));
    const int count = parser.value(countOption).toInt();
    if (!store.isValid() || store.isEmpty() || count <= 0) {
        std::fputs("bench_gets: --store URL and --count N > 0 are required\n", stderr);
        return 2;
    }

    QObject context;
    int failures = 0;
    if (parser.isSet(rawOption)) {
        RawClient raw(store);
        if (!raw.login()) {
            std::fputs("bench_gets: raw sign-in failed\n", stderr);
            return 1;
        }
        failures = runSequential(count,
                                 [&](std::function<void(bool)> done) { raw.get(&context, done); });
    } else {
        CoCart::Session session;
        CoCart::MemoryTokenStore tokens;
        session.setTokenStore(&tokens);
        session.setStoreUrl(store);
        bool signedIn = false;
        QEventLoop loop;
        session.login(kUser, kPassword)->then(&context, [&](CoCart::Reply &reply) {
            signedIn = !reply.error();
            loop.quit();
        });
        loop.exec();
        if (!signedIn) {
            std::fputs("bench_gets: sign-in failed\n", stderr);
            return 1;
        }
        failures = runSequential(count, [&](std::function<void(bool)> done) {
            session.get(kCartPath, &context, [done](CoCart::Reply &reply) {
                done(!reply.error() && reply.json().isObject());
            });
        });
    }
    std::printf("%s: %d GETs, %d failed\n", parser.isSet(rawOption) ? "raw" : "sdk", count,
                failures);
    return failures == 0 ? 0 : 1;
}
