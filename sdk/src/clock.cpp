#include <CoCart/Clock.h>

#include <QElapsedTimer>
#include <QTimer>

namespace CoCart {

Clock::Clock(QObject *parent) : QObject(parent) { }

Clock::~Clock() = default;

// QTimer runs on the monotonic clock, which stands still while the machine sleeps; the wall
// clock does not. A drift between the two means time jumped.
class SystemClock::Watchdog : public QObject
{
public:
    explicit Watchdog(SystemClock *clock) : QObject(clock)
    {
        m_monotonic.start();
        m_wallStart = QDateTime::currentMSecsSinceEpoch();
        m_timer.setInterval(5000);
        m_timer.setTimerType(Qt::VeryCoarseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this, clock] {
            const qint64 drift =
                    (QDateTime::currentMSecsSinceEpoch() - m_wallStart) - m_monotonic.elapsed();
            if (qAbs(drift) > 3000) {
                m_monotonic.restart();
                m_wallStart = QDateTime::currentMSecsSinceEpoch();
                Q_EMIT clock->jumped();
            }
        });
        m_timer.start();
    }

private:
    QTimer m_timer;
    QElapsedTimer m_monotonic;
    qint64 m_wallStart = 0;
};

SystemClock::SystemClock(QObject *parent) : Clock(parent), m_watchdog(new Watchdog(this)) { }

SystemClock::~SystemClock() = default;

qint64 SystemClock::nowMSecs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace CoCart
