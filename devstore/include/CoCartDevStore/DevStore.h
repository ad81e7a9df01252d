#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace CoCartDevStore {

class DevStorePrivate;

//! A customer account of the dev store.
struct Account
{
    QString username;
    QString password;
    QString email;
    QString firstName;
    QString lastName;
    QString displayName; //!< defaults to "firstName lastName"
    qint64 id = 0; //!< 0: assigned by addAccount()
};

/*!
    One request as the store saw it (for tests: "was an Authorization header sent?"), kept only
    when DevStore::setRequestHistoryLimit() asked for a history. Secrets are redacted: an
    Authorization value keeps its scheme ("Bearer <redacted>", "Basic <redacted>"), Cookie values
    become "<redacted>", and so do the password, refresh_token, jwt_refresh, jwt_token and token
    fields of a JSON or form body and of the query. The body is cut after 4 KiB.
*/
struct RecordedRequest
{
    QByteArray method;
    QString path; //!< without the query
    QString query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; //!< redacted, at most 4 KiB
    qint64 bodySize = 0; //!< the size of the body as received
    int status = 0;

    QByteArray header(const QByteArray &name) const; //!< case-insensitive, empty if absent
    bool hasHeader(const QByteArray &name) const;
};

/*!
    What one client may cost the store, checked on the socket before QHttpServer buffers a
    request. A request over a limit is answered and its connection closed without reading the
    rest. The defaults suit a dev machine; tests shorten the timeouts.
*/
struct ServerLimits
{
    qint64 maxBodyBytes = 1024 * 1024; //!< a larger Content-Length: 413
    int maxHeaderBytes = 16 * 1024; //!< request line and headers; more: 431
    int maxHeaderCount = 100; //!< more header lines: 431
    int headerTimeoutMs = 10000; //!< headers not complete this long after they began: 408
    int idleTimeoutMs = 60000; //!< a connection with nothing to read or write is closed
    int maxConnections = 128; //!< open connections; one more is answered 503 and closed
    //! Host names served besides IP literals and localhost ("*": any). A request naming another
    //! host is answered 421: a page whose name was rebound to this address gets nothing.
    QStringList allowedHosts;
};

/*!
    A scripted misbehaviour for the next \a times requests whose path ends with \a pathSuffix
    (empty suffix: every path). Lets tests and demos see HTML error pages, garbage JSON, 429s and
    silent hangs from a "real" server.
*/
struct Fault
{
    enum class Kind {
        Status, //!< answer `status` with `body` and `contentType` instead of running the route
        Hang, //!< accept the request and never answer it (the client must time out)
        Delay, //!< run the route but answer after `delayMs`
        Drop, //!< close the connection at once: no answer, the route never runs
        Truncate, //!< run the route, send the headers and half the body, then close
        Trickle, //!< run the route and send its answer in small pieces `delayMs` apart
    };
    Kind kind = Kind::Status;
    QString pathSuffix;
    int status = 500;
    QByteArray body;
    QByteArray contentType = "text/html; charset=UTF-8";
    int retryAfterSeconds = -1; //!< adds a Retry-After header when >= 0
    QByteArray location; //!< adds a Location header when set (e.g. a redirect elsewhere)
    int delayMs = 0;
    int times = 1; //!< -1: until cleared
};

/*!
    What a cart costs besides its items, as a WooCommerce store with shipping, fees, a coupon and
    tax adds it (the demo catalogue has none of these: its carts' other totals are all "0"). Shows
    in every non-empty cart's `totals`; an empty cart costs nothing.
*/
struct CartCharges
{
    qint64 shipping = 0; //!< flat-rate shipping, minor units (`shipping_total`)
    qint64 fee = 0; //!< a fee, minor units (`fee_total`)
    qint64 discount = 0; //!< a fixed cart discount, minor units, at most the subtotal
    int taxPercent = 0; //!< tax on the items, shipping and fee, after the discount (`total_tax`)
};

/*!
    A CoCart-compatible store (CoCart 4.3.6 + CoCart JWT Authentication 3.0.3 behaviour, as
    recorded in shared/cocart/transcripts*.md) on QHttpServer. Runs in the caller's thread.
*/
class DevStore : public QObject
{
    Q_OBJECT

public:
    /*!
        The WordPress + WooCommerce under the plugins (shared/cocart/transcripts-3.md). The
        plugins' answers are the same on both; what differs is listed at WooCommerce10.
    */
    enum class Stack {
        //! WordPress 6.6 + WooCommerce 9.1, the 2024 stack (transcripts 1 and 2). The default.
        WooCommerce9,
        /*!
            WordPress 7.1 + WooCommerce 10.0: `/checkout-link/?products=ID:QTY,…` fills a new web
            cart and redirects to the checkout (a 404 on WooCommerce9); a `cocart-load-cart` web
            session is discarded on the next request; "View cart" ends store messages instead of
            starting them; no company fields in cart answers; `.webp` placeholder images;
            `targetHints` in the `self` links of products, variations and categories; avatar
            URLs keyed by the SHA-256 of the email.
        */
        WooCommerce10,
    };

    explicit DevStore(QObject *parent = nullptr);
    ~DevStore() override;

    //! Applies to requests from now on (web sessions already made keep their kind).
    void setStack(Stack stack);
    Stack stack() const;
    //! "9" or "9.1" (WooCommerce9), "10" or "10.0" (WooCommerce10); false for anything else.
    static bool parseStack(const QString &text, Stack *stack);
    //! "WordPress 6.6 + WooCommerce 9.1" or "WordPress 7.1 + WooCommerce 10.0".
    static QString stackName(Stack stack);

