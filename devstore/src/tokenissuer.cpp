#include "tokenissuer_p.h"

#include "wire_p.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QStringList>

namespace CoCartDevStore::Internal {

namespace {
//! An expired session is kept a day, so its refresh token still gets "Refresh token expired."
constexpr qint64 kPruneGraceSeconds = 24 * 3600;
} // namespace

TokenIssuer::TokenIssuer(Clock clock) : m_clock(std::move(clock)) { }

QByteArray TokenIssuer::sign(const QByteArray &signingInput) const
{
    return base64UrlEncode(hmacSha256(m_secret, signingInput));
}

Session TokenIssuer::issue(qint64 userId, const QString &username, const QString &ip,
                           const QString &device)
{
    const qint64 now = m_clock();
    Session session;
    session.userId = userId;
    do {
        session.pat = QStringLiteral("pat_") + QString::fromLatin1(randomHex(12));
    } while (m_sessions.contains(session.pat));

    // Written by hand so the key order and escaping match what PHP's json_encode produces.
    const QByteArray header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    const QByteArray payload = "{\"iss\":" + phpJsonString(m_issuer) +
            ",\"iat\":" + QByteArray::number(now) + ",\"nbf\":" + QByteArray::number(now) +
            ",\"exp\":" + QByteArray::number(now + m_accessTtl) +
            ",\"data\":{\"user\":{\"id\":" + QByteArray::number(userId) +
            ",\"username\":" + phpJsonString(username) + ",\"ip\":" + phpJsonString(ip) +
            ",\"device\":" + phpJsonString(device) + ",\"pat\":" + phpJsonString(session.pat) +
            "}}}";
    const QByteArray signingInput = base64UrlEncode(header) + '.' + base64UrlEncode(payload);
    session.accessToken = signingInput + '.' + sign(signingInput);

    session.refreshToken = deriveRefreshToken(session.pat);
    session.refreshTokenHash = hashRefreshToken(session.refreshToken);
    session.refreshExpiresAt = now + m_refreshTtl;

    Session stored = session;
    stored.accessToken.clear();
    stored.refreshToken.clear();
    m_sessions.insert(stored.pat, stored);
    m_patByRefreshHash.insert(stored.refreshTokenHash, stored.pat);
    return session;
}

std::optional<TokenClaims> TokenIssuer::validate(const QByteArray &token, const QString &ip,
                                                 const QString &userAgent,
                                                 const std::function<bool(qint64)> &userExists,
                                                 QString *reason) const
{
    const auto fail = [reason](const QString &why) -> std::optional<TokenClaims> {
        if (reason)
            *reason = why;
        return std::nullopt;
    };

    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return fail(QStringLiteral("not three segments"));

    QByteArray headerJson;
    QByteArray payloadJson;
    if (!base64UrlDecode(parts.at(0), &headerJson) || !base64UrlDecode(parts.at(1), &payloadJson))
        return fail(QStringLiteral("bad base64url"));
    const QJsonObject header = QJsonDocument::fromJson(headerJson).object();
    if (header.value(QLatin1String("typ")).toString() != QLatin1String("JWT") ||
        header.value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return fail(QStringLiteral("bad typ/alg"));

    QByteArray signature = parts.at(2);
    while (signature.endsWith('='))
        signature.chop(1);
    const QByteArray expected = sign(parts.at(0) + '.' + parts.at(1));
    if (!constantTimeEquals(signature, expected))
        return fail(QStringLiteral("bad signature"));

    const QJsonObject payload = QJsonDocument::fromJson(payloadJson).object();
    const QJsonValue exp = payload.value(QLatin1String("exp"));
    if (!exp.isDouble())
        return fail(QStringLiteral("no exp"));
    TokenClaims claims;
    claims.expiresAt = exp.toInteger();
    claims.issuedAt = payload.value(QLatin1String("iat")).toInteger();
    if (m_clock() > claims.expiresAt)
        return fail(QStringLiteral("expired"));

    if (payload.value(QLatin1String("iss")).toString() != m_issuer)
        return fail(QStringLiteral("wrong issuer"));

    const QJsonObject user =
            payload.value(QLatin1String("data")).toObject().value(QLatin1String("user")).toObject();
    const QJsonValue id = user.value(QLatin1String("id"));
    claims.userId =
            id.isDouble() ? id.toInteger() : id.toString().toLongLong(); // PHP would accept "2" too
    if (claims.userId <= 0 || !userExists(claims.userId))
        return fail(QStringLiteral("unknown user"));

    claims.username = user.value(QLatin1String("username")).toString();
    claims.ip = user.value(QLatin1String("ip")).toString();
    claims.device = user.value(QLatin1String("device")).toString();
    claims.pat = user.value(QLatin1String("pat")).toString();

    if (claims.ip != ip)
        return fail(QStringLiteral("IP mismatch"));
    if (claims.device != userAgent)
        return fail(QStringLiteral("User-Agent mismatch"));

    const Session *session = sessionByPat(claims.pat);
    if (!session || session->userId != claims.userId)
        return fail(QStringLiteral("session revoked"));
    return claims;
}

const Session *TokenIssuer::sessionByPat(const QString &pat) const
{
    const auto it = m_sessions.constFind(pat);
    return it == m_sessions.cend() ? nullptr : &it.value();
}

const Session *TokenIssuer::sessionByRefreshToken(const QByteArray &refreshToken) const
{
    const auto it = m_patByRefreshHash.constFind(hashRefreshToken(refreshToken));
    return it == m_patByRefreshHash.cend() ? nullptr : sessionByPat(it.value());
}

void TokenIssuer::destroySession(const QString &pat)
{
    const auto it = m_sessions.find(pat);
    if (it == m_sessions.end())
        return;
    m_patByRefreshHash.remove(it->refreshTokenHash);
    m_sessions.erase(it);
}

int TokenIssuer::pruneExpired(qint64 now)
{
    int pruned = 0;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (now > it->refreshExpiresAt + kPruneGraceSeconds) {
            m_patByRefreshHash.remove(it->refreshTokenHash);
            it = m_sessions.erase(it);
            ++pruned;
        } else {
            ++it;
        }
    }
    return pruned;
}

QByteArray TokenIssuer::deriveRefreshToken(const QString &pat) const
{
    return QMessageAuthenticationCode::hash("cocart-devstore refresh token " + pat.toLatin1(),
                                            m_secret, QCryptographicHash::Sha512)
            .toHex();
}

QByteArray TokenIssuer::refreshTokenOf(const Session &session) const
{
    const QByteArray token = deriveRefreshToken(session.pat);
    return hashRefreshToken(token) == session.refreshTokenHash ? token : QByteArray();
}

QByteArray TokenIssuer::hashRefreshToken(const QByteArray &refreshToken)
{
    return QCryptographicHash::hash(refreshToken, QCryptographicHash::Sha256).toHex();
}

int TokenIssuer::revokeUser(qint64 userId)
{
    QStringList pats;
    for (const Session &session : qAsConst(m_sessions)) {
        if (session.userId == userId)
            pats.append(session.pat);
    }
    for (const QString &pat : qAsConst(pats))
        destroySession(pat);
    return static_cast<int>(pats.size());
}

void TokenIssuer::restoreSessions(const QList<Session> &sessions)
{
    m_sessions.clear();
    m_patByRefreshHash.clear();
    for (Session session : sessions) {
        if (session.pat.isEmpty() || session.refreshTokenHash.isEmpty())
            continue;
        session.accessToken.clear();
        session.refreshToken.clear();
        m_sessions.insert(session.pat, session);
        m_patByRefreshHash.insert(session.refreshTokenHash, session.pat);
    }
}

int TokenIssuer::activeSessionCount(qint64 userId) const
{
    int count = 0;
    for (const Session &session : m_sessions) {
        if (session.userId == userId)
            ++count;
    }
    return count;
}

} // namespace CoCartDevStore::Internal
