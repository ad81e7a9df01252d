#pragma once

#include <CoCart/cocartqt_export.h>

#include <QJsonObject>
#include <QMetaType>
#include <QObject>
#include <QSharedDataPointer>
#include <QString>
#include <QUrl>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

class UserData;

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
    User();
    User(const User &other);
    User(User &&other) noexcept;
    User &operator=(const User &other);
    User &operator=(User &&other) noexcept;
    ~User();
    //! Swaps this user with \a other (constant time, never fails).
    void swap(User &other) noexcept { d.swap(other.d); }

    QString id() const;
    QString username() const;
    QString displayName() const;
    QString firstName() const;
    QString lastName() const;
    QString email() const;
    QString role() const;
    //! The largest avatar the server listed.
    QUrl avatarUrl() const;
    bool isValid() const;

    /*!
        Reads the login answer (`user_id` as a string or a number, `avatar_urls` as an object or
        PHP's empty `[]`). \a username is the login name, which the answer itself does not carry
        (it comes from the token's claims).
    */
    static User fromLoginResponse(const QJsonObject &object, const QString &username);
    //! Round trip for the token store.
    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &object);

    friend COCARTQT_EXPORT bool operator==(const User &a, const User &b);
    friend bool operator!=(const User &a, const User &b) { return !(a == b); }

private:
    QSharedDataPointer<UserData> d;
};

} // namespace CoCart

Q_DECLARE_SHARED(CoCart::User)
Q_DECLARE_METATYPE(CoCart::User)
