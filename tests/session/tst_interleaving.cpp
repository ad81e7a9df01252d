// A seeded random schedule of thousands of operations against the devstore: sign-in, sign-out,
// refresh, validate, restore, cart calls, calls to other routes, aborts, faults (hangs, 5xx,
// HTML 403 on refresh, 429 with Retry-After), clock jumps, a Cart or the Session destroyed
// mid-call, other devices signing the customer out, dropped, truncated and trickled answers,
// JSON cut short or of the wrong shape, and 3-second tokens. After every step and at the end:
//  - every call got exactly one outcome (its Reply: finished or failed, once);
//  - no request left with a Bearer after the sign-out of that Bearer's session began;
//  - the session ended only by logout() or after the store revoked the refresh token;
//  - after a quiet reload(), the SDK's cart equals the store's;
//  - no password, token or refresh token in any log line.
// A failing seed is printed; COCART_INTERLEAVING_SEED=N runs just that one again, and
// COCART_INTERLEAVING_OPS=N changes the number of operations per seed.

#include <CoCart/Cart.h>
#include <CoCart/CartItemModel.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestClock.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
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

namespace {

constexpr qint64 kCustomerId = 2;
const QStringList kProducts = {QStringLiteral("10"), QStringLiteral("11"), QStringLiteral("13"),
                               QStringLiteral("14"), QStringLiteral("15"), QStringLiteral("16")};

// Every log line of the process, to scan for secrets.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    if (type >= QtWarningMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

//! Sees every request the SDK makes, when it is made (not when the server reads it).
class WatchingNam : public QNetworkAccessManager
{
public:
    std::function<void(const QNetworkRequest &, const QByteArray &verb)> onRequest;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *data) override
    {
        if (onRequest) {
            QByteArray verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
            if (verb.isEmpty())
                verb = op == GetOperation ? "GET" : op == PostOperation ? "POST" : "OTHER";
            onRequest(request, verb);
        }
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

struct Outcome
{
    QString what;
    int finished = 0;
    int failed = 0;
};

} // namespace

class TestInterleaving : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    // --- the world of one seed
    QRandomGenerator m_random;
    std::unique_ptr<Testing::TestClock> m_clock;
    std::unique_ptr<WatchingNam> m_nam;
    std::unique_ptr<Testing::TestTokenStore> m_saved;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Cart> m_cart;
    QTemporaryDir m_dir;

    // --- what the invariants need
    QList<std::shared_ptr<Outcome>> m_outcomes;
    QStringList m_violations;
    QSet<QByteArray> m_seenBearers; //!< every Bearer sent so far
    QSet<QByteArray> m_signedOutBearers; //!< Bearers whose session's sign-out has begun
    bool m_logoutCalled = false; //!< since the session last became SignedIn
    bool m_wasSignedIn = false;
    bool m_storeRejectedRefresh = false; //!< since the last sign-in (not a fault's 403)
    bool m_faultedRefresh = false; //!< the refresh being answered got an injected fault
    int m_step = 0;
    int m_operations = 0;
    int m_faults = 0;
    int m_sessionEnds = 0;
    int m_checkpoints = 0;
    QString m_lastOp;

    void violation(const QString &what)
    {
        m_violations << QStringLiteral("step %1 (after %2): %3").arg(m_step).arg(m_lastOp, what);
    }

    void track(Reply *reply, const QString &what)
    {
        if (!reply)
            return;
        auto outcome = std::make_shared<Outcome>();
        outcome->what = what;
        m_outcomes << outcome;
        // QNetworkReply's order: errorOccurred (on a failure) once, then finished once.
        connect(reply, &Reply::finished, this, [this, outcome, reply] {
            if (++outcome->finished > 1)
                violation(outcome->what + QStringLiteral(": a second outcome"));
            if (bool(reply->error()) != (outcome->failed == 1))
                violation(outcome->what + QStringLiteral(": errorOccurred does not match"));
        });
        connect(reply, &Reply::errorOccurred, this, [this, outcome] {
            if (outcome->finished > 0 || ++outcome->failed > 1)
                violation(outcome->what + QStringLiteral(": errorOccurred out of order"));
        });
        connect(reply, &QObject::destroyed, this, [this, outcome] {
            if (outcome->finished == 0)
                violation(outcome->what + QStringLiteral(": destroyed without an outcome"));
        });
    }

