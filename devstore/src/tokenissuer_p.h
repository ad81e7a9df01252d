#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace CoCartDevStore::Internal {

//! The claims the devstore puts in (and trusts from) a token.
struct TokenClaims
{
    qint64 userId = 0;
    QString username;
    QString ip;
    QString device;
    QString pat;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

/*!
    One JWT session ("PAT"). The issuer keeps only the SHA-256 of the refresh token and never the
    access token (its signature and the PAT are enough to check it): a dump of the sessions (the
    state file) holds no usable token. issue() fills accessToken and refreshToken once, for the
    answer to the client.
*/
struct Session
{
    qint64 userId = 0;
    QString pat;
    QByteArray refreshTokenHash; //!< hex SHA-256 of the refresh token
    qint64 refreshExpiresAt = 0;
    QByteArray accessToken; //!< only in what issue() returns
    QByteArray refreshToken; //!< only in what issue() returns
};

/*!
    HS256 tokens the way CoCart JWT Authentication 3.0.3 makes them: header
    {"alg":"HS256","typ":"JWT"}, payload {iss,iat,nbf,exp,data.user{id,username,ip,device,pat}},
    a 128-hex refresh token stored server-side with its expiry, one session per PAT.
    Revoking a session (refresh, logout) kills its access token at once.
*/
class TokenIssuer
{
public:
    using Clock = std::function<qint64()>;
    explicit TokenIssuer(Clock clock);

    void setSecret(const QByteArray &secret) { m_secret = secret; }
    QByteArray secret() const { return m_secret; }
    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    QString issuer() const { return m_issuer; }
    void setAccessTtl(qint64 seconds) { m_accessTtl = seconds; }
    void setRefreshTtl(qint64 seconds) { m_refreshTtl = seconds; }
    qint64 accessTtl() const { return m_accessTtl; }
    qint64 refreshTtl() const { return m_refreshTtl; }

    //! Starts a new session bound to \a ip and \a device (the User-Agent, "" if none).
    Session issue(qint64 userId, const QString &username, const QString &ip, const QString &device);

    /*!
        Validates \a token in the plugin's order: typ/alg, signature, exp, iss, user exists,
        IP, User-Agent, PAT alive. Unlike the plugin (transcripts 11, 12), a request without a
        User-Agent (absent or empty) does not skip the device check: a token bound to a device
        is only accepted with that device's User-Agent. On failure returns
        nullopt and a reason for the debug log in \a reason (never the token itself).
    */
    std::optional<TokenClaims> validate(const QByteArray &token, const QString &ip,
                                        const QString &userAgent,
                                        const std::function<bool(qint64)> &userExists,
                                        QString *reason) const;

    const Session *sessionByPat(const QString &pat) const;
    const Session *sessionByRefreshToken(const QByteArray &refreshToken) const;
    void destroySession(const QString &pat);
    //! Drops the sessions whose refresh token expired more than a day before \a now (until
    //! then a refresh answers "Refresh token expired."); returns how many.
    int pruneExpired(qint64 now);
    static QByteArray hashRefreshToken(const QByteArray &refreshToken); //!< hex SHA-256
    /*!
        The refresh token of the session \a pat: HMAC-SHA512(secret, PAT) in hex (128
        characters, like the plugin's), so it need not be stored to be handed out again (a login
        with a valid Bearer answers the same pair, transcripts 27). Empty if the secret changed
        since the session began.
    */
    QByteArray refreshTokenOf(const Session &session) const;
    //! Logout, password change: every session of the user. Returns how many were destroyed.
    int revokeUser(qint64 userId);
    int activeSessionCount(qint64 userId) const;

    //! Every live session (for saving the store's state), in no particular order.
    QList<Session> sessions() const { return m_sessions.values(); }
    //! Replaces every session with \a sessions (loading the store's state).
    void restoreSessions(const QList<Session> &sessions);

private:
    QByteArray sign(const QByteArray &signingInput) const;
    QByteArray deriveRefreshToken(const QString &pat) const;

    Clock m_clock;
    QByteArray m_secret;
    QString m_issuer;
    qint64 m_accessTtl = 864000;
    qint64 m_refreshTtl = 2592000;
    QHash<QString, Session> m_sessions; // by PAT
    QHash<QByteArray, QString> m_patByRefreshHash;
};

} // namespace CoCartDevStore::Internal
