#include "wire_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <vector>

namespace CoCartDevStore::Internal {

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool base64UrlDecode(const QByteArray &text, QByteArray *out)
{
    const auto result = QByteArray::fromBase64Encoding(
            text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = *result;
    return true;
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = qMax(a.size(), b.size());
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(i < a.size() ? a.at(i) : 0);
        const auto y = static_cast<unsigned char>(i < b.size() ? b.at(i) : 0);
        diff |= static_cast<unsigned char>(x ^ y);
    }
    return diff == 0;
}

QByteArray randomBytes(int count)
{
    std::vector<quint32> words(static_cast<size_t>((count + 3) / 4));
    QRandomGenerator::system()->fillRange(words.data(), static_cast<qsizetype>(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), count);
}

QByteArray randomHex(int byteCount)
{
    return randomBytes(byteCount).toHex();
}

QByteArray phpJsonString(const QString &value)
{
    QByteArray out;
    out.reserve(value.size() + 2);
    out += '"';
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'/':
            out += "\\/";
            break;
        case u'\b':
            out += "\\b";
            break;
        case u'\f':
            out += "\\f";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (u < 0x20 || u > 0x7e) {
                out += "\\u";
                out += QByteArray::number(u, 16).rightJustified(4, '0');
            } else {
                out += static_cast<char>(u);
            }
        }
    }
    out += '"';
    return out;
}

QByteArray encodeJsonBody(const QJsonValue &value)
{
    QByteArray json;
    if (value.isObject()) {
        json = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    } else if (value.isArray()) {
        json = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    } else {
        // QJsonDocument has no top-level scalars: wrap in an array and unwrap.
        json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        json = json.mid(1, json.size() - 2);
    }
    // Outside strings compact JSON has no '/', so this only touches string contents.
    return json.replace("/", "\\/");
}

QJsonObject errorBody(const QString &code, const QString &message, int status)
{
    return QJsonObject {
            {QStringLiteral("code"), code},
            {QStringLiteral("message"), message},
            {QStringLiteral("data"), QJsonObject {{QStringLiteral("status"), status}}},
    };
}

} // namespace CoCartDevStore::Internal
