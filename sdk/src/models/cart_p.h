#pragma once

#include <CoCart/Cart.h>

#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>

#include <deque>
#include <functional>
#include <memory>

namespace CoCart {

Q_DECLARE_LOGGING_CATEGORY(lcCart)

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
    };

    // --- queue
    Reply *enqueue(Operation op, bool front = false);
    void pump();
    void operationDone();
    void cancelQueued(const Error &error);
    void updateLoading();

    // --- a plain call: one request, the cart in the answer, one signal
    Reply *call(const char *name, Request request,
                std::function<void(const QList<CartLine> &before)> succeeded);
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
    static Error errorOf(const Reply &reply);
    //! Updates the state from a cart answer; false (and \a error) if it is not a cart.
    bool applyCart(const Reply &reply, bool asGuest, Error *error);
    struct State
    {
        QList<CartLine> lines;
        Currency currency;
        qint64 subtotal = 0;
        qint64 total = 0;
        int itemCount = 0;
        QStringList notices;
    };
    //! Takes \a next, emitting each property's NOTIFY signal that changed (and changed()).
    void setState(const State &next);
    static bool parseCart(const QJsonObject &object, const Currency &fallback,
                          QList<CartLine> *lines, Currency *currency);

    // --- guest key
    QSettings *settings() const;
    QString settingsKey() const;
    QString guestKey() const;
    void setGuestKey(const QString &key);
    void setCartKey(const QString &key);

    // --- sign-in / sign-out
    void onSessionStatusChanged();
    void onSignedOut();
    void onSessionDestroyed();
    void startHandover();
    void mergeReAdd(QList<CartLine> accountLines, QStringList notReAdded);
    void handoverFailed(const Error &error);
    void resetState();

    Cart *q;
    QPointer<Session> session;
    CartItemModel *model;
    QPointer<QSettings> customSettings;
    mutable std::unique_ptr<QSettings> defaultSettings;

    Currency currency;
    qint64 subtotal = 0;
    qint64 total = 0;
    int itemCount = 0;
    QStringList notices;
    QString cartKey;
    bool loading = false;
    Error lastError;
    Cart::GuestCartPolicy policy = Cart::GuestCartPolicy::Merge;

    bool authenticated = false; //!< the session was signed in at the last status change
    quint64 generation = 0; //!< bumped on sign-out and session change: late answers are dropped
    bool running = false;
    std::shared_ptr<ReplyCompleter> running_; //!< the running operation's caller reply
    QPointer<Reply> wire; //!< its request in flight
    std::deque<Operation> queue;
    QList<QMetaObject::Connection> sessionConnections;
};

} // namespace CoCart
