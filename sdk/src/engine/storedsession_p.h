#pragma once

#include <CoCart/User.h>

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace CoCart {

/*!
    \internal
    What a Session saves in its TokenStore: the whole session as one versioned JSON value, so a
    rotated pair replaces the old one in a single write.
*/
struct StoredSession
{
    static constexpr int CurrentVersion = 1;

    QString storeUrl;
    QString userAgent;
    QByteArray accessToken;
    QByteArray refreshToken;
    User user;
    qint64 clockOffsetMs = 0;
    qint64 savedAtMs = 0;
    //! Set (in the same single write) while a refresh is on the wire: a process that finds it on
    //! start knows the saved refresh token may already have been spent.
    bool refreshPending = false;

    QByteArray toJson() const;
    //! Returns nullopt and a reason (never containing a secret) when \a json is unusable.
    static std::optional<StoredSession> fromJson(const QByteArray &json, QString *error);

    //! The TokenStore key for a store URL: one item per store.
    static QString keyFor(const QUrl &storeUrl);
};

} // namespace CoCart
