#include "httpguard_p.h"

#include "logging_p.h"
#include "wire_p.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace CoCartDevStore::Internal {

namespace {

//! Index just past the blank line that ends a request head in \a head, searching from \a from;
//! -1 if there is none yet. Accepts CRLF and bare LF line ends, as http_parser does.
qsizetype headEnd(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i < head.size(); ++i) {
        if (head.at(i) != '\n')
            continue;
        qsizetype j = i + 1;
        if (j < head.size() && head.at(j) == '\r')
            ++j;
        if (j < head.size() && head.at(j) == '\n')
            return j + 1;
    }
    return -1;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 421:
        return "Misdirected Request";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

QByteArray errorResponse(int status, const QString &code, const QString &message)
{
    const QByteArray body = encodeJsonBody(errorBody(code, message, status));
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
            "\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

/*!
    True when a request naming \a host (the Host header's value) may be served. DNS rebinding
    needs a name: a page on attacker.example that re-resolves its name to 127.0.0.1 reaches this
    server with "Host: attacker.example". IP literals and localhost cannot be rebound; other names
    only when listed (or "*").
*/
bool hostAllowed(const QByteArray &host, const QStringList &allowed)
{
    QString name = QString::fromLatin1(host).trimmed().toLower();
    if (name.startsWith(QLatin1Char('['))) // [::1]:8080
        return name.indexOf(QLatin1Char(']')) > 0;
    const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0)
        name.truncate(colon);
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty())
        return false;
    QHostAddress address;
    if (address.setAddress(name) || name == QLatin1String("localhost") ||
        name.endsWith(QLatin1String(".localhost")))
        return true;
    return allowed.contains(QLatin1String("*")) || allowed.contains(name, Qt::CaseInsensitive);
}

} // namespace

/*!
    Follows the framing of the requests on one connection (head, then Content-Length bytes of
    body, then the next head) from the bytes QHttpServer has not read yet, and enforces the
    limits. Lives as a child of its socket.
*/
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, const ServerLimits &limits)
        : QObject(socket), m_socket(socket), m_limits(limits)
    {
        m_headerTimer.setSingleShot(true);
        m_idleTimer.setSingleShot(true);
        connect(&m_headerTimer, &QTimer::timeout, this, [this] {
            reject(408, QStringLiteral("devstore_request_timeout"),
                   QStringLiteral("The request headers took too long."));
        });
        connect(&m_idleTimer, &QTimer::timeout, this, &ConnectionGuard::idle);
        connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
        connect(socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0)
                m_awaitingAnswer = false;
            restartIdle();
        });
        m_activity.start();
        if (m_limits.headerTimeoutMs > 0)
            m_headerTimer.start(m_limits.headerTimeoutMs); // the first request must come
        restartIdle();
    }

    /*!
        Whether closing the connection now loses nothing: no request begun, no answer owed or
        being written (an idle keep-alive connection, or one that never sent anything).
    */
    bool isEvictable() const
    {
        return m_state == State::Head && m_head.isEmpty() && !m_awaitingAnswer &&
                m_socket->bytesToWrite() == 0 &&
                m_socket->state() == QAbstractSocket::ConnectedState;
    }
    qint64 quietSinceMs() const { return m_activity.elapsed(); }

    void evict()
    {
        qCDebug(lcDevStore) << "closing an idle connection to make room for a new one";
        m_state = State::Rejected;
        m_headerTimer.stop();
        m_idleTimer.stop();
        m_socket->disconnectFromHost(); // nothing to write: closed now
    }

