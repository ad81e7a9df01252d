// How the transport takes answers that break the rules of HTTP or of size: a 200 cut off before
// its Content-Length, a compressed answer that does not unpack or unpacks into a bomb, and
// answers far over the size limit (500 MB, endless) while the main thread is busy and cannot
// read. The servers are raw sockets on 127.0.0.1; the big ones write from their own thread, so
// they keep sending while the test's main thread is blocked.

#include <CoCart/Error.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QPointer>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

using CoCart::Error;
using CoCart::Reply;
using CoCart::Session;

namespace {

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

//! kB from /proc/self/status (VmRSS, VmHWM).
qint64 statusKb(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

//! Resets VmHWM to the current RSS (Linux >= 4.0).
bool resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

/*!
    Answers one request with a fixed head, then pumps \a bodyBytes of filler (-1: endless,
    chunked) as fast as the client takes it. Lives in its own thread.
*/
class PumpServer : public QTcpServer
{
public:
    QByteArray head;
    qint64 bodyBytes = 0;
    bool chunked = false;
    std::atomic<qint64> sent {0};
    std::atomic<bool> requested {false};

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray request = socket->property("request").toByteArray() + socket->readAll();
            socket->setProperty("request", request);
            if (!request.contains("\r\n\r\n") || socket->property("started").toBool())
                return;
            socket->setProperty("started", true);
            requested = true;
            // The test's main thread is busy by the time the head goes out.
            QTimer::singleShot(300, socket, [this, socket] {
                socket->write(head);
                pump(socket);
            });
        });
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] { pump(socket); });
    }

private:
    void pump(QTcpSocket *socket)
    {
        static const QByteArray filler(64 * 1024, 'x');
        static const QByteArray chunk =
                QByteArray::number(qsizetype(64 * 1024), 16) + "\r\n" + filler + "\r\n";
        while (socket->bytesToWrite() < 512 * 1024 &&
               socket->state() == QTcpSocket::ConnectedState) {
            if (chunked) {
                socket->write(chunk);
            } else {
                const qint64 left = bodyBytes - sent;
                if (left <= 0)
                    return;
                socket->write(filler.left(qsizetype(qMin<qint64>(left, filler.size()))));
            }
            sent += filler.size();
        }
    }
};

} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void cutOffBeforeContentLength_data();
    void cutOffBeforeContentLength();
    void badCompression_data();
    void badCompression();
    void bigAnswerWithinLimitArrivesWhole_data();
    void bigAnswerWithinLimitArrivesWhole();
    void hugeAnswerWhileBusy_data();
    void hugeAnswerWhileBusy();
    void timeoutCountsSilenceOnly_data();
    void timeoutCountsSilenceOnly();

private:
    std::unique_ptr<Session> session(quint16 port);
    std::unique_ptr<CoCart::Testing::TestTokenStore> m_tokens;
};

void TestTransfer::init()
{
    m_tokens = std::make_unique<CoCart::Testing::TestTokenStore>();
}

void TestTransfer::cleanup()
{
    m_tokens.reset();
}

std::unique_ptr<Session> TestTransfer::session(quint16 port)
{
    auto s = std::make_unique<Session>();
    s->setStoreUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    s->setTokenStore(m_tokens.get());
    s->setUserAgent(QStringLiteral("CoCartQtTests/1.0"));
    s->setRetryDelays(0, 0);
    return s;
}

