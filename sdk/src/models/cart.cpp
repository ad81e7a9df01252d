#include "cart_p.h"

#include "json_p.h"
#include "nostore_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace CoCart {

Q_LOGGING_CATEGORY(lcCart, "cocart.cart", QtWarningMsg)

using namespace CartRequests;

// ---------------------------------------------------------------------------------------------
// CartPrivate

CartPrivate::CartPrivate(Cart *q) : q(q), model(new CartItemModel(q))
{
    // The checkout URL follows the guest key, the sign-in state, the store and the cart.
    QObject::connect(q, &Cart::cartKeyChanged, q, [this] { updateCheckout(); });
    QObject::connect(q, &Cart::sessionChanged, q, [this] { updateCheckout(); });
}

Reply *CartPrivate::enqueue(Operation op, bool front)
{
    op.completer = std::make_shared<ReplyCompleter>(q);
    Reply *reply = op.completer->reply();
    const std::weak_ptr<ReplyCompleter> weak = op.completer;
    op.completer->setAbortHandler([this, weak] {
        const auto completer = weak.lock();
        if (!completer)
            return;
        if (leaveShared(completer)) {
            emitCancelled(cancelledError()); // the others still want the answer
            return;
        }
        if (completer == running_) {
            if (wire)
                wire->abort(); // the call's own failure path ends the operation
            return;
        }
        // Still queued: it ends here, with its one failure signal.
        for (auto it = queue.begin(); it != queue.end(); ++it) {
            if (it->completer != completer)
                continue;
            Operation dropped = std::move(*it);
            queue.erase(it);
            if (dropped.cancel)
                dropped.cancel(cancelledError());
            break;
        }
        updateLoading();
    });
    if (front)
        queue.push_front(std::move(op));
    else
        queue.push_back(std::move(op));
    pump();
    updateLoading();
    return reply;
}

Reply *CartPrivate::joinReload()
{
    std::vector<std::shared_ptr<ReplyCompleter>> *joined = nullptr;
    if (!queue.empty()) {
        if (queue.back().isReload)
            joined = &queue.back().joined;
    } else if (running && runningIsReload && wire && wire->isRunning()) {
        joined = &runningJoined;
    }
    if (!joined)
        return nullptr;
    auto completer = std::make_shared<ReplyCompleter>(q);
    const std::weak_ptr<ReplyCompleter> weak = completer;
    completer->setAbortHandler([this, weak] {
        if (const auto c = weak.lock(); c && leaveShared(c))
            emitCancelled(cancelledError());
    });
    joined->push_back(completer);
    qCDebug(lcCart) << "reload shares the one before it";
    return completer->reply();
}

bool CartPrivate::leaveShared(const std::shared_ptr<ReplyCompleter> &completer)
{
    auto leave = [&completer](std::shared_ptr<ReplyCompleter> &owner,
                              std::vector<std::shared_ptr<ReplyCompleter>> &joined) {
        const auto it = std::find(joined.begin(), joined.end(), completer);
        if (it != joined.end()) {
            joined.erase(it);
            return true;
        }
        if (owner != completer || joined.empty())
            return false;
        owner = joined.front(); // the next caller owns the operation now
        joined.erase(joined.begin());
        return true;
    };
    if (running && leave(running_, runningJoined))
        return true;
    for (Operation &op : queue) {
        if (leave(op.completer, op.joined))
            return true;
    }
    return false;
}

void CartPrivate::emitCancelled(const Error &error)
{
    if (lastError != error) {
        lastError = error;
        Q_EMIT q->lastErrorChanged();
    }
    Q_EMIT q->errorOccurred(error);
}

void CartPrivate::pump()
{
    if (running || queue.empty())
        return;
    if (session) {
        // Signing in, restoring or signing out: whether a call goes out as the guest or as the
        // user is not settled yet. Wait for statusChanged.
        const Session::Status status = session->status();
        if (status == Session::Status::SigningIn || status == Session::Status::Restoring ||
            status == Session::Status::SigningOut)
            return;
    }
    Operation op = std::move(queue.front());
    queue.pop_front();
    running = true;
    running_ = op.completer;
    runningJoined = std::move(op.joined);
    runningIsReload = op.isReload;
    qCDebug(lcCart) << "run" << op.name << (isGuest() ? "as guest" : "signed in");
    op.run();
}

