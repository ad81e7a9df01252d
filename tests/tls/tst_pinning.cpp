// Public-key pinning against servers that an attacker could run: a server with a certificate the
// session trusts but without the pinned key. Over HTTP/2 a refused connection must carry no later
// request (the first request's check used to be the only one), and a pinned certificate appended
// to the attacker's chain must not count: only certificates that sign the leaf, and so on up, do.
// The server is tests/tls/tlstestserver.h (HTTP/2 via ALPN, or HTTP/1.1), certificates come
// from `openssl` at the start of the run.

#include <CoCart/Error.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>

#include "tlstestserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using CoCart::Error;
using CoCart::Reply;
using CoCart::Session;

namespace {

//! Waits (event loop running) for \a reply's outcome; Timeout if none within 10 s.
//! Watches \a reply from now on (it deletes itself after its outcome: watch it at once).
using Outcome = std::shared_ptr<std::optional<Error>>;
Outcome watch(Reply *reply, QObject *context)
{
    auto result = std::make_shared<std::optional<Error>>();
    reply->then(context, [result](Reply &r) { *result = r.error(); });
    return result;
}

//! Waits (event loop running) for the outcome; Timeout if none within \a ms.
Error wait(const Outcome &outcome, int ms = 20000)
{
    const QDeadlineTimer deadline(ms);
    while (!outcome->has_value() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return outcome->value_or(Error(Error::Timeout, QStringLiteral("the test gave up waiting")));
}

bool run(const QString &script, const QString &dir)
{
    QProcess sh;
    sh.setWorkingDirectory(dir);
    sh.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sh.start(QStringLiteral("sh"), {QStringLiteral("-ec"), script});
    return sh.waitForFinished(60000) && sh.exitStatus() == QProcess::NormalExit &&
            sh.exitCode() == 0;
}

} // namespace

class TestPinning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serverSpeaksHttp2();
    void pinnedStoreWorks_data();
    void pinnedStoreWorks();
    void refusedConnectionCarriesNothing();
    void concurrentRequestsOnRefusedConnection();
    void noRetryAfterPinFailure();
    void appendedPinnedCertificateDoesNotCount_data();
    void appendedPinnedCertificateDoesNotCount();

private:
    QSslCertificate cert(const QString &name) const;
    QSslKey key(const QString &name) const;
    std::unique_ptr<Session> session(const QString &trustedCa, const QString &pinnedCert);

    QTemporaryDir m_dir;
    std::unique_ptr<TlsTestServer> m_server;
    std::unique_ptr<CoCart::Testing::TestTokenStore> m_tokens;
};

void TestPinning::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Two CAs, each with a leaf for 127.0.0.1: "store" is the real store, "attacker" holds a
    // certificate the session trusts too (any publicly trusted CA would do for a real attacker).
    QVERIFY(run(QStringLiteral(R"(
for who in store attacker; do
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=$who CA" -keyout $who-ca.key -out $who-ca.pem 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/CN=127.0.0.1" -keyout $who-leaf.key -out $who-leaf.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' > ext.cnf
  openssl x509 -req -in $who-leaf.csr -CA $who-ca.pem -CAkey $who-ca.key -CAcreateserial \
    -days 2 -extfile ext.cnf -out $who-leaf.pem 2>/dev/null
done)"),
                m_dir.path()));
    QVERIFY(!cert(QStringLiteral("store-ca")).isNull());
    QVERIFY(!key(QStringLiteral("attacker-leaf")).isNull());
}

void TestPinning::init()
{
    m_server = std::make_unique<TlsTestServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_tokens = std::make_unique<CoCart::Testing::TestTokenStore>();
}

void TestPinning::cleanup()
{
    m_server.reset();
    m_tokens.reset();
}

QSslCertificate TestPinning::cert(const QString &name) const
{
    QFile file(m_dir.filePath(name + QStringLiteral(".pem")));
    if (!file.open(QIODevice::ReadOnly))
        return QSslCertificate();
    return QSslCertificate(&file, QSsl::Pem);
}

QSslKey TestPinning::key(const QString &name) const
{
    QFile file(m_dir.filePath(name + QStringLiteral(".key")));
    if (!file.open(QIODevice::ReadOnly))
        return QSslKey();
    return QSslKey(&file, QSsl::Ec, QSsl::Pem);
}

std::unique_ptr<Session> TestPinning::session(const QString &trustedCa, const QString &pinnedCert)
{
    auto s = std::make_unique<Session>();
    s->setStoreUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server->serverPort())));
    s->setTokenStore(m_tokens.get());
    s->setUserAgent(QStringLiteral("CoCartQtTests/1.0"));
    s->setCaCertificates({cert(trustedCa)});
    if (!pinnedCert.isEmpty())
        s->setPinnedPublicKeys({Session::publicKeyPin(cert(pinnedCert))});
    return s;
}

