#pragma once

// The session protocol, sans I/O: plain C++ over QtCore value types. No event loop, no timer,
// no socket, no keychain, no QObject. It takes events (a public call with its operation id, an
// abort, an answer for a request id, a timer that fired, a storage result, the cross-process
// lock) and returns commands (send, cancel, read/write/compare-and-remove the saved session,
// take/release the lock, arm/disarm a timer, settle operation N, emit a signal). Session (the
// Qt shell) executes the commands and feeds the results back; tests drive it directly and
// explore every interleaving (tests/session/tst_core_explore.cpp).
//
// The rules it keeps, each in one place:
// - every operation settles exactly once (settle());
// - a stale answer, read or write is one whose id is no longer in m_io: dropped there;
// - no request carries a Bearer once a sign-out began (the epoch of the op must be current);
// - the session ends only on the store's JSON rejection of the refresh token it was sent, or an
//   explicit logout; nothing automatic calls the store's logout (it is global);
// - the lock is released only by the flight that holds it;
// - a stored pair is removed (after a rejection) only if it still holds the rejected token.

#include <CoCart/Error.h>
#include <CoCart/User.h>

#include "../engine/storedsession_p.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace CoCart::Core {

using Id = quint64; //!< operation, request, storage and timer ids share one counter

//! The store's JSON codes by which the JWT plugin says "these credentials are not accepted"
//! (transcripts: cocart_authentication_error; refresh: cocart_jwt_auth_missing_refresh_token).
//! A plugin's or WordPress's `rest_forbidden` is a permission error, never one of them.
bool isAuthRejectionCode(const QString &code);

//! Errors the session makes itself (one definition each).
namespace Errors {
Error cancelled(const QString &why = {});
Error notSignedIn();
Error busy(const QString &what);
} // namespace Errors

//! What the core needs of an HTTP answer (the shell keeps the rest for the caller's Reply).
struct Answer
{
    int httpStatus = 0;
    QJsonValue json;
    Error error;
    bool isAuthRejection() const; //!< the store's own JSON 401/403 with a JWT plugin code
};

enum class Route { Login, Refresh, Validate, Logout, Call };

enum class Signal {
    // outcomes
    LoggedIn,
    LoginFailed,
    Refreshed,
    RefreshFailed,
    Validated,
    ValidateFailed,
    LoggedOut,
    Restored,
    RestoreFailed,
    Saved,
    ErrorOccurred,
    // properties
    StatusChanged,
    BusyChanged,
    UserChanged,
    ExpiryChanged,
    ClockOffsetChanged,
    LastErrorChanged,
    NextRefreshChanged,
    OfflineChanged,
    NetworkReachableChanged,
};

struct Command
{
    enum Type {
        Send, //!< io, op, route, authorization, body
        Cancel, //!< io: abandon that request; its answer must not be fed back
        Read, //!< io
        Write, //!< io, stored
        Remove, //!< io; removes only if the saved refresh token is `expect` (empty: always)
        TakeLock, //!< timeoutMs; answer with lockResult()
        ReleaseLock,
        ArmTimer, //!< timer, dueMs (local clock)
        DisarmTimer, //!< timer
        Settle, //!< op, error (none: success), io of the answer it ends with (0: none)
        Emit, //!< signal, error
    };
    Command(Type t) : type(t) { } // NOLINT(google-explicit-constructor): Command {Command::Send}

    Type type;
    Id io = 0;
    Id op = 0;
    Id timer = 0;
    Route route = Route::Call;
    QByteArray authorization;
    QByteArray body;
    QByteArray expect;
    StoredSession stored;
    qint64 dueMs = 0;
    int timeoutMs = -1;
    Signal signal = Signal::ErrorOccurred;
    Error error;
    //! Produced inside a public call: the shell runs it from the event loop (outcomes never
    //! arrive inside the call that made them).
    bool deferred = false;
};

//! A saved-session read, as the core sees it.
struct ReadResult
{
    Error error;
    bool found = false;
    QByteArray value;
};

//! How a call (Session::send and everything built on it) is dispatched.
struct CallOptions
{
    bool bearerIfSignedIn = true;
    bool replayOnAuthFailure = true;
    int retries = -1; //!< -1: 2 for GET/HEAD, 0 otherwise
    bool idempotent = true;
    bool getOrHead = true;
    int timeoutMs = -1;
};

enum class Status { SignedOut, Restoring, SigningIn, SignedIn, Refreshing, SigningOut };

class SessionCore
{
public:
    static constexpr Id RefreshTimer = 1; //!< the proactive refresh / refresh retry timer

    SessionCore();

    // --- configuration (no commands)
    void setNow(qint64 localMs) { m_now = localMs; }
    qint64 now() const { return m_now; }
    void setConfigurationError(const Error &error) { m_configError = error; }
    void setStoreUrl(const QString &url, const QString &display);
    void setUserAgent(const QString &userAgent) { m_userAgent = userAgent; }
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    void setAutoRefresh(bool on);
    void setRefreshLead(int seconds);
    void setRetryDelays(int minimumMs, int maximumMs);
    void setCallRetryDelay(int ms) { m_callRetryDelayMs = ms; }