void CartPrivate::operationDone()
{
    // The outcome signals have run (and may have queued more calls): only now is the cart idle.
    if (running_ && running_->isRunning())
        running_->fail(cancelledError()); // an operation that ended without a word
    for (const auto &joined : std::exchange(runningJoined, {})) {
        if (joined->isRunning())
            joined->fail(cancelledError());
    }
    running = false;
    running_.reset();
    runningIsReload = false;
    wire = nullptr;
    pump();
    updateLoading();
}

void CartPrivate::cancelQueued(const Error &error)
{
    std::deque<Operation> dropped;
    dropped.swap(queue);
    for (Operation &op : dropped) {
        if (op.cancel)
            op.cancel(error);
        if (op.completer)
            op.completer->fail(error);
        for (const auto &joined : op.joined) {
            if (op.cancel)
                op.cancel(error);
            joined->fail(error);
        }
    }
    updateLoading();
}

void CartPrivate::updateLoading()
{
    const bool now = running || !queue.empty();
    if (now == loading)
        return;
    loading = now;
    Q_EMIT q->loadingChanged();
}

void CartPrivate::failCall(const Error &error)
{
    qCInfo(lcCart).noquote() << error.toString();
    if (lastError != error) {
        lastError = error;
        Q_EMIT q->lastErrorChanged();
    }
    const auto completer = running_;
    const auto joined = std::exchange(runningJoined, {});
    Q_EMIT q->errorOccurred(error);
    if (completer)
        completer->fail(error);
    for (const auto &other : joined) {
        Q_EMIT q->errorOccurred(error);
        other->fail(error);
    }
    operationDone();
}

void CartPrivate::succeedCall(const std::function<void()> &emitSuccess)
{
    if (lastError.isError()) {
        lastError = Error();
        Q_EMIT q->lastErrorChanged();
    }
    const auto completer = running_;
    const auto joined = std::exchange(runningJoined, {});
    if (emitSuccess)
        emitSuccess();
    if (completer)
        completer->finish();
    for (const auto &other : joined) {
        if (emitSuccess)
            emitSuccess();
        other->finish();
    }
    operationDone();
}

Reply *CartPrivate::call(const char *name, Request request,
                         std::function<void(const QList<CartLine> &before)> succeeded,
                         bool isReload)
{
    Operation op;
    op.name = name;
    op.isReload = isReload;
    op.run = [this, request = std::move(request), succeeded = std::move(succeeded)] {
        if (!session) {
            QTimer::singleShot(0, q, [this] { failCall(noSessionError()); });
            return;
        }
        const bool asGuest = isGuest();
        const quint64 gen = generation;
        sendCart(request, asGuest, [this, gen, asGuest, succeeded](Reply &reply) {
            if (gen != generation) // signed out meanwhile: say why, never show the answer
                return failCall(reply.error() ? errorOf(reply) : cancelledError());
            if (reply.error())
                return failCall(errorOf(reply));
            const QList<CartLine> before = model->lines();
            Error error;
            if (!applyCart(reply, asGuest, &error))
                return failCall(error);
            succeedCall([&succeeded, &before] { succeeded(before); });
        });
    };
    // Dropped before it ran: still exactly one signal for the call.
    op.cancel = [this](const Error &error) { emitCancelled(error); };
    return enqueue(std::move(op));
}

bool CartPrivate::isGuest() const
{
    return !session || !session->isSignedIn();
}

void CartPrivate::sendCart(Request request, bool asGuest, std::function<void(Reply &)> done)
{
    // A guest call never carries a Bearer, and a signed-in call never carries a guest key: the
    // two together would hand the guest cart over and wipe the account's cart.
    request.setAuthentication(asGuest ? Request::Authentication::None
                                      : Request::Authentication::IfSignedIn);
    if (asGuest) {
        const QString key = guestKey();
        if (!key.isEmpty())
            request.addHeader(kCartKeyHeader, key.toUtf8());
    }
    wire = session->send(request);
    wire->then(q, std::move(done));
}

void CartPrivate::sendHandover(Request request, const QString &key,
                               std::function<void(Reply &)> done)
{
    request.addHeader(kCartKeyHeader, key.toUtf8())
            .setAuthentication(Request::Authentication::IfSignedIn);
    wire = session->send(request);
    wire->then(q, std::move(done));
}

