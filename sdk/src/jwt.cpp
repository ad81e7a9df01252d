#include <CoCart/Jwt.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace CoCart {

namespace {

// Error texts name the part that failed and never quote the token: it is a credential.
bool decodeSegment(const QByteArray &segment, const char *part, QByteArray *out, QString *error)
{
    // Padding is optional in a JWT (RFC 7515 strips it); tolerate it when present, strictly.
    const auto result = QByteArray::fromBase64Encoding(
            segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        if (error)
            *error = QStringLiteral("%1 is not valid base64url").arg(QLatin1String(part));
        return false;
    }
    *out = result.decoded;
    return true;
}

bool parseObject(const QByteArray &json, const char *part, QJsonObject *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QStringLiteral("%1 is not valid JSON (%2 at offset %3)")
                             .arg(QLatin1String(part), parseError.errorString())
                             .arg(parseError.offset);
        return false;
    }
    if (!document.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not a JSON object").arg(QLatin1String(part));
        return false;
    }
    *out = document.object();
    return true;
}

// NumericDate claims (exp, iat, nbf) are kept for years 1 to 9999 only: QDateTime's range, and
// one in which the Session's milliseconds (× 1000, ± a clock offset) cannot overflow qint64. An
// absurd claim (9e18, 2^63, 1e300) is no claim: a token without `exp` is refused.
constexpr qint64 kFirstTime = -62135596800; // 0001-01-01T00:00:00Z
constexpr qint64 kLastTime = 253402300799; // 9999-12-31T23:59:59Z

std::optional<qint64> timeInRange(std::optional<qint64> seconds)
{
    if (seconds && (*seconds < kFirstTime || *seconds > kLastTime))
        return std::nullopt;
    return seconds;
}

} // namespace

Jwt Jwt::decode(const QByteArray &token, QString *error)
{
    if (error)
        error->clear();
    if (token.isEmpty()) {
        if (error)
            *error = QStringLiteral("token is empty");
        return {};
    }
    const QList<QByteArray> segments = token.split('.');
    if (segments.size() != 3) {
        if (error)
            *error = QStringLiteral("token has %1 segments, expected 3").arg(segments.size());
        return {};
    }

    QByteArray headerJson;
    QByteArray payloadJson;
    QByteArray signature;
    if (!decodeSegment(segments.at(0), "header", &headerJson, error) ||
        !decodeSegment(segments.at(1), "payload", &payloadJson, error) ||
        !decodeSegment(segments.at(2), "signature", &signature, error))
        return {};

    Jwt jwt;
    if (!parseObject(headerJson, "header", &jwt.m_header, error) ||
        !parseObject(payloadJson, "payload", &jwt.m_payload, error))
        return {};
    jwt.m_valid = true;
    return jwt;
}

QString Jwt::algorithm() const
{
    return m_header.value(QLatin1String("alg")).toString();
}

QString Jwt::issuer() const
{
    return m_payload.value(QLatin1String("iss")).toString();
}

std::optional<qint64> Jwt::issuedAt() const
{
    return timeInRange(number(m_payload, QStringLiteral("iat")));
}

std::optional<qint64> Jwt::notBefore() const
{
    return timeInRange(number(m_payload, QStringLiteral("nbf")));
}

std::optional<qint64> Jwt::expiresAt() const
{
    return timeInRange(number(m_payload, QStringLiteral("exp")));
}

QDateTime Jwt::expiry() const
{
    const auto exp = expiresAt();
    if (!exp)
        return {};
    return QDateTime::fromSecsSinceEpoch(*exp, Qt::UTC);
}

std::optional<qint64> Jwt::userId() const
{
    return number(user(), QStringLiteral("id"));
}

QString Jwt::username() const
{
    return user().value(QLatin1String("username")).toString();
}

QString Jwt::ip() const
{
    return user().value(QLatin1String("ip")).toString();
}

QString Jwt::device() const
{
    return user().value(QLatin1String("device")).toString();
}

QString Jwt::pat() const
{
    return user().value(QLatin1String("pat")).toString();
}

std::optional<qint64> Jwt::number(const QJsonObject &object, const QString &key) const
{
    const QJsonValue value = object.value(key);
    if (!value.isDouble())
        return std::nullopt;
    // Integral numbers only: a fractional or out-of-range claim is garbage, not a time.
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || d < -9.2e18 || d > 9.2e18)
        return std::nullopt;
    return value.toInteger(static_cast<qint64>(d));
}

QJsonObject Jwt::user() const
{
    return m_payload.value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("user"))
            .toObject();
}

} // namespace CoCart
