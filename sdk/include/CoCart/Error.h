#pragma once

#include <CoCart/cocartqt_export.h>

#include <QMetaType>
#include <QObject>
#include <QSharedDataPointer>
#include <QString>
#include <QtQmlIntegration/qqmlintegration.h>

namespace CoCart {

class ErrorData;

/*!
    The outcome of a failed call, as a value. Every failure signal of the SDK carries one.

    An Error never contains a token, a refresh token or a password: messages are built from the
    server's `message` field or from Qt's network error text, both of which are safe to show.
    A default-constructed Error has kind NoError and isError() == false.

    Store messages arrive with HTML in them (`&quot;`, `&mdash;`, `<a …>View cart</a>`):
    message() is always plain, readable text; rawMessage() keeps what the store sent. In QML the
    kinds are enums of `Error`: `error.kind === Error.SessionExpired`.
*/
class COCARTQT_EXPORT Error
{
    Q_GADGET
    QML_VALUE_TYPE(error)
    Q_PROPERTY(Kind kind READ kind)
    Q_PROPERTY(QString kindName READ kindName)
    Q_PROPERTY(QString code READ code)
    Q_PROPERTY(QString message READ message)
    Q_PROPERTY(QString rawMessage READ rawMessage)
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

    Error();
    Error(Kind kind, const QString &message, const QString &code = {}, int httpStatus = 0,
          int retryAfterSeconds = -1);
    Error(const Error &other);
    Error &operator=(const Error &other);
    ~Error();

    Kind kind() const;
    QString kindName() const;
    //! The server's machine-readable `code` (e.g. "cocart_authentication_error"), or empty.
    QString code() const;
    //! A human-readable sentence in plain text (no markup), safe to show and to log.
    QString message() const;
    //! The message as the store sent it (may hold HTML); the same as message() for the SDK's own.
    QString rawMessage() const;
    //! The HTTP status, or 0 when no HTTP answer arrived.
    int httpStatus() const;
    //! Seconds the server asked us to wait (Retry-After), or -1.
    int retryAfter() const;
    bool isError() const { return kind() != NoError; }
    explicit operator bool() const { return isError(); }

    //! \a html (a store message) as plain text: tags and button links dropped, entities decoded,
    //! control characters (ESC, CR, C1, bidi overrides; not tab or line feed) removed.
    static QString plainText(const QString &html);

    //! An Error::Cancelled with code `cancelled`: \a why, or "The call was cancelled.".
    static Error cancelled(const QString &why = {});

    //! "Kind: message (code, HTTP n)" for logs and command-line output.
    QString toString() const;

    static QString kindName(Kind kind);

    friend COCARTQT_EXPORT bool operator==(const Error &a, const Error &b);
    friend bool operator!=(const Error &a, const Error &b) { return !(a == b); }

private:
    QSharedDataPointer<ErrorData> d;
};

/*!
    Error's kinds for QML: `error.kind === Error.SessionExpired`. (A value type's own QML name
    must be lower case, so the kinds are also registered under this uppercase name; the values
    are Error::Kind's, checked at compile time below.)
*/
namespace ErrorKinds {
Q_NAMESPACE_EXPORT(COCARTQT_EXPORT)
QML_NAMED_ELEMENT(Error)
enum Kind {
    NoError = Error::NoError,
    Network = Error::Network,
    Timeout = Error::Timeout,
    Tls = Error::Tls,
    InvalidCredentials = Error::InvalidCredentials,
    SessionExpired = Error::SessionExpired,
    Unauthorized = Error::Unauthorized,
    Forbidden = Error::Forbidden,
    NotFound = Error::NotFound,
    RateLimited = Error::RateLimited,
    Server = Error::Server,
    BadResponse = Error::BadResponse,
    Storage = Error::Storage,
    Configuration = Error::Configuration,
    InsecureTransport = Error::InsecureTransport,
    Cancelled = Error::Cancelled,
    InvalidRequest = Error::InvalidRequest,
};
Q_ENUM_NS(Kind)
static_assert(int(InvalidRequest) == int(Error::InvalidRequest) && Cancelled + 1 == InvalidRequest,
              "ErrorKinds::Kind lists every Error::Kind");
} // namespace ErrorKinds

} // namespace CoCart

Q_DECLARE_METATYPE(CoCart::Error)
