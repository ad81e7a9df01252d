// What one client may cost the devstore: body, header, time and connection limits answered on the
// socket (ServerLimits), the opt-in redacted request history, housekeeping of sessions and guest
// carts, coalesced state writes with hashed refresh tokens, a port-independent issuer, and the
// answers to requests QHttpServer cannot parse. Raw HTTP only (QTcpSocket or QNAM), never the SDK.

#include "devstore_http.h"

#include <CoCartDevStore/DevStore.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QString kCart = QStringLiteral("/wp-json/cocart/v2/cart");
const QString kAdd = QStringLiteral("/wp-json/cocart/v2/cart/add-item");
const QString kStore = QStringLiteral("/wp-json/cocart/v2/store");
const QString kLogin = QStringLiteral("/wp-json/cocart/v2/login");
const QString kRefresh = QStringLiteral("/wp-json/cocart/jwt/refresh-token");
const QString kValidate = QStringLiteral("/wp-json/cocart/jwt/validate-token");
constexpr qint64 kDay = 24 * 3600;

struct RawResult
{
    QByteArray response;
    bool closed = false; //!< the server closed the connection
    qint64 bodySent = 0; //!< body bytes handed to the socket before it closed
    qint64 elapsedMs = 0; //!< until closed (or the timeout)

    int status() const { return response.mid(9, 3).toInt(); } // "HTTP/1.1 413 ..."
};

/*!
    Sends \a head on a fresh connection, then up to \a bodyBytes of body in 64 KiB pieces while
    the connection lasts, and reads until the server closes it or \a timeoutMs pass.
*/
RawResult rawExchange(quint16 port, const QByteArray &head, qint64 bodyBytes = 0,
                      int timeoutMs = 5000)
{
    RawResult result;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                         timeoutMs))
        return result;
    QElapsedTimer timer;
    timer.start();
    socket.write(head);
    const QByteArray chunk(64 * 1024, 'x');
    while (timer.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        if (result.bodySent < bodyBytes && socket.bytesToWrite() < 4 * chunk.size()) {
            const qint64 n = qMin<qint64>(chunk.size(), bodyBytes - result.bodySent);
            socket.write(chunk.constData(), n);
            result.bodySent += n;
        }
        QTest::qWait(1);
        result.response += socket.readAll();
    }
    result.response += socket.readAll();
    result.closed = socket.state() != QAbstractSocket::ConnectedState;
    result.elapsedMs = timer.elapsed();
    return result;
}

QByteArray requestHead(const QByteArray &method, const QString &path,
                       const QByteArrayList &headers = {})
{
    QByteArray head = method + ' ' + path.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const QByteArray &header : headers)
        head += header + "\r\n";
    return head + "\r\n";
}

QByteArray refreshJson(const QByteArray &refreshToken)
{
    return "{\"refresh_token\":\"" + refreshToken + "\"}";
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token;
}

QByteArray recordText(const RecordedRequest &record)
{
    QByteArray text = record.method + ' ' + record.path.toUtf8() + '?' + record.query.toUtf8();
    for (const auto &header : record.headers)
        text += '\n' + header.first + ": " + header.second;
    return text + "\n\n" + record.body;
}

} // namespace

class TestDevStoreLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bodyLimit_data();
    void bodyLimit();
    void bigBodyIsRefusedUnread();
    void badHeads_data();
    void badHeads();
    void hostHeader_data();
    void hostHeader();
    void slowHeadersTimeOut();
    void idleConnectionIsClosed();
    void connectionLimit();
    void connectionLimitEvictsIdleConnections();
    void malformedJson_data();
    void malformedJson();

    void historyIsOffByDefault();
    void historyIsBounded();
    void historyIsRedacted_data();
    void historyIsRedacted();

    void expiredSessionsArePruned();
    void guestCartsExpireLikeCoCart();
    void stateWritesAreCoalesced();
    void stateFileHoldsNoToken();
    void restartOnAnotherPortKeepsTokens();
    void qtHttpServerDebugStaysOff();

private:
    std::unique_ptr<DevStore> m_store;
    QTemporaryDir m_dir;
};

