#include <CoCart/KeychainTokenStore.h>

#include "logging_p.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

#include <QCoreApplication>

namespace CoCart {

class KeychainTokenStorePrivate
{
public:
    QString service = KeychainTokenStore::defaultService();

    static QString errorName(QKeychain::Error error);
    static TokenStore::State stateFor(QKeychain::Error error, const QString &message);
    static Error storageError(const QString &what, QKeychain::Job *job);
    static void prepare(QKeychain::Job *job, const QString &key);

    template<typename Callback, typename Conclude>
    void start(KeychainTokenStore *store, QKeychain::Job *job, const QString &key, const char *what,
               Callback done, Conclude conclude);
};

namespace {

// The error in what a callback receives, for the store's state.
const Error &errorOf(const TokenStore::ReadResult &result)
{
    return result.error;
}

const Error &errorOf(const Error &error)
{
    return error;
}

} // namespace

QString KeychainTokenStorePrivate::errorName(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return QStringLiteral("no_error");
    case QKeychain::EntryNotFound:
        return QStringLiteral("entry_not_found");
    case QKeychain::CouldNotDeleteEntry:
        return QStringLiteral("could_not_delete_entry");
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("access_denied_by_user");
    case QKeychain::AccessDenied:
        return QStringLiteral("access_denied");
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no_backend_available");
    case QKeychain::NotImplemented:
        return QStringLiteral("not_implemented");
    case QKeychain::OtherError:
        break;
    }
    return QStringLiteral("other_error");
}

TokenStore::State KeychainTokenStorePrivate::stateFor(QKeychain::Error error,
                                                      const QString &message)
{
    switch (error) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return TokenStore::State::Ready;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return TokenStore::State::Locked;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return TokenStore::State::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return TokenStore::State::Error;
    case QKeychain::OtherError:
        break;
    }
    // With the libsecret backend a missing session bus or Secret Service arrives as OtherError
    // carrying GDBus's text; these are the ones seen on Linux (toolchain.md, section 2).
    static const char *const unavailableHints[] = {
            "Cannot autolaunch D-Bus", // "… without X11 $DISPLAY"
            "dbus-launch", // "Failed to execute child process “dbus-launch” …"
            "was not provided by any .service files", // no Secret Service on the bus
            "Object does not exist at path", // gnome-keyring started but its collection never
                                             // opened
            "Could not connect", // DBUS_SESSION_BUS_ADDRESS names a socket nobody listens on
    };
    for (const char *hint : unavailableHints) {
        if (message.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return TokenStore::State::Unavailable;
    }
    return TokenStore::State::Error;
}

Error KeychainTokenStorePrivate::storageError(const QString &what, QKeychain::Job *job)
{
    return Error(Error::Storage, what + QStringLiteral(": ") + job->errorString(),
                 QStringLiteral("keychain_") + errorName(job->error()));
}

void KeychainTokenStorePrivate::prepare(QKeychain::Job *job, const QString &key)
{
    job->setAutoDelete(true);
    // Never store tokens in a plaintext file behind the user's back.
    job->setInsecureFallback(false);
    job->setKey(key);
}

// Jobs have no parent: a job outlives a store destroyed mid-call and deletes itself when done.
// The QPointer keeps the callback (and setState) from running on a dead store.
//
// When \a job finishes, \a conclude turns its error code into the callback's value (and logs it);
// then the store's state follows the job and \a done gets the value.
template<typename Callback, typename Conclude>
void KeychainTokenStorePrivate::start(KeychainTokenStore *store, QKeychain::Job *job,
                                      const QString &key, const char *what, Callback done,
                                      Conclude conclude)
{
    prepare(job, key);
    qCDebug(lcStore) << what << key << "service" << service;
    QPointer<KeychainTokenStore> self(store);
    QObject::connect(
            job, &QKeychain::Job::finished, job,
            [self, job, done = std::move(done), conclude = std::move(conclude)](QKeychain::Job *) {
                if (!self)
                    return;
                const QKeychain::Error code = job->error();
                const auto value = conclude(code);
                self->setState(stateFor(code, job->errorString()), errorOf(value).message());
                if (self && done)
                    done(value);
            });
    job->start();
}

KeychainTokenStore::KeychainTokenStore(QObject *parent)
    : TokenStore(parent), d(std::make_unique<KeychainTokenStorePrivate>())
{ }

KeychainTokenStore::KeychainTokenStore(const QString &service, QObject *parent)
    : KeychainTokenStore(parent)
{
    d->service = service;
}

KeychainTokenStore::~KeychainTokenStore() = default;

QString KeychainTokenStore::defaultService()
{
    const QString org = QCoreApplication::organizationName();
    const QString app = QCoreApplication::applicationName();
    if (app.isEmpty())
        return QStringLiteral("CoCartQt");
    return org.isEmpty() ? app : org + QLatin1Char('/') + app;
}

QString KeychainTokenStore::service() const
{
    return d->service;
}

void KeychainTokenStore::setService(const QString &service)
{
    if (d->service == service)
        return;
    d->service = service;
    Q_EMIT serviceChanged();
}

void KeychainTokenStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(d->service);
    d->start(this, job, key, "keychain read", std::move(done), [job, key](QKeychain::Error code) {
        ReadResult result;
        if (code == QKeychain::NoError) {
            result.found = true;
            result.value = job->binaryData();
        } else if (code != QKeychain::EntryNotFound) {
            result.error = KeychainTokenStorePrivate::storageError(
                    QStringLiteral("Could not read from the keychain"), job);
        }
        qCDebug(lcStore) << "keychain read" << key << "found" << result.found
                         << result.error.toString();
        return result;
    });
}

void KeychainTokenStore::write(const QString &key, const QByteArray &value, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(d->service);
    job->setBinaryData(value);
    d->start(this, job, key, "keychain write", std::move(done), [job, key](QKeychain::Error code) {
        Error error;
        if (code != QKeychain::NoError) {
            error = KeychainTokenStorePrivate::storageError(
                    QStringLiteral("Could not write to the keychain"), job);
        }
        qCDebug(lcStore) << "keychain write" << key << error.toString();
        return error;
    });
}

void KeychainTokenStore::remove(const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(d->service);
    d->start(this, job, key, "keychain remove", std::move(done), [job, key](QKeychain::Error code) {
        Error error;
        // Removing what is not there is success (the caller wanted it gone).
        if (code != QKeychain::NoError && code != QKeychain::EntryNotFound) {
            error = KeychainTokenStorePrivate::storageError(
                    QStringLiteral("Could not remove from the keychain"), job);
        }
        qCDebug(lcStore) << "keychain remove" << key << error.toString();
        return error;
    });
}

} // namespace CoCart
