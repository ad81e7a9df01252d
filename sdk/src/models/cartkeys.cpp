// Where a Cart keeps the guest cart key (QSettings, one per store URL) and where its shopper pays
// (the store's own checkout on the website).

#include "cart_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrlQuery>

namespace CoCart {

namespace {

//! Makes \a fileName (a QSettings file) readable and writable by its owner only (0600), creating
//! it empty so that QSettings' atomic save, which keeps an existing file's permissions, never
//! writes the key into a file the umask left world-readable.
void keepOwnerOnly(const QString &fileName)
{
    if (fileName.isEmpty() || !QDir::isAbsolutePath(fileName))
        return; // not a file (the registry, a custom backend)
    const QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFileInfo::exists(fileName)) {
        QDir().mkpath(QFileInfo(fileName).absolutePath());
        QFile create(fileName);
        create.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly);
        return;
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
            QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther |
            QFileDevice::ExeOther;
    if ((QFile::permissions(fileName) & others) && !QFile::setPermissions(fileName, ownerOnly))
        qCWarning(lcCart) << "could not make the guest cart key file owner-only";
}

} // namespace

QSettings *CartPrivate::settings() const
{
    if (customSettings)
        return customSettings;
    if (!defaultSettings)
        defaultSettings = std::make_unique<QSettings>();
    return defaultSettings.get();
}

QString CartPrivate::settingsKey() const
{
    const QUrl url = session ? session->storeUrl() : QUrl();
    const QString normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo |
                                            QUrl::RemoveQuery | QUrl::RemoveFragment)
                                       .toString(QUrl::FullyEncoded);
    // '/' would make QSettings groups: encode the URL as one key.
    return QStringLiteral("CoCart/guestCartKeys/") +
            QString::fromLatin1(QUrl::toPercentEncoding(normalized));
}

QString CartPrivate::guestKey() const
{
    if (!session || session->storeUrl().isEmpty())
        return {};
    return settings()->value(settingsKey()).toString();
}

void CartPrivate::setGuestKey(const QString &key)
{
    if (!session || session->storeUrl().isEmpty() || guestKey() == key)
        return;
    QSettings *s = settings();
    // The key is a bearer credential for the guest cart: owner-only, before it is written.
    keepOwnerOnly(s->fileName());
    if (key.isEmpty()) {
        qCDebug(lcCart) << "guest cart key forgotten";
        s->remove(settingsKey());
    } else {
        qCDebug(lcCart) << "guest cart key kept";
        s->setValue(settingsKey(), key);
    }
    s->sync();
    keepOwnerOnly(s->fileName());
    if (s->status() != QSettings::NoError)
        qCWarning(lcCart) << "could not save the guest cart key:" << s->status();
}

void CartPrivate::setCartKey(const QString &key)
{
    if (cartKey == key)
        return;
    cartKey = key;
    Q_EMIT q->cartKeyChanged();
}

QUrl Cart::checkoutUrl() const
{
    if (!d->session)
        return {};
    const QUrl store =
            d->session->storeUrl().adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo |
                                            QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (store.isEmpty() || !store.isValid())
        return {};
    auto page = [&store](const QString &path) {
        QUrl url = store;
        url.setPath(store.path() + path);
        return url;
    };
    if (d->session->isSignedIn()) {
        // A customer's cart cannot be loaded by key: sign in on the website, then check out.
        QUrl login = page(QStringLiteral("/wp-login.php"));
        QUrlQuery query;
        query.addQueryItem(
                QStringLiteral("redirect_to"),
                QString::fromLatin1(QUrl::toPercentEncoding(
                        page(QStringLiteral("/checkout/")).toString(QUrl::FullyEncoded))));
        login.setQuery(query);
        return login;
    }
    const QString key = d->guestKey();
    if (key.isEmpty())
        return {};
    QUrl cart = page(QStringLiteral("/cart/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cocart-load-cart"),
                       QString::fromLatin1(QUrl::toPercentEncoding(key)));
    cart.setQuery(query);
    return cart;
}

void Cart::setGuestKeySettings(QSettings *settings)
{
    d->customSettings = settings;
    if (d->isGuest())
        d->setCartKey(d->guestKey());
}

QString Cart::savedGuestKey() const
{
    return d->guestKey();
}

} // namespace CoCart
