#pragma once

#include <CoCart/Error.h>
#include <CoCart/Reply.h>
#include <CoCart/TokenStore.h>
#include <CoCart/User.h>
#include <CoCart/cocartqt_export.h>

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QSslCertificate;
QT_END_NAMESPACE

namespace CoCart {

class Clock;
class SessionPrivate;

/*!
    A signed-in (or signed-out) customer of one CoCart store: login, refresh, validate, logout
    and restore over CoCart JWT Authentication, with the tokens kept in a TokenStore.

    States and transitions (the session protocol, sdk/src/core, makes exactly these; its
    exploration test checks every reachable state against this table):
    \list
    \li SignedOut → SigningIn → SignedIn (loggedIn) or back to SignedOut (loginFailed).
        login() while signed in is refused (Configuration, `cocart_already_signed_in`). An
        aborted login leaves SignedOut and emits no loggedIn.
    \li SignedOut → Restoring → SignedIn (restored) or SignedOut (restoreFailed). An unexpired
        saved token gives SignedIn with no network request; an expired one goes through
        Refreshing first (Restoring → Refreshing → SignedIn).
    \li SignedIn → Refreshing → SignedIn (refreshed, or refreshFailed and errorOccurred, whoever
        started it: refresh(), the timer or a call's replay). Only the store's own JSON
        rejection of the refresh token it was sent (`cocart_authentication_error`) ends a
        session: Refreshing → SignedOut with Error::SessionExpired, errorOccurred() once,
        lastError set, and the saved session removed if it still holds that token (another
        process may have saved a newer pair). A network error, timeout, 5xx, HTML page, a
        permission error (`rest_forbidden`) or `cocart_jwt_auth_bad_config` keeps SignedIn
        and the saved tokens, and retries with backoff. When the store's answer to a refresh was
        lost after it was sent (a timeout, a body cut short), the store may already have rotated
        the pair: the session keeps serving with its access token while the store accepts it;
        if the store then rejects the refresh token, the session ends with
        `cocart_refresh_answer_lost`.
    \li Any state → SigningOut → SignedOut (loggedOut). Local state is cleared first; a login or
        restore that was running ends with its failure signal (Error::Cancelled); calls that
        waited for a refresh are cancelled, never sent. logout() (LogoutScope::ThisDevice)
        sends nothing; logout(LogoutScope::Everywhere) also tells the store, which revokes the
        user's tokens on every device. Nothing automatic ever calls the store's logout.
    \endlist

    Every call ends in exactly one success signal or one failure signal, and returns a Reply that
    ends the same way; every failure is accompanied by one errorOccurred() and updates lastError.
    No token or password is ever exposed as a property, in a signal or in a log line.

    Calls to routes the SDK does not wrap go through get(), post(), put(), deleteResource() or
    send(): the same Bearer, fixed User-Agent, single-flight refresh and one replay on a rejected
    token, timeouts, and retries with backoff for idempotent methods. Created in QML, the Session
    uses the QML engine's QNetworkAccessManager.
*/
class COCARTQT_EXPORT Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QUrl storeUrl READ storeUrl WRITE setStoreUrl NOTIFY storeUrlChanged)
    Q_PROPERTY(QString userAgent READ userAgent WRITE setUserAgent NOTIFY userAgentChanged)
    Q_PROPERTY(bool allowInsecureHttp READ allowInsecureHttp WRITE setAllowInsecureHttp NOTIFY
                       allowInsecureHttpChanged)
    Q_PROPERTY(int requestTimeout READ requestTimeout WRITE setRequestTimeout NOTIFY
                       requestTimeoutChanged)
    Q_PROPERTY(CoCart::TokenStore *tokenStore READ tokenStore WRITE setTokenStore NOTIFY
                       tokenStoreChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY statusChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(CoCart::User user READ user NOTIFY userChanged)
    Q_PROPERTY(QDateTime accessTokenExpiry READ accessTokenExpiry NOTIFY accessTokenExpiryChanged)
    Q_PROPERTY(qint64 serverClockOffset READ serverClockOffset NOTIFY serverClockOffsetChanged)
    Q_PROPERTY(CoCart::Error lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int secondsUntilExpiry READ secondsUntilExpiry NOTIFY secondsUntilExpiryChanged)
    Q_PROPERTY(bool autoRefresh READ autoRefresh WRITE setAutoRefresh NOTIFY autoRefreshChanged)
    Q_PROPERTY(int refreshLead READ refreshLead WRITE setRefreshLead NOTIFY refreshLeadChanged)
    Q_PROPERTY(QDateTime nextRefresh READ nextRefresh NOTIFY nextRefreshChanged)
    Q_PROPERTY(bool offline READ isOffline NOTIFY offlineChanged)
    Q_PROPERTY(bool networkReachable READ isNetworkReachable WRITE setNetworkReachable NOTIFY
                       networkReachableChanged)
    Q_PROPERTY(CoCart::TokenStore::State storageState READ storageState NOTIFY storageStateChanged)
    Q_PROPERTY(qint64 maxResponseSize READ maxResponseSize WRITE setMaxResponseSize NOTIFY
                       maxResponseSizeChanged)
    Q_PROPERTY(QVariantMap storeInfo READ storeInfo NOTIFY storeInfoChanged)
    Q_PROPERTY(QString storeName READ storeName NOTIFY storeInfoChanged)
    Q_PROPERTY(QStringList pinnedPublicKeys READ pinnedPublicKeys WRITE setPinnedPublicKeys NOTIFY
                       tlsTrustChanged)

public:
    enum class Status { SignedOut, Restoring, SigningIn, SignedIn, Refreshing, SigningOut };
    Q_ENUM(Status)

    //! What logout() signs out. CoCart's own logout revokes every token of the user on the
    //! store: every device and app signed in as that customer is signed out with it.
    enum class LogoutScope {
        ThisDevice, //!< forget the session here; nothing is sent, other devices stay signed in
        Everywhere, //!< also tell the store, which signs the user out on every device
    };
    Q_ENUM(LogoutScope)

    //! The request timeout used unless setRequestTimeout() says otherwise.
    static constexpr int DefaultRequestTimeout = 30000;
    //! The largest answer accepted unless setMaxResponseSize() says otherwise (32 MiB).
    static constexpr qint64 DefaultMaxResponseSize = 32 * 1024 * 1024;

    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    /*!
        The shop's base URL (e.g. https://shop.example). `http://` is accepted only for loopback
        hosts unless allowInsecureHttp is set; calls on a refused URL fail with
        Error::InsecureTransport. Changing it while signed in is refused. Blanks around the
        address (one pasted or typed with a space) are dropped.
    */
    QUrl storeUrl() const;
    void setStoreUrl(const QUrl &url);

    /*!
        The User-Agent sent on every request. CoCart binds tokens to it, so it is fixed for the
        life of a signed-in session: changing it while not SignedOut is refused. The default names
        the SDK and its version.
    */
    QString userAgent() const;
    void setUserAgent(const QString &userAgent);
    static QString defaultUserAgent();

    bool allowInsecureHttp() const;
    void setAllowInsecureHttp(bool allow);

    //! Milliseconds without a byte from the store before a request fails with Error::Timeout
    //! (never sooner; checked every eighth of it, at most every second, so up to that later).
    int requestTimeout() const;
    void setRequestTimeout(int msecs);

    /*!
        Where the session is saved. Without one, a KeychainTokenStore (the app's own keychain
        item, see KeychainTokenStore::service) is created on first use. The session does not take
        ownership of a store it is given; if that store is destroyed, the session is not saved
        any more (Error::Storage, storageState Unavailable) rather than moved to the keychain.
    */
    TokenStore *tokenStore() const;
    void setTokenStore(TokenStore *store);

    //! Answers larger than this many bytes fail with Error::BadResponse (the session is kept).
    qint64 maxResponseSize() const;
    void setMaxResponseSize(qint64 bytes);

    /*!
        Headers sent with every request of this session: login, refresh, the Cart's and the
        ProductModel's calls and every get()/post()/send() (e.g. the key a store plugin of your
        own asks for). A Request's own header of the same name wins. The headers the session
        sends itself are refused with a warning, the rest kept: Authorization, Cookie,
        User-Agent (tokens are bound to it), Host, Content-Type, Content-Length and
        CoCart-API-Cart-Key (a guest cart key beside a Bearer hands the guest cart over and
        wipes the account's cart), as are names or values with line breaks.
    */
    QList<QPair<QByteArray, QByteArray>> extraHeaders() const;
    //! Replaces extraHeaders with \a headers, less the refused ones (see extraHeaders()).
    void setExtraHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    /*!
        Sets one of extraHeaders (replacing one of the same name, case-insensitive); an empty
        \a value removes it. Also for QML: `session.setExtraHeader("X-Shop-App", "1.2")`.
    */
    Q_INVOKABLE void setExtraHeader(const QString &name, const QString &value);

    /*!
        What checkStore() learnt about the store: `title` (the shop's name), `version` (CoCart's),
        `homeUrl`, `address` (a map: address, city, postcode, country, …) and `jwt` (true when
        CoCart JWT Authentication answers). Empty until a check succeeded, and after the store
        URL changes.
    */
    QVariantMap storeInfo() const;
    //! The shop's own name from storeInfo (`title`), or empty before checkStore() succeeded.
    QString storeName() const;

    /*!
        Explicit trust for an https:// store whose certificate no system CA signed (a private CA,
        or a self-signed certificate such as `cocart-devstore --tls`). When not empty, these
        certificates are the only CAs trusted for the store's requests; the system's are not.
        Empty (default): the system's CAs. A certificate that does not verify (unknown CA, wrong
        host name, expired) ends the call with Error::Tls; TLS errors are never ignored.
    */
    QList<QSslCertificate> caCertificates() const;
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    /*!
        Reads the PEM certificates in \a path into caCertificates. Returns false, changing
        nothing, when the file cannot be read or holds no certificate.
    */
    Q_INVOKABLE bool setCaCertificatesFile(const QString &path);

    /*!
        Public-key pins: base64 SHA-256 digests of a SubjectPublicKeyInfo (the `pin-sha256` of
        RFC 7469; a `sha256//` prefix is accepted). When not empty, a connection is used only if
        a certificate of the store's verified chain has one of these keys; otherwise the call
        ends with Error::Tls before any request byte is sent. Pins are checked in addition to
        the normal verification (caCertificates or the system's CAs), never instead of it.
        Sessions that share a QNetworkAccessManager share its open connections: give each trust
        setting its own manager.
    */
    QStringList pinnedPublicKeys() const;
    void setPinnedPublicKeys(const QStringList &pins);
    //! The pin of \a certificate's public key, in the form pinnedPublicKeys takes.
    static QString publicKeyPin(const QSslCertificate &certificate);

    /*!
        Uses \a manager for every request instead of a private one. Not owned. The manager's
        cookie jar is not used, and if it has a cache (QNetworkAccessManager::setCache), the
        session's requests are neither answered from it nor saved to it.
    */
    void setNetworkAccessManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *networkAccessManager() const;
    //! Replaces the clock used for expiry decisions. Not owned; nullptr restores the system clock.
    void setClock(const Clock *clock);

    Status status() const;
    bool isSignedIn() const;
    bool isBusy() const;
    User user() const;
    //! When the access token expires, in local (client) time, corrected for the server's clock.
    QDateTime accessTokenExpiry() const;
    //! Server time minus client time in milliseconds, estimated from `iat` at login and refresh.
    qint64 serverClockOffset() const;
    Error lastError() const;

    //! True while an access token is held whose `exp` (in server time) has not passed.
    bool hasValidAccessToken() const;
    //! Seconds until the access token expires (server time), 0 when expired, -1 without one.
    int secondsUntilExpiry() const;

    /*!
        Refresh before the access token expires (default on). The lead is refreshLead seconds, or
        when that is 0 (default) the smaller of 5 minutes and 10% of the token's lifetime, at
        least 3 seconds and at most half the lifetime. Re-armed after every login, refresh,
        restore and clock jump (wake from sleep); an overdue refresh runs at once.
    */
    bool autoRefresh() const;
    void setAutoRefresh(bool on);
    int refreshLead() const;
    void setRefreshLead(int seconds);
    //! When the next proactive refresh or retry is due (client time); invalid when none is.
    QDateTime nextRefresh() const;
    //! True after a request failed for network reasons, until one succeeds again.
    bool isOffline() const;
    /*!
        Whether the network is up. Driven by QNetworkInformation where the platform has a
        backend, loaded from the first network failure or refresh retry on (not at sign-in: its
        plugins cost memory a healthy session never needs); apps with their own connectivity
        signal (or none) may set it. While false,
        refresh retries pause; when it turns true, one refresh runs if one was due or pending.
    */
    bool isNetworkReachable() const;
    void setNetworkReachable(bool reachable);
    //! The token store's state: Locked or Unavailable never signs the user out.
    TokenStore::State storageState() const;

    //! Delays for retrying a refresh that failed for network or server reasons (exponential
    //! backoff from \a minimumMs to \a maximumMs; a 429's Retry-After wins).
    void setRetryDelays(int minimumMs, int maximumMs);
    /*!
        Where the cross-process refresh lock lives (one lock file per store). Default: the app's
        local data location. Processes of one app that share a token store must share it.
    */
    void setRefreshLockDirectory(const QString &directory);

    Q_INVOKABLE CoCart::Reply *login(const QString &username, const QString &password);
    /*!
        Rotates the token pair now (single flight: concurrent calls, the timer and replays share
        one request, across processes too). refreshed() or refreshFailed() come once per
        refresh. abort() ends this Reply with Error::Cancelled; a refresh already sent still
        completes, since the store has rotated the pair and the new one must be saved.
    */
    Q_INVOKABLE CoCart::Reply *refresh();
    /*!
        Asks the store whether the access token is accepted: validated() if it is; if the store
        rejects it, the Reply fails with Error::Unauthorized and validateFailed() and
        errorOccurred() are emitted. A network failure is validateFailed() too. The session is
        not changed either way.
    */
    Q_INVOKABLE CoCart::Reply *validate();
    /*!
        Signs out: the saved session is removed and the status goes SigningOut → SignedOut at
        once, whatever the network does. With LogoutScope::Everywhere the store is told too
        (with an access token it accepts, refreshed first if needed); that revokes the user's
        tokens on every device. abort() stops only the telling: this device is signed out.
    */
    Q_INVOKABLE CoCart::Reply *logout(CoCart::Session::LogoutScope scope = LogoutScope::ThisDevice);
    Q_INVOKABLE CoCart::Reply *restore();
    /*!
        Tries the token store again after it was locked or unavailable: saves a session that
        could not be saved (saved(), or errorOccurred if it fails again; saved() at once when
        there is nothing to save), or restores when nothing is signed in (restored or
        restoreFailed).
    */
    Q_INVOKABLE CoCart::Reply *retryStorage();
    /*!
        Learns what the store URL is before anyone signs in: `GET /wp-json/cocart/v2/store` and
        the REST index (is CoCart JWT Authentication there?). Finishes with storeInfo set; fails
        with `cocart_no_store` ("No CoCart store at … — check the address") when the URL answers
        no CoCart: kind Error::NotFound for a 404, Error::BadResponse for a web page or other
        JSON (login(), Cart and ProductModel say the same), or Error::Configuration
        (`cocart_no_jwt`) when CoCart runs without its JWT plugin. Needs no sign-in and sends no
        Bearer. Emits errorOccurred on failure, like every call.
    */
    Q_INVOKABLE CoCart::Reply *checkStore();

    /*!
        Calls a route under `/wp-json` (e.g. "/cocart/v2/store", "/my-plugin/v1/wishlist") with
        the session's Bearer while signed in. \a query values are sent as query items; \a body
        as JSON. The Reply carries the answer's JSON, status and headers, or the Error.
    */
    Q_INVOKABLE CoCart::Reply *get(const QString &path, const QVariantMap &query = {});
    Q_INVOKABLE CoCart::Reply *post(const QString &path, const QJsonValue &body = {},
                                    const QVariantMap &query = {});
    Q_INVOKABLE CoCart::Reply *put(const QString &path, const QJsonValue &body = {},
                                   const QVariantMap &query = {});
    Q_INVOKABLE CoCart::Reply *deleteResource(const QString &path, const QVariantMap &query = {});
    //! Any call, with full control over headers, authentication, replay and retries.
    Reply *send(const Request &request);

    //! The same calls in the shape of QRestAccessManager: \a callback(Reply &) runs once on the
    //! outcome, in \a context's thread; if \a context is destroyed first, the call is aborted.
    template<typename Functor>
    Reply *get(const QString &path, const QObject *context, Functor &&callback)
    {
        return withCallback(get(path), context, std::forward<Functor>(callback));
    }
    template<typename Functor>
    Reply *get(const QString &path, const QVariantMap &query, const QObject *context,
               Functor &&callback)
    {
        return withCallback(get(path, query), context, std::forward<Functor>(callback));
    }
    template<typename Functor>
    Reply *post(const QString &path, const QJsonValue &body, const QObject *context,
                Functor &&callback)
    {
        return withCallback(post(path, body), context, std::forward<Functor>(callback));
    }
    template<typename Functor>
    Reply *put(const QString &path, const QJsonValue &body, const QObject *context,
               Functor &&callback)
    {
        return withCallback(put(path, body), context, std::forward<Functor>(callback));
    }
    template<typename Functor>
    Reply *deleteResource(const QString &path, const QObject *context, Functor &&callback)
    {
        return withCallback(deleteResource(path), context, std::forward<Functor>(callback));
    }

Q_SIGNALS:
    void loggedIn();
    void loginFailed(const CoCart::Error &error);
    void refreshed();
    void refreshFailed(const CoCart::Error &error);
    //! The store accepted the access token (validate()); a rejection is validateFailed().
    void validated();
    void validateFailed(const CoCart::Error &error);
    void loggedOut();
    void restored();
    void restoreFailed(const CoCart::Error &error);
    //! A session that could not be saved earlier is saved now (retryStorage()).
    void saved();
    void errorOccurred(const CoCart::Error &error);

    void storeUrlChanged();
    void userAgentChanged();
    void allowInsecureHttpChanged();
    void requestTimeoutChanged();
    void tokenStoreChanged();
    void statusChanged();
    void busyChanged();
    void userChanged();
    void accessTokenExpiryChanged();
    void serverClockOffsetChanged();
    void lastErrorChanged();
    void secondsUntilExpiryChanged();
    void autoRefreshChanged();
    void refreshLeadChanged();
    void nextRefreshChanged();
    void offlineChanged();
    void networkReachableChanged();
    void storageStateChanged();
    void maxResponseSizeChanged();
    void storeInfoChanged();
    void tlsTrustChanged();

private:
    template<typename Functor>
    static Reply *withCallback(Reply *reply, const QObject *context, Functor &&callback)
    {
        reply->then(context, std::function<void(Reply &)>(std::forward<Functor>(callback)));
        return reply;
    }

    friend class SessionPrivate;
    Q_DISABLE_COPY(Session)
    std::unique_ptr<SessionPrivate> d;
};

} // namespace CoCart
