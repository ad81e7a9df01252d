#pragma once

#include <CoCart/Clock.h>
#include <CoCart/Session.h>

#include "core/sessioncore_p.h"
#include "engine/sessionstorage_p.h"
#include "engine/transport_p.h"

#include <QPointer>
#include <QTimer>

#include <map>
#include <vector>

namespace CoCart {

/*!
    \internal
    The Qt shell around Core::SessionCore, the session protocol: it turns Session's calls and
    the world's answers (Transport, SessionStorage and its lock, timers, the clock, network
    reachability) into the core's events, and executes the commands the core returns. It keeps
    no rule of its own: status, tokens, operations and what is stale live in the core. The only
    state here is what the commands need to reach Qt objects (which Reply is operation N, which
    QNetworkReply is request N, which QTimer is timer N).
*/
class SessionPrivate
{
public:
    explicit SessionPrivate(Session *q);
    ~SessionPrivate();

    //! Feeds the clock to the core before an event.
    void now() { core.setNow(currentClock()->nowMSecs()); }
    //! The app's clock, or the system's (also when the app's was destroyed).
    const Clock *currentClock() const { return clock ? clock.data() : systemClock; }
    //! The Reply of operation \a op (made by the core call just before), then runs the commands.
    Reply *track(Core::Id op, QObject *parent);
    //! Executes the core's commands until it has none (not re-entrant: nested events queue).
    void run();
    void execute(const Core::Command &command);
    void flushDeferred();
    void updateConfiguration();
    void updateSecondsUntilExpiry();
    void loadReachability();
    void setNetworkReachableFromSystem(bool reachable);
    void setStoreInfo(const QVariantMap &info);
    QObject *replyParent() const { return shuttingDown ? nullptr : q; }

    void sendRequest(const Core::Command &command);
    void removeIf(Core::Id io, const QByteArray &expect);

    Session *q;
    Core::SessionCore core;
    Transport *transport;
    SessionStorage *storage;
    SystemClock *systemClock;
    QPointer<const Clock> clock;
    QMetaObject::Connection clockConnection;

    QUrl storeUrl;
    QString userAgent;
    bool allowInsecureHttp = false;
    int requestTimeout = Session::DefaultRequestTimeout;
    bool networkManagerSet = false;
    bool engineChecked = false; //!< the QML engine's manager was looked for
    bool shuttingDown = false;
    QVariantMap storeInfo;
    //! Sent with every request (Session::setExtraHeaders).
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    QTimer refreshTimer;
    QTimer tickTimer;
    int lastSecondsUntilExpiry = -1;
    bool reachabilityWanted = false; //!< signed in at least once
    bool reachabilityWatched = false;

    //! An operation the core runs: its Reply and, for a call, the Request it sends.
    struct Operation
    {
        QPointer<Reply> reply;
        Request request;
    };
    std::map<Core::Id, Operation> operations;
    //! A request: on the wire until its answer came, then the answer until its operation settles.
    struct SentRequest
    {
        QPointer<QNetworkReply> wire;
        Core::Id op = 0;
        ApiResponse answer;
        bool answered = false;
    };
    std::map<Core::Id, SentRequest> sent;
    std::vector<Core::Command> commandBuffer; //!< run()'s, reused
    std::map<Core::Id, QTimer *> timers; //!< an operation's retry timer
    std::vector<Core::Command> deferred;
    bool flushQueued = false;
    bool running = false;
};

} // namespace CoCart
