#pragma once

#include <CoCart/Clock.h>
#include <CoCart/Error.h>

#include <QObject>
#include <QTimer>

namespace CoCart {

class Session;
class SessionPrivate;

/*!
    \internal
    Refresh scheduling: when the next refresh is due (a lead before `exp`, in server time), the
    backoff after a failed one (Retry-After honoured), pausing while the network is down and
    running one on reconnect, re-arming after a clock jump (wake from sleep), the countdown
    shown to the UI and the `offline` flag. It decides when; SessionPrivate refreshes.
*/
class RefreshScheduler : public QObject
{
public:
    RefreshScheduler(SessionPrivate *core, Session *q);

    qint64 leadMs() const;
    void arm();
    void scheduleRetry(const Error &error);
    void clearRetry();
    void stop();
    void pause() { m_refreshTimer.stop(); }
    void updateSecondsUntilExpiry();
    void noteResponse(const Error &error);
    void setOffline(bool offline);
    void setNetworkReachable(bool reachable);
    //! Follows QNetworkInformation from the first network failure on (see loadReachability).
    void watchReachability();
    void setClock(const Clock *clock);
    const Clock *clock() const { return m_clock; }

    bool autoRefresh = true;
    int refreshLeadSeconds = 0; //!< 0 = automatic
    int retryMinimumMs = 2000;
    int retryMaximumMs = 5 * 60 * 1000;
    bool retryPending = false;
    bool waitingForNetwork = false;
    bool offline = false;
    qint64 nextRefreshLocalMs = 0;
    int lastSecondsUntilExpiry = -1;

private:
    void onTimer();
    void setNextRefresh(qint64 localMs);
    void loadReachability();

    SessionPrivate *m_core;
    Session *q;
    SystemClock *m_systemClock;
    const Clock *m_clock = nullptr;
    QMetaObject::Connection m_clockConnection;
    QTimer m_refreshTimer;
    QTimer m_tickTimer;
    int m_retryAttempt = 0;
    bool m_reachabilityWanted = false; //!< signed in at least once
    bool m_reachabilityWatched = false;
};

} // namespace CoCart
