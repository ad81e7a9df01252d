#pragma once

// Encoding helpers of the devstore. Deliberately independent of the SDK's helpers: a client and
// a server built from the same base64url/JSON code can be wrong together and still agree.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace CoCartDevStore::Internal {

QByteArray base64UrlEncode(const QByteArray &data); //!< no padding
//! Strict decoding: returns false on characters outside the base64url alphabet.
bool base64UrlDecode(const QByteArray &text, QByteArray *out);

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message);
//! Compares in time that depends only on the lengths, never on where the first difference is.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

QByteArray randomBytes(int count); //!< from QRandomGenerator::system()
QByteArray randomHex(int byteCount); //!< lowercase, 2 * byteCount characters

//! A JSON string literal escaped the way PHP's json_encode does by default ("/" as "\/",
//! non-ASCII as \uXXXX), so tokens look like the ones WordPress signs.
QByteArray phpJsonString(const QString &value);

//! Compact JSON for a response body, with "/" escaped as "\/" like wp_json_encode.
//! Scalars (true, 2, "x") are allowed at top level.
QByteArray encodeJsonBody(const QJsonValue &value);

//! The WordPress REST error body {"code","message","data":{"status"}}.
QJsonObject errorBody(const QString &code, const QString &message, int status);

} // namespace CoCartDevStore::Internal
