#pragma once

#include <CoCart/Cart.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QPointer>
#include <QSettings>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace CoCart {

Q_DECLARE_LOGGING_CATEGORY(lcCart)

//! \internal The cart routes and the errors every cart operation shares.
namespace CartRequests {

inline const QByteArray kCartKeyHeader = "CoCart-API-Cart-Key";

inline Error cancelledError()
{
    return Error::cancelled(
            QStringLiteral("The cart call was abandoned: the session signed out or changed."));
}

//! A 2xx answer that parseCart() could not read as a cart.
inline Error notACartError(int httpStatus)
{
    return Error(Error::BadResponse, QStringLiteral("The store's answer is not a cart."),
                 QStringLiteral("bad_response"), httpStatus);
}

inline Error noSessionError()
{
    return Error(Error::Configuration, QStringLiteral("The cart has no session."),
                 QStringLiteral("cocart_no_session"));
}

inline Request cartRequest(const QByteArray &method, const QString &route)
{
    Request request;
    request.setMethod(method).setPath(QStringLiteral("/cocart/v2/cart") + route);
    return request;
}

inline Request addItemRequest(const QString &productId, int quantity, const QVariantMap &variation)
{
    // `id` and `quantity` must be JSON strings: numbers get 400 rest_invalid_param.
    QJsonObject body {{QLatin1String("id"), productId},
                      {QLatin1String("quantity"), QString::number(quantity)}};
    if (!variation.isEmpty())
        body.insert(QLatin1String("variation"), QJsonObject::fromVariantMap(variation));
    return Request::json("POST", QStringLiteral("/cocart/v2/cart/add-item"), body);
}

} // namespace CartRequests

/*!
    \internal
    Cart calls run one at a time, in order: a guest's second add must carry the key the first
    one was handed, and the sign-in handover must not interleave with anything. Calls made while
    the session is signing in, restoring or signing out wait until it settles, so that the
    decision "guest key or Bearer" is never taken in between.
*/
class CartPrivate
{
public:
    explicit CartPrivate(Cart *q);

    struct Operation
    {
        const char *name = "";
        std::function<void()> run; //!< must end with failCall() or operationDone()
        std::function<void(const Error &)> cancel; //!< dropped before it ran
        std::shared_ptr<ReplyCompleter> completer; //!< the caller's Reply: ends as this does
        //! Later callers sharing this operation (consecutive reloads): each gets its own Reply
        //! and its own outcome signal when the operation ends.
        std::vector<std::shared_ptr<ReplyCompleter>> joined;
        bool isReload = false;
    };

    // --- queue
    Reply *enqueue(Operation op, bool front = false);
    void pump();
    void operationDone();
    void cancelQueued(const Error &error);
    void updateLoading();
    /*!
        A reload called while the last operation in line is a reload (queued, or on the wire
        with no answer yet) shares it instead of queueing another GET: nothing can change the
        cart in between (writes queue behind it), and the answer is at most one round trip old.
    */
    Reply *joinReload();
    //! Takes \a completer out of a shared operation that others still wait for; false if it is
    //! alone in its operation.
    bool leaveShared(const std::shared_ptr<ReplyCompleter> &completer);
    //! The failure signal of a call that ends before its operation does (aborted, dropped).
    void emitCancelled(const Error &error);

    // --- a plain call: one request, the cart in the answer, one signal
    Reply *call(const char *name, Request request,
                std::function<void(const QList<CartLine> &before)> succeeded,
                bool isReload = false);
    //! Ends the running operation: its signal, its Reply, then the next one.
    void failCall(const Error &error);
    //! Ends the running operation well: lastError cleared, its signal, its Reply, the next one.
    void succeedCall(const std::function<void()> &emitSuccess);

    // --- requests
    //! True when calls go out without a Bearer (and with the guest key).
    bool isGuest() const;
    //! Sends a cart request: as a guest (no Bearer; the guest key as header when there is one)
    //! or as the signed-in user (Bearer; never a guest key).
    void sendCart(Request request, bool asGuest, std::function<void(Reply &)> done);
    //! Sends with the Bearer AND \a guestKey: the store moves that guest cart to the account,
    //! replacing the account's cart. Only the handover does this.
    void sendHandover(Request request, const QString &guestKey, std::function<void(Reply &)> done);
    //! The error of a failed cart call, in the store's words; "No CoCart store at …" when the
    //! answer was not CoCart's (nostore_p.h).
    Error errorOf(const Reply &reply) const;
    //! Updates the state from a cart answer; false (and \a error) if it is not a cart.
    bool applyCart(const Reply &reply, bool asGuest, Error *error);
    //! The parts of the total besides the items (carttotals.cpp), minor units.
    struct Breakdown
    {
        qint64 discount = 0;
        qint64 shipping = 0;
        qint64 fee = 0;
        qint64 tax = 0;
        static Breakdown fromTotals(const QJsonObject &totals);
    };
    struct State
    {
        QList<CartLine> lines;
        Currency currency;
        qint64 subtotal = 0;
        qint64 total = 0;
        Breakdown breakdown;
        int itemCount = 0;
        QStringList notices;
    };
    //! Takes \a next, emitting each property's NOTIFY signal that changed (and changed()).
    void setState(const State &next);
    //! Takes \a next; emits the NOTIFY signals of the parts that changed (all of them when the
    //! currency did, as their texts did); true if any changed.
    bool setBreakdown(const Breakdown &next, bool currencyChanged);
    static bool parseCart(const QJsonObject &object, const Currency &fallback,
                          QList<CartLine> *lines, Currency *currency);

