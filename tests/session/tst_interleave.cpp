// The one-outcome rule and the "only the store ends a session" rule when user actions and network
// events interleave. One test per defect found in review (issue 8, items 1-12); each failed before
// its fix. Black-box: public SDK headers, the devstore on a loopback port.

#include <CoCart/Cart.h>
#include <CoCart/KeychainTokenStore.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestClock.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;
using CoCartDevStore::Fault;
using CoCartDevStore::RecordedRequest;

namespace {

const QString kRefreshRoute = QStringLiteral("POST /wp-json/cocart/jwt/refresh-token");
const QString kLoginRoute = QStringLiteral("POST /wp-json/cocart/v2/login");
constexpr qint64 kCustomerId = 2;

Fault delay(const QString &suffix, int ms, int times = 1)
{
    Fault fault;
    fault.kind = Fault::Kind::Delay;
    fault.pathSuffix = suffix;
    fault.delayMs = ms;
    fault.times = times;
    return fault;
}

Fault hang(const QString &suffix)
{
    Fault fault;
    fault.kind = Fault::Kind::Hang;
    fault.pathSuffix = suffix;
    return fault;
}

Fault status(const QString &suffix, int code, const QByteArray &body, const QByteArray &type)
{
    Fault fault;
    fault.kind = Fault::Kind::Status;
    fault.pathSuffix = suffix;
    fault.status = code;
    fault.body = body;
    fault.contentType = type;
    return fault;
}

int liveReplies(QNetworkAccessManager *nam)
{
    return int(nam->findChildren<QNetworkReply *>().size());
}

} // namespace

//! A token store that answers only when told to: the caller may be gone by then.
class HeldTokenStore : public TokenStore
{
public:
    std::vector<std::function<void()>> held;

    void read(const QString &, ReadCallback done) override
    {
        held.push_back([done] { done({}); });
    }
    void write(const QString &, const QByteArray &, WriteCallback done) override
    {
        held.push_back([done] { done({}); });
    }
    void remove(const QString &, WriteCallback done) override
    {
        held.push_back([done] { done({}); });
    }
    void answerAll()
    {
        auto calls = std::move(held);
        held.clear();
        for (const auto &call : calls)
            call();
    }
};