    void makeSession()
    {
        m_session = std::make_unique<Session>();
        m_session->setStoreUrl(m_store->url());
        m_session->setUserAgent(QStringLiteral("CoCartQtTests/1.0"));
        m_session->setTokenStore(m_saved.get());
        m_session->setNetworkAccessManager(m_nam.get());
        m_session->setClock(m_clock.get());
        m_session->setRequestTimeout(250);
        m_session->setRetryDelays(20, 100);
        m_session->setRefreshLockDirectory(m_dir.path());
        m_wasSignedIn = false;
        connect(m_session.get(), &Session::statusChanged, this, [this] { onStatus(); });
        // Revocations and interruptions count for the sign-in they happened in.
        connect(m_session.get(), &Session::loggedIn, this,
                [this] { m_storeRejectedRefresh = false; });
        connect(m_session.get(), &Session::errorOccurred, this, [this](const Error &error) {
            // Only the store's own rejection of the refresh token (another device signed out,
            // a rotation lost with a "process" that died mid-refresh, …) may end a session.
            if (error.kind() == Error::SessionExpired && !m_storeRejectedRefresh)
                violation(QStringLiteral("SessionExpired but the store rejected no refresh: ") +
                          error.toString());
        });
        if (m_cart)
            m_cart->setSession(m_session.get());
    }

    void makeCart()
    {
        m_cart = std::make_unique<Cart>();
        m_cart->setGuestKeySettings(m_settings.get());
        m_cart->setSession(m_session.get());
    }

    void onStatus()
    {
        const Session::Status status = m_session->status();
        if (status == Session::Status::SignedIn && !m_wasSignedIn) {
            m_wasSignedIn = true;
            m_logoutCalled = false;
        }
        if (status == Session::Status::SignedOut && m_wasSignedIn) {
            m_wasSignedIn = false;
            ++m_sessionEnds;
            if (!m_logoutCalled && !m_storeRejectedRefresh)
                violation(QStringLiteral("the session ended without logout() or the store "
                                         "rejecting its refresh token"));
        }
    }

    void onRequest(const QNetworkRequest &request, const QByteArray &verb)
    {
        const QByteArray auth = request.rawHeader("Authorization");
        if (!auth.startsWith("Bearer "))
            return;
        const QByteArray token = auth.mid(7);
        const bool logoutCall = request.url().path().endsWith(QLatin1String("/logout"));
        if (m_signedOutBearers.contains(token) && !logoutCall) {
            violation(QStringLiteral("%1 %2 carried the Bearer of a session whose sign-out began")
                              .arg(QString::fromLatin1(verb), request.url().path()));
        }
        m_seenBearers.insert(token);
    }

    void logout()
    {
        // Every Bearer seen so far belongs to this sign-out (or an older one).
        m_signedOutBearers.unite(m_seenBearers);
        m_logoutCalled = true;
        track(m_session->logout(), QStringLiteral("logout"));
    }

    //! The customer signs out on another device: every token is revoked on the server.
    void revokeEverywhere()
    {
        m_store->clearFaults(); // the other device is not part of the fault schedule
        Session other;
        Testing::TestTokenStore tokens;
        other.setStoreUrl(m_store->url());
        other.setTokenStore(&tokens);
        other.setRefreshLockDirectory(m_dir.path() + QStringLiteral("/other"));
        QSignalSpy in(&other, &Session::loggedIn);
        other.login(kUser, kPassword);
        if (!in.wait(3000))
            return violation(QStringLiteral("the other device could not sign in"));
        QSignalSpy out(&other, &Session::loggedOut);
        other.logout(Session::LogoutScope::Everywhere);
        if (!out.wait(3000))
            return violation(QStringLiteral("the other device could not sign out"));
    }

