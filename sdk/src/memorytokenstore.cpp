#include <CoCart/MemoryTokenStore.h>

#include "logging_p.h"

namespace CoCart {

namespace {

// Calls done(value) from the event loop, unless \a context is destroyed first.
template<typename Callback, typename Value>
void answerLater(QObject *context, Callback done, const Value &value)
{
    QMetaObject::invokeMethod(
            context,
            [done = std::move(done), value] {
                if (done)
                    done(value);
            },
            Qt::QueuedConnection);
}

} // namespace

MemoryTokenStore::MemoryTokenStore(QObject *parent) : TokenStore(parent) { }

MemoryTokenStore::~MemoryTokenStore() = default;

// The operation takes effect at once; only the callback waits for the event loop, so callers
// cannot come to rely on a synchronous answer that a real keychain would never give. `this` as
// the context drops the callback if the store dies first.
void MemoryTokenStore::read(const QString &key, ReadCallback done)
{
    ReadResult result;
    if (m_failure != State::Ready) {
        result.error = failureError();
    } else {
        const auto it = m_values.constFind(key);
        result.found = it != m_values.cend();
        if (result.found)
            result.value = *it;
    }
    qCDebug(lcStore) << "memory read" << key << "found" << result.found << result.error.toString();
    answerLater(this, std::move(done), result);
}

void MemoryTokenStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    Error error;
    if (m_failure != State::Ready) {
        error = failureError();
    } else {
        m_values.insert(key, value);
        ++m_writes;
    }
    qCDebug(lcStore) << "memory write" << key << error.toString();
    answerLater(this, std::move(done), error);
}

void MemoryTokenStore::remove(const QString &key, WriteCallback done)
{
    Error error;
    if (m_failure != State::Ready)
        error = failureError();
    else
        m_values.remove(key);
    qCDebug(lcStore) << "memory remove" << key << error.toString();
    answerLater(this, std::move(done), error);
}

void MemoryTokenStore::setFailure(State state, const QString &reason)
{
    m_failure = state;
    m_failureReason = state == State::Ready ? QString() : reason;
    setState(state, m_failureReason);
}

Error MemoryTokenStore::failureError() const
{
    QString message = m_failureReason;
    if (message.isEmpty()) {
        switch (m_failure) {
        case State::Unavailable:
            message = QStringLiteral("token store is unavailable (injected failure)");
            break;
        case State::Locked:
            message = QStringLiteral("token store is locked (injected failure)");
            break;
        default:
            message = QStringLiteral("token store failed (injected failure)");
            break;
        }
    }
    return Error(Error::Storage, message);
}

} // namespace CoCart
