// The Session against the devstore over HTTPS: a self-signed store is refused with Error::Tls
// until its certificate is trusted (caCertificates) and, when pinned, its key matches; a wrong
// pin fails before any request byte is sent. Plus the transport's other guards: redirects to
// another origin are not followed (the Bearer never leaves the store's origin) and an answer
// over maxResponseSize fails with `response_too_large` while the session is kept.

#include <CoCart/Error.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using CoCart::Error;
using CoCart::Reply;
using CoCart::Session;
using CoCartDevStore::DevStore;
using CoCartDevStore::Fault;

namespace {

//! Waits for \a reply's outcome and returns its error (NoError after finished()).
Error outcome(Reply *reply)
{
    reply->setAutoDelete(false);
    if (reply->isRunning()) {
        QSignalSpy ended(reply, &Reply::runningChanged);
        ended.wait(10000);
    }
    const Error error = reply->isRunning()
            ? Error(Error::Timeout, QStringLiteral("the test gave up waiting"))
            : reply->error();
    delete reply;
    return error;
}

//! `openssl` computes the pin on its own: the SDK's value is checked, not trusted.
QString opensslPin(const QString &certFile)
{
    QProcess sh;
    sh.start(QStringLiteral("sh"),
             {QStringLiteral("-c"),
              QStringLiteral("openssl x509 -pubkey -noout -in \"$1\" | openssl pkey -pubin "
                             "-outform der | openssl dgst -sha256 -binary | base64"),
              QStringLiteral("sh"), certFile});
    if (!sh.waitForFinished(20000) || sh.exitCode() != 0)
        return {};
    return QString::fromLatin1(sh.readAllStandardOutput().trimmed());
}

} // namespace

class TestTls : public QObject, public CoCartTest::SessionFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void storeServesHttps();
    void selfSignedIsRefused();
    void trustedCertificateSucceeds();
    void otherCertificateIsRefused();
    void caFileErrors();
    void pinMatches();
    void wrongPinFailsBeforeSending();
    void malformedPinFailsClosed();
    void pinChangeAppliesToOpenConnections();
    void redirectToOtherOriginNotFollowed_data();
    void redirectToOtherOriginNotFollowed();
    void responseTooLarge();

private:
    std::unique_ptr<Session> trustedSession();
    bool startTlsStore();

    QTemporaryDir m_dir;
    QSslCertificate m_cert;
    QSslKey m_key;
    QString m_certFile;
    QSslCertificate m_otherCert;
    QString m_pin;
};

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString why;
    QVERIFY2(DevStore::generateSelfSignedCertificate(&m_cert, &m_key, &why), qPrintable(why));
    QSslKey otherKey;
    QVERIFY2(DevStore::generateSelfSignedCertificate(&m_otherCert, &otherKey, &why),
             qPrintable(why));
    QVERIFY(m_cert != m_otherCert);
    m_certFile = m_dir.filePath(QStringLiteral("devstore.pem"));
    QFile out(m_certFile);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.write(m_cert.toPem()) > 0);
    out.close();
    m_pin = opensslPin(m_certFile);
    QCOMPARE(QByteArray::fromBase64(m_pin.toLatin1()).size(), 32);
}

bool TestTls::startTlsStore()
{
    m_store = std::make_unique<DevStore>();
    m_store->seedDemoData();
    m_store->setRequestHistoryLimit(1000);
    m_store->setTls(m_cert, m_key);
    if (!m_store->listen())
        return false;
    m_tokens = std::make_unique<CoCart::Testing::TestTokenStore>();
    return true;
}

void TestTls::init()
{
    QVERIFY(startTlsStore());
}

void TestTls::cleanup()
{
    stopStore();
}

std::unique_ptr<Session> TestTls::trustedSession()
{
    auto session = makeSession(m_tokens.get());
    if (!session->setCaCertificatesFile(m_certFile))
        return nullptr;
    return session;
}

void TestTls::storeServesHttps()
{
    QCOMPARE(m_store->url().scheme(), QStringLiteral("https"));
    QVERIFY(m_store->isTls());
    QCOMPARE(Session::publicKeyPin(m_cert), m_pin);
}

