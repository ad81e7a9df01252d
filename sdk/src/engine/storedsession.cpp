#include "storedsession_p.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace CoCart {

namespace {
const QLatin1String kVersion("version");
const QLatin1String kStoreUrl("storeUrl");
const QLatin1String kUserAgent("userAgent");
const QLatin1String kAccessToken("accessToken");
const QLatin1String kRefreshToken("refreshToken");
const QLatin1String kUser("user");
const QLatin1String kClockOffset("clockOffsetMs");
const QLatin1String kSavedAt("savedAtMs");
const QLatin1String kRefreshPending("refreshPending");
} // namespace

QByteArray StoredSession::toJson() const
{
    const QJsonObject object {
            {kVersion, CurrentVersion},
            {kStoreUrl, storeUrl},
            {kUserAgent, userAgent},
            {kAccessToken, QString::fromLatin1(accessToken)},
            {kRefreshToken, QString::fromLatin1(refreshToken)},
            {kUser, user.toJson()},
            {kClockOffset, clockOffsetMs},
            {kSavedAt, savedAtMs},
            {kRefreshPending, refreshPending},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<StoredSession> StoredSession::fromJson(const QByteArray &json, QString *error)
{
    auto fail = [error](const QString &reason) -> std::optional<StoredSession> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(QStringLiteral("the saved session is not a JSON object"));
    const QJsonObject object = document.object();
    const int version = object.value(kVersion).toInt(-1);
    if (version != CurrentVersion)
        return fail(QStringLiteral("unsupported saved-session version %1").arg(version));

    StoredSession stored;
    stored.storeUrl = object.value(kStoreUrl).toString();
    stored.userAgent = object.value(kUserAgent).toString();
    stored.accessToken = object.value(kAccessToken).toString().toLatin1();
    stored.refreshToken = object.value(kRefreshToken).toString().toLatin1();
    stored.user = User::fromJson(object.value(kUser).toObject());
    stored.clockOffsetMs = object.value(kClockOffset).toInteger();
    stored.savedAtMs = object.value(kSavedAt).toInteger();
    stored.refreshPending = object.value(kRefreshPending).toBool();
    if (stored.accessToken.isEmpty() || stored.refreshToken.isEmpty())
        return fail(QStringLiteral("the saved session has no token pair"));
    return stored;
}

QString StoredSession::keyFor(const QUrl &storeUrl)
{
    return QStringLiteral("session:") +
            storeUrl.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                              QUrl::RemoveFragment)
                    .toString(QUrl::FullyEncoded);
}

} // namespace CoCart
