#pragma once

#include <CoCart/TokenStore.h>

#include <memory>

namespace CoCart {

class KeychainTokenStorePrivate;

/*!
    A TokenStore on the operating system's keychain through QtKeychain (Secret Service on Linux,
    Keychain on macOS, Credential Manager on Windows). Values are stored as one keychain item per
    key under the service name given here.

    There is no plaintext fallback: when the keychain is missing or locked, calls fail with
    Error::Storage carrying QtKeychain's reason, and state() becomes Unavailable or Locked.
*/
class COCARTQT_EXPORT KeychainTokenStore : public TokenStore
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString service READ service WRITE setService NOTIFY serviceChanged)

public:
    explicit KeychainTokenStore(QObject *parent = nullptr);
    explicit KeychainTokenStore(const QString &service, QObject *parent = nullptr);
    ~KeychainTokenStore() override;

    /*!
        The keychain service name the items are filed under. The default is the app's own:
        "organizationName/applicationName" (QCoreApplication; just the application name without
        an organisation, "CoCartQt" without either), so two apps on the same shop never rotate
        each other's tokens out (the refresh lock is per app too). Apps that mean to share one
        sign-in set the same service explicitly, and the same refresh lock directory.
    */
    QString service() const;
    //! The default service for this application (see service()).
    static QString defaultService();
    void setService(const QString &service);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QByteArray &value, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

Q_SIGNALS:
    void serviceChanged();

private:
    friend class KeychainTokenStorePrivate;
    std::unique_ptr<KeychainTokenStorePrivate> d;
};

} // namespace CoCart
