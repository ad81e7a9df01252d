// Cart across sign-in and sign-out: what happens to the guest cart when the session signs in
// (Merge, Replace, KeepAccount), and what is dropped when it signs out or goes away.

#include "cart_p.h"

#include <QHash>

namespace CoCart {

using namespace CartRequests;

void CartPrivate::onSessionStatusChanged()
{
    const bool nowSignedIn = session && session->isSignedIn();
    updateCheckout();
    if (nowSignedIn && !authenticated) {
        authenticated = true;
        qCInfo(lcCart) << "signed in: handling the guest cart per policy" << policy;
        Operation op;
        op.name = "handover";
        op.run = [this] { startHandover(); };
        enqueue(std::move(op), /*front*/ true);
    } else if (!nowSignedIn && authenticated) {
        authenticated = false;
        onSignedOut();
    }
    pump();
    updateLoading();
}

void CartPrivate::finishHandover(const QStringList &notReAdded)
{
    // Quantities by line key: what each cart held and what the store's last answer holds.
    struct Counts
    {
        QString name;
        qint64 productId = 0;
        int guest = 0;
        int account = 0;
    };
    QList<QString> order;
    QHash<QString, Counts> counts;
    auto note = [&order, &counts](const QList<CartLine> &lines, bool guest) {
        for (const CartLine &line : lines) {
            if (!counts.contains(line.key()))
                order << line.key();
            Counts &c = counts[line.key()];
            c.name = line.title().isEmpty() ? line.name() : line.title();
            c.productId = line.productId();
            (guest ? c.guest : c.account) += line.quantity();
        }
    };
    note(handoverGuest, true);
    note(handoverAccount, false);
    const bool guestDropped = policy == Cart::GuestCartPolicy::KeepAccount;
    QVariantList report;
    for (const QString &key : std::as_const(order)) {
        const Counts &c = counts.value(key);
        const int row = model->indexOfKey(key);
        const int now = row >= 0 ? model->lines().at(row).quantity() : 0;
        const int before = c.guest + c.account;
        QString outcome;
        if (now <= 0 || (guestDropped && c.account == 0))
            outcome = QStringLiteral("dropped");
        else if (now < before)
            outcome = QStringLiteral("capped");
        else if (c.guest > 0 && c.account > 0)
            outcome = QStringLiteral("combined");
        else if (c.guest > 0)
            outcome = QStringLiteral("moved");
        else
            outcome = QStringLiteral("kept");
        report << QVariantMap {{QStringLiteral("key"), key},
                               {QStringLiteral("name"), c.name},
                               {QStringLiteral("productId"), c.productId},
                               {QStringLiteral("guestQuantity"), c.guest},
                               {QStringLiteral("accountQuantity"), c.account},
                               {QStringLiteral("quantity"), now},
                               {QStringLiteral("outcome"), outcome}};
    }
    handoverGuest.clear();
    handoverAccount.clear();
    succeedCall([this, report, notReAdded] {
        if (handoverReport != report) {
            handoverReport = report;
            Q_EMIT q->handoverReportChanged();
        }
        Q_EMIT q->guestCartHandedOver(notReAdded);
    });
}

void CartPrivate::onSignedOut()
{
    // The account's cart must not show (or be changed) any more; answers still on their way
    // are dropped, calls still waiting are cancelled. A new guest cart starts: no key until the
    // store hands one out.
    ++generation;
    cancelQueued(cancelledError());
    resetState();
    handoverGuest.clear();
    handoverAccount.clear();
    if (!handoverReport.isEmpty()) {
        handoverReport.clear();
        Q_EMIT q->handoverReportChanged();
    }
}

void CartPrivate::onSessionDestroyed()
{
    // Its running call already ended (a destroyed Session fails its replies); the queued ones
    // end now, and the cart shows nothing of a session that is gone.
    ++generation;
    authenticated = false;
    cancelQueued(cancelledError());
    resetState();
    Q_EMIT q->sessionChanged();
}

void CartPrivate::handoverFailed(const Error &error)
{
    // The guest key is kept: the next sign-in tries again (an empty guest cart is never sent).
    qCWarning(lcCart).noquote() << "guest cart handover failed:" << error.toString();
    failCall(error);
}

void CartPrivate::startHandover()
{
    if (!session || !session->isSignedIn())
        return failCall(cancelledError());
    const quint64 gen = generation;
    const QString key = guestKey();
    const Request getCart = cartRequest("GET", QString());
    // Every step checks that the session is still there and still the one it started with.
    auto stale = [this, gen] { return gen != generation || !session; };

    auto finish = [this](const QStringList &notReAdded) { finishHandover(notReAdded); };
    // A step's cart answer into the model; false (the handover ended) when it cannot go on.
    auto applied = [this, stale](Reply &reply) {
        if (stale()) {
            failCall(cancelledError());
            return false;
        }
        Error error = reply.error() ? errorOf(reply) : Error();
        if (!error && applyCart(reply, false, &error))
            return true;
        handoverFailed(error);
        return false;
    };
    // Loads the account's own cart (Bearer, no guest key) into the model.
    auto loadAccountCart = [this, applied, getCart](const std::function<void()> &then) {
        sendCart(getCart, false, [applied, then](Reply &reply) {
            if (applied(reply))
                then();
        });
    };
    // Hands the guest cart over: the store replaces the account's cart with it.
    auto handOver = [this, stale, applied, key, getCart](const std::function<void()> &then) {
        if (stale() || !session->isSignedIn())
            return handoverFailed(cancelledError());
        sendHandover(getCart, key, [this, applied, then](Reply &reply) {
            if (!applied(reply))
                return;
            setGuestKey(QString()); // it is the account's cart now
            then();
        });
    };

    if (key.isEmpty()) {
        // No guest cart: just show the account's cart.
        loadAccountCart([this] { succeedCall([this] { Q_EMIT q->reloaded(); }); });
        return;
    }

    // What to do with the guest's lines, per policy.
    auto handle = [this, stale, finish, loadAccountCart, handOver,
                   getCart](const QList<CartLine> &guestLines) {
        handoverGuest = guestLines;
        handoverAccount.clear();
        if (guestLines.isEmpty() || policy == Cart::GuestCartPolicy::KeepAccount) {
            // Nothing to move, or the guest cart is dropped.
            setGuestKey(QString());
            loadAccountCart([finish] { finish({}); });
            return;
        }
        if (policy == Cart::GuestCartPolicy::Replace) {
            handOver([finish] { finish({}); });
            return;
        }
        // Merge: remember the account's lines, hand over, then add them back.
        sendCart(getCart, false, [this, stale, finish, handOver](Reply &account) {
            if (stale())
                return failCall(cancelledError());
            if (account.error())
                return handoverFailed(errorOf(account));
            QList<CartLine> accountLines;
            Currency accountCurrency;
            if (!parseCart(account.object(), currency, &accountLines, &accountCurrency)) {
                return handoverFailed(notACartError(account.httpStatus()));
            }
            handoverAccount = accountLines;
            if (accountLines.isEmpty()) {
                handOver([finish] { finish({}); });
                return;
            }
            handOver([this, accountLines] { mergeReAdd(accountLines, {}); });
        });
    };

    // The model shows the store's last answer for this very guest key (the shopper filled the
    // cart in this run): whether it is empty is known, no need to ask. KeepAccount drops the
    // guest cart whatever it holds. Either way one request fewer before the cart is usable.
    if (policy == Cart::GuestCartPolicy::KeepAccount || shownGuestKey == key) {
        handle(model->lines());
        return;
    }

    // 1. Otherwise (a key saved by an earlier run, never loaded here) look at the guest cart as
    //    the guest (no Bearer: nothing moves). Even an empty or expired guest cart's key, sent
    //    with a Bearer, would wipe the account's cart.
    sendCart(getCart, true, [this, stale, handle](Reply &reply) {
        if (stale())
            return failCall(cancelledError());
        if (reply.error())
            return handoverFailed(errorOf(reply));
        QList<CartLine> guestLines;
        Currency guestCurrency;
        if (!parseCart(reply.object(), currency, &guestLines, &guestCurrency)) {
            return handoverFailed(notACartError(reply.httpStatus()));
        }
        handle(guestLines);
    });
}

void CartPrivate::mergeReAdd(QList<CartLine> accountLines, QStringList notReAdded)
{
    if (accountLines.isEmpty()) {
        if (!notReAdded.isEmpty())
            qCInfo(lcCart) << notReAdded.size() << "account line(s) could not be re-added";
        finishHandover(notReAdded);
        return;
    }
    if (!session)
        return failCall(cancelledError());
    const CartLine line = accountLines.takeFirst();
    // Quantities add up for a product the guest also has, within the store's limit.
    int inCart = 0;
    int max = line.maxQuantity();
    const int row = model->indexOfKey(line.key());
    if (row >= 0) {
        inCart = model->lines().at(row).quantity();
        max = model->lines().at(row).maxQuantity();
    }
    int quantity = line.quantity();
    if (max >= 0)
        quantity = qMin(quantity, max - inCart);
    if (quantity <= 0) {
        if (inCart == 0)
            notReAdded << line.name(); // out of stock now
        return mergeReAdd(accountLines, notReAdded);
    }
    const quint64 gen = generation;
    // A variation line's id is the variation's: adding it needs no attributes.
    sendCart(addItemRequest(QString::number(line.productId()), quantity, {}), false,
             [this, gen, line, accountLines, notReAdded](Reply &reply) mutable {
                 if (gen != generation)
                     return failCall(cancelledError());
                 Error error;
                 if (reply.error() || !applyCart(reply, false, &error)) {
                     qCInfo(lcCart).noquote()
                             << "could not re-add an account line:"
                             << (reply.error() ? errorOf(reply) : error).toString();
                     notReAdded << line.name();
                 }
                 mergeReAdd(accountLines, notReAdded);
             });
}

} // namespace CoCart