class TestInterleave : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Testing::TestTokenStore> m_saved;
    std::unique_ptr<Session> m_session;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    std::unique_ptr<Cart> makeCart(Session *session)
    {
        auto cart = std::make_unique<Cart>();
        cart->setGuestKeySettings(m_settings.get());
        cart->setSession(session);
        return cart;
    }

    //! Revokes every token of the demo customer on the server (logout on another device).
    void revokeEverywhere()
    {
        auto other = makeSession(nullptr);
        Testing::TestTokenStore tokens;
        other->setTokenStore(&tokens);
        QVERIFY(signIn(other.get()));
        QSignalSpy out(other.get(), &Session::loggedOut);
        other->logout(Session::LogoutScope::Everywhere);
        QVERIFY(out.wait(5000));
        QCOMPARE(m_store->activeSessionCount(kCustomerId), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Error>();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QVERIFY(startStore());
        m_saved = std::make_unique<Testing::TestTokenStore>();
        m_session = makeSession(m_saved.get());
        m_session->setRefreshLockDirectory(m_dir.path());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("cart.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
    }

    void cleanup()
    {
        m_session.reset();
        m_saved.reset();
        m_settings.reset();
        stopStore();
    }

    // 1. logout() while a refresh is in flight and the access token is still valid: the calls
    //    waiting for the refresh must not go out with the signed-out user's Bearer.
    void logoutDuringRefreshSendsNoBearer()
    {
        QVERIFY(signIn(m_session.get()));
        auto cart = makeCart(m_session.get());
        QTRY_VERIFY(!cart->isLoading());
        m_store->addFault(delay(QStringLiteral("refresh-token"), 300));
        m_session->refresh();
        QCOMPARE(m_session->status(), Session::Status::Refreshing);
        QSignalSpy cartErrors(cart.get(), &Cart::errorOccurred);
        Reply *reply = m_session->get(QStringLiteral("/cocart/v2/cart"));
        QSignalSpy replyFailed(reply, &Reply::errorOccurred);
        QSignalSpy replyFinished(reply, &Reply::finished);
        cart->reload();
        QTest::qWait(50);
        const int before = int(m_store->requests().size());
        m_session->logout();
        QTRY_COMPARE(m_session->status(), Session::Status::SignedOut);
        QTRY_COMPARE(cartErrors.count(), 1);
        QTRY_COMPARE(replyFailed.count(), 1);
        QTest::qWait(400); // the refresh answer arrives; nothing may follow it
        QCOMPARE(replyFinished.count(), 1); // once, after its errorOccurred (Cancelled)
        QCOMPARE(replyFailed.count(), 1);
        QCOMPARE(cartErrors.count(), 1);
        QCOMPARE(cartErrors.first().first().value<Error>().kind(), Error::Cancelled);
        const auto requests = m_store->requests();
        for (int i = before; i < requests.size(); ++i) {
            const RecordedRequest &r = requests.at(i);
            if (r.path.endsWith(QLatin1String("/logout")))
                continue; // the sign-out itself carries the Bearer it revokes
            QVERIFY2(!r.header("authorization").startsWith("Bearer"),
                     qPrintable(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path));
        }
    }

    // 2. A handler that starts another cart call from an outcome signal: the calls still run
    //    one at a time and `loading` stays true until the second one ends.
    void cartOutcomeHandlerStartsTheNextCall()
    {
        auto cart = makeCart(m_session.get());
        QList<bool> loadingValues;
        connect(cart.get(), &Cart::loadingChanged, this,
                [&] { loadingValues << cart->isLoading(); });
        bool loadingAfterHandler = false;
        connect(cart.get(), &Cart::itemAdded, this, [&] {
            cart->reload();
            QTimer::singleShot(0, this, [&] { loadingAfterHandler = cart->isLoading(); });
        });
        QSignalSpy reloaded(cart.get(), &Cart::reloaded);
        cart->addItem(QStringLiteral("10"));
        QVERIFY(reloaded.wait(5000));
        QVERIFY(loadingAfterHandler);
        QCOMPARE(loadingValues, (QList<bool> {true, false}));
        QVERIFY(!cart->isLoading());
    }

    // 3. login() then logout() before the answer: exactly one outcome for the login; the pair
    //    the store issued is dropped, never saved, and never "revoked" with the store's logout
    //    (that is global: it would sign the user out on every other device too).
    void logoutBeforeTheLoginAnswer()
    {
        m_store->addFault(delay(QStringLiteral("/login"), 300));
        QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
        QSignalSpy loginFailed(m_session.get(), &Session::loginFailed);
        QSignalSpy loggedOut(m_session.get(), &Session::loggedOut);
        Reply *login = m_session->login(kUser, kPassword);
        QSignalSpy loginReplyFailed(login, &Reply::errorOccurred);
        QTest::qWait(50);
        m_session->logout();
        QTRY_COMPARE(loggedOut.count(), 1);
        QTRY_COMPARE(loginFailed.count(), 1);
        QCOMPARE(loginReplyFailed.count(), 1);
        QCOMPARE(loginFailed.first().first().value<Error>().kind(), Error::Cancelled);
        QTRY_COMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/login")), 1);
        QTest::qWait(400); // the login answer arrives; nothing may follow it
        QCOMPARE(loggedIn.count(), 0);
        QCOMPARE(loginFailed.count(), 1);
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/logout")), 0);
        QVERIFY(m_saved->values().isEmpty());
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QVERIFY(m_saved->values().isEmpty());
    }

    // 4. A session ended by a refresh the Cart (or the timer) started says so: errorOccurred
    //    and lastError, once.
    void sessionEndedByACartRefreshIsReported()
    {
        QVERIFY(signIn(m_session.get()));
        auto cart = makeCart(m_session.get());
        QTRY_VERIFY(!cart->isLoading());
        revokeEverywhere();
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        QSignalSpy cartErrors(cart.get(), &Cart::errorOccurred);
        cart->reload();
        QTRY_COMPARE(m_session->status(), Session::Status::SignedOut);
        QTRY_COMPARE(cartErrors.count(), 1);
        QTest::qWait(50);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::SessionExpired);
        QCOMPARE(m_session->lastError().kind(), Error::SessionExpired);
    }

    void sessionEndedByTheRefreshTimerIsReported()
    {
        QVERIFY(signIn(m_session.get()));
        revokeEverywhere();
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch());
        m_session->setClock(&clock);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        clock.advance(qint64(10) * 24 * 3600 * 1000); // past the lead: the timer refreshes
        QTRY_COMPARE(m_session->status(), Session::Status::SignedOut);
        QTRY_COMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::SessionExpired);
        QCOMPARE(m_session->lastError().kind(), Error::SessionExpired);
        m_session->setClock(nullptr);
    }

    // 5. Only the store's JSON rejection of the refresh token ends a session.
    void refreshRejectionThatIsNotTheStores_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("proxy HTML 403")
                << 403 << QByteArray("<html><body><h1>403 Forbidden</h1></body></html>")
                << QByteArray("text/html");
        QTest::newRow("jwt bad config")
                << 403
                << QByteArray(R"({"code":"cocart_jwt_auth_bad_config","message":"JWT )"
                              R"(configuration error.","data":{"status":403}})")
                << QByteArray("application/json; charset=UTF-8");
        QTest::newRow("HTML 401") << 401 << QByteArray("<html>Unauthorized</html>")
                                  << QByteArray("text/html");
    }

    void refreshRejectionThatIsNotTheStores()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, type);
        QVERIFY(signIn(m_session.get()));
        m_store->addFault(status(QStringLiteral("refresh-token"), code, body, type));
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().value<Error>().kind() != Error::SessionExpired);
        QCOMPARE(m_session->status(), Session::Status::SignedIn);
        QCOMPARE(m_saved->values().size(), 1);
        // The pair still works: the next refresh succeeds.
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
    }

    void refreshRejectedByTheStoreEndsTheSession()
    {
        QVERIFY(signIn(m_session.get()));
        revokeEverywhere();
        QSignalSpy failed(m_session.get(), &Session::refreshFailed);
        m_session->refresh();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::SessionExpired);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
        QTRY_VERIFY(m_saved->values().isEmpty());
    }

    // 6. A pair whose save failed is newer than the saved one: a later refresh must not adopt
    //    the saved (already spent) pair.
    void refreshAfterAFailedSaveDoesNotAdoptTheSpentPair()
    {
        QVERIFY(signIn(m_session.get()));
        m_saved->setFailure(TokenStore::State::Locked, QStringLiteral("locked"));
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_store->requestCount(kRefreshRoute), 1);
        m_saved->setFailure(TokenStore::State::Ready);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(m_store->requestCount(kRefreshRoute), 2);
        QSignalSpy validated(m_session.get(), &Session::validated);
        m_session->validate();
        QVERIFY(validated.wait(5000));
    }

    // 7. The default keychain item belongs to the app, not to every app on the SDK.
    void defaultKeychainServiceIsPerApp()
    {
        const QString org = QCoreApplication::organizationName();
        const QString app = QCoreApplication::applicationName();
        QCoreApplication::setOrganizationName(QStringLiteral("Example Org"));
        QCoreApplication::setApplicationName(QStringLiteral("shop-app"));
        KeychainTokenStore store;
        QCOMPARE(store.service(), QStringLiteral("Example Org/shop-app"));
        QCoreApplication::setOrganizationName(org);
        QCoreApplication::setApplicationName(app);
        // Sharing is explicit.
        KeychainTokenStore shared(QStringLiteral("CoCartQt"));
        QCOMPARE(shared.service(), QStringLiteral("CoCartQt"));
    }

    // 8. login() while signed in is refused: no request, no status change, the pair kept.
    void loginWhileSignedInIsRefused()
    {
        QVERIFY(signIn(m_session.get()));
        QSignalSpy status(m_session.get(), &Session::statusChanged);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        m_session->login(kUser, kPassword);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Error>().code(),
                 QStringLiteral("cocart_already_signed_in"));
        QCOMPARE(m_store->requestCount(kLoginRoute), 1);
        QCOMPARE(status.count(), 0);
        QCOMPARE(m_store->activeSessionCount(kCustomerId), 1);
    }

    // 9. A Cart whose Session is destroyed mid-call ends that call and goes idle.
    void sessionDestroyedDuringACartCall()
    {
        auto cart = makeCart(m_session.get());
        m_store->addFault(hang(QStringLiteral("/cart")));
        QSignalSpy errors(cart.get(), &Cart::errorOccurred);
        cart->reload();
        QTRY_VERIFY(cart->isLoading());
        QTest::qWait(50);
        m_session.reset();
        QTRY_VERIFY(!cart->isLoading());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::Cancelled);
        QVERIFY(cart->session() == nullptr);
    }

    void sessionDestroyedDuringTheHandover()
    {
        auto cart = makeCart(m_session.get());
        QSignalSpy added(cart.get(), &Cart::itemAdded);
        cart->addItem(QStringLiteral("10"));
        QVERIFY(added.wait(5000));
        m_store->addFault(delay(QStringLiteral("/cart"), 200, -1));
        QSignalSpy errors(cart.get(), &Cart::errorOccurred);
        m_session->login(kUser, kPassword);
        QTRY_VERIFY(m_session->isSignedIn());
        QTest::qWait(50); // the handover's first request is on its way
        m_session.reset();
        QTRY_VERIFY(!cart->isLoading());
        QTest::qWait(300);
        QCOMPARE(errors.count(), 1);
        m_store->clearFaults();
    }

    // 10. A call whose receiver is gone is aborted, and any call can be aborted.
    void abortAndDeadContextsEndTheRequest()
    {
        m_store->addFault(hang(QStringLiteral("/cocart/v2/store")));
        QNetworkAccessManager *nam = m_session->networkAccessManager();
        Reply *reply = m_session->get(QStringLiteral("/cocart/v2/store"));
        QSignalSpy failed(reply, &Reply::errorOccurred);
        QTRY_COMPARE(liveReplies(nam), 1);
        reply->abort();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<Error>().kind(), Error::Cancelled);
        QTRY_COMPARE(liveReplies(nam), 0);

        m_store->addFault(hang(QStringLiteral("/cart")));
        auto cart = makeCart(m_session.get());
        cart->reload();
        QTRY_COMPARE(liveReplies(nam), 1);
        cart.reset();
        QTRY_COMPARE(liveReplies(nam), 0);
    }

    // 11. retryStorage() always ends with an outcome; an app's store that is destroyed is not
    //     quietly replaced by the keychain.
    void retryStorageAlwaysAnswers()
    {
        QVERIFY(signIn(m_session.get()));
        QSignalSpy saved(m_session.get(), &Session::saved);
        QSignalSpy errors(m_session.get(), &Session::errorOccurred);
        Reply *nothingToDo = m_session->retryStorage();
        QSignalSpy nothingFinished(nothingToDo, &Reply::finished);
        QTRY_COMPARE(saved.count(), 1);
        QCOMPARE(nothingFinished.count(), 1);

        m_saved->setFailure(TokenStore::State::Locked, QStringLiteral("locked"));
        QSignalSpy refreshed(m_session.get(), &Session::refreshed);
        m_session->refresh();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(errors.count(), 1); // the failed save
        m_saved->setFailure(TokenStore::State::Ready);
        m_session->retryStorage();
        QTRY_COMPARE(saved.count(), 2);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_saved->values().size(), 1);
    }

    // Found by tst_interleaving: the app's store answered a save after the Session was gone.
    void storeAnswersAfterTheSessionIsGone()
    {
        HeldTokenStore store;
        auto session = makeSession(&store);
        Reply *login = session->login(kUser, kPassword);
        QSignalSpy failed(login, &Reply::errorOccurred);
        QTRY_VERIFY(!store.held.empty()); // the pair is being saved
        session.reset();
        QCOMPARE(failed.count(), 1); // the login ended with the Session (Cancelled)
        store.answerAll(); // must not reach the destroyed Session
        QTest::qWait(20);
    }

    void destroyedTokenStoreIsNotReplaced()
    {
        auto session = makeSession(nullptr);
        auto store = std::make_unique<Testing::TestTokenStore>();
        session->setTokenStore(store.get());
        store.reset();
        QCOMPARE(session->tokenStore(), nullptr);
        QCOMPARE(session->storageState(), TokenStore::State::Unavailable);
        QSignalSpy loggedIn(session.get(), &Session::loggedIn);
        QSignalSpy errors(session.get(), &Session::errorOccurred);
        session->login(kUser, kPassword);
        QVERIFY(loggedIn.wait(5000));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::Storage);
        QVERIFY(session->findChildren<KeychainTokenStore *>().isEmpty());
        QCOMPARE(session->tokenStore(), nullptr);
    }

    // 12. ProductModel: stale answers and a vanished session.
    void productModelIgnoresAStaleCategoriesAnswer()
    {
        auto other = makeSession(nullptr);
        // 1 s: the products answer must arrive within it, also under ASan (scripts/sanitize.sh).
        m_session->setRequestTimeout(1000);
        m_store->addFault(hang(QStringLiteral("products/categories")));
        ProductModel model;
        QSignalSpy loaded(&model, &ProductModel::loaded);
        model.setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        model.setSession(other.get());
        QVERIFY(loaded.wait(5000));
        QTest::qWait(1200); // the first session's categories request times out now
        QVERIFY2(!model.lastError().isError(), qPrintable(model.lastError().toString()));
    }

    void productModelWithoutSession()
    {
        ProductModel model;
        QSignalSpy loaded(&model, &ProductModel::loaded);
        model.setSession(m_session.get());
        QVERIFY(loaded.wait(5000));
        QVERIFY(model.rowCount() > 0);
        m_store->addFault(delay(QStringLiteral("/products"), 200));
        model.reload();
        QTest::qWait(20);
        model.setSession(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QTest::qWait(400); // the answer to the old session's reload arrives
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
    }

    void productModelSessionDestroyedMidLoad()
    {
        ProductModel model;
        m_store->addFault(hang(QStringLiteral("/products")));
        QSignalSpy errors(&model, &ProductModel::errorOccurred);
        model.setSession(m_session.get());
        QTRY_VERIFY(model.isLoading());
        m_session.reset();
        QTRY_VERIFY(!model.isLoading());
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().kind(), Error::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestInterleave)
#include "tst_interleave.moc"
