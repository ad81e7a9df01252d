#pragma once

#include <CoCart/Error.h>
#include <CoCart/cocartqt_export.h>

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

#include <functional>

namespace CoCart {

/*!
    Where a Session keeps its saved state between runs: one opaque value per key (the Session
    uses one key per store URL and writes the whole session — access token, refresh token, user —
    as one value, so a rotated pair is replaced in a single write).

    Every call is asynchronous and calls its callback exactly once, on the store's thread, even
    when the store fails. Callbacks are not called after the store is destroyed.

    A store never falls back to a weaker storage on its own. state() tells whether the backend
    works; failures are reported as Error::Storage with the backend's reason.
*/
class COCARTQT_EXPORT TokenStore : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TokenStore is an interface: use MemoryTokenStore or KeychainTokenStore")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString stateReason READ stateReason NOTIFY stateChanged)

public:
    enum class State {
        Ready, //!< the last operation worked (or none has run yet)
        Unavailable, //!< no backend answers (no Secret Service, no D-Bus, …)
        Locked, //!< the backend exists but refused access (locked keyring, denied prompt)
        Error, //!< another failure
    };
    Q_ENUM(State)

    struct ReadResult
    {
        Error error; //!< NoError when the read worked, whether or not something was found
        bool found = false;
        QByteArray value;
    };
    using ReadCallback = std::function<void(const ReadResult &)>;
    using WriteCallback = std::function<void(const Error &)>;

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &value, WriteCallback done) = 0;
    //! Removing a key that does not exist succeeds.
    virtual void remove(const QString &key, WriteCallback done) = 0;

    State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }

Q_SIGNALS:
    void stateChanged();

protected:
    void setState(State state, const QString &reason = {});

private:
    Q_DISABLE_COPY(TokenStore)
    State m_state = State::Ready;
    QString m_stateReason;
};

} // namespace CoCart