    // --- public calls: each returns its operation id (settled exactly once)
    Id login(const QString &username, const QString &password);
    Id refresh();
    Id validate();
    Id logout(bool everywhere);
    Id restore();
    Id retryStorage();
    Id call(const CallOptions &options);

    // --- events
    void abort(Id op);
    void answered(Id io, const Answer &answer);
    void storageRead(Id io, const ReadResult &result);
    void storageWritten(Id io, const Error &error);
    void lockResult(bool acquired);
    void timerFired(Id timer);
    void setNetworkReachable(bool reachable);
    void clockJumped();
    //! The session is being destroyed: every running operation settles Cancelled, no signal.
    void shutdown();
    //! A failure of an operation the shell composed (checkStore): lastError, errorOccurred.
    void reportFailure(const Error &error) { report(error); }

    std::vector<Command> takeCommands();
    //! The same into \a into (cleared first), for a caller that reuses one buffer.
    void takeCommands(std::vector<Command> &into);
    bool hasCommands() const { return !m_out.empty(); }

    // --- state
    Status status() const { return m_status; }
    bool isBusy() const { return m_busy; }
    const User &user() const { return m_user; }
    const Error &lastError() const { return m_lastError; }
    bool offline() const { return m_offline; }
    bool networkReachable() const { return !m_waitingForNetwork; }
    qint64 accessExpiryServerMs() const { return m_accessExpMs; }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    qint64 nextRefreshLocalMs() const { return m_nextRefreshMs; }
    bool hasValidAccessToken() const;
    int secondsUntilExpiry() const;
    bool autoRefresh() const { return m_autoRefresh; }
    int refreshLead() const { return m_refreshLeadSeconds; }
    bool pendingSave() const { return m_pendingSave; }
    qint64 leadMs() const;
    bool isRunning(Id op) const { return m_ops.count(op) != 0; }
    std::size_t runningCount() const { return m_ops.size(); }
    //! The pair in memory (the shell never needs it: for the exploration test's invariants).
    const QByteArray &accessToken() const { return m_access; }
    const QByteArray &refreshToken() const { return m_refresh; }
    quint64 epoch() const { return m_epoch; }
    bool lockHeld() const { return m_lockHeld; }
    //! Every field of the protocol state, serialised: two cores with the same fingerprint
    //! answer every future event alike (the exploration test merges such states).
    QByteArray fingerprint() const;

private:
    enum class OpKind { Login, Refresh, Validate, Logout, Restore, RetryStorage, Call };
    enum class Stage { Start, Sending, Saving, Reading, WaitingRefresh, Removing, Retrying };

    struct Op
    {
        Id id = 0;
        OpKind kind = OpKind::Call;
        Stage stage = Stage::Start;
        quint64 epoch = 0;
        Id io = 0; //!< its request or storage operation in flight
        CallOptions options;
        bool decided = false;
        bool withBearer = false;
        bool replayed = false;
        bool refreshedFirst = false;
        int attempt = 0;
        QByteArray sentBearer;
        Id rejectedIo = 0; //!< the auth-rejected answer a replay waits to beat
        Error rejectedError;
        QString username; //!< login
        bool everywhere = false; //!< logout
        QByteArray logoutAccess, logoutRefresh; //!< logout(Everywhere): the pair to sign out
    };

    enum class Fate { Attached, KeepSaved, Discard };
    enum class FlightStage { Locking, Reading, Marking, Sending, Saving };
    struct Flight
    {
        Flight() { } // user-provided: default-constructible inside the enclosing class
        FlightStage stage = FlightStage::Locking;
        Fate fate = Fate::Attached;
        Id io = 0;
        bool lockHeld = false;
        bool lockRefused = false;
        QByteArray sentRefresh; //!< the refresh token this flight spends
        Error markError; //!< the "refresh in flight" marker could not be saved
        std::vector<Id> waiters;
    };
    //! A flight whose session ended (logout, an aborted restore) after its request was sent.
    struct DetachedFlight
    {
        DetachedFlight() { } // user-provided: default-constructible inside the enclosing class
        Fate fate = Fate::Discard;
        FlightStage stage = FlightStage::Sending;
        Id io = 0;
        bool lockHeld = false;
        QByteArray sentRefresh;
        StoredSession saved; //!< Fate::KeepSaved: the session to save with the rotated pair
        Id logoutWaiter = 0; //!< a logout(Everywhere) waiting for the rotated access token
    };

    enum class IoKind { Send, Read, Write, Remove };
    struct Io
    {
        Io() = default;
        Io(IoKind k, Id o, bool f, const QByteArray &pair, Route r)
            : kind(k), op(o), flight(f), pairRefresh(pair), route(r)
        { }
        IoKind kind = IoKind::Send;
        Id op = 0; //!< 0: the refresh flight or nobody (a write whose result still counts)
        bool flight = false;
        bool orphanLoginSave = false; //!< a save its session outlived: remove it once written
        QByteArray pairRefresh; //!< the refresh token of the pair written
        Route route = Route::Call;
    };

