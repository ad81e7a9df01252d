// A session that is never lost by accident: proactive refresh (fake clock, server clock skew),
// single-flight across requests and processes, crash-safe rotation, offline safety, storage
// states. Runs inside tests/common/with-keyring.sh (the two-process test shares a keychain).

#include <CoCart/Clock.h>
#include <CoCart/Jwt.h>
#include <CoCart/KeychainTokenStore.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestClock.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "engine/storedsession_p.h"
#include "savedsessionfixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;

namespace {
const QString kRefreshRoute = QStringLiteral("POST /wp-json/cocart/jwt/refresh-token");
const QString kValidateRoute = QStringLiteral("POST /wp-json/cocart/jwt/validate-token");
} // namespace

class TestResilience : public QObject, private SavedSessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_lockDir;

    // Every session here takes its refresh lock in the test's own directory.
    std::unique_ptr<Session> makeSession(TokenStore *store)
    {
        auto session = SavedSessionFixture::makeSession(store);
        session->setRefreshLockDirectory(m_lockDir.path());
        return session;
    }

    int refreshes() const { return m_store->requestCount(kRefreshRoute); }

    bool keychainAvailable() const { return qEnvironmentVariableIsSet("COCART_KEYRING_WRAPPED"); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_lockDir.isValid()); }

    void init()
    {
        QVERIFY(startStore());
        m_session = makeSession(m_tokens.get());
    }

    void cleanup()
    {
        m_session.reset();
        stopStore();
    }

    // --- single-flight ----------------------------------------------------------------------

    void twoHundredConcurrentRequestsOneRefresh()
    {
        QVERIFY(signIn(m_session.get()));
        // The client's clock says the token expired: every request needs a new one.
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        m_session->setAutoRefresh(false);
        m_session->setClock(&clock);
        int ok = 0;
        int failed = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 200; ++i) {
            m_session->post(QStringLiteral("/cocart/jwt/validate-token"), {}, this,
                            [&](Reply &reply) { reply.error() ? ++failed : ++ok; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok + failed, 200, 30000);
        QCOMPARE(failed, 0);
        QCOMPARE(refreshes(), 1);
        QCOMPARE(m_store->requestCount(kValidateRoute), 200);
        qInfo("200 concurrent requests on an expired token: %d refresh request(s), %d ok, %lld ms",
              refreshes(), ok, timer.elapsed());
    }

    void twoProcessesRefreshOnce()
    {
        if (!keychainAvailable()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("CI=true but no Secret Service: run through tests/common/with-keyring.sh");
            QSKIP("needs a Secret Service: run through tests/common/with-keyring.sh");
        }
        const QString service = QStringLiteral("cocart-resilience-%1").arg(m_store->port());
        KeychainTokenStore keychain(service);
        auto parent = makeSession(&keychain);
        QVERIFY(signIn(parent.get()));
        parent.reset();

        QList<QProcess *> children;
        for (int i = 0; i < 2; ++i) {
            auto *child = new QProcess(this);
            child->setProcessChannelMode(QProcess::SeparateChannels);
            child->start(QStringLiteral(COCART_REFRESH_CHILD),
                         {m_store->url().toString(), service, m_lockDir.path()});
            QVERIFY(child->waitForStarted(5000));
            children << child;
        }
        // Both restore with zero requests, then both are told to refresh at the same moment.
        for (QProcess *child : children)
            QTRY_VERIFY_WITH_TIMEOUT(child->canReadLine() || child->state() != QProcess::Running,
                                     10000);
        for (QProcess *child : children) {
            const QByteArray line = child->readLine().trimmed();
            QVERIFY2(line.startsWith("READY"), line.constData());
        }
        QCOMPARE(refreshes(), 0);
        for (QProcess *child : children)
            child->write("refresh\n");
        QStringList prints;
        for (QProcess *child : children) {
            QSignalSpy finished(child, &QProcess::finished);
            if (child->state() == QProcess::Running)
                QVERIFY(finished.wait(15000));
            const QByteArray out = child->readAllStandardOutput().trimmed();
            const QByteArray err = child->readAllStandardError();
            QVERIFY2(child->exitCode() == 0, QByteArray(out + " / " + err).constData());
            const QList<QByteArray> words = out.split(' ');
            QCOMPARE(words.value(0), QByteArray("DONE"));
            QCOMPARE(words.value(1).toInt(), int(Session::Status::SignedIn));
            prints << QString::fromLatin1(words.value(2));
        }
        QCOMPARE(refreshes(), 1);
        QCOMPARE(prints.value(0), prints.value(1)); // the second adopted the first's pair
        qInfo("two processes refreshing at once: %d refresh request(s)", refreshes());
    }

    // --- proactive refresh ------------------------------------------------------------------

    void proactiveRefreshBeforeExpiry_data()
    {
        QTest::addColumn<qint64>("serverOffsetSeconds");
        QTest::newRow("same clock") << qint64(0);
        QTest::newRow("server 2 h ahead") << qint64(7200);
        QTest::newRow("server 2 h behind") << qint64(-7200);
    }

    void proactiveRefreshBeforeExpiry()
    {
        QFETCH(qint64, serverOffsetSeconds);
        m_store->setClockOffset(serverOffsetSeconds);
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch());
        m_session->setClock(&clock);
        const qint64 loginAt = clock.nowMSecs();
        QVERIFY(signIn(m_session.get()));
        QVERIFY2(qAbs(m_session->serverClockOffset() - serverOffsetSeconds * 1000) < 2000,
                 qPrintable(QString::number(m_session->serverClockOffset())));

        // 10-day token: lead = min(5 min, 10% of lifetime) = 5 min, in client time.
        const QDateTime due = m_session->nextRefresh();
        QVERIFY(due.isValid());
        const qint64 expectedDue = loginAt + (864000 - 300) * qint64(1000);
        QVERIFY2(qAbs(due.toMSecsSinceEpoch() - expectedDue) < 2000,
                 qPrintable(QString::number(due.toMSecsSinceEpoch() - expectedDue)));
        QVERIFY(due < m_session->accessTokenExpiry());
        QCOMPARE(m_session->accessTokenExpiry().toMSecsSinceEpoch() - due.toMSecsSinceEpoch(),
                 qint64(300000));

        // One second before the lead: nothing happens.
        clock.setNowMSecs(due.toMSecsSinceEpoch() - 1000);
        QTest::qWait(100);
        QCOMPARE(refreshes(), 0);
        QVERIFY(m_session->secondsUntilExpiry() > 300 && m_session->secondsUntilExpiry() <= 301);

        // At the lead: the refresh runs at once.
        QSignalSpy refreshedStatus(m_session.get(), &Session::statusChanged);
        QElapsedTimer latency;
        latency.start();
        clock.setNowMSecs(due.toMSecsSinceEpoch());
        QTRY_COMPARE_WITH_TIMEOUT(refreshes(), 1, 5000);
        QTRY_COMPARE(m_session->status(), Session::Status::SignedIn);
        const qint64 fakeDelay = clock.nowMSecs() - due.toMSecsSinceEpoch();
        QCOMPARE(fakeDelay, qint64(0));
        qInfo("proactive refresh (server offset %+lld s): fake-clock delay from expiry-lead %lld "
              "ms, "
              "real latency %lld ms",
              serverOffsetSeconds, fakeDelay, latency.elapsed());
        // Re-armed for the new token, ~10 days on, still in client time.
        const QDateTime next = m_session->nextRefresh();
        QVERIFY2(qAbs(next.toMSecsSinceEpoch() -
                      (clock.nowMSecs() + (864000 - 300) * qint64(1000))) < 2000,
                 qPrintable(next.toString(Qt::ISODate)));
        QTest::qWait(200);
        QCOMPARE(refreshes(), 1);
    }

    void configurableLead()
    {
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch());
        m_session->setClock(&clock);
        m_session->setRefreshLead(3600);
        QVERIFY(signIn(m_session.get()));
        QCOMPARE(m_session->accessTokenExpiry().toMSecsSinceEpoch() -
                         m_session->nextRefresh().toMSecsSinceEpoch(),
                 qint64(3600000));
        m_session->setAutoRefresh(false);
        QVERIFY(!m_session->nextRefresh().isValid());
        clock.advance(qint64(11) * 24 * 3600 * 1000);
        QTest::qWait(100);
        QCOMPARE(refreshes(), 0);
    }

    void shortLivedTokenRefreshesWithoutLooping()
    {
        // Real clock, 4-second tokens: lead = max(10% = 0.4 s, 3 s) capped at half = 2 s.
        m_store->setAccessTokenTtl(4);
        QVERIFY(signIn(m_session.get()));
        QCOMPARE(m_session->accessTokenExpiry().toMSecsSinceEpoch() -
                         m_session->nextRefresh().toMSecsSinceEpoch(),
                 qint64(2000));
        QTRY_COMPARE_WITH_TIMEOUT(refreshes(), 1, 4000);
        QTest::qWait(500);
        QCOMPARE(refreshes(), 1);
        QVERIFY(m_session->hasValidAccessToken());
    }

    void expiredOnArrivalNeverLoops()
    {
        m_store->setAccessTokenTtl(0); // exp == iat: due (expired) the moment it arrives
        QVERIFY(signIn(m_session.get()));
        QVERIFY(!m_session->nextRefresh().isValid());
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QTest::qWait(1500);
        QCOMPARE(refreshes(), 1); // just the one asked for
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
    }

    // --- crash-safe rotation ----------------------------------------------------------------

    void crashBetweenReplyAndSave()
    {
        QVERIFY(signIn(m_session.get()));
        m_session.reset();
        // The process marked the refresh, the store rotated the pair, and the process died
        // before saving the answer: the saved refresh token is spent.
        StoredSession stored = saved();
        stored.refreshPending = true;
        m_tokens->setValue(key(), stored.toJson());
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(m_store->url().toString() +
                                     QStringLiteral("/wp-json/cocart/jwt/refresh-token")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply =
                nam.post(request,
                         QJsonDocument(QJsonObject {{QStringLiteral("refresh_token"),
                                                     QString::fromLatin1(stored.refreshToken)}})
                                 .toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        auto next = makeSession(m_tokens.get());
        QSignalSpy failed(next.get(), &Session::restoreFailed);
        QSignalSpy restored(next.get(), &Session::restored);
        next->restore();
        QVERIFY(failed.wait(5000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::SessionExpired);
        QCOMPARE(error.code(), QStringLiteral("cocart_refresh_interrupted"));
        QVERIFY(error.message().contains(QStringLiteral("interrupted")));
        QCOMPARE(next->status(), Session::Status::SignedOut);
        QTRY_VERIFY(m_tokens->values().isEmpty());
        QTest::qWait(300);
        QCOMPARE(refreshes(), 2); // the lost one and exactly one recovery attempt: no loop
        QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/store")), 0);
        QCOMPARE(restored.count(), 0);
    }

    void crashBeforeTheRefreshLeft()
    {
        QVERIFY(signIn(m_session.get()));
        m_session.reset();
        StoredSession stored = saved();
        stored.refreshPending = true; // marked, but the request never reached the store
        m_tokens->setValue(key(), stored.toJson());
        auto next = makeSession(m_tokens.get());
        QSignalSpy restored(next.get(), &Session::restored);
        next->restore();
        QVERIFY(restored.wait(5000));
        QCOMPARE(next->status(), Session::Status::SignedIn);
        QCOMPARE(refreshes(), 1);
        QVERIFY(!saved().refreshPending);
        QVERIFY(saved().refreshToken != stored.refreshToken);
    }

    void markerIsWrittenWhileRefreshing()
    {
        QVERIFY(signIn(m_session.get()));
        CoCartDevStore::Fault hang;
        hang.kind = CoCartDevStore::Fault::Kind::Hang;
        hang.pathSuffix = QStringLiteral("/refresh-token");
        m_store->addFault(hang);
        m_session->setRequestTimeout(400);
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        m_session->refresh();
        QTRY_COMPARE(m_store->requestCount(kRefreshRoute), 1);
        QVERIFY(saved().refreshPending); // on the wire: marked in the store
        QTRY_COMPARE(failed.count(), 1); // the timeout may have come during the spin above
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Timeout);
    }

    // --- offline safety ---------------------------------------------------------------------

    void networkDownDuringRefreshRetries()
    {
        QVERIFY(signIn(m_session.get()));
        m_session->setRetryDelays(200, 2000);
        m_session->setRequestTimeout(300);
        const QByteArray before = m_tokens->values().value(key());
        CoCartDevStore::Fault hang;
        hang.kind = CoCartDevStore::Fault::Kind::Hang;
        hang.pathSuffix = QStringLiteral("/refresh-token");
        m_store->addFault(hang);
        CoCartDevStore::Fault down;
        down.pathSuffix = QStringLiteral("/refresh-token");
        down.status = 503;
        down.body = "<html><body>Service Unavailable</body></html>";
        m_store->addFault(down);

        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        QSignalSpy offline(m_session.get(), &Session::offlineChanged);
        QElapsedTimer timer;
        timer.start();
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Timeout);
        QVERIFY(m_session->isOffline());
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
        QVERIFY(m_session->hasValidAccessToken());
        QVERIFY(m_session->nextRefresh().isValid());
        // Retried on its own: a 503 first (backoff doubles), then success.
        QTRY_COMPARE_WITH_TIMEOUT(refreshes(), 3, 5000);
        QTRY_VERIFY(!m_session->isOffline());
        QTRY_COMPARE(m_session->status(), Session::Status::SignedIn);
        QVERIFY(m_tokens->values().value(key()) != before);
        QVERIFY(!saved().refreshPending);
        QCOMPARE(refreshed.count(), 1); // the retry that succeeded: one refreshed per rotation
        qInfo("refresh retried after timeout and 503: %d requests in %lld ms", refreshes(),
              timer.elapsed());
    }

    void retriesPauseWhileTheNetworkIsDown()
    {
        QVERIFY(signIn(m_session.get()));
        m_session->setRetryDelays(100, 1000);
        CoCartDevStore::Fault down;
        down.pathSuffix = QStringLiteral("/refresh-token");
        down.status = 503;
        down.body = "<html>Service Unavailable</html>";
        m_store->addFault(down);
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        // The platform says the network is gone: the scheduled retry does not run.
        m_session->setNetworkReachable(false);
        QVERIFY(!m_session->isNetworkReachable());
        QVERIFY(m_session->isOffline());
        QTest::qWait(600);
        QCOMPARE(refreshes(), 1);
        // Back online: exactly one refresh, at once.
        m_session->setNetworkReachable(true);
        QTRY_COMPARE_WITH_TIMEOUT(refreshes(), 2, 2000);
        QTRY_COMPARE(m_session->status(), Session::Status::SignedIn);
        QTest::qWait(300);
        QCOMPARE(refreshes(), 2);
        QVERIFY(!m_session->isOffline());
    }

    void retryAfterIsHonoured()
    {
        QVERIFY(signIn(m_session.get()));
        m_session->setRetryDelays(100, 1000);
        CoCartDevStore::Fault limited;
        limited.pathSuffix = QStringLiteral("/refresh-token");
        limited.status = 429;
        limited.contentType = "application/json; charset=UTF-8";
        limited.body = "{\"code\":\"cocart_rate_limited\",\"message\":\"Too many requests.\","
                       "\"data\":{\"status\":429}}";
        limited.retryAfterSeconds = 1;
        m_store->addFault(limited);
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind(), Error::RateLimited);
        QCOMPARE(error.retryAfter(), 1);
        const qint64 due = m_session->nextRefresh().toMSecsSinceEpoch() - start;
        QVERIFY2(due >= 1000 && due < 1500, qPrintable(QString::number(due)));
        QTest::qWait(700);
        QCOMPARE(refreshes(), 1); // not before Retry-After
        QTRY_COMPARE_WITH_TIMEOUT(refreshes(), 2, 3000);
        QTRY_COMPARE(m_session->status(), Session::Status::SignedIn);
    }

    // --- storage states ---------------------------------------------------------------------

    void lockedKeychainAtStartupIsNotALogout()
    {
        QVERIFY(signIn(m_session.get()));
        m_session.reset();
        const QByteArray savedValue = m_tokens->values().value(key());
        m_tokens->setFailure(TokenStore::State::Locked, QStringLiteral("Collection is locked"));
        const int requests = m_store->totalRequestCount();

        auto next = makeSession(m_tokens.get());
        QSignalSpy failed(next.get(), &Session::restoreFailed);
        next->restore();
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Storage);
        QCOMPARE(next->storageState(), TokenStore::State::Locked);
        QCOMPARE(m_tokens->values().value(key()), savedValue); // nothing discarded

        // Unlocked later: retryStorage() brings the user back, with no request.
        m_tokens->setFailure(TokenStore::State::Ready);
        QSignalSpy restored(next.get(), &Session::restored);
        next->retryStorage();
        QVERIFY(restored.wait(2000));
        QCOMPARE(next->status(), Session::Status::SignedIn);
        QCOMPARE(next->storageState(), TokenStore::State::Ready);
        QCOMPARE(m_store->totalRequestCount(), requests);
    }

    void failedSaveAfterRefreshKeepsNewPair()
    {
        QVERIFY(signIn(m_session.get()));
        const StoredSession before = saved();
        m_tokens->setFailure(TokenStore::State::Locked, QStringLiteral("Collection is locked"));
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::Storage);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
        QCOMPARE(m_session->storageState(), TokenStore::State::Locked);
        // The new pair works from memory.
        QSignalSpy validated(m_session.get(), &Session::validated);
        m_session->validate();
        QVERIFY(validated.wait(5000));
        // Unlocked: the pending save goes through.
        m_tokens->setFailure(TokenStore::State::Ready);
        m_session->retryStorage();
        QTRY_VERIFY(saved().refreshToken != before.refreshToken);
        QVERIFY(!saved().refreshToken.isEmpty());
    }

    void secondsUntilExpiryFollowsTheClock()
    {
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch());
        m_session->setClock(&clock);
        QCOMPARE(m_session->secondsUntilExpiry(), -1);
        QVERIFY(signIn(m_session.get()));
        QVERIFY(qAbs(m_session->secondsUntilExpiry() - 864000) <= 2);
        m_session->setAutoRefresh(false);
        QSignalSpy changed(m_session.get(), &Session::secondsUntilExpiryChanged);
        clock.advance(864000 * qint64(1000) - 60000);
        QVERIFY(changed.count() >= 1);
        QVERIFY(qAbs(m_session->secondsUntilExpiry() - 60) <= 2);
        clock.advance(120000);
        QCOMPARE(m_session->secondsUntilExpiry(), 0);
        QVERIFY(!m_session->hasValidAccessToken());
    }
};

QTEST_GUILESS_MAIN(TestResilience)
#include "tst_resilience.moc"
