#pragma once

#include <CoCartDevStore/DevStore.h>

#include <QList>

#include <optional>

namespace CoCartDevStore::Internal {

//! The store's customers (WordPress users with the "Customer" role).
class Accounts
{
public:
    //! Adds \a account, or updates the account with the same username. Returns its id.
    qint64 add(Account account);

    const Account *byId(qint64 id) const;
    //! By login (case-insensitive, like a MySQL lookup) or by email address.
    const Account *byLoginOrEmail(const QString &loginOrEmail) const;

    enum class Check { Ok, UnknownUser, WrongPassword };
    Check authenticate(const QString &loginOrEmail, const QString &password, qint64 *userId) const;

    //! "<baseUrl>/avatar/<md5(email)>?s=<size>&d=mm&r=g": WordPress's Gravatar URL, but on the
    //! store itself (served by the avatar route), so clients never reach the internet.
    //! \a sha256: WordPress 7 keys Gravatar URLs by the SHA-256 of the email, 6.6 by the MD5.
    static QString avatarUrl(const QString &baseUrl, const QString &email, int size,
                             bool sha256 = false);

private:
    QList<Account> m_accounts;
};

} // namespace CoCartDevStore::Internal
