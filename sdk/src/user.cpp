#include <CoCart/User.h>

#include <QJsonValue>

namespace CoCart {

namespace {

QString stringOrNumber(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

// avatar_urls is {"24": url, "48": url, "96": url}, or PHP's [] when empty: take the largest.
QUrl largestAvatar(const QJsonValue &value)
{
    const QJsonObject urls = value.toObject();
    int best = -1;
    QUrl bestUrl;
    for (auto it = urls.begin(); it != urls.end(); ++it) {
        bool ok = false;
        const int size = it.key().toInt(&ok);
        const QUrl url(it.value().toString());
        if (ok && size > best && url.isValid() && !url.isEmpty()) {
            best = size;
            bestUrl = url;
        }
    }
    return bestUrl;
}

} // namespace

User User::fromLoginResponse(const QJsonObject &object, const QString &username)
{
    User user;
    user.m_id = stringOrNumber(object.value(QLatin1String("user_id")));
    user.m_username = username;
    user.m_firstName = object.value(QLatin1String("first_name")).toString();
    user.m_lastName = object.value(QLatin1String("last_name")).toString();
    user.m_displayName = object.value(QLatin1String("display_name")).toString();
    user.m_email = object.value(QLatin1String("email")).toString();
    user.m_role = object.value(QLatin1String("role")).toString();
    user.m_avatarUrl = largestAvatar(object.value(QLatin1String("avatar_urls")));
    return user;
}

QJsonObject User::toJson() const
{
    return QJsonObject {
            {QLatin1String("id"), m_id},
            {QLatin1String("username"), m_username},
            {QLatin1String("displayName"), m_displayName},
            {QLatin1String("firstName"), m_firstName},
            {QLatin1String("lastName"), m_lastName},
            {QLatin1String("email"), m_email},
            {QLatin1String("role"), m_role},
            {QLatin1String("avatarUrl"), m_avatarUrl.toString()},
    };
}

User User::fromJson(const QJsonObject &object)
{
    User user;
    user.m_id = stringOrNumber(object.value(QLatin1String("id")));
    user.m_username = object.value(QLatin1String("username")).toString();
    user.m_displayName = object.value(QLatin1String("displayName")).toString();
    user.m_firstName = object.value(QLatin1String("firstName")).toString();
    user.m_lastName = object.value(QLatin1String("lastName")).toString();
    user.m_email = object.value(QLatin1String("email")).toString();
    user.m_role = object.value(QLatin1String("role")).toString();
    user.m_avatarUrl = QUrl(object.value(QLatin1String("avatarUrl")).toString());
    return user;
}

} // namespace CoCart
