#pragma once

#include <CoCart/cocartqt_export.h>

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

/*!
    The outcome of a failed call, as a value. Every failure signal of the SDK carries one.

    An Error never contains a token, a refresh token or a password: messages are built from the
    server's `message` field or from Qt's network error text, both of which are safe to show.
    A default-constructed Error has kind NoError and isError() == false.
*/
class COCARTQT_EXPORT Error
{
    Q_GADGET
    QML_VALUE_TYPE(error)
    Q_PROPERTY(Kind kind READ kind)
    Q_PROPERTY(QString kindName READ kindName)
    Q_PROPERTY(QString code READ code)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(int httpStatus READ httpStatus)
    Q_PROPERTY(int retryAfter READ retryAfter)
    Q_PROPERTY(bool isError READ isError)

public:
    enum Kind {
        NoError = 0,
        Network, //!< the request did not reach the server or the connection broke
        Timeout, //!< no answer within the request timeout
        Tls, //!< the TLS handshake or certificate check failed
        InvalidCredentials, //!< login refused: wrong username or password
        SessionExpired, //!< the server rejected the refresh token: sign in again
        Unauthorized, //!< 401 (no or rejected credentials)
        Forbidden, //!< 403 that is not an authentication failure
        NotFound, //!< 404, or nothing stored where something was expected
        RateLimited, //!< 429; see retryAfter()
        Server, //!< 5xx
        BadResponse, //!< the answer was not what the contract says (HTML, garbage JSON, …)
        Storage, //!< the token store (keychain) failed or is locked
        Configuration, //!< the SDK was used wrongly (no store URL, a call while busy, …)
        InsecureTransport, //!< a non-loopback http:// store without the opt-in
        Cancelled, //!< the call was abandoned (logout, destruction, a newer call)
        InvalidRequest, //!< another 4xx: the store refused the request as made (bad id, quantity,
                        //!< …)
    };
    Q_ENUM(Kind)

    Error() = default;
    Error(Kind kind, const QString &message, const QString &code = {}, int httpStatus = 0,
          int retryAfterSeconds = -1);

    Kind kind() const { return m_kind; }
    QString kindName() const;
    //! The server's machine-readable `code` (e.g. "cocart_authentication_error"), or empty.
    QString code() const { return m_code; }
    //! A human-readable sentence, safe to show and to log.
    QString message() const { return m_message; }
    //! The HTTP status, or 0 when no HTTP answer arrived.
    int httpStatus() const { return m_httpStatus; }
    //! Seconds the server asked us to wait (Retry-After), or -1.
    int retryAfter() const { return m_retryAfter; }
    bool isError() const { return m_kind != NoError; }
    explicit operator bool() const { return isError(); }

    //! "Kind: message (code, HTTP n)" for logs and command-line output.
    QString toString() const;

    static QString kindName(Kind kind);

    friend bool operator==(const Error &a, const Error &b)
    {
        return a.m_kind == b.m_kind && a.m_code == b.m_code && a.m_message == b.m_message &&
                a.m_httpStatus == b.m_httpStatus && a.m_retryAfter == b.m_retryAfter;
    }
    friend bool operator!=(const Error &a, const Error &b) { return !(a == b); }

private:
    Kind m_kind = NoError;
    QString m_code;
    QString m_message;
    int m_httpStatus = 0;
    int m_retryAfter = -1;
};

} // namespace CoCart

Q_DECLARE_METATYPE(CoCart::Error)
