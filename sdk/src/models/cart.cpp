#include "cart_p.h"

#include "json_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace CoCart {

Q_LOGGING_CATEGORY(lcCart, "cocart.cart", QtInfoMsg)

namespace {

const QByteArray kCartKeyHeader = "CoCart-API-Cart-Key";

Error cancelledError()
{
    return Error(Error::Cancelled,
                 QStringLiteral("The cart call was abandoned: the session signed out or changed."),
                 QStringLiteral("cancelled"));
}

Error noSessionError()
{
    return Error(Error::Configuration, QStringLiteral("The cart has no session."),
                 QStringLiteral("cocart_no_session"));
}

Request cartRequest(const QByteArray &method, const QString &route)
{
    Request request;
    request.method = method;
    request.path = QStringLiteral("/cocart/v2/cart") + route;
    return request;
}

Request addItemRequest(const QString &productId, int quantity, const QVariantMap &variation)
{
    // `id` and `quantity` must be JSON strings: numbers get 400 rest_invalid_param.
    QJsonObject body {{QLatin1String("id"), productId},
                      {QLatin1String("quantity"), QString::number(quantity)}};
    if (!variation.isEmpty())
        body.insert(QLatin1String("variation"), QJsonObject::fromVariantMap(variation));
    return Request::json("POST", QStringLiteral("/cocart/v2/cart/add-item"), body);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// CartPrivate

CartPrivate::CartPrivate(Cart *q) : q(q), model(new CartItemModel(q))
{
    // The checkout URL follows the guest key, the sign-in state and the store.
    QObject::connect(q, &Cart::cartKeyChanged, q, &Cart::checkoutUrlChanged);
    QObject::connect(q, &Cart::sessionChanged, q, &Cart::checkoutUrlChanged);
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
    qCDebug(lcCart) << "run" << op.name << (isGuest() ? "as guest" : "signed in");
    op.run();
}

void CartPrivate::operationDone()
{
    // The outcome signals have run (and may have queued more calls): only now is the cart idle.
    if (running_ && running_->isRunning())
        running_->fail(cancelledError()); // an operation that ended without a word
    running = false;
    running_.reset();
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
    Q_EMIT q->errorOccurred(error);
    if (completer)
        completer->fail(error);
    operationDone();
}

void CartPrivate::succeedCall(const std::function<void()> &emitSuccess)
{
    if (lastError.isError()) {
        lastError = Error();
        Q_EMIT q->lastErrorChanged();
    }
    const auto completer = running_;
    if (emitSuccess)
        emitSuccess();
    if (completer)
        completer->finish();
    operationDone();
}

Reply *CartPrivate::call(const char *name, Request request,
                         std::function<void(const QList<CartLine> &before)> succeeded)
{
    Operation op;
    op.name = name;
    op.run = [this, request, succeeded] {
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
    op.cancel = [this](const Error &error) {
        // Dropped before it ran: still exactly one signal for the call.
        if (lastError != error) {
            lastError = error;
            Q_EMIT q->lastErrorChanged();
        }
        Q_EMIT q->errorOccurred(error);
    };
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
    request.authentication =
            asGuest ? Request::Authentication::None : Request::Authentication::IfSignedIn;
    if (asGuest) {
        const QString key = guestKey();
        if (!key.isEmpty())
            request.headers.append({kCartKeyHeader, key.toUtf8()});
    }
    wire = session->send(request);
    wire->then(q, std::move(done));
}

void CartPrivate::sendHandover(Request request, const QString &key,
                               std::function<void(Reply &)> done)
{
    request.headers.append({kCartKeyHeader, key.toUtf8()});
    request.authentication = Request::Authentication::IfSignedIn;
    wire = session->send(request);
    wire->then(q, std::move(done));
}

Error CartPrivate::errorOf(const Reply &reply)
{
    Error error = reply.error();
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
        for (const QJsonValue &item : array)
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
    State next;
    if (!parseCart(object, currency, &next.lines, &next.currency)) {
        *error = Error(Error::BadResponse, QStringLiteral("The store's answer is not a cart."),
                       QStringLiteral("bad_response"), reply.httpStatus());
        return false;
    }
    QString key = QString::fromUtf8(reply.header(kCartKeyHeader));
    if (key.isEmpty())
        key = object.value(QLatin1String("cart_key")).toString();
    if (asGuest && !key.isEmpty())
        setGuestKey(key);
    setCartKey(key);

    const QJsonObject totals = object.value(QLatin1String("totals")).toObject();
    next.subtotal = minorUnitsOf(totals.value(QLatin1String("subtotal")));
    next.total = minorUnitsOf(totals.value(QLatin1String("total")));
    const QJsonValue count = object.value(QLatin1String("item_count"));
    if (count.isDouble()) {
        next.itemCount = int(count.toDouble());
    } else {
        for (const CartLine &line : qAsConst(next.lines))
            next.itemCount += line.quantity;
    }
    // `[]` when there are none, else {"success":[…], "notice":[…]} (clear says "Cart is cleared."
    // as a notice). Store notices carry HTML: shown as plain text.
    const QJsonObject noticeObject = object.value(QLatin1String("notices")).toObject();
    for (const char *type : {"success", "notice"}) {
        const QJsonArray list = noticeObject.value(QLatin1String(type)).toArray();
        for (const QJsonValue &notice : list)
            next.notices << Error::plainText(notice.toString());
    }
    setState(next);
    return true;
}

void CartPrivate::setState(const State &next)
{
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
    if (countChanged)
        Q_EMIT q->itemCountChanged();
    if (noticesChanged)
        Q_EMIT q->noticesChanged();
    if (wasEmpty != (model->rowCount() == 0))
        Q_EMIT q->emptyChanged();
    if (currencyChanged || subtotalChanged || totalChanged || countChanged || noticesChanged ||
        linesChanged)
        Q_EMIT q->changed();
}

QSettings *CartPrivate::settings() const
{
    if (customSettings)
        return customSettings;
    if (!defaultSettings)
        defaultSettings = std::make_unique<QSettings>();
    return defaultSettings.get();
}

QString CartPrivate::settingsKey() const
{
    const QUrl url = session ? session->storeUrl() : QUrl();
    const QString normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo |
                                            QUrl::RemoveQuery | QUrl::RemoveFragment)
                                       .toString(QUrl::FullyEncoded);
    // '/' would make QSettings groups: encode the URL as one key.
    return QStringLiteral("CoCart/guestCartKeys/") +
            QString::fromLatin1(QUrl::toPercentEncoding(normalized));
}

QString CartPrivate::guestKey() const
{
    if (!session || session->storeUrl().isEmpty())
        return {};
    return settings()->value(settingsKey()).toString();
}

void CartPrivate::setGuestKey(const QString &key)
{
    if (!session || session->storeUrl().isEmpty() || guestKey() == key)
        return;
    QSettings *s = settings();
    if (key.isEmpty()) {
        qCDebug(lcCart) << "guest cart key forgotten";
        s->remove(settingsKey());
    } else {
        qCDebug(lcCart) << "guest cart key kept";
        s->setValue(settingsKey(), key);
    }
    s->sync();
    if (s->status() != QSettings::NoError)
        qCWarning(lcCart) << "could not save the guest cart key:" << s->status();
}

void CartPrivate::setCartKey(const QString &key)
{
    if (cartKey == key)
        return;
    cartKey = key;
    Q_EMIT q->cartKeyChanged();
}

void CartPrivate::resetState()
{
    State empty;
    empty.currency = currency;
    setState(empty);
    setCartKey(isGuest() ? guestKey() : QString());
}

void CartPrivate::onSessionStatusChanged()
{
    const bool nowSignedIn = session && session->isSignedIn();
    if (nowSignedIn != authenticated)
        Q_EMIT q->checkoutUrlChanged();
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

void CartPrivate::onSignedOut()
{
    // The account's cart must not show (or be changed) any more; answers still on their way
    // are dropped, calls still waiting are cancelled. A new guest cart starts: no key until the
    // store hands one out.
    ++generation;
    cancelQueued(cancelledError());
    resetState();
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

    auto finish = [this](const QStringList &notReAdded) {
        succeedCall([this, notReAdded] { Q_EMIT q->guestCartHandedOver(notReAdded); });
    };
    // Loads the account's own cart (Bearer, no guest key) into the model.
    auto loadAccountCart = [this, stale, getCart](std::function<void()> then) {
        sendCart(getCart, false, [this, stale, then](Reply &reply) {
            if (stale())
                return failCall(cancelledError());
            if (reply.error())
                return handoverFailed(errorOf(reply));
            Error error;
            if (!applyCart(reply, false, &error))
                return handoverFailed(error);
            then();
        });
    };
    // Hands the guest cart over: the store replaces the account's cart with it.
    auto handOver = [this, stale, key, getCart](std::function<void()> then) {
        if (stale() || !session->isSignedIn())
            return handoverFailed(cancelledError());
        sendHandover(getCart, key, [this, stale, then](Reply &reply) {
            if (stale())
                return failCall(cancelledError());
            if (reply.error())
                return handoverFailed(errorOf(reply));
            Error error;
            if (!applyCart(reply, false, &error))
                return handoverFailed(error);
            setGuestKey(QString()); // it is the account's cart now
            then();
        });
    };

    if (key.isEmpty()) {
        // No guest cart: just show the account's cart.
        loadAccountCart([this] { succeedCall([this] { Q_EMIT q->reloaded(); }); });
        return;
    }

    // 1. Look at the guest cart as the guest (no Bearer: nothing moves). Even an empty guest
    //    cart's key, sent with a Bearer, would wipe the account's cart.
    sendCart(
            getCart, true, [this, stale, finish, loadAccountCart, handOver, getCart](Reply &reply) {
                if (stale())
                    return failCall(cancelledError());
                if (reply.error())
                    return handoverFailed(errorOf(reply));
                QList<CartLine> guestLines;
                Currency guestCurrency;
                if (!parseCart(reply.object(), currency, &guestLines, &guestCurrency)) {
                    return handoverFailed(Error(
                            Error::BadResponse, QStringLiteral("The store's answer is not a cart."),
                            QStringLiteral("bad_response"), reply.httpStatus()));
                }
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
                        return handoverFailed(
                                Error(Error::BadResponse,
                                      QStringLiteral("The store's answer is not a cart."),
                                      QStringLiteral("bad_response"), account.httpStatus()));
                    }
                    if (accountLines.isEmpty()) {
                        handOver([finish] { finish({}); });
                        return;
                    }
                    handOver([this, accountLines] { mergeReAdd(accountLines, {}); });
                });
            });
}

