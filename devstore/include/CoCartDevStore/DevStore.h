#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
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

//! One request as the store saw it (for tests: "was an Authorization header sent?").
struct RecordedRequest
{
    QByteArray method;
    QString path; //!< without the query
    QString query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int status = 0;

    QByteArray header(const QByteArray &name) const; //!< case-insensitive, empty if absent
    bool hasHeader(const QByteArray &name) const;
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
    };
    Kind kind = Kind::Status;
    QString pathSuffix;
    int status = 500;
    QByteArray body;
    QByteArray contentType = "text/html; charset=UTF-8";
    int retryAfterSeconds = -1; //!< adds a Retry-After header when >= 0
    int delayMs = 0;
    int times = 1; //!< -1: until cleared
};

/*!
    A CoCart-compatible store (CoCart 4.3.6 + CoCart JWT Authentication 3.0.3 behaviour, as
    recorded in shared/cocart/transcripts*.md) on QHttpServer. Runs in the caller's thread.
*/
class DevStore : public QObject
{
    Q_OBJECT

public:
    explicit DevStore(QObject *parent = nullptr);
    ~DevStore() override;

    //! Listens on \a address:\a port (0 picks a free port). Returns false on failure.
    bool listen(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost),
                quint16 port = 0);
    quint16 port() const;
    //! "http://127.0.0.1:PORT" (the `iss` of every token).
    QUrl url() const;

    //! Adds an account; returns its id. The demo customer is added by seedDemoData().
    qint64 addAccount(Account account);
    //! Adds the demo customer (customer1 / customer-pass-123, Jane Doe, id 2).
    void seedDemoData();
    static Account demoCustomer();

    /*!
        Keeps the store's state in \a file (JSON): the signing secret, the token sessions (access
        and refresh tokens with their expiries), the carts and the stock. An existing file is
        loaded now, replacing those parts of the current state; then the file is written at once
        and rewritten after every change (to a temporary file renamed over it, so a crash never
        leaves half a file). Accounts and the catalogue are not saved: add them, and call
        loadCatalog(), before this. The file holds live tokens and is made readable by its owner
        only. Returns false, keeping the state in memory only, if the file cannot be read,
        parsed or written. An empty \a file stops saving.
    */
    bool setStatePath(const QString &file);
    QString statePath() const; //!< absolute; empty when the state is not saved

    void setSecret(const QByteArray &secret);
    void setAccessTokenTtl(qint64 seconds); //!< default 864000 (10 days)
    void setRefreshTokenTtl(qint64 seconds); //!< default 2592000 (30 days)
    //! Shifts the store's clock (tests: a server 2 hours ahead or behind).
    void setClockOffset(qint64 seconds);
    qint64 now() const; //!< the store's Unix time, with the offset
    //! Pretends every request comes from \a ip (IP binding tests); empty: the real peer address.
    void setClientIpOverride(const QString &ip);

    //! Prints "METHOD /path STATUS" per request on stdout.
    void setLogRequests(bool on);

    void addFault(const Fault &fault);
    void clearFaults();

    //! Requests seen per route, keyed "METHOD /path" (path without query), e.g.
    //! "POST /wp-json/cocart/jwt/refresh-token".
    int requestCount(const QString &methodAndPath) const;
    int totalRequestCount() const;
    QList<RecordedRequest> requests() const;
    void resetCounters();

    //! Sessions (PATs) currently alive for a user.
    int activeSessionCount(qint64 userId) const;

    // --- Catalogue and carts (transcripts-2: the demo catalogue has the recorded ids) ---

    //! Replaces the embedded demo catalogue with \a path (a catalog.json; its images/ folder
    //! beside it). Returns false, keeping the current catalogue, if it cannot be read.
    bool loadCatalog(const QString &path);
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

private:
    std::unique_ptr<DevStorePrivate> d;
};

} // namespace CoCartDevStore