void TestDevStoreLimits::init()
{
    m_store = std::make_unique<DevStore>();
    m_store->seedDemoData();
    ServerLimits limits;
    limits.maxBodyBytes = 64 * 1024;
    limits.maxHeaderBytes = 4096;
    limits.maxHeaderCount = 20;
    m_store->setServerLimits(limits);
    QVERIFY(m_store->listen());
}

void TestDevStoreLimits::cleanup()
{
    m_store.reset();
}

// --- ServerLimits ------------------------------------------------------------------------------

void TestDevStoreLimits::bodyLimit_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("status");
    QTest::newRow("at the limit: the route answers") << qint64(64 * 1024) << 404;
    QTest::newRow("one byte over: 413") << qint64(64 * 1024 + 1) << 413;
}

void TestDevStoreLimits::bodyLimit()
{
    QFETCH(qint64, size);
    QFETCH(int, status);
    Client client(m_store.get());
    const HttpResult r = client.send("POST", QStringLiteral("/wp-json/cocart/v2/nope"),
                                     {"Content-Type: text/plain"}, QByteArray(size, 'a'));
    QCOMPARE(r.status, status);
    if (status == 413) {
        QCOMPARE(r.code(), QStringLiteral("devstore_body_too_large"));
        QCOMPARE(m_store->totalRequestCount(), 0); // never reached the routes
    } else {
        QCOMPARE(r.code(), QStringLiteral("rest_no_route"));
    }
}

void TestDevStoreLimits::bigBodyIsRefusedUnread()
{
    // 20 MB announced and streamed: the answer comes after the head, and the connection is
    // closed long before the body is through, so the store never holds it.
    constexpr qint64 kBody = 20 * 1000 * 1000;
    const RawResult r = rawExchange(m_store->port(),
                                    requestHead("POST", kAdd,
                                                {"Content-Type: application/json",
                                                 "Content-Length: " + QByteArray::number(kBody)}),
                                    kBody);
    QVERIFY(r.closed);
    QCOMPARE(r.status(), 413);
    QVERIFY2(r.bodySent < kBody / 4, QByteArray::number(r.bodySent).constData());
    QCOMPARE(m_store->totalRequestCount(), 0);
    QTRY_COMPARE(m_store->openConnectionCount(), 0);
}

void TestDevStoreLimits::badHeads_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("header over 4 KiB")
            << requestHead("GET", kStore, {"X-Big: " + QByteArray(5000, 'b')}) << 431
            << QStringLiteral("devstore_headers_too_large");
    QByteArrayList many;
    for (int i = 0; i < 25; ++i)
        many.append("X-H" + QByteArray::number(i) + ": 1");
    QTest::newRow("25 headers (limit 20)") << requestHead("GET", kStore, many) << 431
                                           << QStringLiteral("devstore_too_many_headers");
    QTest::newRow("Content-Length and Transfer-Encoding")
            << requestHead("POST", kAdd,
                           {"Content-Type: application/json", "Content-Length: 5",
                            "Transfer-Encoding: chunked"}) +
                    "0\r\n\r\n"
            << 400 << QStringLiteral("devstore_ambiguous_length");
    QTest::newRow("two different Content-Lengths")
            << requestHead("POST", kAdd, {"Content-Length: 5", "Content-Length: 6"}) << 400
            << QStringLiteral("devstore_bad_content_length");
    QTest::newRow("negative Content-Length")
            << requestHead("POST", kAdd, {"Content-Length: -1"}) << 400
            << QStringLiteral("devstore_bad_content_length");
    QTest::newRow("chunked body") << requestHead("POST", kAdd, {"Transfer-Encoding: chunked"}) +
                    "0\r\n\r\n" << 411
                                  << QStringLiteral("devstore_length_required");
}

void TestDevStoreLimits::badHeads()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QString, code);
    const RawResult r = rawExchange(m_store->port(), head);
    QVERIFY2(r.closed, r.response.constData());
    QCOMPARE(r.status(), status);
    const QByteArray body = r.response.mid(r.response.indexOf("\r\n\r\n") + 4);
    QCOMPARE(QJsonDocument::fromJson(body).object().value(u"code").toString(), code);
    QCOMPARE(m_store->totalRequestCount(), 0);

    // The store still answers everybody else.
    QCOMPARE(Client(m_store.get()).send("GET", kStore).status, 200);
}