//! A loopback server that answers every request with \a answer, then closes.
static void serveOnce(QTcpServer *server, const QByteArray &answer)
{
    QObject::connect(server, &QTcpServer::newConnection, server, [server, answer] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
                socket->readAll();
                socket->write(answer);
                socket->disconnectFromHost();
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

void TestTransfer::cutOffBeforeContentLength_data()
{
    QTest::addColumn<QByteArray>("body");
    // Valid JSON in what came: it used to be taken as the whole answer.
    QTest::newRow("complete JSON, short") << QByteArray(R"({"ok":true})");
    QTest::newRow("cut-off JSON") << QByteArray(R"({"ok":tr)");
}

void TestTransfer::cutOffBeforeContentLength()
{
    QFETCH(QByteArray, body);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    serveOnce(&server,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n"
              "Connection: close\r\n\r\n" +
                      body);
    auto s = session(server.serverPort());
    const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
    QCOMPARE(error.kind(), Error::Network);
    QVERIFY2(error.message().contains(QStringLiteral("broke")), qPrintable(error.toString()));
}

void TestTransfer::badCompression_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("code");
    // zlib data (qCompress without its 4-byte length): 48 MiB of one byte, a 1000:1 bomb.
    QTest::newRow("deflate bomb") << qCompress(QByteArray(48 * 1024 * 1024, '0'), 9).mid(4)
                                  << QStringLiteral("bad_encoding");
    QTest::newRow("not deflate at all")
            << QByteArray("this is not a zlib stream, whatever the header says")
            << QStringLiteral("bad_encoding");
}

void TestTransfer::badCompression()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, code);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    serveOnce(&server,
              "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: deflate\r\n"
              "Content-Length: " +
                      QByteArray::number(encoded.size()) + "\r\nConnection: close\r\n\r\n" +
                      encoded);
    auto s = session(server.serverPort());
    const Error error = wait(watch(s->get(QStringLiteral("/test/v1/ok")), this));
    qInfo().noquote() << QTest::currentDataTag() << "->" << error.toString();
    QCOMPARE(error.kind(), Error::BadResponse);
    QCOMPARE(error.code(), code);
    QVERIFY2(!error.message().contains(QStringLiteral("JSON")), qPrintable(error.toString()));
}

/*!
    A server that answers with \a head and then one byte of \a body every 100 ms, going quiet
    for good after \a stallAfter bytes (-1: never).
*/
static void trickle(QTcpServer *server, const QByteArray &head, const QByteArray &body,
                    int stallAfter)
{
    QObject::connect(server, &QTcpServer::newConnection, server, [=] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [=] {
                socket->readAll();
                if (socket->property("started").toBool())
                    return;
                socket->setProperty("started", true);
                socket->write(head);
                auto *timer = new QTimer(socket);
                timer->setTimerType(Qt::PreciseTimer); // never early: the bounds below count on it
                auto sent = std::make_shared<int>(0);
                QObject::connect(timer, &QTimer::timeout, socket, [=] {
                    if (*sent == stallAfter || *sent == body.size())
                        return timer->stop();
                    socket->write(body.mid(*sent, 1));
                    ++*sent;
                });
                timer->start(100);
            });
        }
    });
}

void TestTransfer::timeoutCountsSilenceOnly_data()
{
    QTest::addColumn<int>("stallAfter");
    QTest::addColumn<int>("kind");
    // 12 bytes over 1.2 s, never 400 ms without one: the answer is taken.
    QTest::newRow("slow but steady") << -1 << int(Error::NoError);
    QTest::newRow("goes quiet") << 3 << int(Error::Timeout);
}

void TestTransfer::timeoutCountsSilenceOnly()
{
    QFETCH(int, stallAfter);
    QFETCH(int, kind);
    const QByteArray body = R"({"ok":true})"
                            "\n";
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    trickle(&server,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n",
            body, stallAfter);
    auto s = session(server.serverPort());
    s->setRequestTimeout(400);
    QElapsedTimer clock;
    clock.start();
    const Error error = wait(watch(s->get(QStringLiteral("/test/v1/slow")), this));
    const qint64 took = clock.elapsed();
    qInfo().noquote() << QTest::currentDataTag() << "->" << took << "ms" << error.toString();
    QCOMPARE(int(error.kind()), kind);
    if (kind == Error::Timeout) {
        // The last byte came at about 300 ms: never before 400 ms of silence after it, and
        // within a sweep tick (50 ms here) and some scheduling slack after that.
        QVERIFY2(took >= 300 + 400, qPrintable(QString::number(took)));
        QVERIFY2(took < 300 + 400 + 1500, qPrintable(QString::number(took)));
    }
}

