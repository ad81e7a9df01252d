#pragma once

// The devstore's only HTTP-server code below QHttpServer. QHttpServer 6.4 buffers every request
// whole (a transaction on the socket plus the parsed body), has no header, body, time or
// connection limits, and drops a request it cannot parse without answering it. GuardedTcpServer
// is the QTcpServer QHttpServer is bound to: it sees each socket first, and its ConnectionGuard
// reads the request framing from a readyRead slot connected before QHttpServer's (peek only), so
// it can answer 400/408/411/413/431 itself and close the connection before QHttpServer stores
// the bytes.

#include <CoCartDevStore/DevStore.h>

#include <QList>
#include <QSet>
#include <QSslConfiguration>
#include <QTcpServer>

namespace CoCartDevStore::Internal {

class ConnectionGuard;

/*!
    Counts the open connections; at ServerLimits::maxConnections a new one first makes room by
    closing the connection quiet the longest among those owing nothing (idle keep-alive, or never
    sent a byte), and is answered 503 and closed only when none does.
*/
class GuardedTcpServer : public QTcpServer
{
public:
    explicit GuardedTcpServer(const ServerLimits &limits, QObject *parent = nullptr);

    //! For connections accepted from now on.
    void setLimits(const ServerLimits &limits) { m_limits = limits; }
    //! Connections accepted from now on speak TLS with \a configuration (null: plain TCP).
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    int connectionCount() const { return m_connections - static_cast<int>(m_evicted.size()); }

protected:
    void incomingConnection(qintptr handle) override;

private:
    ServerLimits m_limits;
    QSslConfiguration m_tls;
    int m_connections = 0;
    QList<ConnectionGuard *> m_guards; //!< one per counted connection
    QSet<ConnectionGuard *> m_evicted; //!< closed to make room, not yet deleted
};

} // namespace CoCartDevStore::Internal
