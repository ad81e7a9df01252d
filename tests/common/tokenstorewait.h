#pragma once

// Callback probes for the TokenStore tests: every call of a callback is recorded, so a test can
// check "exactly once" and "not synchronously" for any store.

#include <CoCart/TokenStore.h>

#include <QTest>

#include <memory>

namespace CoCartTest {

struct ReadProbe
{
    int calls = 0;
    CoCart::TokenStore::ReadResult result;
};

struct WriteProbe
{
    int calls = 0;
    CoCart::Error error;
};

inline std::shared_ptr<ReadProbe> startRead(CoCart::TokenStore &store, const QString &key)
{
    auto probe = std::make_shared<ReadProbe>();
    store.read(key, [probe](const CoCart::TokenStore::ReadResult &r) {
        ++probe->calls;
        probe->result = r;
    });
    return probe;
}

inline std::shared_ptr<WriteProbe> startWrite(CoCart::TokenStore &store, const QString &key,
                                              const QByteArray &value)
{
    auto probe = std::make_shared<WriteProbe>();
    store.write(key, value, [probe](const CoCart::Error &e) {
        ++probe->calls;
        probe->error = e;
    });
    return probe;
}

inline std::shared_ptr<WriteProbe> startRemove(CoCart::TokenStore &store, const QString &key)
{
    auto probe = std::make_shared<WriteProbe>();
    store.remove(key, [probe](const CoCart::Error &e) {
        ++probe->calls;
        probe->error = e;
    });
    return probe;
}

//! Spins the event loop until the callback ran (at most \a timeoutMs), then a little longer to
//! catch a second call. False, with a warning, unless it ran exactly once and not inside the call.
template<typename Probe>
bool finishedOnce(const std::shared_ptr<Probe> &probe, int timeoutMs = 5000)
{
    if (probe->calls != 0) {
        qWarning("callback ran inside the call");
        return false;
    }
    if (!QTest::qWaitFor([&] { return probe->calls > 0; }, timeoutMs)) {
        qWarning("callback never ran");
        return false;
    }
    QTest::qWait(10);
    if (probe->calls != 1) {
        qWarning("callback ran %d times", probe->calls);
        return false;
    }
    return true;
}

} // namespace CoCartTest