void TestDevStoreLimits::hostHeader_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<int>("status");
    const QStringList none;
    // DNS rebinding: a page on attacker.example re-resolves its name to 127.0.0.1.
    QTest::newRow("rebound name") << QByteArray("attacker.example:8080") << none << 421;
    QTest::newRow("rebound name, no port") << QByteArray("attacker.example") << none << 421;
    QTest::newRow("localhost.attacker.example")
            << QByteArray("localhost.attacker.example") << none << 421;
    QTest::newRow("IPv4 literal") << QByteArray("127.0.0.1:1") << none << 200;
    QTest::newRow("LAN address literal") << QByteArray("192.168.1.20:8080") << none << 200;
    QTest::newRow("IPv6 literal") << QByteArray("[::1]:1") << none << 200;
    QTest::newRow("localhost") << QByteArray("LocalHost:1") << none << 200;
    QTest::newRow("listed name") << QByteArray("shop.test:1")
                                 << QStringList {QStringLiteral("shop.test")} << 200;
    QTest::newRow("any name") << QByteArray("attacker.example") << QStringList {QStringLiteral("*")}
                              << 200;
}

void TestDevStoreLimits::hostHeader()
{
    QFETCH(QByteArray, host);
    QFETCH(QStringList, allowed);
    QFETCH(int, status);
    ServerLimits limits;
    limits.allowedHosts = allowed;
    m_store->setServerLimits(limits);
    // Refused: answered and closed at once; served: answered (keep-alive, so read briefly).
    const RawResult r = rawExchange(
            m_store->port(), "GET " + kStore.toLatin1() + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            0, status == 421 ? 5000 : 1000);
    QVERIFY2(status != 421 || r.closed, r.response.constData());
    QCOMPARE(r.status(), status);
    if (status == 421) {
        const QByteArray body = r.response.mid(r.response.indexOf("\r\n\r\n") + 4);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(u"code").toString(),
                 QStringLiteral("devstore_unknown_host"));
        QCOMPARE(m_store->totalRequestCount(), 0); // no route ran
    }
}

void TestDevStoreLimits::slowHeadersTimeOut()
{
    ServerLimits limits = m_store->serverLimits();
    limits.headerTimeoutMs = 300;
    m_store->setServerLimits(limits);
    // Half a request head, then nothing: closed with 408 once the header timeout passes.
    const RawResult r =
            rawExchange(m_store->port(), "GET /wp-json/cocart/v2/store HTTP/1.1\r\nHo", 0, 5000);
    QVERIFY(r.closed);
    QCOMPARE(r.status(), 408);
    QVERIFY2(r.elapsedMs >= 250, QByteArray::number(r.elapsedMs).constData());
    QVERIFY2(r.elapsedMs < 4000, QByteArray::number(r.elapsedMs).constData());
    QCOMPARE(m_store->totalRequestCount(), 0);
}

void TestDevStoreLimits::idleConnectionIsClosed()
{
    ServerLimits limits = m_store->serverLimits();
    limits.idleTimeoutMs = 300;
    m_store->setServerLimits(limits);
    // A complete keep-alive request is answered; then the quiet connection is closed.
    const RawResult r = rawExchange(m_store->port(), requestHead("GET", kStore), 0, 5000);
    QVERIFY(r.response.startsWith("HTTP/1.1 200"));
    QVERIFY(r.closed);
    QVERIFY2(r.elapsedMs >= 250, QByteArray::number(r.elapsedMs).constData());
    QCOMPARE(m_store->totalRequestCount(), 1);
    QTRY_COMPARE(m_store->openConnectionCount(), 0);
}

