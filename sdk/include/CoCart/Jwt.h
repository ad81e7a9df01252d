#pragma once

#include <CoCart/cocartqt_export.h>

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace CoCart {

/*!
    Decoded claims of a CoCart JWT. The client never checks the signature (it has no secret);
    it reads the claims to know when the token expires and whom it names.

    decode() accepts exactly three base64url segments whose first two are JSON objects; anything
    else gives an invalid Jwt and a reason in \a error. The token text itself is not kept.
*/
class COCARTQT_EXPORT Jwt
{
public:
    Jwt() = default;

    static Jwt decode(const QByteArray &token, QString *error = nullptr);

    bool isValid() const { return m_valid; }
    QJsonObject header() const { return m_header; }
    QJsonObject payload() const { return m_payload; }

    QString algorithm() const;
    QString issuer() const;
    //! `iat`, seconds since the epoch. Time claims outside years 1 to 9999 are treated as absent.
    std::optional<qint64> issuedAt() const;
    std::optional<qint64> notBefore() const; //!< `nbf`
    std::optional<qint64> expiresAt() const; //!< `exp`
    //! `exp` as a UTC date-time, or an invalid QDateTime when there is no `exp`.
    QDateTime expiry() const;

    // data.user.* claims
    std::optional<qint64> userId() const;
    QString username() const;
    QString ip() const;
    QString device() const;
    QString pat() const;

private:
    std::optional<qint64> number(const QJsonObject &object, const QString &key) const;
    QJsonObject user() const;

    bool m_valid = false;
    QJsonObject m_header;
    QJsonObject m_payload;
};

} // namespace CoCart
