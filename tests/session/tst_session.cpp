// Session against the real devstore on a loopback port: state transitions, signals, rotation,
// UA pinning, restore, logout, bad answers, timeouts, insecure URLs, secrets out of the logs.

#include <CoCart/Clock.h>
#include <CoCart/Jwt.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestClock.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "engine/storedsession_p.h"
#include "engine/transport_p.h"
#include "savedsessionfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaProperty>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;

namespace {

// Every log line of the run, to prove no secret is ever written.
QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog << message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestSession : public QObject, private SavedSessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Session> m_session;
    QList<Session::Status> m_statusLog;
    QStringList m_secrets; // every token/password seen, checked against the log at the end

    void remember(const StoredSession &stored)
    {
        m_secrets << QString::fromLatin1(stored.accessToken)
                  << QString::fromLatin1(stored.refreshToken);
    }

    // Stricter than the fixture's: a loginFailed along with loggedIn is a failure too.
    bool signIn(Session *session)
    {
        QSignalSpy failed(session, &Session::loginFailed);
        return SavedSessionFixture::signIn(session) && failed.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(captureMessages);
        m_secrets << kPassword;
    }

    void init()
    {
        QVERIFY(startStore());
        m_session = makeSession(m_tokens.get());
        m_statusLog.clear();
        connect(m_session.get(), &Session::statusChanged, this,
                [this] { m_statusLog << m_session->status(); });
    }

    void cleanup()
    {
        if (!m_tokens->values().isEmpty())
            remember(saved());
        m_session.reset();
        stopStore();
    }

    void defaults()
    {
        Session session;
        QCOMPARE(session.status(), Session::Status::SignedOut);
        QVERIFY(!session.isBusy());
        QVERIFY(!session.isSignedIn());
        QVERIFY(!session.user().isValid());
        QVERIFY(!session.accessTokenExpiry().isValid());
        QVERIFY(!session.lastError().isError());
        QVERIFY(session.userAgent().startsWith(QStringLiteral("CoCartQt/")));
        QCOMPARE(session.requestTimeout(), Session::DefaultRequestTimeout);
        // No property may expose a token.
        const QMetaObject *meta = session.metaObject();
        for (int i = 0; i < meta->propertyCount(); ++i) {
            const QString name = QString::fromLatin1(meta->property(i).name()).toLower();
            QVERIFY2(!name.contains(QStringLiteral("token")) ||
                             name == QStringLiteral("tokenstore") ||
                             name == QStringLiteral("accesstokenexpiry"),
                     qPrintable(name));
        }
    }

    void loginSucceeds()
    {
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        QSignalSpy userChanged(m_session.get(), &Session::userChanged);
        QSignalSpy busyChanged(m_session.get(), &Session::busyChanged);

        m_session->login(kUser, kPassword);
        QCOMPARE(m_session->status(), Session::Status::SigningIn);
        QVERIFY(m_session->isBusy());
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(loggedIn.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(m_statusLog,
                 (QList<Session::Status> {Session::Status::SigningIn, Session::Status::SignedIn}));
        QVERIFY(m_session->isSignedIn());
        QVERIFY(!m_session->isBusy());
        QCOMPARE(busyChanged.count(), 2);
        QCOMPARE(userChanged.count(), 1);

        const User user = m_session->user();
        QCOMPARE(user.id(), QStringLiteral("2"));
        QCOMPARE(user.username(), kUser);
        QCOMPARE(user.displayName(), QStringLiteral("Jane Doe"));
        QCOMPARE(user.email(), QStringLiteral("customer1@example.test"));
        QCOMPARE(user.role(), QStringLiteral("Customer"));
        QVERIFY(user.avatarUrl().toString().contains(QStringLiteral("s=96")));

        // 10-day token, expiry corrected for the (here: zero) clock offset.
        const qint64 secondsLeft =
                QDateTime::currentDateTimeUtc().secsTo(m_session->accessTokenExpiry());
        QVERIFY2(qAbs(secondsLeft - 864000) < 5, qPrintable(QString::number(secondsLeft)));
        QVERIFY(qAbs(m_session->serverClockOffset()) < 2000);
        QVERIFY(m_session->hasValidAccessToken());

        // The whole session saved as one item, before loggedIn.
        QCOMPARE(m_tokens->writeCount(), 1);
        const StoredSession stored = saved();
        QCOMPARE(stored.refreshToken.size(), 128);
        QCOMPARE(stored.user, user);
        QCOMPARE(stored.userAgent, QStringLiteral("CoCartQtTests/1.0"));

        // Basic credentials, our User-Agent, exactly one request.
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/login")), 1);
        const auto request = m_store->requests().constLast();
        QVERIFY(request.header("authorization").startsWith("Basic "));
        QCOMPARE(request.header("user-agent"), QByteArray("CoCartQtTests/1.0"));
        QVERIFY(!request.hasHeader("cookie"));
        // The token is bound to that User-Agent.
        QCOMPARE(Jwt::decode(stored.accessToken).device(), QStringLiteral("CoCartQtTests/1.0"));
    }

    void loginWithEmail()
    {
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        m_session->login(QStringLiteral("customer1@example.test"), kPassword);
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(m_session->user().username(), kUser);
    }

    void loginFails_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("requests");
        QTest::newRow("wrong password")
                << kUser << QStringLiteral("wrong") << int(Error::InvalidCredentials)
                << QStringLiteral("cocart_authentication_error") << 1;
        QTest::newRow("unknown user")
                << QStringLiteral("nobody") << QStringLiteral("x") << int(Error::InvalidCredentials)
                << QStringLiteral("cocart_authentication_error") << 1;
        QTest::newRow("empty password") << kUser << QString() << int(Error::InvalidCredentials)
                                        << QStringLiteral("cocart_missing_credentials") << 0;
        QTest::newRow("empty username")
                << QStringLiteral("  ") << kPassword << int(Error::InvalidCredentials)
                << QStringLiteral("cocart_missing_credentials") << 0;
    }

