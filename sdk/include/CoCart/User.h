#pragma once

#include <CoCart/cocartqt_export.h>

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

/*!
    The signed-in customer as the login answer describes them. A value type; an empty User
    (isValid() == false) means nobody is signed in.
*/
class COCARTQT_EXPORT User
{
    Q_GADGET
    QML_VALUE_TYPE(user)
    Q_PROPERTY(QString id READ id)
    Q_PROPERTY(QString username READ username)
    Q_PROPERTY(QString displayName READ displayName)
    Q_PROPERTY(QString firstName READ firstName)
    Q_PROPERTY(QString lastName READ lastName)
    Q_PROPERTY(QString email READ email)
    Q_PROPERTY(QString role READ role)
    Q_PROPERTY(QUrl avatarUrl READ avatarUrl)
    Q_PROPERTY(bool isValid READ isValid)

public:
    User() = default;

    QString id() const { return m_id; }
    QString username() const { return m_username; }
    QString displayName() const { return m_displayName; }
    QString firstName() const { return m_firstName; }
    QString lastName() const { return m_lastName; }
    QString email() const { return m_email; }
    QString role() const { return m_role; }
    //! The largest avatar the server listed.
    QUrl avatarUrl() const { return m_avatarUrl; }
    bool isValid() const { return !m_id.isEmpty(); }

    /*!
        Reads the login answer (`user_id` as a string or a number, `avatar_urls` as an object or
        PHP's empty `[]`). \a username is the login name, which the answer itself does not carry
        (it comes from the token's claims).
    */
    static User fromLoginResponse(const QJsonObject &object, const QString &username);
    //! Round trip for the token store.
    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &object);

    friend bool operator==(const User &a, const User &b)
    {
        return a.m_id == b.m_id && a.m_username == b.m_username &&
                a.m_displayName == b.m_displayName && a.m_firstName == b.m_firstName &&
                a.m_lastName == b.m_lastName && a.m_email == b.m_email && a.m_role == b.m_role &&
                a.m_avatarUrl == b.m_avatarUrl;
    }
    friend bool operator!=(const User &a, const User &b) { return !(a == b); }

private:
    QString m_id;
    QString m_username;
    QString m_displayName;
    QString m_firstName;
    QString m_lastName;
    QString m_email;
    QString m_role;
    QUrl m_avatarUrl;
};

} // namespace CoCart

Q_DECLARE_METATYPE(CoCart::User)