void CartPrivate::mergeReAdd(QList<CartLine> accountLines, QStringList notReAdded)
{
    if (accountLines.isEmpty()) {
        if (!notReAdded.isEmpty())
            qCInfo(lcCart) << notReAdded.size() << "account line(s) could not be re-added";
        succeedCall([this, notReAdded] { Q_EMIT q->guestCartHandedOver(notReAdded); });
        return;
    }
    if (!session)
        return failCall(cancelledError());
    const CartLine line = accountLines.takeFirst();
    // Quantities add up for a product the guest also has, within the store's limit.
    int inCart = 0;
    int max = line.maxQuantity;
    const int row = model->indexOfKey(line.key);
    if (row >= 0) {
        inCart = model->lines().at(row).quantity;
        max = model->lines().at(row).maxQuantity;
    }
    int quantity = line.quantity;
    if (max >= 0)
        quantity = qMin(quantity, max - inCart);
    if (quantity <= 0) {
        if (inCart == 0)
            notReAdded << line.name; // out of stock now
        return mergeReAdd(accountLines, notReAdded);
    }
    const quint64 gen = generation;
    // A variation line's id is the variation's: adding it needs no attributes.
    sendCart(addItemRequest(QString::number(line.productId), quantity, {}), false,
             [this, gen, line, accountLines, notReAdded](Reply &reply) mutable {
                 if (gen != generation)
                     return failCall(cancelledError());
                 Error error;
                 if (reply.error() || !applyCart(reply, false, &error)) {
                     qCInfo(lcCart).noquote()
                             << "could not re-add an account line:"
                             << (reply.error() ? errorOf(reply) : error).toString();
                     notReAdded << line.name;
                 }
                 mergeReAdd(accountLines, notReAdded);
             });
}

