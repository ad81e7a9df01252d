#include "accounts_p.h"

#include "wire_p.h"

#include <QCryptographicHash>

namespace CoCartDevStore::Internal {

qint64 Accounts::add(Account account)
{
    if (account.displayName.isEmpty())
        account.displayName =
                QStringList {account.firstName, account.lastName}.join(QLatin1Char(' ')).trimmed();
    if (account.displayName.isEmpty())
        account.displayName = account.username;

    for (Account &existing : m_accounts) {
        if (existing.username.compare(account.username, Qt::CaseInsensitive) == 0) {
            account.id = existing.id;
            existing = account;
            return existing.id;
        }
    }

    qint64 maxId = 1; // id 1 is the WordPress admin, who is never a customer here
    bool idTaken = false;
    for (const Account &existing : m_accounts) {
        maxId = qMax(maxId, existing.id);
        idTaken = idTaken || existing.id == account.id;
    }
    if (account.id <= 0 || idTaken)
        account.id = maxId + 1;
    m_accounts.append(account);
    return account.id;
}

const Account *Accounts::byId(qint64 id) const
{
    for (const Account &account : m_accounts) {
        if (account.id == id)
            return &account;
    }
    return nullptr;
}

const Account *Accounts::byLoginOrEmail(const QString &loginOrEmail) const
{
    const QString wanted = loginOrEmail.trimmed();
    if (wanted.isEmpty())
        return nullptr;
    for (const Account &account : m_accounts) {
        if (account.username.compare(wanted, Qt::CaseInsensitive) == 0)
            return &account;
    }
    for (const Account &account : m_accounts) {
        if (!account.email.isEmpty() && account.email.compare(wanted, Qt::CaseInsensitive) == 0)
            return &account;
    }
    return nullptr;
}

Accounts::Check Accounts::authenticate(const QString &loginOrEmail, const QString &password,
                                       qint64 *userId) const
{
    const Account *account = byLoginOrEmail(loginOrEmail);
    if (!account)
        return Check::UnknownUser;
    if (!constantTimeEquals(account->password.toUtf8(), password.toUtf8()))
        return Check::WrongPassword;
    *userId = account->id;
    return Check::Ok;
}

QString Accounts::avatarUrl(const QString &baseUrl, const QString &email, int size, bool sha256)
{
    const QByteArray hash =
            QCryptographicHash::hash(email.trimmed().toLower().toUtf8(),
                                     sha256 ? QCryptographicHash::Sha256 : QCryptographicHash::Md5)
                    .toHex();
    return baseUrl +
            QStringLiteral("/avatar/%1?s=%2&d=mm&r=g").arg(QString::fromLatin1(hash)).arg(size);
}

} // namespace CoCartDevStore::Internal