void TestTls::selfSignedIsRefused()
{
    auto session = makeSession(m_tokens.get());
    QVERIFY(session->caCertificates().isEmpty());
    QSignalSpy failed(session.get(), &Session::loginFailed);
    const Error error = outcome(session->login(CoCartTest::kUser, CoCartTest::kPassword));
    QCOMPARE(error.kind(), Error::Tls);
    QCOMPARE(error.code(), QStringLiteral("tls"));
    QCOMPARE(failed.count(), 1);
    QVERIFY(!session->isSignedIn());
    QVERIFY(m_store->requests().isEmpty()); // the password never left
}

void TestTls::trustedCertificateSucceeds()
{
    auto session = trustedSession();
    QVERIFY(session);
    QCOMPARE(session->caCertificates(), QList<QSslCertificate> {m_cert});
    QVERIFY(signIn(session.get()));
    const Error error = outcome(session->get(QStringLiteral("/cocart/v2/store")));
    QVERIFY2(!error, qPrintable(error.toString()));
    QVERIFY(m_store->requests().size() >= 2);
}

void TestTls::otherCertificateIsRefused()
{
    // The CAs given are the only ones trusted: another certificate does not vouch for this one.
    auto session = makeSession(m_tokens.get());
    session->setCaCertificates({m_otherCert});
    const Error error = outcome(session->login(CoCartTest::kUser, CoCartTest::kPassword));
    QCOMPARE(error.kind(), Error::Tls);
    QVERIFY(m_store->requests().isEmpty());
}

void TestTls::caFileErrors()
{
    auto session = makeSession(m_tokens.get());
    QSignalSpy changed(session.get(), &Session::tlsTrustChanged);
    QVERIFY(!session->setCaCertificatesFile(m_dir.filePath(QStringLiteral("missing.pem"))));
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.pem"));
    QFile out(garbage);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    out.close();
    QVERIFY(!session->setCaCertificatesFile(garbage));
    QVERIFY(session->caCertificates().isEmpty());
    QCOMPARE(changed.count(), 0);
    QVERIFY(session->setCaCertificatesFile(m_certFile));
    QCOMPARE(changed.count(), 1);
}

void TestTls::pinMatches()
{
    auto session = trustedSession();
    QVERIFY(session);
    session->setPinnedPublicKeys({QStringLiteral("sha256//") + m_pin});
    QVERIFY(signIn(session.get()));
    // Another pin next to the right one: one match is enough (key rotation).
    session->setPinnedPublicKeys({Session::publicKeyPin(m_otherCert), m_pin});
    const Error error = outcome(session->get(QStringLiteral("/cocart/v2/store")));
    QVERIFY2(!error, qPrintable(error.toString()));
}

void TestTls::wrongPinFailsBeforeSending()
{
    auto session = trustedSession();
    QVERIFY(session);
    session->setPinnedPublicKeys({Session::publicKeyPin(m_otherCert)});
    QSignalSpy failed(session.get(), &Session::loginFailed);
    const Error error = outcome(session->login(CoCartTest::kUser, CoCartTest::kPassword));
    QCOMPARE(error.kind(), Error::Tls);
    QVERIFY2(error.message().contains(QStringLiteral("pinned")), qPrintable(error.message()));
    QCOMPARE(failed.count(), 1);
    QVERIFY(m_store->requests().isEmpty()); // aborted after the handshake, before the request
}

void TestTls::malformedPinFailsClosed()
{
    auto session = trustedSession();
    QVERIFY(session);
    session->setPinnedPublicKeys({QStringLiteral("not a pin")});
    const Error error = outcome(session->login(CoCartTest::kUser, CoCartTest::kPassword));
    QCOMPARE(error.kind(), Error::Tls);
    QVERIFY(m_store->requests().isEmpty());
}