// ---------------------------------------------------------------------------------------------
// Cart

Cart::Cart(QObject *parent) : QObject(parent), d(std::make_unique<CartPrivate>(this)) { }

Cart::~Cart()
{
    // Calls still queued or running end their Replies (Cancelled); the Cart's own signals are
    // not emitted from its destructor.
    const Error error = cancelledError();
    for (CartPrivate::Operation &op : d->queue) {
        if (op.completer)
            op.completer->fail(error);
    }
    d->queue.clear();
    if (d->running_)
        d->running_->fail(error);
    if (d->wire)
        d->wire->abort();
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

QUrl Cart::checkoutUrl() const
{
    if (!d->session)
        return {};
    const QUrl store =
            d->session->storeUrl().adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo |
                                            QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (store.isEmpty() || !store.isValid())
        return {};
    auto page = [&store](const QString &path) {
        QUrl url = store;
        url.setPath(store.path() + path);
        return url;
    };
    if (d->session->isSignedIn()) {
        // A customer's cart cannot be loaded by key: sign in on the website, then check out.
        QUrl login = page(QStringLiteral("/wp-login.php"));
        QUrlQuery query;
        query.addQueryItem(
                QStringLiteral("redirect_to"),
                QString::fromLatin1(QUrl::toPercentEncoding(
                        page(QStringLiteral("/checkout/")).toString(QUrl::FullyEncoded))));
        login.setQuery(query);
        return login;
    }
    const QString key = d->guestKey();
    if (key.isEmpty())
        return {};
    QUrl cart = page(QStringLiteral("/cart/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cocart-load-cart"),
                       QString::fromLatin1(QUrl::toPercentEncoding(key)));
    cart.setQuery(query);
    return cart;
}

QStringList Cart::notices() const
{
    return d->notices;
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

void Cart::setGuestKeySettings(QSettings *settings)
{
    d->customSettings = settings;
    if (d->isGuest())
        d->setCartKey(d->guestKey());
}

QString Cart::savedGuestKey() const
{
    return d->guestKey();
}

Reply *Cart::reload()
{
    return d->call("reload", cartRequest("GET", QString()),
                   [this](const QList<CartLine> &) { Q_EMIT reloaded(); });
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
                                   [&line](const CartLine &b) { return b.key == line.key; });
                           if (old == before.cend() || old->quantity != line.quantity) {
                               key = line.key;
                               break;
                           }
                       }
                       if (key.isEmpty()) {
                           for (const CartLine &line : d->model->lines()) {
                               if (QString::number(line.productId) == productId.trimmed() ||
                                   line.sku.compare(productId.trimmed(), Qt::CaseInsensitive) == 0)
                                   key = line.key;
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
