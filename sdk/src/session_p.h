#pragma once

#include <CoCart/Session.h>

#include "engine/dispatcher_p.h"
#include "engine/refreshscheduler_p.h"
#include "engine/sessionstorage_p.h"
#include "engine/transport_p.h"

#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

namespace CoCart {

/*!
    \internal
    The state behind Session and the one place its status changes (setStatus() refuses any
    transition the table in Session.h does not list). Three parts do the rest: Dispatcher
    (request dispatch), RefreshScheduler (when to refresh), SessionStorage (where it is saved).
    The token exchange itself (login, refresh, logout) is in tokenrefresh.cpp.
*/
class SessionPrivate
{
public:
    using RefreshCallback = std::function<void(const Error &)>;

    explicit SessionPrivate(Session *q);
    ~SessionPrivate();

    // --- status and outcomes
    bool setStatus(Session::Status status);
    static bool isAllowed(Session::Status from, Session::Status to);
    void setUser(const User &user);
    void setLastError(const Error &error);
    //! One failure: \a signal (if any), one errorOccurred, lastError, and \a reply failed.
    void fail(const Error &error, void (Session::*signal)(const Error &), Reply *reply);
    //! A failure whose errorOccurred was already emitted (the session ended): \a signal and
    //! \a reply only.
    void failQuietly(const Error &error, void (Session::*signal)(const Error &), Reply *reply);
    static void succeed(Reply *reply);
    Reply *newOperation();
    void updateBusy();
    bool isBusyState() const;

    qint64 serverNowMs() const;
    bool accessTokenValid() const;
    Error checkConfiguration() const;
    void noteResponse(const Error &error) { scheduler->noteResponse(error); }

    // --- tokens (tokenrefresh.cpp)
    Error adoptTokens(const QByteArray &accessToken, const QByteArray &refreshToken,
                      qint64 receivedAtMs);
    void adoptStored(const StoredSession &stored);
    void clearLocalState();
    StoredSession toStored() const;
    void refreshTokens(RefreshCallback done);
    void refreshUnderLock(quint64 gen);
    void sendRefresh(quint64 gen);
    void finishRefresh(const Error &error);
    void endSession(const Error &reason);
    void revokeOnServer(const QByteArray &bearer, std::function<void()> done);
    //! Revokes the pair in a login or refresh answer that arrived after a sign-out.
    void revokeLateAnswer(const ApiResponse &response, const char *tokenPath);
    void finishPublicRefresh(const Error &error);

    Session *q;
    Transport *transport;
    RefreshScheduler *scheduler;
    SessionStorage *storage;
    Dispatcher *dispatcher;

    QUrl storeUrl;
    QString userAgent;
    bool allowInsecureHttp = false;
    int requestTimeout = Session::DefaultRequestTimeout;
    bool networkManagerSet = false;
    bool shuttingDown = false;

    Session::Status status = Session::Status::SignedOut;
    bool busy = false;
    int validatesInFlight = 0;
    User user;
    Error lastError;
    QByteArray accessToken;
    QByteArray refreshToken;
    qint64 accessExpMs = 0; //!< `exp` in server time (ms), 0 when unknown
    qint64 accessIatMs = 0; //!< `iat` in server time (ms)
    qint64 clockOffsetMs = 0; //!< server minus client
    bool arrivedInsideLead = false; //!< the token came already due for refresh: no loop

    // Bumped whenever the local session is replaced or cleared: answers to requests made for
    // an older generation are ignored, and calls made for it are never sent.
    quint64 generation = 0;

    bool refreshInFlight = false;
    std::vector<RefreshCallback> refreshWaiters;
    std::vector<QPointer<Reply>> publicRefreshes; //!< refresh() calls sharing the one in flight
    //! The saved session carried the "refresh in flight" marker: a process died mid-refresh.
    bool recoveringInterruptedRefresh = false;
    QPointer<Reply> pendingLogin; //!< a login() whose answer has not arrived
    QVariantMap storeInfo;
    void setStoreInfo(const QVariantMap &info);
    //! The error for "this URL answers no CoCart" (a 404 from a CoCart route).
    Error noStoreError(int httpStatus) const;
    QPointer<Reply> pendingRestore;
};

} // namespace CoCart