void TestPinning::serverSpeaksHttp2()
{
    // The other tests mean something only if Qt's client and this server do speak HTTP/2.
    m_server->setChain({cert(QStringLiteral("store-leaf"))}, key(QStringLiteral("store-leaf")));
    auto s = session(QStringLiteral("store-ca"), {});
    for (int i = 0; i < 3; ++i) {
        const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    QCOMPARE(m_server->requests(), 3);
    QCOMPARE(m_server->http2Requests(), 3);
    QCOMPARE(m_server->connections(), 1);
}

void TestPinning::pinnedStoreWorks_data()
{
    QTest::addColumn<bool>("sendCa");
    QTest::addColumn<QString>("pinned");
    QTest::newRow("leaf pinned") << false << QStringLiteral("store-leaf");
    QTest::newRow("CA pinned, CA not sent") << false << QStringLiteral("store-ca");
    QTest::newRow("CA pinned, CA sent") << true << QStringLiteral("store-ca");
}

void TestPinning::pinnedStoreWorks()
{
    QFETCH(bool, sendCa);
    QFETCH(QString, pinned);
    QList<QSslCertificate> chain {cert(QStringLiteral("store-leaf"))};
    if (sendCa)
        chain << cert(QStringLiteral("store-ca"));
    m_server->setChain(chain, key(QStringLiteral("store-leaf")));
    auto s = session(QStringLiteral("store-ca"), pinned);
    for (int i = 0; i < 3; ++i) {
        const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    QCOMPARE(m_server->requests(), 3);
}

void TestPinning::refusedConnectionCarriesNothing()
{
    // The attacker's certificate is trusted, but holds no pinned key: every call must fail with
    // Error::Tls, and none may reach the server, the login's password least of all.
    m_server->setChain({cert(QStringLiteral("attacker-leaf"))},
                       key(QStringLiteral("attacker-leaf")));
    auto s = session(QStringLiteral("attacker-ca"), QStringLiteral("store-ca"));
    for (int i = 0; i < 3; ++i) {
        const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
        QCOMPARE(error.kind(), Error::Tls);
        QCOMPARE(m_server->requests(), 0);
    }
    const Error login = wait(watch(
            s->login(QStringLiteral("customer1"), QStringLiteral("customer-pass-123")), this));
    QCOMPARE(login.kind(), Error::Tls);
    QCOMPARE(m_server->requests(), 0);
    QVERIFY(!s->isSignedIn());
}

void TestPinning::concurrentRequestsOnRefusedConnection()
{
#if defined(__SANITIZE_ADDRESS__)
    // Under ASan with sanitize.sh's options (fast_unwind_on_malloc=0) one or two of the four
    // requests never get QNAM's `encrypted` nor an answer: the server accepted 4 connections and
    // saw no request; they end as Timeout after the 30 s request timeout (8 runs of 8 at 33effae).
    // With any Qt logging category on, or fast unwinding, it passes in 1.5 s: a timing race in
    // QNAM's channel handling, not understood yet. The plain build runs it.
    QSKIP("times out under AddressSanitizer: see the session-16 closing note");
#endif
    // Requests queued together: over HTTP/2 they would share the one connection, and only the
    // first would be checked.
    m_server->setChain({cert(QStringLiteral("attacker-leaf"))},
                       key(QStringLiteral("attacker-leaf")));
    auto s = session(QStringLiteral("attacker-ca"), QStringLiteral("store-leaf"));
    QList<Outcome> outcomes;
    for (int i = 0; i < 4; ++i)
        outcomes << watch(s->get(QStringLiteral("/test/v1/ok")), this);
    for (const Outcome &outcome : outcomes)
        QCOMPARE(wait(outcome).kind(), Error::Tls);
    QCOMPARE(m_server->requests(), 0);
}

void TestPinning::noRetryAfterPinFailure()
{
    // Retries are on, with no delay: a TLS failure is still not retried.
    m_server->setChain({cert(QStringLiteral("attacker-leaf"))},
                       key(QStringLiteral("attacker-leaf")));
    auto s = session(QStringLiteral("attacker-ca"), QStringLiteral("store-ca"));
    s->setRetryDelays(0, 0);
    const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
    QCOMPARE(error.kind(), Error::Tls);
    QTest::qWait(300); // a retry would have started by now
    QCOMPARE(m_server->connections(), 1);
    QCOMPARE(m_server->requests(), 0);
}

void TestPinning::appendedPinnedCertificateDoesNotCount_data()
{
    QTest::addColumn<QString>("appended");
    QTest::addColumn<bool>("http2");
    QTest::newRow("store's leaf appended, HTTP/1.1") << QStringLiteral("store-leaf") << false;
    QTest::newRow("store's CA appended, HTTP/1.1") << QStringLiteral("store-ca") << false;
    QTest::newRow("store's CA appended, HTTP/2 offered") << QStringLiteral("store-ca") << true;
}

void TestPinning::appendedPinnedCertificateDoesNotCount()
{
    QFETCH(QString, appended);
    QFETCH(bool, http2);
    // The attacker's chain: its own (trusted) leaf, then the real store's pinned certificate,
    // which the server sends but which signed nothing in this chain.
    m_server->setOfferHttp2(http2);
    m_server->setChain({cert(QStringLiteral("attacker-leaf")), cert(appended)},
                       key(QStringLiteral("attacker-leaf")));
    auto s = session(QStringLiteral("attacker-ca"), appended);
    const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
    QCOMPARE(error.kind(), Error::Tls);
    QCOMPARE(m_server->requests(), 0);
}

QTEST_GUILESS_MAIN(TestPinning)
#include "tst_pinning.moc"