    // --- sale savings (cartsavings.cpp)
    //! Copies the regular prices learnt from the catalogue into \a lines.
    void priceLines(QList<CartLine> *lines) const;
    //! Learns the regular prices of the catalogue's products and variations, then updates the
    //! model's lines and savings.
    void learnRegularPrices();
    //! Recomputes savings from the model's lines; emits savingsChanged when it (or, with
    //! \a currencyChanged, its text) changed. True if it changed.
    bool updateSavings(bool currencyChanged);

    // --- guest key
    QSettings *settings() const;
    QString settingsKey() const;
    QString guestKey() const;
    void setGuestKey(const QString &key);
    void setCartKey(const QString &key);

    // --- checkout hand-off (checkouthandoff.cpp)
    struct Checkout
    {
        QUrl url;
        Cart::CheckoutHandoff handoff = Cart::CheckoutHandoff::None;
    };
    //! The store URL without user info, query, fragment or trailing slash; empty if unusable.
    QUrl storeBase() const;
    //! What checkoutUrl is now (no request, no signal).
    Checkout computeCheckout() const;
    //! The checkout-link URL for the shown guest cart, or empty when a link cannot carry it.
    QUrl checkoutLinkUrl(const QUrl &store) const;
    //! Recomputes checkoutUrl, learns the store's guest hand-off if a guest needs it, and emits
    //! checkoutUrlChanged when the URL or the hand-off changed.
    void updateCheckout();
    //! Asks the store's website once whether it answers WooCommerce's checkout links.
    void learnCheckoutLinks();

    // --- sign-in / sign-out
    void onSessionStatusChanged();
    void onSignedOut();
    void onSessionDestroyed();
    void startHandover();
    void mergeReAdd(QList<CartLine> accountLines, QStringList notReAdded);
    void handoverFailed(const Error &error);
    void resetState();
    //! Sets handoverReport from the guest's and the account's lines before the handover and the
    //! cart the store answered last (the model), then emits guestCartHandedOver(\a notReAdded).
    void finishHandover(const QStringList &notReAdded);

    Cart *q;
    QPointer<Session> session;
    CartItemModel *model;
    QPointer<QSettings> customSettings;
    mutable std::unique_ptr<QSettings> defaultSettings;

    Currency currency;
    qint64 subtotal = 0;
    qint64 total = 0;
    Breakdown breakdown;
    QStringList notices;
    QString cartKey;
    //! The guest key whose cart the model shows as the store last answered it (empty: the model
    //! shows no guest cart, or one not known to be current).
    QString shownGuestKey;
    //! The store's answer the state was last built from (valid until the state is reset).
    QJsonObject appliedAnswer;
    Error lastError;
    //! The last handover: the guest's lines, the account's (when the policy read them) and what
    //! became of each line (Cart::handoverReport).
    QList<CartLine> handoverGuest;
    QList<CartLine> handoverAccount;
    QVariantList handoverReport;

    quint64 generation = 0; //!< bumped on sign-out and session change: late answers are dropped
    std::shared_ptr<ReplyCompleter> running_; //!< the running operation's caller reply
    std::vector<std::shared_ptr<ReplyCompleter>> runningJoined; //!< callers sharing it
    QPointer<Reply> wire; //!< its request in flight
    std::deque<Operation> queue;
    QList<QMetaObject::Connection> sessionConnections;

    QPointer<ProductModel> catalogue;
    QList<QMetaObject::Connection> catalogueConnections;
    //! Product or variation id -> regular price (minor units), as the catalogue last showed it.
    QHash<qint64, qint64> regularPrices;
    qint64 savings = 0;

    //! Whether the store's website answers checkout links: learnt once per store URL.
    enum class LinkSupport { Unknown, Learning, Yes, No };
    QUrl linkSupportStore; //!< the store URL linkSupport is for
    QPointer<QNetworkReply> linkProbe; //!< the request asking it
    QElapsedTimer linkProbeFailed; //!< valid: the last try failed (asked again after a while)
    Checkout shownCheckout; //!< what checkoutUrlChanged last announced

    // The small fields last (no padding between the large ones).
    int itemCount = 0;
    bool appliedAsGuest = false;
    bool appliedValid = false;
    bool loading = false;
    Cart::GuestCartPolicy policy = Cart::GuestCartPolicy::Merge;
    bool authenticated = false; //!< the session was signed in at the last status change
    bool running = false;
    bool runningIsReload = false;
    LinkSupport linkSupport = LinkSupport::Unknown;
};

} // namespace CoCart