    void addFault()
    {
        static const char *const paths[] = {"/cart",           "/add-item",        "/refresh-token",
                                            "/validate-token", "/cocart/v2/store", "/login",
                                            "/products"};
        Fault fault;
        fault.pathSuffix = QString::fromLatin1(paths[m_random.bounded(int(std::size(paths)))]);
        switch (m_random.bounded(11)) {
        case 0:
            fault.kind = Fault::Kind::Hang;
            break;
        case 1:
            fault.status = 500;
            fault.body = "<html><body>Internal Server Error</body></html>";
            break;
        case 2:
            fault.status = 503;
            fault.body = "";
            break;
        case 3:
            fault.status = 403; // a proxy's page: says nothing about the token
            fault.body = "<html><body><h1>403 Forbidden</h1></body></html>";
            break;
        case 4:
            fault.status = 429;
            fault.retryAfterSeconds = 0;
            fault.contentType = "application/json";
            fault.body =
                    R"({"code":"too_many_requests","message":"Slow down.","data":{"status":429}})";
            break;
        case 5:
            fault.kind = Fault::Kind::Drop; // the connection breaks before the answer
            break;
        case 6:
            fault.kind = Fault::Kind::Truncate; // it ran, and the answer broke off
            break;
        case 7:
            fault.kind = Fault::Kind::Trickle;
            fault.delayMs = int(m_random.bounded(5, 40));
            break;
        case 8:
            fault.status = 200; // JSON cut short
            fault.contentType = "application/json";
            fault.body = R"({"cart_key":"x","items":[{"item_key":)";
            break;
        case 9:
            fault.status = 200; // JSON of the wrong shape
            fault.contentType = "application/json";
            fault.body = m_random.bounded(2) ? QByteArray("[1,2,3]")
                                             : QByteArray(R"({"unexpected":true})");
            break;
        default:
            fault.kind = Fault::Kind::Delay;
            fault.delayMs = int(m_random.bounded(10, 120));
            break;
        }
        m_store->addFault(fault);
        ++m_faults;
    }

    QString randomItemKey() const
    {
        const auto &lines = m_cart->items()->lines();
        if (lines.isEmpty())
            return QStringLiteral("0123456789abcdef0123456789abcdef");
        return lines.at(int(QRandomGenerator::global()->bounded(int(lines.size())))).key();
    }

    void step()
    {
        ++m_operations;
        const int pick = int(m_random.bounded(100));
        QString op;
        if (pick < 8) {
            op = QStringLiteral("login");
            track(m_session->login(kUser, kPassword), op);
        } else if (pick < 12) {
            op = QStringLiteral("logout");
            logout();
        } else if (pick < 18) {
            op = QStringLiteral("refresh");
            track(m_session->refresh(), op);
        } else if (pick < 22) {
            op = QStringLiteral("validate");
            track(m_session->validate(), op);
        } else if (pick < 25) {
            op = QStringLiteral("restore");
            track(m_session->restore(), op);
        } else if (pick < 33) {
            op = QStringLiteral("cart reload");
            track(m_cart->reload(), op);
        } else if (pick < 45) {
            op = QStringLiteral("cart add");
            track(m_cart->addItem(kProducts.at(int(m_random.bounded(int(kProducts.size())))),
                                  int(m_random.bounded(1, 3))),
                  op);
        } else if (pick < 50) {
            op = QStringLiteral("cart set quantity");
            track(m_cart->setQuantity(randomItemKey(), int(m_random.bounded(0, 4))), op);
        } else if (pick < 53) {
            op = QStringLiteral("cart remove");
            track(m_cart->removeItem(randomItemKey()), op);
        } else if (pick < 55) {
            op = QStringLiteral("cart clear");
            track(m_cart->clear(), op);
        } else if (pick < 62) {
            op = QStringLiteral("get /store");
            track(m_session->get(QStringLiteral("/cocart/v2/store")), op);
        } else if (pick < 66) {
            op = QStringLiteral("post validate-token");
            track(m_session->post(QStringLiteral("/cocart/jwt/validate-token")), op);
        } else if (pick < 70) {
            op = QStringLiteral("abort");
            Reply *reply = m_session->get(QStringLiteral("/cocart/v2/products"),
                                          {{QStringLiteral("per_page"), 2}});
            track(reply, QStringLiteral("aborted get"));
            const int after = int(m_random.bounded(3));
            if (after == 0)
                reply->abort();
            else
                QTimer::singleShot(after * 5, reply, [reply] { reply->abort(); });
        } else if (pick < 82) {
            op = QStringLiteral("fault");
            addFault();
        } else if (pick < 88) {
            op = QStringLiteral("clock jump");
            // Past the refresh lead (or the expiry), or back: the timer and the request path
            // refresh on their own.
            const qint64 day = qint64(24) * 3600 * 1000;
            m_clock->advance(m_random.bounded(4) == 0 ? -day
                                                      : qint64(m_random.bounded(1, 11)) * day);
        } else if (pick < 91) {
            op = QStringLiteral("cart destroyed");
            m_cart.reset();
            makeCart();
        } else if (pick < 94) {
            op = QStringLiteral("session destroyed");
            m_session.reset();
            m_wasSignedIn = false;
            makeSession();
            track(m_session->restore(), QStringLiteral("restore after restart"));
        } else if (pick < 96) {
            op = QStringLiteral("revoked elsewhere");
            revokeEverywhere();
        } else {
            op = QStringLiteral("idle");
            QTest::qWait(int(m_random.bounded(20, 80)));
        }
        m_lastOp = op;
        QTest::qWait(int(m_random.bounded(0, 6)));
    }

