#pragma once

// A small HTTPS server for the pinning tests: serves any certificate chain (QtHttpServer 6.4
// serves one certificate and speaks no HTTP/2), and speaks HTTP/2 when the client offers it in
// ALPN (enough of RFC 9113 for Qt's client: SETTINGS, HEADERS, DATA, PING, GOAWAY) or
// HTTP/1.1 otherwise. Every answer is 200 `{"ok":true}`; what counts is which requests arrived.

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

class TlsTestServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit TlsTestServer(QObject *parent = nullptr) : QTcpServer(parent) { }

    void setChain(const QList<QSslCertificate> &chain, const QSslKey &key)
    {
        m_chain = chain;
        m_key = key;
    }
    void setOfferHttp2(bool offer) { m_offerHttp2 = offer; }

    //! Requests that arrived (HTTP/2 HEADERS frames or HTTP/1.1 request heads).
    int requests() const { return m_requests; }
    int http2Requests() const { return m_http2Requests; }
    int handshakes() const { return m_handshakes; }
    //! TCP connections accepted (a client that aborts its handshake early still counts).
    int connections() const { return m_connections; }

Q_SIGNALS:
    void requestArrived();

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++m_connections;
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(m_chain);
        tls.setPrivateKey(m_key);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.setAllowedNextProtocols(
                m_offerHttp2
                        ? QList<QByteArray> {QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")}
                        : QList<QByteArray> {QByteArrayLiteral("http/1.1")});
        socket->setSslConfiguration(tls);
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            ++m_handshakes;
            if (socket->sslConfiguration().nextNegotiatedProtocol() == "h2") {
                socket->setProperty("h2", true);
                writeFrame(socket, 4, 0, 0, {}); // our SETTINGS: the defaults
            }
        });
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QSslSocket::errorOccurred, socket, [socket] { socket->close(); });
        socket->startServerEncryption();
    }

private:
    static void writeFrame(QSslSocket *socket, quint8 type, quint8 flags, quint32 stream,
                           const QByteArray &payload)
    {
        QByteArray frame;
        const auto size = quint32(payload.size());
        frame.append(char(size >> 16)).append(char(size >> 8)).append(char(size));
        frame.append(char(type)).append(char(flags));
        frame.append(char(stream >> 24)).append(char(stream >> 16));
        frame.append(char(stream >> 8)).append(char(stream));
        socket->write(frame + payload);
    }

    static QByteArray body() { return QByteArrayLiteral("{\"ok\":true}"); }

    void onReadyRead(QSslSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        if (socket->property("h2").toBool())
            readHttp2(socket, buffer);
        else
            readHttp1(socket, buffer);
        socket->setProperty("buffer", buffer);
    }

    void readHttp1(QSslSocket *socket, QByteArray &buffer)
    {
        qsizetype end;
        while ((end = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            ++m_requests;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body().size()) + "\r\n\r\n" + body());
            Q_EMIT requestArrived();
        }
    }

    void readHttp2(QSslSocket *socket, QByteArray &buffer)
    {
        static const QByteArray preface = QByteArrayLiteral("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
        if (!socket->property("preface").toBool()) {
            if (buffer.size() < preface.size())
                return;
            if (!buffer.startsWith(preface)) {
                socket->close();
                return;
            }
            buffer.remove(0, preface.size());
            socket->setProperty("preface", true);
        }
        while (buffer.size() >= 9) {
            const auto byte = [&buffer](int i) { return quint32(quint8(buffer.at(i))); };
            const quint32 size = (byte(0) << 16) | (byte(1) << 8) | byte(2);
            if (buffer.size() < 9 + qsizetype(size))
                return;
            const quint8 type = quint8(buffer.at(3));
            const quint8 flags = quint8(buffer.at(4));
            const quint32 stream =
                    ((byte(5) << 24) | (byte(6) << 16) | (byte(7) << 8) | byte(8)) & 0x7fffffffu;
            const QByteArray payload = buffer.mid(9, size);
            buffer.remove(0, 9 + size);
            switch (type) {
            case 1: // HEADERS: a request; Qt sends END_STREAM with a GET, DATA follows otherwise
                ++m_requests;
                ++m_http2Requests;
                if (flags & 0x1)
                    answer(socket, stream);
                Q_EMIT requestArrived();
                break;
            case 0: // DATA
                if (flags & 0x1)
                    answer(socket, stream);
                break;
            case 4: // SETTINGS
                if (!(flags & 0x1))
                    writeFrame(socket, 4, 0x1, 0, {});
                break;
            case 6: // PING
                if (!(flags & 0x1))
                    writeFrame(socket, 6, 0x1, 0, payload);
                break;
            default: // WINDOW_UPDATE, PRIORITY, RST_STREAM, GOAWAY: nothing to do here
                break;
            }
        }
    }

    static void answer(QSslSocket *socket, quint32 stream)
    {
        // HPACK: indexed ":status: 200" (static 8), then content-type (static 31) as a literal
        // without indexing: 0000 1111 + (31 - 15), then the raw value.
        QByteArray headers;
        headers.append(char(0x88));
        headers.append(char(0x0f)).append(char(0x10));
        const QByteArray type = QByteArrayLiteral("application/json");
        headers.append(char(type.size())).append(type);
        writeFrame(socket, 1, 0x4, stream, headers); // END_HEADERS
        writeFrame(socket, 0, 0x1, stream, body()); // END_STREAM
    }

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
    bool m_offerHttp2 = true;
    int m_requests = 0;
    int m_http2Requests = 0;
    int m_handshakes = 0;
    int m_connections = 0;
};
