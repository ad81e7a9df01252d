#pragma once

#include <CoCart/TokenStore.h>

#include <QHash>

namespace CoCart {

/*!
    A TokenStore that keeps values in memory for the life of the object. For tests and throwaway
    runs (`--token-store memory`); nothing survives the process. Callbacks run from the event
    loop, never inside the call, like a real backend's.

    Tests that need a locked or missing keychain use CoCart::Testing::TestTokenStore
    (`CoCart/Testing/TestTokenStore.h`, target CoCartQt::Testing), which opens the hooks below.
*/
class COCARTQT_EXPORT MemoryTokenStore : public TokenStore
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit MemoryTokenStore(QObject *parent = nullptr);
    ~MemoryTokenStore() override;

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

protected:
    //! Makes every later call fail with \a state (Ready clears the failure).
    void setFailure(State state, const QString &reason = {});
    //! Direct access for tests: the stored values and how many writes happened.
    QHash<QString, QByteArray> values() const { return m_values; }
    void setValue(const QString &key, const QByteArray &value) { m_values.insert(key, value); }
    int writeCount() const { return m_writes; }

private:
    Error failureError() const;

    QHash<QString, QByteArray> m_values;
    State m_failure = State::Ready;
    QString m_failureReason;
    int m_writes = 0;
};

} // namespace CoCart