void TestDevStoreLimits::connectionLimit()
{
    ServerLimits limits = m_store->serverLimits();
    limits.maxConnections = 3;
    m_store->setServerLimits(limits);

    // Three connections, each in the middle of a request head: none can be closed for free.
    std::vector<std::unique_ptr<QTcpSocket>> open;
    for (int i = 0; i < 3; ++i) {
        open.push_back(std::make_unique<QTcpSocket>());
        open.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), m_store->port());
        QVERIFY(open.back()->waitForConnected(3000));
        open.back()->write("GET /wp-json/cocart/v2/store HTTP/1.1\r\n");
    }
    QTRY_COMPARE(m_store->openConnectionCount(), 3);
    QTest::qWait(50); // the partial heads arrive

    // One more is answered 503 and closed at once, without a request.
    const RawResult refused = rawExchange(m_store->port(), QByteArray(), 0, 3000);
    QVERIFY(refused.closed);
    QCOMPARE(refused.status(), 503);
    QCOMPARE(m_store->openConnectionCount(), 3);
    for (const auto &socket : open)
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);

    // The open ones still work; once one goes, a new client gets in.
    open.front()->write("Host: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY(open.front()->bytesAvailable() > 0);
    QVERIFY(open.front()->readAll().startsWith("HTTP/1.1 200"));
    open.back()->abort();
    QTRY_COMPARE(m_store->openConnectionCount(), 2);
    QCOMPARE(Client(m_store.get()).send("GET", kStore).status, 200);
}

void TestDevStoreLimits::connectionLimitEvictsIdleConnections()
{
    ServerLimits limits = m_store->serverLimits();
    limits.maxConnections = 3;
    m_store->setServerLimits(limits);

    // Three clients that connect and send nothing (1,070 of them once starved the store).
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress(QHostAddress::LocalHost), m_store->port());
        QVERIFY(idle.back()->waitForConnected(3000));
        QTest::qWait(20); // a clear order of quietness
    }
    QTRY_COMPARE(m_store->openConnectionCount(), 3);

    // A real request still gets through: the connection quiet the longest makes room.
    QCOMPARE(Client(m_store.get()).send("GET", kStore).status, 200);
    QTRY_COMPARE(idle.front()->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(idle.at(1)->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(idle.at(2)->state(), QAbstractSocket::ConnectedState);
    QVERIFY(m_store->openConnectionCount() <= 3);
}

void TestDevStoreLimits::malformedJson_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QString invalid = QStringLiteral("rest_invalid_json");
    QTest::newRow("cut short") << kAdd << QByteArray(R"({"id":"10",)") << 400 << invalid;
    QTest::newRow("not JSON") << kAdd << QByteArray("id=10") << 400 << invalid;
    QTest::newRow("two values") << kAdd << QByteArray("1,2") << 400 << invalid;
    QTest::newRow("valid JSON reaches the route")
            << kAdd << QByteArray(R"({"id":"10","quantity":"1"})") << 200 << QString();
    QTest::newRow("a scalar is valid JSON")
            << kAdd << QByteArray("2") << 400 << QStringLiteral("rest_missing_callback_param");
    QTest::newRow("no route beats bad JSON")
            << QStringLiteral("/wp-json/cocart/v2/nope") << QByteArray("{") << 404
            << QStringLiteral("rest_no_route");
    QTest::newRow("refresh with bad JSON")
            << kRefresh << QByteArray(R"({"refresh_token":)") << 400 << invalid;
}

void TestDevStoreLimits::malformedJson()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const HttpResult r = Client(m_store.get()).send("POST", path, {}, body);
    QCOMPARE(r.status, status);
    if (code.isEmpty())
        return;
    QCOMPARE(r.code(), code);
    if (code == QLatin1String("rest_invalid_json")) {
        QCOMPARE(r.message(), QStringLiteral("Invalid JSON body passed."));
        QCOMPARE(r.json().value(u"data").toObject().value(u"status").toInt(), 400);
    }
}

// --- request history -----------------------------------------------------------------------------

void TestDevStoreLimits::historyIsOffByDefault()
{
    QCOMPARE(m_store->requestHistoryLimit(), 0);
    Client client(m_store.get());
    client.loginPair();
    QCOMPARE(client.send("GET", kStore).status, 200);
    QCOMPARE(m_store->totalRequestCount(), 2);
    QCOMPARE(m_store->requestCount(QStringLiteral("GET ") + kStore), 1);
    QVERIFY(m_store->requests().isEmpty());
}

