#pragma once

// The size bound on tokens the store issues (issue 18.8): a login or refresh answer carrying a
// 10 MB jwt_token was accepted, stored in the keychain and sent on every request. Real CoCart
// JWT tokens are under 1 KB; servers refuse request headers over 8 KB (Apache's 8190-byte line,
// nginx's 8 KB buffers), so a larger access token could never be used anyway.

#include <CoCart/Error.h>

#include <QByteArray>

namespace CoCart {

//! The largest access or refresh token accepted from the store, in bytes.
constexpr qsizetype kMaxTokenBytes = 8 * 1024;

/*!
    \internal NoError when both tokens are within kMaxTokenBytes; otherwise Error::BadResponse
    with code `cocart_token_too_large`, naming which token (never its content). Call it on a
    login or refresh answer before adopting, saving or sending its tokens.
*/
inline Error checkTokenSizes(const QByteArray &access, const QByteArray &refresh)
{
    const char *which = access.size() > kMaxTokenBytes ? "access"
            : refresh.size() > kMaxTokenBytes          ? "refresh"
                                                       : nullptr;
    if (!which)
        return {};
    const qsizetype size = which[0] == 'a' ? access.size() : refresh.size();
    return Error(Error::BadResponse,
                 QStringLiteral("The store issued a%1 %2 token of %3 bytes, over the %4-byte "
                                "limit: it was not kept.")
                         .arg(which[0] == 'a' ? QStringLiteral("n") : QString())
                         .arg(QLatin1String(which))
                         .arg(size)
                         .arg(kMaxTokenBytes),
                 QStringLiteral("cocart_token_too_large"));
}

} // namespace CoCart