    //! Listens on \a address:\a port (0 picks a free port). Returns false on failure.
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    quint16 port() const;
    /*!
        Serves HTTPS (TLS 1.2 or later) with \a certificate and \a key from the next listen()
        on; url() then starts with https://. A null certificate switches back to plain HTTP.
    */
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    bool isTls() const;
    /*!
        Makes a self-signed certificate for 127.0.0.1, ::1 and localhost (EC P-256, valid for
        10 years) and its key with the `openssl` command, since Qt cannot make one. False, with
        the reason in \a error, when `openssl` is missing or fails.
    */
    static bool generateSelfSignedCertificate(QSslCertificate *certificate, QSslKey *key,
                                              QString *error = nullptr);
    //! "http://127.0.0.1:PORT" (https:// with setTls()). Also the `iss` of the tokens, unless the
    //! state file fixed the issuer on an earlier run (a site URL does not change when the store
    //! restarts).
    QUrl url() const;

    //! Applies to connections accepted from now on.
    void setServerLimits(const ServerLimits &limits);
    ServerLimits serverLimits() const;
    int openConnectionCount() const; //!< connections accepted and not yet closed

    //! Adds an account; returns its id. The demo customer is added by seedDemoData().
    qint64 addAccount(Account account);
    //! Adds the demo customer (customer1 / customer-pass-123, Jane Doe, id 2).
    void seedDemoData();
    static Account demoCustomer();

    /*!
        Keeps the store's state in \a file (JSON): the signing secret, the token issuer, the
        token sessions (SHA-256 of each refresh token and its expiry; no token itself), the
        carts and the stock. An existing file is loaded now, replacing those parts of the current
        state; then the file is written at once, and again at most 200 ms after changes (many
        changes, one write) and when the store is destroyed, always to a temporary file renamed
        over it, so a crash never leaves half a file. Accounts and the catalogue are not saved:
        add them, and call loadCatalog(), before this. The file holds the signing secret and is
        made readable by its owner only. Returns false, keeping the state in memory only, if the
        file cannot be read, parsed or written. An empty \a file stops saving.
    */
    bool setStatePath(const QString &file);
    QString statePath() const; //!< absolute; empty when the state is not saved
    //! Writes pending state changes now instead of within 200 ms.
    void flushState();
    int stateWriteCount() const; //!< times the state file was (re)written

    void setSecret(const QByteArray &secret);
    void setAccessTokenTtl(qint64 seconds); //!< default 864000 (10 days)
    void setRefreshTokenTtl(qint64 seconds); //!< default 2592000 (30 days)
    //! Shifts the store's clock (tests: a server 2 hours ahead or behind).
    void setClockOffset(qint64 seconds);
    qint64 now() const; //!< the store's Unix time, with the offset
    //! Pretends every request comes from \a ip (IP binding tests); empty: the real peer address.
    void setClientIpOverride(const QString &ip);

    //! Prints "METHOD /path STATUS" per request on stdout (nothing is kept for it).
    void setLogRequests(bool on);

    void addFault(const Fault &fault);
    void clearFaults();

    //! Requests seen per route, keyed "METHOD /path" (path without query), e.g.
    //! "POST /wp-json/cocart/jwt/refresh-token". Always counted.
    int requestCount(const QString &methodAndPath) const;
    int totalRequestCount() const;
    /*!
        Keeps the last \a records requests (redacted, see RecordedRequest) for requests(); 0,
        the default, keeps none. Lowering it drops the oldest records.
    */
    void setRequestHistoryLimit(int records);
    int requestHistoryLimit() const;
    //! The kept requests, oldest first (empty unless setRequestHistoryLimit() asked for some).
    QList<RecordedRequest> requests() const;
    void resetCounters(); //!< counters and history

    //! Sessions (PATs) currently alive for a user. Sessions whose refresh token expired are
    //! dropped (checked at most once a minute, on a request).
    int activeSessionCount(qint64 userId) const;

    // --- Catalogue and carts (transcripts-2: the demo catalogue has the recorded ids) ---

    //! Replaces the embedded demo catalogue with \a path (a catalog.json; its images/ folder
    //! beside it). Returns false, keeping the current catalogue, if it cannot be read.
    bool loadCatalog(const QString &path);
    //! Shipping, a fee, a discount and tax on every non-empty cart from now on (default: none).
    void setCartCharges(const CartCharges &charges);
    CartCharges cartCharges() const;
    //! Sets the stock of a product or variation; a negative \a quantity: stock not managed.
    void setStock(qint64 productId, int quantity);
    int stock(qint64 productId) const; //!< -1: not managed, or no such product
    //! Whether a cart is stored under \a cartKey (a guest key, or a customer id such as "2").
    bool hasCart(const QString &cartKey) const;
    QStringList cartKeys() const;
    //! The cart under \a cartKey as GET /cart shows it to a guest (no notices); empty if none.
    QJsonObject cartSnapshot(const QString &cartKey) const;
    //! Quantity of a product (or variation, or all variations of a parent) in a cart; 0 if none.
    int cartItemQuantity(const QString &cartKey, qint64 productId) const;
    void clearCarts();

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);
    //! A Status fault answered this request (before requestHandled for it): the status is the
    //! fault's, not the store's.
    void faultApplied(const QByteArray &method, const QString &path, int status);

private:
    std::unique_ptr<DevStorePrivate> d;
};

} // namespace CoCartDevStore
