#pragma once

#include <CoCart/Error.h>
#include <CoCart/TokenStore.h>

#include "refreshlock_p.h"
#include "storedsession_p.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace CoCart {

class Session;

/*!
    \internal
    Saved-session storage: the TokenStore (the app's, or a KeychainTokenStore made on first use
    when the app set none), the one item per store, the cross-process refresh lock and the
    "refresh in flight" marker. A store the app set and then destroyed is not replaced: every
    operation then fails with Error::Storage.
*/
class SessionStorage : public QObject
{
public:
    explicit SessionStorage(Session *q);

    //! The store to use, or nullptr when the app's store was destroyed.
    TokenStore *store();
    TokenStore *current() const { return m_store; }
    void setStore(TokenStore *store);
    TokenStore::State state() const;

    void setStoreUrl(const QUrl &url) { m_storeUrl = url; }
    QString key() const { return StoredSession::keyFor(m_storeUrl); }

    void read(TokenStore::ReadCallback done);
    void write(const StoredSession &session, TokenStore::WriteCallback done);
    //! write() that remembers a failure: retryStorage() (or the next save) tries again.
    void save(const StoredSession &session, TokenStore::WriteCallback done);
    void remove(TokenStore::WriteCallback done);

    /*!
        Whether a pair found in the store should replace the one in memory before refreshing:
        another process of the app rotated it while this one waited for the lock. Never while
        this process has a newer pair it could not save (the saved one is spent then).
    */
    bool shouldAdopt(const StoredSession &saved, const QByteArray &memoryRefreshToken,
                     const QString &userId) const;

    RefreshLock lock;
    QString lockDirectory;
    bool pendingSave = false;

private:
    Error lostStoreError() const;

    Session *q;
    QPointer<TokenStore> m_store;
    TokenStore *m_ownStore = nullptr;
    bool m_appStore = false; //!< the app set a store: never replace it with the keychain
    QMetaObject::Connection m_stateConnection;
    QUrl m_storeUrl;
};

} // namespace CoCart