void TestTransfer::bigAnswerWithinLimitArrivesWhole_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("Content-Length") << false;
    QTest::newRow("chunked") << true;
}

// Many times QNAM's read buffer (1 MiB while a size limit is set) and under the limit: the
// transport leaves small pieces in QNAM and takes them once half its buffer is full, so the
// network thread always has room again and the answer comes whole.
void TestTransfer::bigAnswerWithinLimitArrivesWhole()
{
    QFETCH(bool, chunked);
    const QByteArray text(9 * 1024 * 1024 + 123, 'x');
    const QByteArray body = "[\"" + text + "\"]";
    QByteArray answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    if (chunked) {
        answer += "Transfer-Encoding: chunked\r\n\r\n";
        for (qsizetype at = 0; at < body.size(); at += 100 * 1000) {
            const QByteArray piece = body.mid(at, 100 * 1000);
            answer += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        }
        answer += "0\r\n\r\n";
    } else {
        answer += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    serveOnce(&server, answer);

    auto s = session(server.serverPort());
    QString received;
    Error error;
    bool done = false;
    s->get(QStringLiteral("/test/v1/big"))->then(this, [&](Reply &reply) {
        error = reply.error();
        received = reply.json().toArray().at(0).toString();
        done = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QVERIFY2(!error, qPrintable(error.toString()));
    QCOMPARE(received.size(), text.size());
}

void TestTransfer::hugeAnswerWhileBusy_data()
{
    QTest::addColumn<qint64>("bodyBytes"); // -1: endless, chunked
    QTest::newRow("500 MB with Content-Length") << qint64(500) * 1000 * 1000;
    QTest::newRow("endless chunked") << qint64(-1);
}

void TestTransfer::hugeAnswerWhileBusy()
{
    QFETCH(qint64, bodyBytes);
    QThread thread;
    auto *server = new PumpServer;
    server->chunked = bodyBytes < 0;
    server->bodyBytes = bodyBytes;
    server->head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
            (server->chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                             : "Content-Length: " + QByteArray::number(bodyBytes) + "\r\n") +
            "\r\n";
    server->moveToThread(&thread);
    connect(&thread, &QThread::finished, server, &QObject::deleteLater);
    thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
            server, [server, &listening] { listening = server->listen(QHostAddress::LocalHost); },
            Qt::BlockingQueuedConnection);
    if (!listening)
        thread.quit();
    QVERIFY(listening);
    const quint16 port = server->serverPort();

    auto s = session(port);
    QCOMPARE(s->maxResponseSize(), Session::DefaultMaxResponseSize);
    QVERIFY(resetPeakRss());
    const qint64 baseline = statusKb("VmRSS");
    const Outcome outcome = watch(s->get(QStringLiteral("/test/v1/huge")), this);
    // Let the request go out, then block this thread for 3 s while the answer comes (the server
    // starts it 300 ms after the request): what the network thread does must stay bounded.
    QTRY_VERIFY_WITH_TIMEOUT(server->requested, 10000);
    QElapsedTimer busy;
    busy.start();
    while (busy.elapsed() < 3000) { }
    const qint64 sentWhileBusy = server->sent;
    const Error error = wait(outcome, 60000);
    const qint64 peak = statusKb("VmHWM") - baseline;
    qInfo().noquote() << QTest::currentDataTag() << ": peak RSS over baseline" << peak / 1024
                      << "MiB; server had sent" << sentWhileBusy / (1024 * 1024)
                      << "MiB when the main thread woke up ->" << error.toString();
    thread.quit();
    QVERIFY(thread.wait(10000));

    QCOMPARE(error.kind(), Error::BadResponse);
    QCOMPARE(error.code(), QStringLiteral("response_too_large"));
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer keeps freed memory in quarantine (256 MB by default): the process's peak
    // is not the SDK's there. The bound is checked in the plain build.
    Q_UNUSED(peak)
#else
    QVERIFY2(peak < 64 * 1024, qPrintable(QStringLiteral("peak %1 kB").arg(peak)));
#endif
}

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
