// Where a Cart keeps the guest cart key (QSettings, one per store URL). Where its shopper pays is
// in checkouthandoff.cpp.

#include "cart_p.h"

#include <QCoreApplication>
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
    if (!defaultSettings) {
        // QSettings() with no organisation name sets AccessError at once, yet reads and writes
        // "Unknown Organization/<app>" fine: name that folder ourselves, so status() reports
        // only real failures (the same file as before, nothing saved earlier is lost).
        const QString organization = QCoreApplication::organizationName().isEmpty()
                ? QStringLiteral("Unknown Organization")
                : QCoreApplication::organizationName();
        defaultSettings =
                std::make_unique<QSettings>(organization, QCoreApplication::applicationName());
    }
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
    // status() keeps the first error a QSettings met: only a new one is this write's.
    const QSettings::Status before = s->status();
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
    if (before == QSettings::NoError && s->status() != QSettings::NoError)
        qCWarning(lcCart) << "could not save the guest cart key:" << s->status();
}

void CartPrivate::setCartKey(const QString &key)
{
    if (cartKey == key)
        return;
    cartKey = key;
    Q_EMIT q->cartKeyChanged();
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
