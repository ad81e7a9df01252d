#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QLockFile;
QT_END_NAMESPACE

namespace CoCart {

/*!
    \internal
    The cross-process half of single-flight refresh: a QLockFile per store next to the app's
    data, so two processes of the same app never spend the same refresh token. Acquiring is
    asynchronous (polled), so the event loop keeps running while another process refreshes.
    A lock left by a crashed process is taken over (QLockFile checks the owner's PID).
*/
class RefreshLock : public QObject
{
public:
    explicit RefreshLock(QObject *parent = nullptr);
    ~RefreshLock() override;

    //! The lock file for \a storeKey in \a directory (empty: the app's local data location).
    void setKey(const QString &directory, const QString &storeKey);
    QString path() const { return m_path; }

    //! Calls \a done(true) once held, or done(false) after \a timeoutMs without it.
    void acquire(int timeoutMs, std::function<void(bool)> done);
    void release();
    bool isHeld() const;

private:
    void poll();

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_poll;
    QElapsedTimer m_waited;
    int m_timeoutMs = 0;
    std::function<void(bool)> m_done;
};

} // namespace CoCart
