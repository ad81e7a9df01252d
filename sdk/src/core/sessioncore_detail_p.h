#pragma once

// What the parts of SessionCore share (sessioncore*.cpp): helpers with no state of their own.

#include "sessioncore_p.h"

#include <QByteArray>

namespace CoCart::Core::detail {

//! The refresh route's body: the refresh token as JSON, never as an Authorization header.
QByteArray refreshBody(const QByteArray &refreshToken);

//! Exponential backoff: \a firstMs doubled per attempt after the first, at most \a capMs; a
//! Retry-After (seconds, -1 for none) wins if it is later, never under \a firstMs.
qint64 backoffMs(qint64 firstMs, int attempt, qint64 capMs, int retryAfterSeconds);

//! A network failure, a short 429 or a 502/503/504: worth another try.
bool isRetryable(const Answer &answer);

//! Marks the commands of one public call: outcomes produced inside it are deferred.
class CallScope
{
public:
    explicit CallScope(int &depth, bool &deferRest) : m_depth(depth), m_deferRest(deferRest)
    {
        ++m_depth;
    }
    ~CallScope()
    {
        if (--m_depth == 0)
            m_deferRest = false;
    }
    Q_DISABLE_COPY_MOVE(CallScope)

private:
    int &m_depth;
    bool &m_deferRest;
};

} // namespace CoCart::Core::detail
