#include <CoCart/Clock.h>

namespace CoCart {

Clock::~Clock() = default;

qint64 SystemClock::nowMSecs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace CoCart
