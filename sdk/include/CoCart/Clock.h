#pragma once

#include <CoCart/cocartqt_export.h>

#include <QDateTime>

namespace CoCart {

/*!
    The source of "now" for every expiry decision. Session uses a SystemClock unless given
    another one; tests inject a clock they can move.
*/
class COCARTQT_EXPORT Clock
{
public:
    virtual ~Clock();
    //! Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMSecs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMSecs(), Qt::UTC); }
};

class COCARTQT_EXPORT SystemClock : public Clock
{
public:
    qint64 nowMSecs() const override;
};

/*! A clock that only moves when told to. For tests and simulations. */
class COCARTQT_EXPORT ManualClock : public Clock
{
public:
    explicit ManualClock(qint64 startMSecs = 0) : m_now(startMSecs) { }
    qint64 nowMSecs() const override { return m_now; }
    void setNowMSecs(qint64 msecs) { m_now = msecs; }
    void advance(qint64 msecs) { m_now += msecs; }

private:
    qint64 m_now;
};

} // namespace CoCart
