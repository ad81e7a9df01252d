#pragma once

#include <CoCart/cocartqt_export.h>

#include <QDateTime>
#include <QObject>

namespace CoCart {

/*!
    The source of "now" for every expiry decision. Session uses a SystemClock unless given
    another one; tests inject a CoCart::Testing::TestClock they can move.

    A clock emits jumped() when its time moved other than by ticking (a test moving a
    ManualClock, the machine waking from sleep): the Session then re-arms its refresh timer and
    runs an overdue refresh at once.
*/
class COCARTQT_EXPORT Clock : public QObject
{
    Q_OBJECT

public:
    explicit Clock(QObject *parent = nullptr);
    ~Clock() override;
    //! Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMSecs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMSecs(), Qt::UTC); }

Q_SIGNALS:
    void jumped();
};

/*!
    The wall clock. Watches for jumps (suspend/resume, the user setting the time) by comparing
    wall-clock time with the monotonic clock every few seconds, and emits jumped() when they
    drift apart by more than a few seconds.
*/
class COCARTQT_EXPORT SystemClock : public Clock
{
    Q_OBJECT

public:
    explicit SystemClock(QObject *parent = nullptr);
    ~SystemClock() override;
    qint64 nowMSecs() const override;

private:
    class Watchdog;
    Watchdog *m_watchdog;
};

} // namespace CoCart
