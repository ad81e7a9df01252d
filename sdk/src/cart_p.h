#pragma once

#include <CoCart/Cart.h>

#include "transport_p.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSettings>

#include <deque>
#include <functional>

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
        std::function<void()> run; //!< must end with finishCall()/failCall() or operationDone()
        std::function<void(const Error &)> cancel; //!< dropped before it ran
    };

    // --- queue
    void enqueue(Operation op, bool front = false);
    void pump();
    void operationDone();
    void cancelQueued(const Error &error);
    void updateLoading();

    // --- a plain call: one request, the cart in the answer, one signal
    void call(const char *name, ApiRequest request,
              std::function<void(const QList<CartLine> &before)> succeeded);
    void failCall(const Error &error);

    // --- requests
    //! True when calls go out without a Bearer (and with the guest key).
    bool isGuest() const;
    //! Sends a cart request: as a guest (no Bearer; the guest key as header when there is one)
    //! or as the signed-in user (Bearer; never a guest key).
    void sendCart(ApiRequest request, bool asGuest, Transport::Callback done);
    //! Sends with the Bearer AND \a guestKey: the store moves that guest cart to the account,
    //! replacing the account's cart. Only the handover does this.
    void sendHandover(ApiRequest request, const QString &guestKey, Transport::Callback done);
    static Error errorOf(const ApiResponse &response);
    //! Updates the state from a cart answer; false (and \a error) if it is not a cart.
    bool applyCart(const ApiResponse &response, bool asGuest, Error *error);
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
    std::deque<Operation> queue;
    QList<QMetaObject::Connection> sessionConnections;
};

} // namespace CoCart