void TestDevStoreLimits::historyIsBounded()
{
    m_store->setRequestHistoryLimit(5);
    Client client(m_store.get());
    for (int i = 0; i < 8; ++i)
        QCOMPARE(client.send("GET", kStore + QStringLiteral("?n=%1").arg(i)).status, 200);
    const QList<RecordedRequest> seen = m_store->requests();
    QCOMPARE(seen.size(), 5);
    QCOMPARE(seen.constFirst().query, QStringLiteral("n=3"));
    QCOMPARE(seen.constLast().query, QStringLiteral("n=7"));
    QCOMPARE(seen.constLast().status, 200);
    QCOMPARE(m_store->totalRequestCount(), 8);

    m_store->setRequestHistoryLimit(2);
    QCOMPARE(m_store->requests().size(), 2);
    QCOMPARE(m_store->requests().constFirst().query, QStringLiteral("n=6"));

    // Big bodies are cut; their size is kept.
    m_store->setRequestHistoryLimit(2);
    QCOMPARE(client.send("POST", kAdd, {"Content-Type: text/plain"}, QByteArray(50000, 'z')).status,
             400);
    QCOMPARE(m_store->requests().constLast().body.size(), 4096);
    QCOMPARE(m_store->requests().constLast().bodySize, 50000);
}

void TestDevStoreLimits::historyIsRedacted_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("basic login") << QStringLiteral("basic");
    QTest::newRow("bearer") << QStringLiteral("bearer");
    QTest::newRow("refresh in JSON") << QStringLiteral("json");
    QTest::newRow("refresh in a form") << QStringLiteral("form");
    QTest::newRow("refresh in the query") << QStringLiteral("query");
    QTest::newRow("password in a form login") << QStringLiteral("password");
    QTest::newRow("refresh in broken JSON") << QStringLiteral("broken");
    QTest::newRow("password nested in JSON") << QStringLiteral("nested");
}

void TestDevStoreLimits::historyIsRedacted()
{
    QFETCH(QString, kind);
    Client client(m_store.get());
    const auto [access, refresh] = client.loginPair();
    QVERIFY(!refresh.isEmpty());
    m_store->setRequestHistoryLimit(10);

    QByteArray secret = refresh;
    QByteArray header;
    HttpResult r;
    if (kind == QLatin1String("basic")) {
        secret = QByteArray::fromBase64(kBasicCustomer.mid(6)); // "customer1:customer-pass-123"
        r = client.send("POST", kLogin, {"Authorization: " + kBasicCustomer});
        header = "Basic <redacted>";
    } else if (kind == QLatin1String("bearer")) {
        secret = access;
        r = client.send("POST", kValidate, {bearer(access)});
        header = "Bearer <redacted>";
    } else if (kind == QLatin1String("json")) {
        r = client.send("POST", kRefresh, {}, refreshJson(refresh));
    } else if (kind == QLatin1String("form")) {
        r = client.send("POST", kRefresh, {"Content-Type: application/x-www-form-urlencoded"},
                        "refresh_token=" + refresh);
    } else if (kind == QLatin1String("query")) {
        r = client.send("POST",
                        kRefresh + QStringLiteral("?refresh_token=") +
                                QString::fromLatin1(refresh));
    } else if (kind == QLatin1String("password")) {
        secret = "customer-pass-123";
        r = client.send("POST", kLogin, {"Content-Type: application/x-www-form-urlencoded"},
                        "username=customer1&password=customer-pass-123");
    } else if (kind == QLatin1String("nested")) {
        secret = "customer-pass-123";
        r = client.send("POST", QStringLiteral("/wp-json/cocart/v2/nope"), {},
                        R"({"user":{"name":"customer1","password":"customer-pass-123"}})");
    } else if (kind == QLatin1String("broken")) {
        r = client.send("POST", kRefresh, {}, refreshJson(refresh).chopped(1) + ",");
    }
    QVERIFY(r.status > 0);
    const RecordedRequest seen = m_store->requests().constLast();
    const QByteArray text = recordText(seen);
    QVERIFY2(!text.contains(secret), text.constData());
    QVERIFY2(text.contains("<redacted>") || text.contains("%3Credacted%3E"), text.constData());
    if (!header.isEmpty())
        QCOMPARE(seen.header("authorization"), header);
}

