#include "refreshlock_p.h"

#include "logging_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

namespace CoCart {

RefreshLock::RefreshLock(QObject *parent) : QObject(parent)
{
    m_poll.setInterval(25);
    connect(&m_poll, &QTimer::timeout, this, &RefreshLock::poll);
}

RefreshLock::~RefreshLock()
{
    release();
}

void RefreshLock::setKey(const QString &directory, const QString &storeKey)
{
    QString dir = directory;
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        if (dir.isEmpty())
            dir = QDir::tempPath();
    }
    const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(storeKey.toUtf8(), QCryptographicHash::Sha256)
                    .toHex()
                    .left(16));
    const QString path = dir + QStringLiteral("/cocart-refresh-") + hash + QStringLiteral(".lock");
    if (path == m_path)
        return;
    release();
    m_path = path;
}

void RefreshLock::acquire(int timeoutMs, std::function<void(bool)> done)
{
    if (isHeld()) {
        done(true);
        return;
    }
    m_done = std::move(done);
    m_timeoutMs = timeoutMs;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_path);
    // A refresh takes one request; a lock older than this belongs to a hung process.
    m_lock->setStaleLockTime(2 * 60 * 1000);
    m_waited.start();
    poll();
}

void RefreshLock::poll()
{
    if (!m_lock || !m_done)
        return;
    if (m_lock->tryLock(0)) {
        m_poll.stop();
        qCDebug(lcSession) << "refresh lock held" << m_waited.elapsed() << "ms";
        auto done = std::move(m_done);
        m_done = nullptr;
        done(true);
        return;
    }
    if (m_lock->error() == QLockFile::PermissionError ||
        m_lock->error() == QLockFile::UnknownError || m_waited.elapsed() >= m_timeoutMs) {
        m_poll.stop();
        qCWarning(lcSession) << "refresh lock not acquired:" << m_lock->error() << "after"
                             << m_waited.elapsed() << "ms; refreshing without it";
        m_lock.reset();
        auto done = std::move(m_done);
        m_done = nullptr;
        done(false);
        return;
    }
    if (!m_poll.isActive())
        m_poll.start();
}

void RefreshLock::release()
{
    m_poll.stop();
    m_done = nullptr;
    if (m_lock) {
        if (m_lock->isLocked())
            m_lock->unlock();
        m_lock.reset();
    }
}

bool RefreshLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

} // namespace CoCart