    void loginFails()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(int, requests);
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        m_session->login(username, password);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(loggedIn.count(), 0);
        QCOMPARE(errors.count(), 1);
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(int(error.kind()), kind);
        QCOMPARE(error.code(), code);
        QVERIFY(!error.message().isEmpty());
        QVERIFY(!error.message().contains(password) || password.isEmpty());
        QCOMPARE(m_session->lastError(), error);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(!m_session->isBusy());
        QVERIFY(m_tokens->values().isEmpty());
        QCOMPARE(m_store->totalRequestCount(), requests);
        if (username == kUser && requests == 1)
            QCOMPARE(error.message(),
                     QStringLiteral("The password you entered for the username \"customer1\" is "
                                    "incorrect."));
    }

    void loginWhileBusyFails()
    {
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        m_session->login(kUser, kPassword);
        m_session->login(kUser, kPassword);
        QCOMPARE(failed.count(), 0); // outcomes come from the event loop, never inside the call
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Configuration);
        // loggedIn may have come during the spin above: count it, do not wait for another one.
        QTRY_COMPARE(loggedIn.count(), 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/login")), 1);
    }

    void userAgentIsPinned()
    {
        QVERIFY(signIn(m_session.get()));
        QSignalSpy changed(m_session.get(), &Session::userAgentChanged);
        m_session->setUserAgent(QStringLiteral("Other/1"));
        QCOMPARE(changed.count(), 1); // refused: bindings read the unchanged value back
        QCOMPARE(m_session->userAgent(), QStringLiteral("CoCartQtTests/1.0"));
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QSignalSpy validated(m_session.get(), &Session::validated);
        m_session->validate();
        QVERIFY(validated.wait(5000));
        const auto requests = m_store->requests();
        QCOMPARE(requests.size(), 3);
        for (const auto &request : requests)
            QCOMPARE(request.header("user-agent"), QByteArray("CoCartQtTests/1.0"));
    }

    void refreshRotates()
    {
        QVERIFY(signIn(m_session.get()));
        const StoredSession before = saved();
        remember(before);
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        QSignalSpy expiryChanged(m_session.get(), &Session::accessTokenExpiryChanged);
        QTest::qWait(1100); // a new `iat` second, so the new token's exp differs
        m_session->refresh();
        QCOMPARE(m_session->status(), Session::Status::Refreshing);
        QVERIFY(m_session->isSignedIn());
        // Counted, not waited for: a wait after the qWait above would miss an early emission.
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 5000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
        QVERIFY(expiryChanged.count() >= 1);

        const StoredSession after = saved();
        QVERIFY(after.accessToken != before.accessToken);
        QVERIFY(after.refreshToken != before.refreshToken);
        // Two writes for the refresh: the "refresh in flight" marker, then the new pair.
        QCOMPARE(m_tokens->writeCount(), 3);
        QVERIFY(!after.refreshPending);

        // The refresh call carried no Authorization header and the refresh token in JSON.
        const auto request = m_store->requests().constLast();
        QCOMPARE(request.path, QStringLiteral("/wp-json/cocart/jwt/refresh-token"));
        QVERIFY(!request.hasHeader("authorization"));
        QCOMPARE(QJsonDocument::fromJson(request.body)
                         .object()
                         .value(QStringLiteral("refresh_token"))
                         .toString()
                         .toLatin1(),
                 QByteArray("<redacted>")); // DevStore records it redacted

        // The old pair is dead on the server, the new one works.
        QSignalSpy validated(m_session.get(), &Session::validated);
        m_session->validate();
        QVERIFY(validated.wait(5000));

        auto stale = makeSession(new Testing::TestTokenStore(this));
        static_cast<Testing::TestTokenStore *>(stale->tokenStore())
                ->setValue(key(), before.toJson());
        QSignalSpy staleRestored(stale.get(), &Session::restored);
        stale->restore();
        QVERIFY(staleRestored.wait(5000));
        QSignalSpy staleRejected(stale.get(), &Session::validateFailed);
        stale->validate();
        QVERIFY(staleRejected.wait(5000));
        QCOMPARE(staleRejected.first().first().value<Error>().kind(), Error::Unauthorized);
        // And the old refresh token is refused: that session is over.
        QSignalSpy staleFailed(stale.get(), &Session::refreshFailed);
        stale->refresh();
        QVERIFY(staleFailed.wait(5000));
        QCOMPARE(staleFailed.first().first().value<Error>().kind(), Error::SessionExpired);
        QCOMPARE(stale->status(), Session::Status::SignedOut);
        // The good session is untouched.
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
    }

    void concurrentRefreshesShareOneRequest()
    {
        QVERIFY(signIn(m_session.get()));
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        for (int i = 0; i < 5; ++i)
            m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QTest::qWait(100);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
    }

    void refreshRejectedEndsSession()
    {
        QVERIFY(signIn(m_session.get()));
        // Another device logs out: every session of the user is revoked on the server.
        auto other = makeSession(new Testing::TestTokenStore(this));
        QVERIFY(signIn(other.get()));
        QSignalSpy otherOut(other.get(), &Session::loggedOut);
        other->logout(Session::LogoutScope::Everywhere);
        QVERIFY(otherOut.wait(5000));

        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        m_statusLog.clear();
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::SessionExpired);
        QCOMPARE(error.code(), QStringLiteral("cocart_authentication_error"));
        QVERIFY(error.message().contains(QStringLiteral("Invalid refresh token.")));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(
                m_statusLog,
                (QList<Session::Status> {Session::Status::Refreshing, Session::Status::SignedOut}));
        QVERIFY(!m_session->user().isValid());
        QTRY_VERIFY(m_tokens->values().isEmpty());
        QCOMPARE(m_session->lastError().kind(), Error::SessionExpired);
    }

    void refreshTransientFailureKeepsSession_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("kind");
        QTest::newRow("html 500") << 500
                                  << QByteArray("<html><body><p>There has been a critical error "
                                                "on this website.</p></body></html>")
                                  << QByteArray("text/html; charset=UTF-8") << int(Error::Server);
        QTest::newRow("garbage json 200")
                << 200 << QByteArray("{\"token\": tru") << QByteArray("application/json")
                << int(Error::BadResponse);
        QTest::newRow("503 json") << 503
                                  << QByteArray("{\"code\":\"maintenance\",\"message\":\"Down for "
                                                "maintenance.\",\"data\":{\"status\":503}}")
                                  << QByteArray("application/json") << int(Error::Server);
        QTest::newRow("429") << 429
                             << QByteArray("{\"code\":\"cocart_rate_limited\",\"message\":\"Too "
                                           "many requests.\",\"data\":{\"status\":429}}")
                             << QByteArray("application/json") << int(Error::RateLimited);
    }

    void refreshTransientFailureKeepsSession()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, kind);
        QVERIFY(signIn(m_session.get()));
        const StoredSession storedBefore = saved();
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/refresh-token");
        fault.status = status;
        fault.body = body;
        fault.contentType = contentType;
        fault.retryAfterSeconds = status == 429 ? 7 : -1;
        m_store->addFault(fault);

        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(int(error.kind()), kind);
        QVERIFY(!error.message().isEmpty());
        if (status == 429)
            QCOMPARE(error.retryAfter(), 7);
        if (kind == Error::Server && contentType.startsWith("text/html")) {
            QVERIFY2(error.message().contains(QStringLiteral("text/html")),
                     qPrintable(error.message()));
        }
        QCOMPARE(error.httpStatus(), status);
        // Only the server rejecting the refresh token ends a session.
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
        QVERIFY(m_session->user().isValid());
        // The saved pair is kept; the marker stays, since the store may have spent the token.
        QCOMPARE(saved().accessToken, storedBefore.accessToken);
        QCOMPARE(saved().refreshToken, storedBefore.refreshToken);
        QVERIFY(saved().refreshPending);

        // And the next refresh works (the fault was one-shot, the refresh token unspent).
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
    }

    void loginBadAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("kind");
        QTest::newRow("html 500") << 500
                                  << QByteArray("<!DOCTYPE html><html>WordPress &gt; Error</html>")
                                  << QByteArray("text/html; charset=UTF-8") << int(Error::Server);
        QTest::newRow("html 200") << 200 << QByteArray("<html>maintenance</html>")
                                  << QByteArray("text/html") << int(Error::BadResponse);
        QTest::newRow("json without token")
                << 200 << QByteArray("{\"user_id\":\"2\",\"extras\":[]}")
                << QByteArray("application/json") << int(Error::BadResponse);
        QTest::newRow("token not a jwt")
                << 200
                << QByteArray("{\"user_id\":\"2\",\"extras\":{\"jwt_token\":\"abc\","
                              "\"jwt_refresh\":\"def\"}}")
                << QByteArray("application/json") << int(Error::BadResponse);
        QTest::newRow("empty 200")
                << 200 << QByteArray() << QByteArray("application/json") << int(Error::BadResponse);
        // The store's own misconfiguration, not a rejection of anybody's credentials.
        QTest::newRow("bad config 403")
                << 403
                << QByteArray("{\"code\":\"cocart_jwt_auth_bad_config\",\"message\":\"JWT is not "
                              "configured properly.\",\"data\":{\"status\":403}}")
                << QByteArray("application/json") << int(Error::Forbidden);
    }

    void loginBadAnswers()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, kind);
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/login");
        fault.status = status;
        fault.body = body;
        fault.contentType = contentType;
        m_store->addFault(fault);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        m_session->login(kUser, kPassword);
        QVERIFY(failed.wait(5000));
        QCOMPARE(loggedIn.count(), 0);
        const Error error = failed.first().first().value<Error>();
        QVERIFY2(int(error.kind()) == kind, qPrintable(error.toString()));
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(m_tokens->values().isEmpty());
    }

    void timeoutEndsTheCall()
    {
        CoCartDevStore::Fault hang;
        hang.kind = CoCartDevStore::Fault::Kind::Hang;
        hang.pathSuffix = QStringLiteral("/login");
        m_store->addFault(hang);
        m_session->setRequestTimeout(300);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QElapsedTimer timer;
        timer.start();
        m_session->login(kUser, kPassword);
        QVERIFY(failed.wait(5000));
        QVERIFY(timer.elapsed() >= 290);
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::Timeout);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(!m_session->isBusy());
    }

    void unreachableStore()
    {
        QTcpServer probe; // find a closed loopback port
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Session session;
        session.setTokenStore(m_tokens.get());
        session.setStoreUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QSignalSpy failed(&session, &Session::loginFailed);
        session.login(kUser, kPassword);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Network);
    }

    // Issue 9: know the store before signing in; a URL that is no CoCart store says so plainly.
    void checkStoreLearnsTheStore()
    {
        QSignalSpy changed(m_session.get(), &Session::storeInfoChanged);
        Reply *reply = m_session->checkStore();
        QSignalSpy finished(reply, &Reply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(changed.count(), 1);
        const QVariantMap info = m_session->storeInfo();
        QCOMPARE(info.value(QStringLiteral("title")).toString(), QStringLiteral("CoCart Local"));
        QCOMPARE(info.value(QStringLiteral("version")).toString(), QStringLiteral("4.3.6"));
        QCOMPARE(info.value(QStringLiteral("jwt")).toBool(), true);
        QVERIFY(!info.value(QStringLiteral("address")).toMap().isEmpty());
        QCOMPARE(m_session->storeName(), QStringLiteral("CoCart Local"));
        const int requests = m_store->totalRequestCount();
        QCOMPARE(requests, 2); // /store and the REST index, no Bearer needed
        // Another store URL: nothing is known about it yet.
        m_session->setStoreUrl(QUrl(m_store->url().toString() + QStringLiteral("/shop")));
        QVERIFY(m_session->storeInfo().isEmpty());
    }

    void noStoreAtTheAddress()
    {
        // The devstore's host, but no CoCart under this path: an HTML or JSON 404.
        m_session->setStoreUrl(QUrl(m_store->url().toString() + QStringLiteral("/wrong")));
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        Reply *check = m_session->checkStore();
        QSignalSpy checkFailed(check, &Reply::errorOccurred);
        QVERIFY(checkFailed.wait(5000));
        const Error error = checkFailed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::NotFound);
        QCOMPARE(error.code(), QStringLiteral("cocart_no_store"));
        QVERIFY2(error.message().startsWith(QStringLiteral("No CoCart store at http://127.0.0.1:")),
                 qPrintable(error.message()));
        QVERIFY(error.message().endsWith(QStringLiteral("/wrong — check the address.")));
        QCOMPARE(errors.count(), 1);

        QSignalSpy loginFailed(m_session.get(), &Session::loginFailed);
        m_session->login(kUser, kPassword);
        QVERIFY(loginFailed.wait(5000));
        QCOMPARE(loginFailed.first().first().value<Error>().code(),
                 QStringLiteral("cocart_no_store"));
    }

    void storeWithoutJwt()
    {
        CoCartDevStore::Fault index;
        index.pathSuffix = QStringLiteral("/wp-json/");
        index.status = 200;
        index.contentType = "application/json";
        index.body = R"({"namespaces":["oembed/1.0","cocart/v2","wc/store/v1"],"routes":{}})";
        m_store->addFault(index);
        Reply *check = m_session->checkStore();
        QSignalSpy failed(check, &Reply::errorOccurred);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().code(), QStringLiteral("cocart_no_jwt"));
        QVERIFY(m_session->storeInfo().isEmpty());
    }

    void insecureUrlRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allow");
        QTest::addColumn<int>("kind");
        QTest::newRow("plain http to a shop")
                << QStringLiteral("http://shop.example") << false << int(Error::InsecureTransport);
        QTest::newRow("plain http to an IP") << QStringLiteral("http://203.0.113.7:8080") << false
                                             << int(Error::InsecureTransport);
        QTest::newRow("no url") << QString() << false << int(Error::Configuration);
        QTest::newRow("ftp") << QStringLiteral("ftp://shop.example") << false
                             << int(Error::Configuration);
        QTest::newRow("https") << QStringLiteral("https://shop.example") << false
                               << int(Error::NoError);
        QTest::newRow("loopback http")
                << QStringLiteral("http://127.0.0.1:9") << false << int(Error::NoError);
        QTest::newRow("localhost http")
                << QStringLiteral("http://localhost:9") << false << int(Error::NoError);
        QTest::newRow("ipv6 loopback")
                << QStringLiteral("http://[::1]:9") << false << int(Error::NoError);
        QTest::newRow("opted in") << QStringLiteral("http://shop.example") << true
                                  << int(Error::NoError);
    }

    void insecureUrlRefused()
    {
        QFETCH(QString, url);
        QFETCH(bool, allow);
        QFETCH(int, kind);
        QCOMPARE(int(Transport::checkUrl(QUrl(url), allow).kind()), kind);
        if (kind == Error::NoError)
            return;
        // Refused before any byte leaves: loginFailed, no request, no password anywhere.
        Session session;
        session.setTokenStore(m_tokens.get());
        session.setStoreUrl(QUrl(url));
        session.setAllowInsecureHttp(allow);
        QSignalSpy failed(&session, &Session::loginFailed);
        QSignalSpy restoreFailed(&session, &Session::restoreFailed);
        session.login(kUser, kPassword);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(int(failed.first().first().value<Error>().kind()), kind);
        QCOMPARE(session.status(), Session::Status::SignedOut);
        session.restore();
        QTRY_COMPARE(restoreFailed.count(), 1);
        QCOMPARE(int(restoreFailed.first().first().value<Error>().kind()), kind);
    }

    void validateStates()
    {
        QSignalSpy failed(m_session.get(), &Session::validateFailed);
        m_session->validate();
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Error>().code(),
                 QStringLiteral("cocart_not_signed_in"));
        QCOMPARE(m_store->totalRequestCount(), 0);

        QVERIFY(signIn(m_session.get()));
        QSignalSpy validated(m_session.get(), &Session::validated);
        m_session->validate();
        QVERIFY(m_session->isBusy());
        QVERIFY(validated.wait(5000));
        QVERIFY(!m_session->isBusy());
        const auto request = m_store->requests().constLast();
        QCOMPARE(request.path, QStringLiteral("/wp-json/cocart/jwt/validate-token"));
        QCOMPARE(request.method, QByteArray("POST"));
        QVERIFY(request.header("authorization").startsWith("Bearer "));

        // Network trouble is a failure, not "invalid".
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/validate-token");
        fault.status = 502;
        fault.body = "<html>Bad gateway</html>";
        m_store->addFault(fault);
        m_session->validate();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(failed.last().first().value<Error>().kind(), Error::Server);
        QCOMPARE(validated.count(), 1);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
    }

    void logoutRevokesEverywhere()
    {
        QVERIFY(signIn(m_session.get()));
        auto other = makeSession(new Testing::TestTokenStore(this));
        other->setUserAgent(QStringLiteral("Phone/2"));
        QVERIFY(signIn(other.get()));
        QCOMPARE(m_store->activeSessionCount(2), 2);

        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        QSignalSpy userChanged(m_session.get(), &Session::userChanged);
        m_statusLog.clear();
        m_session->logout(Session::LogoutScope::Everywhere);
        // Local state is gone at once, before the server answers.
        QCOMPARE(m_session->status(), Session::Status::SigningOut);
        QVERIFY(!m_session->user().isValid());
        QVERIFY(!m_session->hasValidAccessToken());
        QCOMPARE(userChanged.count(), 1);
        QVERIFY(loggedOut.wait(5000));
        QCOMPARE(loggedOut.count(), 1);
        QCOMPARE(
                m_statusLog,
                (QList<Session::Status> {Session::Status::SigningOut, Session::Status::SignedOut}));
        QVERIFY(m_tokens->values().isEmpty());
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/logout")), 1);
        QCOMPARE(m_store->activeSessionCount(2), 0);

        // The other device's token is revoked too.
        QSignalSpy rejected(other.get(), &Session::validateFailed);
        other->validate();
        QVERIFY(rejected.wait(5000));
        QCOMPARE(rejected.first().first().value<Error>().kind(), Error::Unauthorized);
    }

    void logoutOfflineSucceedsLocally()
    {
        QVERIFY(signIn(m_session.get()));
        CoCartDevStore::Fault hang;
        hang.kind = CoCartDevStore::Fault::Kind::Hang;
        hang.pathSuffix = QStringLiteral("/logout");
        m_store->addFault(hang);
        m_session->setRequestTimeout(300);
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        m_session->logout(Session::LogoutScope::Everywhere);
        QVERIFY(loggedOut.wait(5000));
        QCOMPARE(errors.count(), 0);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(m_tokens->values().isEmpty());
    }

    void logoutWithExpiredTokenStillRevokes()
    {
        QVERIFY(signIn(m_session.get()));
        auto other = makeSession(new Testing::TestTokenStore(this));
        QVERIFY(signIn(other.get()));
        // Eleven days later (client clock): the access token has expired.
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        m_session->setAutoRefresh(false);
        m_session->setClock(&clock);
        QVERIFY(!m_session->hasValidAccessToken());
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        m_session->logout(Session::LogoutScope::Everywhere);
        QVERIFY(loggedOut.wait(5000));
        // The refresh token bought a Bearer for the logout call: every session is revoked.
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/logout")), 1);
        QCOMPARE(m_store->activeSessionCount(2), 0);
        QVERIFY(m_tokens->values().isEmpty());
    }

    void logoutDuringRefreshStillRevokes()
    {
        QVERIFY(signIn(m_session.get()));
        // The refresh reaches the store, which rotates the pair, but its answer is slow.
        CoCartDevStore::Fault slow;
        slow.kind = CoCartDevStore::Fault::Kind::Delay;
        slow.pathSuffix = QStringLiteral("/refresh-token");
        slow.delayMs = 300;
        m_store->addFault(slow);
        QSignalSpy refreshFailed(m_session.get(), &Session::refreshFailed);
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        m_session->refresh();
        QTRY_COMPARE(
                m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")), 1);
        m_session->logout(Session::LogoutScope::Everywhere);
        QCOMPARE(refreshFailed.count(), 1);
        QCOMPARE(refreshFailed.first().first().value<Error>().kind(), Error::Cancelled);
        QVERIFY(loggedOut.wait(5000));
        // The rotated pair the late answer carried is revoked too: nothing stays alive.
        QTRY_COMPARE(m_store->activeSessionCount(2), 0);
        QVERIFY(m_tokens->values().isEmpty());
    }

    void logoutWhenSignedOut()
    {
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        m_session->logout();
        QVERIFY(loggedOut.wait(2000));
        QCOMPARE(m_store->totalRequestCount(), 0);
    }

    void restoreValidSessionWithoutNetwork()
    {
        QVERIFY(signIn(m_session.get()));
        const int requestsBefore = m_store->totalRequestCount();
        const User user = m_session->user();
        const QDateTime expiry = m_session->accessTokenExpiry();

        auto next = makeSession(m_tokens.get());
        QSignalSpy restored(next.get(), &Session::restored);
        QSignalSpy failed(next.get(), &Session::restoreFailed);
        QList<Session::Status> seen;
        connect(next.get(), &Session::statusChanged, this, [&] { seen << next->status(); });
        next->restore();
        QVERIFY(restored.wait(2000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(seen,
                 (QList<Session::Status> {Session::Status::Restoring, Session::Status::SignedIn}));
        QCOMPARE(next->user(), user);
        QCOMPARE(next->accessTokenExpiry(), expiry);
        QCOMPARE(m_store->totalRequestCount(), requestsBefore); // zero requests
    }

    void restoreExpiredSessionRefreshes()
    {
        QVERIFY(signIn(m_session.get()));
        const StoredSession before = saved();
        // Two days after the token expired (client clock); the refresh token is still good.
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(12) * 24 * 3600 * 1000);
        auto next = makeSession(m_tokens.get());
        next->setClock(&clock);
        QVERIFY(!QDateTime::fromMSecsSinceEpoch(clock.nowMSecs()).isNull());
        QSignalSpy restored(next.get(), &Session::restored);
        QList<Session::Status> seen;
        connect(next.get(), &Session::statusChanged, this, [&] { seen << next->status(); });
        next->restore();
        QVERIFY(restored.wait(5000));
        QCOMPARE(seen,
                 (QList<Session::Status> {Session::Status::Restoring, Session::Status::Refreshing,
                                          Session::Status::SignedIn}));
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QVERIFY(saved().refreshToken != before.refreshToken);
        QCOMPARE(next->user().id(), QStringLiteral("2"));
        // The offset was re-estimated: server (real time) is ~12 days behind this clock.
        QVERIFY(next->serverClockOffset() < -qint64(11) * 24 * 3600 * 1000);
        QVERIFY(next->hasValidAccessToken());
    }

    void restoreExpiredAndRejected()
    {
        QVERIFY(signIn(m_session.get()));
        StoredSession stored = saved();
        stored.refreshToken = QByteArray(128, 'a'); // unknown to the server
        m_tokens->setValue(key(), stored.toJson());
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        auto next = makeSession(m_tokens.get());
        next->setClock(&clock);
        QSignalSpy failed(next.get(), &Session::restoreFailed);
        QSignalSpy restored(next.get(), &Session::restored);
        next->restore();
        QVERIFY(failed.wait(5000));
        QCOMPARE(restored.count(), 0);
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::SessionExpired);
        QCOMPARE(next->status(), Session::Status::SignedOut);
        QTRY_VERIFY(m_tokens->values().isEmpty());
    }

    void restoreOfflineKeepsSession()
    {
        QVERIFY(signIn(m_session.get()));
        const StoredSession storedBefore = saved();
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        auto next = makeSession(m_tokens.get());
        next->setClock(&clock);
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/refresh-token");
        fault.status = 503;
        fault.body = "<html>Service unavailable</html>";
        m_store->addFault(fault);
        QSignalSpy restored(next.get(), &Session::restored);
        QSignalSpy errors(next.get(), &Session::errorOccurred);
        next->restore();
        QVERIFY(restored.wait(5000));
        QCOMPARE(next->status(), Session::Status::SignedIn);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(next->lastError().kind(), Error::Server);
        QCOMPARE(saved().refreshToken, storedBefore.refreshToken);
    }

    void restoreNothingSaved()
    {
        QSignalSpy failed(m_session.get(), &Session::restoreFailed);
        m_session->restore();
        QVERIFY(failed.wait(2000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::NotFound);
        QCOMPARE(error.code(), QStringLiteral("cocart_no_saved_session"));
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QCOMPARE(m_store->totalRequestCount(), 0);
    }

    void restoreCorrupt_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("not json") << QByteArray("\x01\x02garbage");
        QTest::newRow("json array") << QByteArray("[1,2,3]");
        QTest::newRow("future version")
                << QByteArray("{\"version\":99,\"accessToken\":\"a.b.c\",\"refreshToken\":\"r\"}");
        QTest::newRow("no tokens") << QByteArray("{\"version\":1}");
        QTest::newRow("token not a jwt") << QByteArray(
                "{\"version\":1,\"accessToken\":\"not-a-jwt\",\"refreshToken\":\"r\"}");
    }

    void restoreCorrupt()
    {
        QFETCH(QByteArray, value);
        m_tokens->setValue(key(), value);
        QSignalSpy failed(m_session.get(), &Session::restoreFailed);
        m_session->restore();
        QVERIFY(failed.wait(2000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::Storage);
        QCOMPARE(error.code(), QStringLiteral("cocart_corrupt_saved_session"));
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QTRY_VERIFY(m_tokens->values().isEmpty()); // discarded, so the next start is clean
        QCOMPARE(m_store->totalRequestCount(), 0);
    }

    void restoreWithLockedStore()
    {
        m_tokens->setFailure(TokenStore::State::Locked, QStringLiteral("Collection is locked"));
        QSignalSpy failed(m_session.get(), &Session::restoreFailed);
        m_session->restore();
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Storage);
        QCOMPARE(m_tokens->state(), TokenStore::State::Locked);
    }

    void loginWithFailingStoreStillSignsIn()
    {
        m_tokens->setFailure(TokenStore::State::Locked, QStringLiteral("Collection is locked"));
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        m_session->login(kUser, kPassword);
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(errors.count(), 1); // the storage problem is reported, not hidden
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::Storage);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
    }

    void restoreWithOtherUserAgentRebinds()
    {
        QVERIFY(signIn(m_session.get()));
        auto next = makeSession(m_tokens.get());
        next->setUserAgent(QStringLiteral("CoCartQtTests/2.0"));
        QSignalSpy restored(next.get(), &Session::restored);
        next->restore();
        QVERIFY(restored.wait(5000));
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QCOMPARE(Jwt::decode(saved().accessToken).device(), QStringLiteral("CoCartQtTests/2.0"));
        QSignalSpy validated(next.get(), &Session::validated);
        next->validate();
        QVERIFY(validated.wait(5000));
    }

    void serverClockOffsetIsEstimated_data()
    {
        QTest::addColumn<qint64>("offsetSeconds");
        QTest::newRow("2 h ahead") << qint64(7200);
        QTest::newRow("2 h behind") << qint64(-7200);
    }

    void serverClockOffsetIsEstimated()
    {
        QFETCH(qint64, offsetSeconds);
        m_store->setClockOffset(offsetSeconds);
        QVERIFY(signIn(m_session.get()));
        QVERIFY2(qAbs(m_session->serverClockOffset() - offsetSeconds * 1000) < 2000,
                 qPrintable(QString::number(m_session->serverClockOffset())));
        // Expiry in client time is still ~10 days from now, whatever the server's clock says.
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(m_session->accessTokenExpiry());
        QVERIFY2(qAbs(left - 864000) < 5, qPrintable(QString::number(left)));
        QVERIFY(m_session->hasValidAccessToken());
    }

    void authenticatedRequestsShareOneRefresh()
    {
        QVERIFY(signIn(m_session.get()));
        // The client's clock says the token expired: every request needs the new token.
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        m_session->setClock(&clock);
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < 20; ++i) {
            m_session->post(QStringLiteral("/cocart/jwt/validate-token"), {}, this,
                            [&](Reply &reply) { reply.error() ? ++failed : ++ok; });
        }
        QTRY_COMPARE(ok + failed, 20);
        QCOMPARE(failed, 0);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/validate-token")),
                 20);
    }

    void rejectedTokenIsRefreshedAndReplayedOnce()
    {
        QVERIFY(signIn(m_session.get()));
        // The server says the token is bad although it looks fine locally.
        CoCartDevStore::Fault fault;
        fault.pathSuffix = QStringLiteral("/validate-token");
        fault.status = 403;
        fault.contentType = "application/json; charset=UTF-8";
        fault.body = "{\"code\":\"cocart_authentication_error\",\"message\":\"Authentication "
                     "failed.\",\"data\":{\"status\":403}}";
        m_store->addFault(fault);
        Error resultError;
        int resultStatus = 0;
        bool done = false;
        auto validate = [&] {
            done = false;
            m_session->post(QStringLiteral("/cocart/jwt/validate-token"), {}, this,
                            [&](Reply &reply) {
                                resultError = reply.error();
                                resultStatus = reply.httpStatus();
                                done = true;
                            });
        };
        validate();
        QTRY_VERIFY(done);
        QVERIFY2(!resultError, qPrintable(resultError.toString()));
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/validate-token")),
                 2);

        // A second rejection after the replay is final.
        fault.times = 2;
        m_store->addFault(fault);
        validate();
        QTRY_VERIFY(done);
        QCOMPARE(resultStatus, 403);
        QCOMPARE(resultError.code(), QStringLiteral("cocart_authentication_error"));
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token")),
                 2);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/jwt/validate-token")),
                 4);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
    }

    // Request is an implicitly shared value: a copy changed later leaves the original (and the
    // shared default) alone, and the setters chain on the same object.
    void requestIsAValue()
    {
        const Request plain;
        QCOMPARE(plain.method(), QByteArray("GET"));
        QVERIFY(plain.path().isEmpty());
        QVERIFY(plain.query().isEmpty());
        QVERIFY(plain.headers().isEmpty());
        QCOMPARE(plain.authentication(), Request::Authentication::IfSignedIn);
        QVERIFY(plain.replayOnAuthFailure());
        QCOMPARE(plain.timeoutMs(), -1);
        QCOMPARE(plain.retries(), -1);
        QVERIFY(plain.isIdempotent());

        Request built;
        const Request &chained =
                built.setMethod("POST").setPath(QStringLiteral("/x")).addHeader("X-A", "1");
        QCOMPARE(&chained, &built);
        Request copy = built;
        copy.setMethod("PUT").addHeader("X-B", "2").setRetries(3);
        QCOMPARE(built.method(), QByteArray("POST"));
        QCOMPARE(built.headers().size(), 1);
        QCOMPARE(built.retries(), -1);
        QVERIFY(!built.isIdempotent());
        QCOMPARE(copy.method(), QByteArray("PUT"));
        QCOMPARE(copy.headers().size(), 2);
        QCOMPARE(copy.retries(), 3);
        QVERIFY(copy.isIdempotent());
        QCOMPARE(Request().method(), QByteArray("GET"));
        QVERIFY(Request().headers().isEmpty());

        const Request json =
                Request::json("POST", QStringLiteral("/y"),
                              QJsonObject {{QStringLiteral("id"), QStringLiteral("1")}});
        QCOMPARE(json.contentType(), QByteArray("application/json"));
        QCOMPARE(json.body(), QByteArray(R"({"id":"1"})"));
    }

    // A built Request goes out as built: its query and headers, and no Bearer with
    // Authentication::None even while signed in (the default sends it).
    void builtRequestGoesOutAsBuilt()
    {
        QVERIFY(signIn(m_session.get()));
        auto sendAndWait = [this](const Request &request) {
            Error error;
            bool done = false;
            m_session->send(request)->then(this, [&](Reply &reply) {
                error = reply.error();
                done = true;
            });
            return QTest::qWaitFor([&] { return done; }, 5000) && !error;
        };
        auto lastStoreRequest = [this] {
            const auto requests = m_store->requests();
            for (auto it = requests.crbegin(); it != requests.crend(); ++it) {
                if (it->path == QLatin1String("/wp-json/cocart/v2/store"))
                    return *it;
            }
            return CoCartDevStore::RecordedRequest();
        };

        QVERIFY(sendAndWait(Request()
                                    .setPath(QStringLiteral("/cocart/v2/store"))
                                    .addQueryItem(QStringLiteral("lang"), QStringLiteral("en"))
                                    .addHeader("X-Client", "kiosk-3")
                                    .setAuthentication(Request::Authentication::None)));
        CoCartDevStore::RecordedRequest sent = lastStoreRequest();
        QCOMPARE(sent.method, QByteArray("GET"));
        QCOMPARE(QUrlQuery(sent.query).queryItemValue(QStringLiteral("lang")),
                 QStringLiteral("en"));
        QCOMPARE(sent.header("x-client"), QByteArray("kiosk-3"));
        QVERIFY(!sent.hasHeader("authorization"));

        QVERIFY(sendAndWait(Request().setPath(QStringLiteral("/cocart/v2/store"))));
        sent = lastStoreRequest();
        QVERIFY(sent.header("authorization").startsWith("Bearer "));
        QVERIFY(!sent.hasHeader("x-client"));
    }

    // The SDK's own answers never come from or go to an HTTP cache: a token or a customer's cart
    // on disk, or a stale cart from it, would be wrong. Without a cache nothing needs saying on the
    // wire; with the app's cache on a shared manager, it is neither read nor written.
    void httpCacheIsNeitherReadNorWritten()
    {
        QVERIFY(signIn(m_session.get()));
        const QString route = QStringLiteral("/cocart/v2/store");
        auto getStore = [this, &route] {
            QJsonObject answer;
            bool done = false;
            m_session->get(route)->then(this, [&](Reply &reply) {
                answer = reply.json().toObject();
                done = true;
            });
            return QTest::qWaitFor([&] { return done; }, 5000) ? answer : QJsonObject();
        };
        QVERIFY(!getStore().isEmpty());
        const CoCartDevStore::RecordedRequest plain = m_store->requests().constLast();
        QVERIFY(!plain.hasHeader("cache-control"));
        QVERIFY(!plain.hasHeader("pragma"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QNetworkAccessManager manager;
        auto *cache = new QNetworkDiskCache(&manager);
        cache->setCacheDirectory(dir.path());
        manager.setCache(cache);
        m_session->setNetworkAccessManager(&manager);
        const QUrl url(m_store->url().toString() + QStringLiteral("/wp-json") + route);

        // An answer any cache would keep (a 200 with no Cache-Control) is not kept.
        CoCartDevStore::Fault cacheable;
        cacheable.pathSuffix = route;
        cacheable.status = 200;
        cacheable.contentType = "application/json";
        cacheable.body = R"({"from":"store"})";
        m_store->addFault(cacheable);
        QCOMPARE(getStore().value(QStringLiteral("from")).toString(), QStringLiteral("store"));
        QVERIFY(!cache->metaData(url).isValid());

        // A fresh entry someone else put there is not served: the store is asked.
        QNetworkCacheMetaData meta;
        meta.setUrl(url);
        meta.setSaveToDisk(true);
        meta.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(1));
        meta.setRawHeaders({{"Content-Type", "application/json"}});
        QIODevice *entry = cache->prepare(meta);
        QVERIFY(entry);
        entry->write(R"({"from":"cache"})");
        cache->insert(entry);
        QVERIFY(cache->metaData(url).isValid());
        const int before = m_store->requestCount(QStringLiteral("GET /wp-json") + route);
        const QJsonObject answer = getStore();
        QVERIFY(!answer.isEmpty());
        QVERIFY(answer.value(QStringLiteral("from")).toString() != QStringLiteral("cache"));
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json") + route), before + 1);
        m_session->setNetworkAccessManager(nullptr);
    }

    void noSecretInLogs()
    {
        // Runs last: every test above logged at debug level (QT_LOGGING_RULES in ctest).
        QVERIFY(signIn(m_session.get()));
        remember(saved());
        QMutexLocker lock(&logMutex);
        QVERIFY(capturedLog.size() > 20);
        for (const QString &secret : qAsConst(m_secrets)) {
            if (secret.size() < 8)
                continue;
            for (const QString &line : qAsConst(capturedLog))
                QVERIFY2(!line.contains(secret),
                         qPrintable(QStringLiteral("secret in log: ") + line.left(60)));
        }
        for (const QString &line : qAsConst(capturedLog)) {
            QVERIFY2(!line.contains(QStringLiteral("eyJ")), qPrintable(line.left(80)));
            QVERIFY2(!line.contains(QStringLiteral("Bearer ey")), qPrintable(line.left(80)));
            QVERIFY2(!line.contains(QStringLiteral("Basic ")), qPrintable(line.left(80)));
        }
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