// --- housekeeping and state ---------------------------------------------------------------------

void TestDevStoreLimits::expiredSessionsArePruned()
{
    m_store->setRefreshTokenTtl(3600);
    Client client(m_store.get());
    const QByteArray firstRefresh = client.loginPair().second;
    for (int i = 0; i < 2; ++i)
        QVERIFY(!client.loginPair().first.isEmpty());
    QCOMPARE(m_store->activeSessionCount(2), 3);

    // Just past expiry the sessions are still there, to answer "Refresh token expired." ...
    m_store->setClockOffset(3600 + 5);
    HttpResult r = client.send("POST", kRefresh, {}, refreshJson(firstRefresh));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.message(), QStringLiteral("Refresh token expired."));
    QCOMPARE(m_store->activeSessionCount(2), 3);

    // ... and a day later they are gone; a new session is not.
    m_store->setClockOffset(3600 + kDay + 10);
    const QByteArray refresh = client.loginPair().second;
    QCOMPARE(m_store->activeSessionCount(2), 1);
    QCOMPARE(client.send("POST", kRefresh, {}, refreshJson(refresh)).status, 200);
}

void TestDevStoreLimits::guestCartsExpireLikeCoCart()
{
    Client client(m_store.get());
    HttpResult r = client.send("POST", kAdd, {}, R"({"id":"10","quantity":"1"})");
    QCOMPARE(r.status, 200);
    const QString key = QString::fromLatin1(r.header("CoCart-API-Cart-Key"));
    const qint64 expiring = r.header("CoCart-API-Cart-Expiring").toLongLong();
    const qint64 expiration = r.header("CoCart-API-Cart-Expiration").toLongLong();
    QCOMPARE(expiration - expiring, kDay);
    const QString customerAccess = QString::fromLatin1(client.loginPair().first);
    QCOMPARE(client.send("POST", kAdd, {bearer(customerAccess.toLatin1())},
                         R"({"id":"10","quantity":"1"})")
                     .status,
             200);

    // Before "expiring" the times stay as they are.
    m_store->setClockOffset(3600);
    r = client.send("GET", kCart + QStringLiteral("?cart_key=") + key);
    QCOMPARE(r.header("CoCart-API-Cart-Expiring").toLongLong(), expiring);
    QCOMPARE(r.header("CoCart-API-Cart-Expiration").toLongLong(), expiration);

    // After it, they move on a week from now.
    m_store->setClockOffset(6 * kDay + 60);
    r = client.send("GET", kCart + QStringLiteral("?cart_key=") + key);
    const qint64 renewed = r.header("CoCart-API-Cart-Expiration").toLongLong();
    QVERIFY(renewed >= m_store->now() + 7 * kDay - 2);
    QCOMPARE(r.json().value(u"item_count").toInt(), 1);

    // A week of silence later the guest cart is gone (the customer's cart stays).
    QVERIFY(m_store->hasCart(key));
    m_store->setClockOffset(6 * kDay + 60 + 7 * kDay + 60);
    QCOMPARE(client.send("GET", kStore).status, 200);
    QVERIFY(!m_store->hasCart(key));
    QVERIFY(m_store->hasCart(QStringLiteral("2")));
    r = client.send("GET", kCart + QStringLiteral("?cart_key=") + key);
    QCOMPARE(r.json().value(u"item_count").toInt(), 0);
}

