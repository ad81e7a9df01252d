#include "sessionstorage_p.h"

#include "../logging_p.h"

#include <CoCart/Jwt.h>
#include <CoCart/KeychainTokenStore.h>
#include <CoCart/Session.h>

#include <QTimer>

namespace CoCart {

namespace {

//! The app's store may outlive the Session (and answer after it is gone): its answers reach the
//! Session only while this storage, a child of the Session, exists.
template<typename Callback>
Callback guarded(SessionStorage *storage, Callback done)
{
    const QPointer<SessionStorage> alive(storage);
    return [alive, done](const auto &result) {
        if (alive)
            done(result);
    };
}

} // namespace

SessionStorage::SessionStorage(Session *q) : QObject(q), lock(this), q(q) { }

Error SessionStorage::lostStoreError() const
{
    return Error(Error::Storage,
                 QStringLiteral("The token store set on this session was destroyed: the session "
                                "cannot be saved or read."),
                 QStringLiteral("cocart_no_token_store"));
}

TokenStore *SessionStorage::store()
{
    if (m_store)
        return m_store;
    if (m_appStore)
        return nullptr; // the app's store is gone: no quiet switch to the keychain
    if (!m_ownStore)
        m_ownStore = new KeychainTokenStore(this);
    setStore(m_ownStore);
    m_appStore = false;
    return m_store;
}

void SessionStorage::setStore(TokenStore *store)
{
    m_store = store;
    m_appStore = store && store != m_ownStore;
    if (m_stateConnection)
        disconnect(m_stateConnection);
    if (store) {
        m_stateConnection =
                connect(store, &TokenStore::stateChanged, q, &Session::storageStateChanged);
        connect(store, &QObject::destroyed, this, [this, store] {
            if (m_store == store || !m_store)
                Q_EMIT q->storageStateChanged();
        });
    }
    Q_EMIT q->storageStateChanged();
}

TokenStore::State SessionStorage::state() const
{
    if (m_store)
        return m_store->state();
    return m_appStore ? TokenStore::State::Unavailable : TokenStore::State::Ready;
}

void SessionStorage::read(TokenStore::ReadCallback done)
{
    if (TokenStore *s = store())
        return s->read(key(), guarded(this, std::move(done)));
    const Error error = lostStoreError();
    QTimer::singleShot(0, this, [done, error] { done({error, false, {}}); });
}

void SessionStorage::write(const StoredSession &session, TokenStore::WriteCallback done)
{
    if (TokenStore *s = store())
        return s->write(key(), session.toJson(), guarded(this, std::move(done)));
    const Error error = lostStoreError();
    QTimer::singleShot(0, this, [done, error] { done(error); });
}

void SessionStorage::save(const StoredSession &session, TokenStore::WriteCallback done)
{
    write(session, [this, done = std::move(done)](const Error &error) {
        // A failed save keeps the pair in memory; retryStorage() (or the next refresh) saves it.
        pendingSave = bool(error);
        if (error)
            qCWarning(lcSession).noquote() << "Could not save the session:" << error.toString();
        done(error);
    });
}

void SessionStorage::remove(TokenStore::WriteCallback done)
{
    pendingSave = false;
    if (TokenStore *s = store())
        return s->remove(key(), guarded(this, std::move(done)));
    const Error error = lostStoreError();
    QTimer::singleShot(0, this, [done, error] { done(error); });
}

bool SessionStorage::shouldAdopt(const StoredSession &saved, const QByteArray &memoryRefreshToken,
                                 const QString &userId) const
{
    if (pendingSave)
        return false; // ours is newer: the saved pair was spent by the refresh we could not save
    return !saved.refreshPending && saved.refreshToken != memoryRefreshToken &&
            Jwt::decode(saved.accessToken).isValid() &&
            (userId.isEmpty() || saved.user.id() == userId);
}

} // namespace CoCart