    //! Waits until nothing runs, with faults cleared; false if it never settles.
    bool settle(int timeoutMs = 8000)
    {
        m_store->clearFaults();
        return QTest::qWaitFor(
                [this] {
                    for (const auto &o : qAsConst(m_outcomes)) {
                        if (o->finished + o->failed == 0)
                            return false;
                    }
                    return !m_session->isBusy() && !m_cart->isLoading();
                },
                timeoutMs);
    }

    //! After a quiet reload, the SDK's cart is the store's cart.
    void checkpoint()
    {
        ++m_checkpoints;
        if (!settle()) {
            QStringList open;
            for (const auto &o : qAsConst(m_outcomes)) {
                if (o->finished + o->failed == 0)
                    open << o->what;
            }
            return violation(QStringLiteral("no outcome after 8 s for: ") + open.join(u", "));
        }
        if (m_session->status() == Session::Status::SignedOut && m_cart->cartKey().isEmpty())
            return;
        QSignalSpy reloaded(m_cart.get(), &Cart::reloaded);
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        track(m_cart->reload(), QStringLiteral("checkpoint reload"));
        if (!QTest::qWaitFor([&] { return reloaded.count() + failed.count() > 0; }, 5000))
            return violation(QStringLiteral("checkpoint reload never ended"));
        if (reloaded.isEmpty())
            return; // e.g. the session ended on the refresh this reload needed
        const QString key =
                m_session->isSignedIn() ? QString::number(kCustomerId) : m_cart->cartKey();
        QMap<QString, int> server;
        const QJsonArray items = m_store->cartSnapshot(key).value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items) {
            const CartLine line = CartLine::fromJson(item.toObject(), Currency());
            server[line.key()] += line.quantity();
        }
        QMap<QString, int> client;
        for (const CartLine &line : m_cart->items()->lines())
            client[line.key()] += line.quantity();
        if (server != client) {
            violation(QStringLiteral("cart %1: the SDK shows %2 lines, the store has %3")
                              .arg(key)
                              .arg(client.size())
                              .arg(server.size()));
        }
    }

    void scanLogForSecrets()
    {
        static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{10,}\\."));
        static const QRegularExpression hex128(QStringLiteral("[0-9a-f]{128}"));
        QMutexLocker lock(&g_logMutex);
        for (const QString &line : qAsConst(g_log)) {
            bool leaked = line.contains(kPassword) || line.contains(jwt) || line.contains(hex128);
            for (const QByteArray &token : qAsConst(m_seenBearers))
                leaked = leaked || line.contains(QString::fromLatin1(token));
            if (leaked) {
                m_violations << QStringLiteral("a secret in a log line: ") + line.left(60);
                break;
            }
        }
        g_log.clear();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Error>();
        QVERIFY(m_dir.isValid());
        // Every SDK log line, debug included, goes through the scan.
        QLoggingCategory::setFilterRules(QStringLiteral("cocart.*.debug=true"));
        g_previousHandler = qInstallMessageHandler(captureLog);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void schedule_data()
    {
        QTest::addColumn<quint32>("seed");
        bool ok = false;
        const quint32 only = qEnvironmentVariableIntValue("COCART_INTERLEAVING_SEED", &ok);
        if (ok) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(only))) << only;
            return;
        }
        for (const quint32 seed : {1u, 2u, 3u, 20261202u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void schedule()
    {
        QFETCH(quint32, seed);
        bool ok = false;
        int operations = qEnvironmentVariableIntValue("COCART_INTERLEAVING_OPS", &ok);
        if (!ok || operations <= 0)
            operations = 1200;

        QVERIFY(startStore());
        // Short-lived tokens: the store itself rejects expired ones during the run, so refresh
        // and replay run all the time, not only after clock jumps.
        m_store->setAccessTokenTtl(3);
        m_random.seed(seed);
        m_clock = std::make_unique<Testing::TestClock>(QDateTime::currentMSecsSinceEpoch());
        m_nam = std::make_unique<WatchingNam>();
        m_nam->onRequest = [this](const QNetworkRequest &r, const QByteArray &v) {
            onRequest(r, v);
        };
        m_saved = std::make_unique<Testing::TestTokenStore>();
        QTemporaryDir settingsDir;
        m_settings = std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("cart.ini")),
                                                 QSettings::IniFormat);
        m_outcomes.clear();
        m_violations.clear();
        m_seenBearers.clear();
        m_signedOutBearers.clear();
        m_storeRejectedRefresh = false;
        m_operations = m_faults = m_sessionEnds = m_checkpoints = 0;
        connect(m_store.get(), &CoCartDevStore::DevStore::faultApplied, this,
                [this](const QByteArray &, const QString &path, int status) {
                    // An injected 401/403 is not the store rejecting the refresh token.
                    if (path.endsWith(QLatin1String("/refresh-token")) &&
                        (status == 401 || status == 403))
                        m_faultedRefresh = true;
                });
        connect(m_store.get(), &CoCartDevStore::DevStore::requestHandled, this,
                [this](const QByteArray &, const QString &path, int status) {
                    if (!path.endsWith(QLatin1String("/refresh-token")))
                        return;
                    if ((status == 401 || status == 403) && !m_faultedRefresh)
                        m_storeRejectedRefresh = true;
                    m_faultedRefresh = false;
                });
        makeSession();
        makeCart();

        QElapsedTimer timer;
        timer.start();
        for (m_step = 1; m_step <= operations && m_violations.isEmpty(); ++m_step) {
            step();
            if (m_step % 250 == 0)
                checkpoint();
        }
        checkpoint();
        scanLogForSecrets();

        qInfo("seed %u: %d operations, %d faults, %d session ends, %d checkpoints, %d calls, "
              "%lld ms",
              seed, m_operations, m_faults, m_sessionEnds, m_checkpoints, int(m_outcomes.size()),
              timer.elapsed());
        const QString failure = m_violations.isEmpty()
                ? QString()
                : QStringLiteral("seed %1 broke an invariant (replay: COCART_INTERLEAVING_SEED=%1)"
                                 ":\n  ")
                                .arg(seed) +
                        m_violations.mid(0, 5).join(QStringLiteral("\n  "));
        m_cart.reset();
        m_session.reset();
        m_saved.reset();
        m_nam.reset();
        m_clock.reset();
        m_settings.reset();
        stopStore();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestInterleaving)
#include "tst_interleaving.moc"