void TestTls::pinChangeAppliesToOpenConnections()
{
    // A kept-alive connection was verified under the old settings: it must not carry a request
    // under the new ones.
    auto session = trustedSession();
    QVERIFY(session);
    QVERIFY(signIn(session.get()));
    QVERIFY(!outcome(session->get(QStringLiteral("/cocart/v2/store"))));
    const qsizetype before = m_store->requests().size();
    session->setPinnedPublicKeys({Session::publicKeyPin(m_otherCert)});
    const Error error = outcome(session->get(QStringLiteral("/cocart/v2/store")));
    QCOMPARE(error.kind(), Error::Tls);
    QCOMPARE(m_store->requests().size(), before);
    QVERIFY(session->isSignedIn()); // a TLS failure is not a rejection of the session

    session->setPinnedPublicKeys({});
    session->setCaCertificates({m_otherCert});
    QCOMPARE(outcome(session->get(QStringLiteral("/cocart/v2/store"))).kind(), Error::Tls);
    QCOMPARE(m_store->requests().size(), before);
}

void TestTls::redirectToOtherOriginNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("otherHost"); // localhost instead of 127.0.0.1: another origin too
    QTest::newRow("301 other port") << 301 << false;
    QTest::newRow("302 other port") << 302 << false;
    QTest::newRow("303 other port") << 303 << false;
    QTest::newRow("307 other port") << 307 << false;
    QTest::newRow("308 other port") << 308 << false;
    QTest::newRow("307 other host name") << 307 << true;
}

void TestTls::redirectToOtherOriginNotFollowed()
{
    QFETCH(int, status);
    QFETCH(bool, otherHost);

    // Whatever would receive the redirected request: any connection to it is a failure.
    QTcpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
    QSignalSpy connected(&elsewhere, &QTcpServer::newConnection);

    auto session = trustedSession();
    QVERIFY(session);
    QVERIFY(signIn(session.get()));
    Fault fault;
    fault.pathSuffix = QStringLiteral("/cocart/v2/cart");
    fault.status = status;
    fault.body = "Moved";
    fault.location =
            QStringLiteral("https://%1:%2/wp-json/cocart/v2/cart")
                    .arg(otherHost ? QStringLiteral("localhost") : QStringLiteral("127.0.0.1"))
                    .arg(elsewhere.serverPort())
                    .toUtf8();
    m_store->addFault(fault);

    const Error error = outcome(session->get(QStringLiteral("/cocart/v2/cart")));
    QCOMPARE(error.kind(), Error::BadResponse);
    QCOMPARE(error.code(), QStringLiteral("redirect"));
    QCOMPARE(error.httpStatus(), status);
    QTest::qWait(100); // a follow-up connection would be under way by now
    QCOMPARE(connected.count(), 0);
    QVERIFY(!elsewhere.hasPendingConnections());
    QVERIFY(session->isSignedIn());
}

void TestTls::responseTooLarge()
{
    auto session = trustedSession();
    QVERIFY(session);
    QCOMPARE(session->maxResponseSize(), Session::DefaultMaxResponseSize);
    QVERIFY(signIn(session.get()));
    const QString name = session->user().username(); // the same session afterwards

    session->setMaxResponseSize(64 * 1024);
    Fault big;
    big.pathSuffix = QStringLiteral("/cocart/v2/store");
    big.status = 200;
    big.contentType = "application/json";
    big.body = "{\"padding\":\"" + QByteArray(256 * 1024, 'x') + "\"}";
    big.times = 1;
    m_store->addFault(big);

    QSignalSpy errors(session.get(), &Session::errorOccurred);
    const Error error = outcome(session->get(QStringLiteral("/cocart/v2/store")));
    QCOMPARE(error.kind(), Error::BadResponse);
    QCOMPARE(error.code(), QStringLiteral("response_too_large"));
    QVERIFY(session->isSignedIn());
    QCOMPARE(session->status(), Session::Status::SignedIn);
    QCOMPARE(session->user().username(), name);

    // The same answer just under the limit is taken; the session goes on.
    big.body = "{\"padding\":\"" + QByteArray(60 * 1024, 'x') + "\"}";
    m_store->addFault(big);
    const Error fits = outcome(session->get(QStringLiteral("/cocart/v2/store")));
    QVERIFY2(!fits, qPrintable(fits.toString()));
    QVERIFY(!outcome(session->validate()));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