Error CartPrivate::errorOf(const Reply &reply) const
{
    Error error = reply.error();
    // A wrong address answers the cart routes with a 404 or a web page: say that, not the page.
    if (session && NoStore::reason(error, reply.json()) != Error::NoError)
        return NoStore::diagnose(error, reply.json(),
                                 session->storeUrl().toDisplayString(QUrl::RemoveUserInfo));
    if (!error.code().isEmpty())
        return error;
    // wp_send_json_error's shape (the 403 for a user id as guest key):
    // {"success":false,"data":[{"code":"…","message":"…"}]}
    const QJsonArray data = reply.object().value(QLatin1String("data")).toArray();
    if (data.isEmpty())
        return error;
    const QJsonObject first = data.first().toObject();
    const QString code = first.value(QLatin1String("code")).toString();
    const QString message = first.value(QLatin1String("message")).toString();
    if (code.isEmpty())
        return error;
    return Error(error.kind(), message.isEmpty() ? error.message() : message, code,
                 error.httpStatus(), error.retryAfter());
}

bool CartPrivate::parseCart(const QJsonObject &object, const Currency &fallback,
                            QList<CartLine> *lines, Currency *currency)
{
    if (!object.contains(QLatin1String("items")) && !object.contains(QLatin1String("cart_key")))
        return false;
    *currency = fallback;
    const QJsonValue currencyValue = object.value(QLatin1String("currency"));
    if (currencyValue.isObject())
        *currency = Currency::fromJson(currencyValue.toObject());
    lines->clear();
    const QJsonValue items = object.value(QLatin1String("items"));
    if (items.isArray()) {
        const QJsonArray array = items.toArray();
        for (const auto &item : array)
            lines->append(CartLine::fromJson(item.toObject(), *currency));
    } else if (items.isObject()) {
        const QJsonObject map = items.toObject(); // GET /cart/items shape, keyed by item_key
        for (auto it = map.begin(); it != map.end(); ++it)
            lines->append(CartLine::fromJson(it.value().toObject(), *currency));
    }
    return true;
}

bool CartPrivate::applyCart(const Reply &reply, bool asGuest, Error *error)
{
    const QJsonObject object = reply.object();
    QString key = QString::fromUtf8(reply.header(kCartKeyHeader));
    if (key.isEmpty())
        key = object.value(QLatin1String("cart_key")).toString();
    // The very answer the cart shows already (a reload with nothing changed, the usual case):
    // no lines to build, no model to compare, nothing changes and nothing is emitted.
    if (appliedValid && asGuest == appliedAsGuest && key == cartKey &&
        shownGuestKey == (asGuest ? key : QString()) && object == appliedAnswer) {
        if (asGuest && !key.isEmpty())
            setGuestKey(key);
        return true;
    }
    State next;
    if (!parseCart(object, currency, &next.lines, &next.currency)) {
        *error = notACartError(reply.httpStatus());
        return false;
    }
    if (asGuest && !key.isEmpty())
        setGuestKey(key);
    setCartKey(key);
    shownGuestKey = asGuest ? key : QString();

    const QJsonObject totals = object.value(QLatin1String("totals")).toObject();
    next.subtotal = minorUnitsOf(totals.value(QLatin1String("subtotal")));
    next.total = minorUnitsOf(totals.value(QLatin1String("total")));
    next.breakdown = Breakdown::fromTotals(totals);
    const QJsonValue count = object.value(QLatin1String("item_count"));
    if (count.isDouble()) {
        next.itemCount = integerOf<int>(count.toDouble());
    } else {
        for (const CartLine &line : qAsConst(next.lines))
            next.itemCount += line.quantity();
    }
    // `[]` when there are none, else {"success":[…], "notice":[…]} (clear says "Cart is cleared."
    // as a notice). Store notices carry HTML: shown as plain text.
    const QJsonObject noticeObject = object.value(QLatin1String("notices")).toObject();
    for (const char *type : {"success", "notice"}) {
        const QJsonArray list = noticeObject.value(QLatin1String(type)).toArray();
        for (const auto &notice : list)
            next.notices << Error::plainText(notice.toString());
    }
    setState(next);
    appliedAnswer = object;
    appliedAsGuest = asGuest;
    appliedValid = true;
    updateCheckout(); // a checkout link carries the lines
    return true;
}

