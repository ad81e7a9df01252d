#pragma once

#include <CoCart/Reply.h>

#include "transport_p.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

namespace CoCart {

class SessionPrivate;

/*!
    \internal
    Request dispatch: every call of the SDK that may carry the session's Bearer goes through
    send(). A call waits for a refresh in flight, refreshes an expired token first, carries the
    Bearer of the session generation it was made in (never a later or an earlier one: a call
    made before a sign-out is cancelled, not sent with nothing or with the next user's token),
    is replayed once after a refresh when the store rejected its token (it did not run), and is
    retried with backoff when it is idempotent and the network or a gateway failed.
    Each call ends its Reply exactly once; abort() reaches the wire.
*/
class Dispatcher : public QObject
{
public:
    Dispatcher(SessionPrivate *core, Transport *transport, QObject *parent);
    ~Dispatcher() override;

    Reply *send(const Request &request, QObject *replyParent);
    //! Ends every running call with \a error (the session is going away).
    void abortAll(const Error &error);
    int runningCount() const { return int(m_calls.size()); }
    //! First retry delay (doubles per attempt); tests shorten it.
    void setRetryDelay(int ms) { m_retryDelayMs = ms; }

private:
    struct Call;
    using CallPtr = std::shared_ptr<Call>;

    void dispatch(const CallPtr &call);
    void sendNow(const CallPtr &call, const QByteArray &bearer);
    void onAnswer(const CallPtr &call, const ApiResponse &response, const QByteArray &sentToken);
    bool scheduleRetry(const CallPtr &call, const ApiResponse &response);
    void complete(const CallPtr &call, const ApiResponse &response);
    void fail(const CallPtr &call, const Error &error, const ApiResponse &response = {});
    void stop(const CallPtr &call);
    void forget(const CallPtr &call);
    std::function<void(const Error &)> afterRefresh(const CallPtr &call,
                                                    const ApiResponse &rejected);

    SessionPrivate *m_core;
    Transport *m_transport;
    std::vector<CallPtr> m_calls;
    int m_retryDelayMs = 250;
};

} // namespace CoCart