private:
    enum class State { Head, Body, Rejected };

    void restartIdle()
    {
        m_activity.restart();
        if (m_limits.idleTimeoutMs > 0 && m_state != State::Rejected)
            m_idleTimer.start(m_limits.idleTimeoutMs);
    }

    void idle()
    {
        if (m_socket->bytesToWrite() > 0) { // still answering: not idle
            restartIdle();
            return;
        }
        qCDebug(lcDevStore) << "closing an idle connection";
        m_state = State::Rejected;
        m_headerTimer.stop();
        m_socket->disconnectFromHost();
    }

    void inspect()
    {
        if (m_state == State::Rejected) {
            discardInput();
            return;
        }
        restartIdle();
        // QHttpServer's slot, connected after this one, reads (and keeps) what is unread now.
        const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
        qsizetype pos = 0;
        while (pos < data.size() && m_state != State::Rejected) {
            if (m_state == State::Body) {
                const qint64 take = qMin<qint64>(m_bodyLeft, data.size() - pos);
                pos += take;
                m_bodyLeft -= take;
                if (m_bodyLeft == 0) {
                    m_state = State::Head;
                    m_awaitingAnswer = true;
                }
                continue;
            }
            pos += scanHead(data, pos);
        }
    }

    //! Consumes head bytes of \a data from \a pos; returns how many.
    qsizetype scanHead(const QByteArray &data, qsizetype pos)
    {
        if (m_head.isEmpty() && !m_headerTimer.isActive() && m_limits.headerTimeoutMs > 0)
            m_headerTimer.start(m_limits.headerTimeoutMs);
        const qsizetype before = m_head.size();
        const qsizetype room = qMax<qsizetype>(m_limits.maxHeaderBytes + 4 - before, 0);
        const qsizetype taken = qMin<qsizetype>(room, data.size() - pos);
        m_head.append(data.constData() + pos, taken);
        const qsizetype end = headEnd(m_head, before - 3);
        if (end < 0 || end > m_limits.maxHeaderBytes + 2) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                reject(431, QStringLiteral("devstore_headers_too_large"),
                       QStringLiteral("The request headers are too large."));
            return taken;
        }
        const QByteArray head = m_head.left(end);
        m_head.clear();
        m_headerTimer.stop();
        m_bodyInFragment = data.size() - (pos + end - before);
        checkHead(head);
        return end - before;
    }

    void checkHead(const QByteArray &head)
    {
        const QList<QByteArray> lines = head.trimmed().split('\n');
        if (lines.size() - 1 > m_limits.maxHeaderCount) {
            reject(431, QStringLiteral("devstore_too_many_headers"),
                   QStringLiteral("The request has too many headers."));
            return;
        }
        bool hasLength = false;
        bool hasEncoding = false;
        qint64 length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name.compare("Host", Qt::CaseInsensitive) == 0) {
                if (!hostAllowed(value, m_limits.allowedHosts)) {
                    reject(421, QStringLiteral("devstore_unknown_host"),
                           QStringLiteral("This server does not answer for that host name "
                                          "(start it with --allow-host)."));
                    return;
                }
            } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
                hasEncoding = true;
            } else if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
                bool ok = !value.isEmpty();
                for (const char c : value)
                    ok = ok && c >= '0' && c <= '9';
                const qint64 parsed = value.size() <= 18 ? value.toLongLong() : -1;
                if (!ok || parsed < 0 || (hasLength && parsed != length)) {
                    reject(400, QStringLiteral("devstore_bad_content_length"),
                           QStringLiteral("The Content-Length header is not valid."));
                    return;
                }
                hasLength = true;
                length = parsed;
            }
        }
        if (hasLength && hasEncoding) { // request smuggling's favourite (RFC 9112 6.3)
            reject(400, QStringLiteral("devstore_ambiguous_length"),
                   QStringLiteral("Content-Length and Transfer-Encoding together."));
            return;
        }
        if (hasEncoding) {
            reject(411, QStringLiteral("devstore_length_required"),
                   QStringLiteral("Send the body with a Content-Length."));
            return;
        }
        if (length > m_limits.maxBodyBytes) {
            // A body up to twice the limit is read (and dropped) before closing, so clients
            // that read the answer only after sending everything (QNAM) still see the 413.
            const qint64 unread = length - m_bodyInFragment;
            reject(413, QStringLiteral("devstore_body_too_large"),
                   QStringLiteral("The request body is larger than %1 bytes.")
                           .arg(m_limits.maxBodyBytes),
                   unread <= 2 * m_limits.maxBodyBytes ? unread : 0);
            return;
        }
        m_bodyLeft = length;
        m_state = length > 0 ? State::Body : State::Head;
        m_awaitingAnswer = length == 0;
    }

    /*!
        Answers \a status itself and closes the connection once the answer is written and
        \a drainBytes more bytes were read and dropped (within 2 s); QHttpServer never sees the
        request.
    */
    void reject(int status, const QString &code, const QString &message, qint64 drainBytes = 0)
    {
        qCDebug(lcDevStore).noquote() << "refused a request:" << status << message;
        m_state = State::Rejected;
        m_headerTimer.stop();
        m_idleTimer.stop();
        discardInput();
        m_drainLeft = drainBytes;
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->write(errorResponse(status, code, message));
        if (m_drainLeft <= 0)
            m_socket->disconnectFromHost(); // after the answer is written
        QPointer<QTcpSocket> socket = m_socket;
        QTimer::singleShot(2000, this, [socket] {
            if (socket)
                socket->disconnectFromHost();
        });
        QTimer::singleShot(3000, this, [socket] {
            if (socket)
                socket->abort();
        });
    }

    void discardInput()
    {
        // Read past everything QHttpServer has not seen, and let the buffer go.
        const qint64 dropped = m_socket->skip(m_socket->bytesAvailable());
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        if (m_drainLeft > 0) {
            m_drainLeft -= dropped;
            if (m_drainLeft <= 0)
                m_socket->disconnectFromHost();
        }
    }

    QTcpSocket *m_socket;
    const ServerLimits m_limits;
    State m_state = State::Head;
    QByteArray m_head; //!< the current request's head so far (at most maxHeaderBytes + 4)
    qint64 m_bodyLeft = 0;
    qint64 m_bodyInFragment = 0; //!< body bytes that came with the head just checked
    qint64 m_drainLeft = 0; //!< bytes of a refused body still to drop before closing
    bool m_awaitingAnswer = false; //!< a whole request came in; its answer is not written yet
    QElapsedTimer m_activity; //!< since the last byte read or written
    QTimer m_headerTimer;
    QTimer m_idleTimer;
};