void CartPrivate::setState(const State &answer)
{
    State next = answer;
    priceLines(&next.lines);
    const bool wasEmpty = model->rowCount() == 0;
    const bool currencyChanged = next.currency != currency;
    const bool subtotalChanged = next.subtotal != subtotal || currencyChanged;
    const bool totalChanged = next.total != total || currencyChanged;
    const bool countChanged = next.itemCount != itemCount;
    const bool noticesChanged = next.notices != notices;
    const bool linesChanged = model->lines() != next.lines;
    currency = next.currency;
    subtotal = next.subtotal;
    total = next.total;
    itemCount = next.itemCount;
    notices = next.notices;
    model->setLines(next.lines, currency);
    if (currencyChanged)
        Q_EMIT q->currencyChanged();
    if (subtotalChanged)
        Q_EMIT q->subtotalChanged();
    if (totalChanged)
        Q_EMIT q->totalChanged();
    const bool breakdownChanged = setBreakdown(next.breakdown, currencyChanged);
    updateSavings(currencyChanged);
    if (countChanged)
        Q_EMIT q->itemCountChanged();
    if (noticesChanged)
        Q_EMIT q->noticesChanged();
    if (wasEmpty != (model->rowCount() == 0))
        Q_EMIT q->emptyChanged();
    if (currencyChanged || subtotalChanged || totalChanged || breakdownChanged || countChanged ||
        noticesChanged || linesChanged)
        Q_EMIT q->changed();
}

void CartPrivate::resetState()
{
    State empty;
    empty.currency = currency;
    setState(empty);
    shownGuestKey.clear();
    appliedValid = false;
    appliedAnswer = QJsonObject();
    setCartKey(isGuest() ? guestKey() : QString());
    updateCheckout();
}

// ---------------------------------------------------------------------------------------------
// Cart

Cart::Cart(QObject *parent) : QObject(parent), d(std::make_unique<CartPrivate>(this)) { }

Cart::~Cart()
{
    // Calls still queued or running end their Replies (Cancelled); the Cart's own signals are
    // not emitted from its destructor; kept Replies outlive it (the one rule of Reply.h).
    blockSignals(true);
    const Error error = cancelledError();
    for (CartPrivate::Operation &op : d->queue) {
        if (op.completer)
            op.completer->fail(error);
        for (const auto &joined : op.joined)
            joined->fail(error);
    }
    d->queue.clear();
    if (d->running_)
        d->running_->fail(error);
    for (const auto &joined : std::exchange(d->runningJoined, {}))
        joined->fail(error);
    if (d->wire)
        d->wire->abort();
    ReplyCompleter::releaseChildren(this, error.message());
}

Session *Cart::session() const
{
    return d->session;
}

void Cart::setSession(Session *session)
{
    if (d->session == session)
        return;
    for (const auto &connection : qAsConst(d->sessionConnections))
        disconnect(connection);
    d->sessionConnections.clear();
    ++d->generation;
    d->cancelQueued(cancelledError());
    if (d->wire)
        d->wire->abort(); // the old session's call ends now (Cancelled)
    d->session = session;
    d->authenticated = session && session->isSignedIn();
    if (session) {
        d->sessionConnections << connect(session, &Session::statusChanged, this,
                                         [this] { d->onSessionStatusChanged(); });
        d->sessionConnections << connect(session, &QObject::destroyed, this,
                                         [this] { d->onSessionDestroyed(); });
        d->sessionConnections << connect(session, &Session::storeUrlChanged, this, [this] {
            ++d->generation;
            d->cancelQueued(cancelledError());
            d->resetState();
        });
        // The store was checked: learn its guest checkout hand-off along with its other facts.
        d->sessionConnections << connect(session, &Session::storeInfoChanged, this, [this] {
            if (!d->session->storeInfo().isEmpty())
                d->learnCheckoutLinks();
            d->updateCheckout();
        });
    }
    d->resetState();
    Q_EMIT sessionChanged();
    if (d->authenticated && !d->guestKey().isEmpty()) {
        // Signed in before we were attached, with a guest cart left over: hand it over now.
        CartPrivate::Operation op;
        op.name = "handover";
        op.run = [this] { d->startHandover(); };
        d->enqueue(std::move(op), true);
    }
}

CartItemModel *Cart::items() const
{
    return d->model;
}

int Cart::itemCount() const
{
    return d->itemCount;
}

qint64 Cart::subtotal() const
{
    return d->subtotal;
}

