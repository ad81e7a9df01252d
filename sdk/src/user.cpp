#include <CoCart/User.h>

#include <QJsonValue>

namespace CoCart {

class UserData : public QSharedData
{
public:
    QString id;
    QString username;
    QString displayName;
    QString firstName;
    QString lastName;
    QString email;
    QString role;
    QUrl avatarUrl;
};

namespace {

const QSharedDataPointer<UserData> &sharedNobody()
{
    static const QSharedDataPointer<UserData> nobody(new UserData);
    return nobody;
}

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

User::User() : d(sharedNobody()) { }
User::User(const User &other) = default;
User::User(User &&other) noexcept = default;
User &User::operator=(const User &other) = default;
User &User::operator=(User &&other) noexcept = default;
User::~User() = default;

QString User::id() const
{
    return d->id;
}

QString User::username() const
{
    return d->username;
}

QString User::displayName() const
{
    return d->displayName;
}

QString User::firstName() const
{
    return d->firstName;
}

QString User::lastName() const
{
    return d->lastName;
}

QString User::email() const
{
    return d->email;
}

QString User::role() const
{
    return d->role;
}

QUrl User::avatarUrl() const
{
    return d->avatarUrl;
}

bool User::isValid() const
{
    return !d->id.isEmpty();
}

bool operator==(const User &a, const User &b)
{
    if (a.d == b.d)
        return true;
    return a.d->id == b.d->id && a.d->username == b.d->username &&
            a.d->displayName == b.d->displayName && a.d->firstName == b.d->firstName &&
            a.d->lastName == b.d->lastName && a.d->email == b.d->email && a.d->role == b.d->role &&
            a.d->avatarUrl == b.d->avatarUrl;
}

User User::fromLoginResponse(const QJsonObject &object, const QString &username)
{
    User user;
    UserData &u = *user.d;
    u.id = stringOrNumber(object.value(QLatin1String("user_id")));
    u.username = username;
    u.firstName = object.value(QLatin1String("first_name")).toString();
    u.lastName = object.value(QLatin1String("last_name")).toString();
    u.displayName = object.value(QLatin1String("display_name")).toString();
    u.email = object.value(QLatin1String("email")).toString();
    u.role = object.value(QLatin1String("role")).toString();
    u.avatarUrl = largestAvatar(object.value(QLatin1String("avatar_urls")));
    return user;
}

QJsonObject User::toJson() const
{
    return QJsonObject {
            {QLatin1String("id"), d->id},
            {QLatin1String("username"), d->username},
            {QLatin1String("displayName"), d->displayName},
            {QLatin1String("firstName"), d->firstName},
            {QLatin1String("lastName"), d->lastName},
            {QLatin1String("email"), d->email},
            {QLatin1String("role"), d->role},
            {QLatin1String("avatarUrl"), d->avatarUrl.toString()},
    };
}

User User::fromJson(const QJsonObject &object)
{
    User user;
    UserData &u = *user.d;
    u.id = stringOrNumber(object.value(QLatin1String("id")));
    u.username = object.value(QLatin1String("username")).toString();
    u.displayName = object.value(QLatin1String("displayName")).toString();
    u.firstName = object.value(QLatin1String("firstName")).toString();
    u.lastName = object.value(QLatin1String("lastName")).toString();
    u.email = object.value(QLatin1String("email")).toString();
    u.role = object.value(QLatin1String("role")).toString();
    u.avatarUrl = QUrl(object.value(QLatin1String("avatarUrl")).toString());
    return user;
}

} // namespace CoCart