    // helpers
    Id newId() { return ++m_lastId; }
    Op &newOp(OpKind kind);
    //! A public call's operation, or nullptr (refused, Cancelled) once the session is dying.
    Op *begin(OpKind kind);
    void push(Command command);
    void emitSignal(Signal signal, const Error &error = {});
    void settle(Id op, const Error &error, Id io = 0);
    void fail(Op &op, const Error &error, std::optional<Signal> signal, bool report, Id io = 0);
    void refuse(Op &op, const Error &error, std::optional<Signal> signal);
    Id send(Id op, Route route, const QByteArray &authorization, const QByteArray &body = {},
            int timeoutMs = -1, bool flight = false);
    Id storage(Command::Type type, Id op, bool flight, const StoredSession &stored = {},
               const QByteArray &expect = {});
    void cancelIo(Id io);

    void setStatus(Status status);
    void updateBusy();
    void setUser(const User &user);
    void setLastError(const Error &error);
    void setOffline(bool offline);
    void setNextRefresh(qint64 localMs);
    void noteAnswer(const Error &error);
    void report(const Error &error); //!< lastError + errorOccurred
    bool isBusyState() const;

    Error adoptTokens(const QByteArray &access, const QByteArray &refresh);
    void adoptStored(const StoredSession &stored);
    void clearLocal();
    StoredSession toStored() const;
    Error noStoreError(int httpStatus, Error::Kind kind = Error::NotFound) const;

    // calls
    void dispatch(Op &op);
    void onCallAnswer(Op &op, Id io, const Answer &answer);
    bool scheduleCallRetry(Op &op, const Answer &answer);
    void afterRefresh(Op &op, const Error &error);
    void finishCall(Op &op, const Answer &answer, Id io);

    // login, restore, logout, retryStorage
    void onLoginAnswer(Op &op, Id io, const Answer &answer);
    void onRestoreRead(Op &op, const ReadResult &result);
    void onLogoutAnswer(Op &op, Route route, const Answer &answer);
    void logoutTellStore(Op &op);
    void finishLogout(Op &op, const Error &error);

    // the refresh flight
    void startFlight(Id waiter);
    void wait(Id waiter);
    bool shouldAdopt(const StoredSession &saved) const;
    void flightRead(const ReadResult &result);
    void flightMarked(const Error &error);
    void flightSend();
    void flightAnswer(const Answer &answer);
    void flightSaved(const Error &error);
    void endFlight(const Error &error);
    void endSession(const Error &reason, const QByteArray &rejectedRefresh);
    void releaseLock();
    void detachFlight(Fate fate);
    void detachedAnswer(const Answer &answer);

    // the refresh timer
    void arm();
    void scheduleRefreshRetry(const Error &error, bool answerLost);
    void onRefreshTimer();
    qint64 refreshDueLocalMs() const;

    std::vector<Command> m_out;
    int m_callDepth = 0; //!< > 0 inside a public call
    bool m_deferRest = false; //!< the rest of this public call's commands are deferred
    Id m_callOp = 0; //!< the operation the running public call made
    Id m_lastId = RefreshTimer;
    qint64 m_now = 0;

    // configuration
    Error m_configError;
    QString m_storeUrl;
    QString m_storeDisplay;
    QString m_userAgent;
    int m_requestTimeoutMs = 30000;
    bool m_autoRefresh = true;
    int m_refreshLeadSeconds = 0;
    int m_retryMinimumMs = 2000;
    int m_retryMaximumMs = 5 * 60 * 1000;
    int m_callRetryDelayMs = 250;

    // state
    Status m_status = Status::SignedOut;
    bool m_busy = false;
    int m_validates = 0;
    quint64 m_epoch = 0; //!< bumped when the local session is replaced or cleared
    User m_user;
    Error m_lastError;
    QByteArray m_access;
    QByteArray m_bearer; //!< "Bearer " + m_access
    QByteArray m_refresh;
    qint64 m_accessExpMs = 0; //!< `exp` in server time, 0 when unknown
    qint64 m_accessIatMs = 0;
    qint64 m_clockOffsetMs = 0; //!< server minus client
    bool m_arrivedInsideLead = false;
    bool m_pendingSave = false; //!< the pair in memory is newer than the saved one
    bool m_recoveringInterrupted = false; //!< the saved session carried the refresh marker
    bool m_answerLost = false; //!< a refresh was sent and its answer lost: the token may be spent
    bool m_offline = false;
    bool m_waitingForNetwork = false;
    bool m_retryPending = false;
    int m_retryAttempt = 0;
    qint64 m_nextRefreshMs = 0;
    bool m_lockHeld = false;
    bool m_shutdown = false;

    std::map<Id, Op> m_ops;
    std::map<Id, Io> m_io;
    std::optional<Flight> m_flight;
    std::optional<DetachedFlight> m_detached;
    bool m_lockQueued = false; //!< m_flight waits for the detached flight's lock
    Id m_logoutOp = 0; //!< the sign-out running (later logout() calls join it)
    std::vector<Id> m_logoutJoiners;
};

} // namespace CoCart::Core