qint64 Cart::total() const
{
    return d->total;
}

QString Cart::subtotalText() const
{
    return d->currency.format(d->subtotal);
}

QString Cart::totalText() const
{
    return d->currency.format(d->total);
}

Currency Cart::currency() const
{
    return d->currency;
}

bool Cart::isEmpty() const
{
    return d->model->rowCount() == 0;
}

bool Cart::isLoading() const
{
    return d->loading;
}

Error Cart::lastError() const
{
    return d->lastError;
}

QString Cart::cartKey() const
{
    return d->cartKey;
}

QStringList Cart::notices() const
{
    return d->notices;
}

QVariantList Cart::handoverReport() const
{
    return d->handoverReport;
}

Cart::GuestCartPolicy Cart::guestCartPolicy() const
{
    return d->policy;
}

void Cart::setGuestCartPolicy(GuestCartPolicy policy)
{
    if (d->policy == policy)
        return;
    d->policy = policy;
    Q_EMIT guestCartPolicyChanged();
}

Reply *Cart::reload()
{
    if (Reply *shared = d->joinReload())
        return shared;
    return d->call(
            "reload", cartRequest("GET", QString()),
            [this](const QList<CartLine> &) { Q_EMIT reloaded(); }, true);
}

Reply *Cart::addItem(const QString &productId, int quantity, const QVariantMap &variation)
{
    // The store answers every refusal (bad id, 0, over stock) with its own error: no client-side
    // second guessing beyond what cannot be sent at all.
    return d->call("add-item", addItemRequest(productId.trimmed(), quantity, variation),
                   [this, productId](const QList<CartLine> &before) {
                       // The added line: a new one, or the one whose quantity grew.
                       QString key;
                       for (const CartLine &line : d->model->lines()) {
                           auto old = std::find_if(
                                   before.cbegin(), before.cend(),
                                   [&line](const CartLine &b) { return b.key() == line.key(); });
                           if (old == before.cend() || old->quantity() != line.quantity()) {
                               key = line.key();
                               break;
                           }
                       }
                       if (key.isEmpty()) {
                           for (const CartLine &line : d->model->lines()) {
                               if (QString::number(line.productId()) == productId.trimmed() ||
                                   line.sku().compare(productId.trimmed(), Qt::CaseInsensitive) ==
                                           0)
                                   key = line.key();
                           }
                       }
                       Q_EMIT itemAdded(key);
                   });
}

Reply *Cart::setQuantity(const QString &itemKey, int quantity)
{
    if (quantity < 0) {
        const Error error(Error::InvalidRequest, QStringLiteral("Quantity must be a minimum of 0."),
                          QStringLiteral("cocart_quantity_invalid_amount"));
        CartPrivate::Operation op;
        op.name = "set-quantity";
        op.run = [this, error] {
            QTimer::singleShot(0, this, [this, error] { d->failCall(error); });
        };
        op.cancel = [this](const Error &e) { Q_EMIT errorOccurred(e); };
        return d->enqueue(std::move(op));
    }
    const QString path =
            QStringLiteral("/item/") + QString::fromLatin1(QUrl::toPercentEncoding(itemKey));
    if (quantity == 0) {
        // The store refuses quantity 0 (405): removal is DELETE.
        return d->call(
                "set-quantity", cartRequest("DELETE", path),
                [this, itemKey](const QList<CartLine> &) { Q_EMIT quantityChanged(itemKey, 0); });
    }
    const Request request =
            Request::json("POST", QStringLiteral("/cocart/v2/cart") + path,
                          QJsonObject {{QLatin1String("quantity"), QString::number(quantity)}});
    return d->call("set-quantity", request, [this, itemKey, quantity](const QList<CartLine> &) {
        Q_EMIT quantityChanged(itemKey, quantity);
    });
}

Reply *Cart::removeItem(const QString &itemKey)
{
    const QString path =
            QStringLiteral("/item/") + QString::fromLatin1(QUrl::toPercentEncoding(itemKey));
    return d->call("remove-item", cartRequest("DELETE", path),
                   [this, itemKey](const QList<CartLine> &) { Q_EMIT itemRemoved(itemKey); });
}

Reply *Cart::clear()
{
    return d->call("clear", cartRequest("POST", QStringLiteral("/clear")),
                   [this](const QList<CartLine> &) { Q_EMIT cleared(); });
}

} // namespace CoCart
