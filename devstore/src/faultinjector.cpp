// Scripted misbehaviour: FaultInjector picks the fault a request gets (the first matching one,
// using up one of its `times`); DevStorePrivate applies it: a status answer, a hang, a dropped
// connection, a delayed answer, or a truncated or trickled transfer.

#include "faultinjector_p.h"

#include "devstore_p.h"
#include "logging_p.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>

namespace CoCartDevStore {

namespace Internal {

void FaultInjector::add(const Fault &fault)
{
    if (fault.times == 0)
        return;
    m_faults.append(fault);
}

std::optional<Fault> FaultInjector::take(const QString &path)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!fault.pathSuffix.isEmpty() && !path.endsWith(fault.pathSuffix))
            continue;
        const Fault taken = fault;
        if (fault.times > 0 && --fault.times == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

} // namespace Internal

using namespace Internal;

// --- DevStorePrivate -------------------------------------------------------------------------

bool DevStorePrivate::applyFault(const Fault &fault,
                                 const std::shared_ptr<QHttpServerResponder> &responder,
                                 const Request &request, qint64 recordSeq, int *delayMs,
                                 std::optional<Fault> *wireFault)
{
    switch (fault.kind) {
    case Fault::Kind::Status: {
        Response response;
        response.status = fault.status;
        response.body = fault.body;
        response.contentType = fault.contentType;
        response.setHeader("Content-Type", fault.contentType);
        response.setHeader("Cache-Control", "no-cache, must-revalidate, max-age=0");
        if (fault.retryAfterSeconds >= 0)
            response.setHeader("Retry-After", QByteArray::number(fault.retryAfterSeconds));
        if (!fault.location.isEmpty())
            response.setHeader("Location", fault.location);
        qCDebug(lcDevStore).noquote()
                << "fault: status" << fault.status << "for" << request.method << request.rawPath;
        Q_EMIT q->faultApplied(request.method, request.rawPath, fault.status);
        send(responder, request, response, recordSeq);
        return true;
    }
    case Fault::Kind::Hang:
        qCDebug(lcDevStore).noquote() << "fault: hanging" << request.method << request.rawPath;
        if (logRequests) {
            std::fprintf(stdout, "%s %s (hanging)\n", request.method.constData(),
                         request.rawPath.toUtf8().constData());
            std::fflush(stdout);
        }
        hung.push_back(responder);
        return true;
    case Fault::Kind::Delay:
        *delayMs = fault.delayMs;
        break;
    case Fault::Kind::Drop:
        qCDebug(lcDevStore).noquote() << "fault: dropping" << request.method << request.rawPath;
        Q_EMIT q->faultApplied(request.method, request.rawPath, 0);
        if (QTcpSocket *socket = responder->socket())
            socket->abort();
        return true;
    case Fault::Kind::Truncate:
    case Fault::Kind::Trickle:
        *wireFault = fault;
        break;
    }
    return false;
}

void DevStorePrivate::sendDelayed(const std::shared_ptr<QHttpServerResponder> &responder,
                                  const Request &request, const Response &response,
                                  qint64 recordSeq, int delayMs)
{
    qCDebug(lcDevStore).noquote() << "fault: delaying" << request.method << request.rawPath << "by"
                                  << delayMs << "ms";
    // The client may give up (and its socket be deleted) before the delay ends.
    const QPointer<QTcpSocket> socket = responder->socket();
    QTimer::singleShot(delayMs, q, [this, socket, responder, request, response, recordSeq] {
        if (!socket) {
            qCDebug(lcDevStore).noquote() << "client went away before" << request.method
                                          << request.rawPath << "was answered";
            Q_EMIT q->requestHandled(request.method, request.rawPath, response.status);
            return;
        }
        send(responder, request, response, recordSeq);
    });
}

void DevStorePrivate::sendBroken(const std::shared_ptr<QHttpServerResponder> &responder,
                                 const Request &request, const Response &response,
                                 const Fault &fault)
{
    // Written on the socket by hand: QHttpServerResponder only sends whole answers.
    const QPointer<QTcpSocket> socket = responder->socket();
    if (!socket)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Fault\r\n";
    for (const auto &header : response.headers) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) != 0 &&
            header.first.compare("Connection", Qt::CaseInsensitive) != 0)
            head += header.first + ": " + header.second + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) +
            "\r\nConnection: close\r\n\r\n";
    const bool truncate = fault.kind == Fault::Kind::Truncate;
    qCDebug(lcDevStore).noquote() << "fault:" << (truncate ? "truncating" : "trickling")
                                  << request.method << request.rawPath;
    // The status is the store's own (the route ran); only the transfer breaks.
    Q_EMIT q->requestHandled(request.method, request.rawPath, response.status);
    socket->write(head);
    if (truncate) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        return;
    }
    // Four pieces, the last one completing the answer.
    const qsizetype piece = qMax<qsizetype>(1, (response.body.size() + 3) / 4);
    for (int i = 0; i < 4; ++i) {
        const QByteArray part = response.body.mid(i * piece, piece);
        QTimer::singleShot(qMax(1, fault.delayMs) * (i + 1), q, [socket, part, last = i == 3] {
            if (!socket)
                return;
            socket->write(part);
            if (last)
                socket->disconnectFromHost();
        });
    }
}

// --- DevStore --------------------------------------------------------------------------------

void DevStore::addFault(const Fault &fault)
{
    d->faults.add(fault);
}

void DevStore::clearFaults()
{
    d->faults.clear();
}

} // namespace CoCartDevStore