void TestDevStoreLimits::stateWritesAreCoalesced()
{
    const QString path = m_dir.filePath(QStringLiteral("coalesced.json"));
    constexpr int kChanges = 40;
    QString key;
    {
        DevStore store;
        store.seedDemoData();
        QVERIFY(store.setStatePath(path));
        QVERIFY(store.listen());
        const int before = store.stateWriteCount();
        QCOMPARE(before, 1); // the file is made at once
        Client client(&store);
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kChanges; ++i) {
            const HttpResult r = client.send(
                    "POST", kAdd,
                    key.isEmpty() ? QByteArrayList()
                                  : QByteArrayList {"CoCart-API-Cart-Key: " + key.toLatin1()},
                    R"({"id":"10","quantity":"1"})");
            QCOMPARE(r.status, 200);
            key = QString::fromLatin1(r.header("CoCart-API-Cart-Key"));
        }
        // At most one write per 200 ms started, plus one.
        const int writes = store.stateWriteCount() - before;
        QVERIFY2(writes <= timer.elapsed() / 200 + 1, QByteArray::number(writes).constData());
        QVERIFY(writes < kChanges / 4);
        QTRY_VERIFY(store.stateWriteCount() > before); // the timer writes the rest
    }
    DevStore reloaded;
    reloaded.seedDemoData();
    QVERIFY(reloaded.setStatePath(path));
    QCOMPARE(reloaded.cartItemQuantity(key, 10), kChanges);
}

void TestDevStoreLimits::stateFileHoldsNoToken()
{
    const QString path = m_dir.filePath(QStringLiteral("hashed.json"));
    DevStore store;
    store.seedDemoData();
    QVERIFY(store.setStatePath(path));
    QVERIFY(store.listen());
    Client client(&store);
    const auto [access, refresh] = client.loginPair();
    const HttpResult r = client.send("POST", kRefresh, {}, refreshJson(refresh));
    QCOMPARE(r.status, 200);
    const QByteArray access2 = r.json().value(u"token").toString().toLatin1();
    const QByteArray refresh2 = r.json().value(u"refresh_token").toString().toLatin1();
    store.flushState();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray state = file.readAll();
    for (const QByteArray &token : {access, refresh, access2, refresh2})
        QVERIFY(!state.contains(token));
    QVERIFY(!state.contains(access2.split('.').at(2))); // not even a signature
    QVERIFY(state.contains(QCryptographicHash::hash(refresh2, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(QJsonDocument::fromJson(state).object().value(u"sessions").toObject().size(), 1);
}

void TestDevStoreLimits::restartOnAnotherPortKeepsTokens()
{
    const QString path = m_dir.filePath(QStringLiteral("restart.json"));
    QByteArray access;
    QByteArray refresh;
    quint16 firstPort = 0;
    {
        DevStore first;
        first.seedDemoData();
        QVERIFY(first.setStatePath(path));
        QVERIFY(first.listen());
        firstPort = first.port();
        std::tie(access, refresh) = Client(&first).loginPair();
    }
    // m_store holds another port, so the second store cannot get the first one's back.
    DevStore second;
    second.seedDemoData();
    QVERIFY(second.setStatePath(path));
    QVERIFY(second.listen(QHostAddress(QHostAddress::LocalHost), m_store->port() + 1) ||
            second.listen());
    QVERIFY(second.port() != firstPort);
    Client client(&second);
    QCOMPARE(client.send("POST", kValidate, {bearer(access)}).status, 200);
    const HttpResult r = client.send("POST", kLogin, {bearer(access)});
    QCOMPARE(r.status, 200); // the same pair, refresh token included, from the hash and secret
    QCOMPARE(r.json().value(u"extras").toObject().value(u"jwt_refresh").toString().toLatin1(),
             refresh);
    QCOMPARE(client.send("POST", kRefresh, {}, refreshJson(refresh)).status, 200);
}

void TestDevStoreLimits::qtHttpServerDebugStaysOff()
{
    QLoggingCategory::setFilterRules(QStringLiteral("qt.httpserver*=true\ncocart.devstore=true"));
    QLoggingCategory request("qt.httpserver.request");
    QLoggingCategory server("qt.httpserver");
    QLoggingCategory ours("cocart.devstore.probe");
    QVERIFY(!request.isDebugEnabled());
    QVERIFY(!server.isDebugEnabled());
    QVERIFY(!server.isInfoEnabled());
    QVERIFY(server.isWarningEnabled());
    QVERIFY(QLoggingCategory("cocart.devstore").isDebugEnabled()); // other rules still apply
    QLoggingCategory::setFilterRules(QString());
}

QTEST_GUILESS_MAIN(TestDevStoreLimits)

#include "tst_devstore_limits.moc"