GuardedTcpServer::GuardedTcpServer(const ServerLimits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{ }

void GuardedTcpServer::incomingConnection(qintptr handle)
{
    // With TLS, QHttpServer and the guard see the decrypted stream of a QSslSocket; the
    // handshake counts against the idle timeout like any quiet connection.
    QSslSocket *tls = m_tls.isNull() ? nullptr : new QSslSocket(this);
    QTcpSocket *socket = tls ? tls : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    if (tls) {
        tls->setSslConfiguration(m_tls);
        tls->startServerEncryption();
    }
    // Headers and body leave in separate writes: without this, Nagle holds the body back until
    // the client's delayed ACK (~40 ms) on every large answer.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    if (m_limits.maxConnections > 0 && m_connections >= m_limits.maxConnections) {
        // Room is made by closing the connection quiet the longest, if one owes nothing.
        ConnectionGuard *quietest = nullptr;
        for (ConnectionGuard *guard : qAsConst(m_guards)) {
            if (guard->isEvictable() &&
                (!quietest || guard->quietSinceMs() > quietest->quietSinceMs()))
                quietest = guard;
        }
        if (quietest) {
            quietest->evict(); // its socket is closed now, and counted out when deleted
            m_evicted.insert(quietest);
        }
    }
    if (m_limits.maxConnections > 0 && connectionCount() >= m_limits.maxConnections) {
        qCDebug(lcDevStore) << "refused a connection: already" << m_connections << "open";
        socket->write(errorResponse(503, QStringLiteral("devstore_too_many_connections"),
                                    QStringLiteral("Too many open connections.")));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        QTimer::singleShot(1000, socket, [socket] { socket->abort(); });
        return;
    }

    ++m_connections;
    auto *guard = new ConnectionGuard(socket, m_limits); // its readyRead runs before QHttpServer's
    m_guards.append(guard);
    connect(socket, &QObject::destroyed, this, [this, guard] {
        --m_connections;
        m_evicted.remove(guard);
        m_guards.removeOne(guard);
    });
    addPendingConnection(socket);
}

} // namespace CoCartDevStore::Internal
