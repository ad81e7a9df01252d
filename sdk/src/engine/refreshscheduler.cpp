#include "refreshscheduler_p.h"

#include "../logging_p.h"
#include "../session_p.h"

#include <QNetworkInformation>

namespace CoCart {

RefreshScheduler::RefreshScheduler(SessionPrivate *core, Session *q)
    : QObject(q), m_core(core), q(q), m_systemClock(new SystemClock(this))
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { onTimer(); });
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, [this] { updateSecondsUntilExpiry(); });
    setClock(m_systemClock);
}

qint64 RefreshScheduler::leadMs() const
{
    const qint64 lifetime = qMax<qint64>(0, m_core->accessExpMs - m_core->accessIatMs);
    if (refreshLeadSeconds > 0)
        return qMin<qint64>(qint64(refreshLeadSeconds) * 1000, lifetime / 2);
    qint64 lead = qMin<qint64>(5 * 60 * 1000, lifetime / 10);
    lead = qMax<qint64>(lead, 3000);
    return qMin(lead, lifetime / 2);
}

void RefreshScheduler::arm()
{
    m_refreshTimer.stop();
    if (!autoRefresh || m_core->refreshToken.isEmpty() || m_core->accessExpMs == 0 ||
        retryPending || m_core->refreshInFlight) {
        if (!retryPending)
            setNextRefresh(0);
        return;
    }
    if (m_core->arrivedInsideLead) {
        // Fresh from the store and already due: refresh only when it is really needed (the
        // request path refreshes an expired token), never in a loop.
        setNextRefresh(0);
        return;
    }
    // Server time → client time with the estimated offset.
    const qint64 fireLocalMs = m_core->accessExpMs - leadMs() - m_core->clockOffsetMs;
    const qint64 delay = fireLocalMs - m_clock->nowMSecs();
    setNextRefresh(fireLocalMs);
    if (delay <= 0) {
        QTimer::singleShot(0, this, [this] { onTimer(); });
        return;
    }
    // QTimer takes an int; a timer far away is simply re-armed when it fires.
    m_refreshTimer.start(int(qMin<qint64>(delay, 60 * 60 * 1000)));
}

void RefreshScheduler::stop()
{
    m_refreshTimer.stop();
    clearRetry();
    setNextRefresh(0);
}

void RefreshScheduler::onTimer()
{
    if (m_core->refreshToken.isEmpty() || m_core->refreshInFlight || waitingForNetwork)
        return;
    if (m_core->status != Session::Status::SignedIn)
        return;
    const qint64 fireLocalMs = m_core->accessExpMs - leadMs() - m_core->clockOffsetMs;
    if (!retryPending && !m_core->arrivedInsideLead && m_clock->nowMSecs() < fireLocalMs) {
        arm(); // woke early (capped interval or clock moved back)
        return;
    }
    retryPending = false;
    qCInfo(lcSession) << "refreshing before the access token expires";
    m_core->refreshTokens([](const Error &) {});
}

void RefreshScheduler::scheduleRetry(const Error &error)
{
    if (m_core->refreshToken.isEmpty())
        return;
    ++m_retryAttempt;
    qint64 delay = qint64(retryMinimumMs) << qMin(m_retryAttempt - 1, 16);
    delay = qMin<qint64>(delay, retryMaximumMs);
    if (error.retryAfter() >= 0)
        delay = qMax<qint64>(qint64(error.retryAfter()) * 1000, retryMinimumMs);
    retryPending = true;
    m_refreshTimer.stop();
    setNextRefresh(m_clock->nowMSecs() + delay);
    loadReachability(); // may find the network down: then the retry waits for it
    qCInfo(lcSession) << "refresh failed (" << error.kindName() << "); retry" << m_retryAttempt
                      << "in" << delay << "ms";
    if (waitingForNetwork)
        return; // resumed when the network comes back
    m_refreshTimer.start(int(qMin<qint64>(delay, 60 * 60 * 1000)));
}

void RefreshScheduler::clearRetry()
{
    m_retryAttempt = 0;
    retryPending = false;
}

void RefreshScheduler::setNextRefresh(qint64 localMs)
{
    if (nextRefreshLocalMs == localMs)
        return;
    nextRefreshLocalMs = localMs;
    Q_EMIT q->nextRefreshChanged();
}

void RefreshScheduler::updateSecondsUntilExpiry()
{
    int seconds = -1;
    if (m_core->accessExpMs > 0)
        seconds = int(qMax<qint64>(0, (m_core->accessExpMs - m_core->serverNowMs()) / 1000));
    if (m_core->accessExpMs > 0 && !m_tickTimer.isActive())
        m_tickTimer.start();
    else if (m_core->accessExpMs == 0)
        m_tickTimer.stop();
    if (seconds == lastSecondsUntilExpiry)
        return;
    lastSecondsUntilExpiry = seconds;
    Q_EMIT q->secondsUntilExpiryChanged();
}

void RefreshScheduler::noteResponse(const Error &error)
{
    const Error::Kind kind = error.kind();
    if (kind == Error::Network || kind == Error::Timeout || kind == Error::Tls)
        setOffline(true);
    else if (kind != Error::Cancelled && kind != Error::Configuration &&
             kind != Error::InsecureTransport)
        setOffline(false); // the store answered
}

void RefreshScheduler::setOffline(bool value)
{
    if (offline == value)
        return;
    offline = value;
    Q_EMIT q->offlineChanged();
    if (offline)
        loadReachability();
}

void RefreshScheduler::watchReachability()
{
    // A network-information backend costs ≈ 4 MB (gio, libmount, …) and only matters once
    // something failed for network reasons (a retry to pause, a refresh to run on reconnect):
    // until then networkReachable stays true and the backend is not loaded.
    m_reachabilityWanted = true;
    if (offline || retryPending)
        loadReachability();
}

void RefreshScheduler::loadReachability()
{
    if (!m_reachabilityWanted || m_reachabilityWatched)
        return;
    m_reachabilityWatched = true;
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info)
        return;
    auto apply = [this](QNetworkInformation::Reachability reachability) {
        setNetworkReachable(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    apply(info->reachability());
}

void RefreshScheduler::setNetworkReachable(bool reachable)
{
    if (reachable != waitingForNetwork)
        return;
    waitingForNetwork = !reachable;
    Q_EMIT q->networkReachableChanged();
    if (waitingForNetwork) {
        qCInfo(lcSession) << "network down: refresh retries paused";
        m_refreshTimer.stop();
        setOffline(true);
        return;
    }
    qCInfo(lcSession) << "network back";
    if (m_core->refreshToken.isEmpty())
        return;
    // Refresh once on reconnect if a retry was pending or the token is due; else re-arm.
    if (retryPending || !m_core->accessTokenValid()) {
        QTimer::singleShot(0, this, [this] {
            retryPending = true;
            onTimer();
        });
    } else {
        arm();
    }
}

void RefreshScheduler::setClock(const Clock *newClock)
{
    if (m_clockConnection)
        disconnect(m_clockConnection);
    m_clock = newClock ? newClock : m_systemClock;
    m_clockConnection = connect(m_clock, &Clock::jumped, this, [this] {
        // Woke from sleep, or a test moved the clock: an overdue refresh runs now.
        updateSecondsUntilExpiry();
        if (!m_core->refreshInFlight && !m_core->refreshToken.isEmpty() &&
            m_core->status == Session::Status::SignedIn) {
            if (retryPending)
                m_refreshTimer.start(int(qBound<qint64>(0, nextRefreshLocalMs - m_clock->nowMSecs(),
                                                        qint64(3600000))));
            else
                arm();
        }
    });
}

} // namespace CoCart
