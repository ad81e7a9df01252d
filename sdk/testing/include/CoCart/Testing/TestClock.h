#pragma once

#include <CoCart/Clock.h>

namespace CoCart::Testing {

/*! A clock that only moves when told to (Session::setClock). For tests and simulations. */
class TestClock : public Clock
{
public:
    explicit TestClock(qint64 startMSecs = 0, QObject *parent = nullptr)
        : Clock(parent), m_now(startMSecs)
    { }
    qint64 nowMSecs() const override { return m_now; }
    void setNowMSecs(qint64 msecs)
    {
        m_now = msecs;
        Q_EMIT jumped();
    }
    void advance(qint64 msecs) { setNowMSecs(m_now + msecs); }

private:
    qint64 m_now;
};

} // namespace CoCart::Testing
