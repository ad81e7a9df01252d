#include "cart_p.h"

#include "json_p.h"
#include "session_p.h"

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

ApiRequest cartRequest(const QByteArray &method, const QString &route)
{
    ApiRequest request;
    request.method = method;
    request.path = QStringLiteral("/cocart/v2/cart") + route;
    return request;
}

ApiRequest addItemRequest(const QString &productId, int quantity, const QVariantMap &variation)
{
    // `id` and `quantity` must be JSON strings: numbers get 400 rest_invalid_param.
    QJsonObject body {{QLatin1String("id"), productId},
                      {QLatin1String("quantity"), QString::number(quantity)}};
    if (!variation.isEmpty())
        body.insert(QLatin1String("variation"), QJsonObject::fromVariantMap(variation));
    return ApiRequest::json("POST", QStringLiteral("/cocart/v2/cart/add-item"),
                            QJsonDocument(body));
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

void CartPrivate::enqueue(Operation op, bool front)
{
    if (front)
        queue.push_front(std::move(op));
    else
        queue.push_back(std::move(op));
    pump();
    updateLoading();
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
    qCDebug(lcCart) << "run" << op.name << (isGuest() ? "as guest" : "signed in");
    op.run();
}

void CartPrivate::operationDone()
{
    running = false;
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
    running = false;
    updateLoading();
    if (lastError != error) {
        lastError = error;
        Q_EMIT q->lastErrorChanged();
    }
    Q_EMIT q->cartError(error);
    operationDone();
}

void CartPrivate::call(const char *name, ApiRequest request,
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
        sendCart(request, asGuest, [this, gen, asGuest, succeeded](const ApiResponse &response) {
            if (gen != generation) // signed out meanwhile: say why, never show the answer
                return failCall(response.error ? errorOf(response) : cancelledError());
            if (response.error)
                return failCall(errorOf(response));
            const QList<CartLine> before = model->lines();
            Error error;
            if (!applyCart(response, asGuest, &error))
                return failCall(error);
            running = false;
            updateLoading();
            if (lastError.isError()) {
                lastError = Error();
                Q_EMIT q->lastErrorChanged();
            }
            succeeded(before);
            operationDone();
        });
    };
    op.cancel = [this](const Error &error) {
        // Dropped before it ran: still exactly one signal for the call.
        if (lastError != error) {
            lastError = error;
            Q_EMIT q->lastErrorChanged();
        }
        Q_EMIT q->cartError(error);
    };
    enqueue(std::move(op));
}

bool CartPrivate::isGuest() const
{
    return !session || !session->isSignedIn();
}

void CartPrivate::sendCart(ApiRequest request, bool asGuest, Transport::Callback done)
{
    SessionPrivate::SendOptions options;
    // A guest call never carries a Bearer, and a signed-in call never carries a guest key: the
    // two together would hand the guest cart over and wipe the account's cart.
    options.authenticate = !asGuest;
    if (asGuest) {
        const QString key = guestKey();
        if (!key.isEmpty())
            request.headers.append({kCartKeyHeader, key.toUtf8()});
    }
    SessionPrivate::get(session)->send(std::move(request), q, std::move(done), options);
}

void CartPrivate::sendHandover(ApiRequest request, const QString &key, Transport::Callback done)
{
    request.headers.append({kCartKeyHeader, key.toUtf8()});
    SessionPrivate::SendOptions options;
    options.authenticate = true;
    SessionPrivate::get(session)->send(std::move(request), q, std::move(done), options);
}

Error CartPrivate::errorOf(const ApiResponse &response)
{
    Error error = response.error;
    if (!error.code().isEmpty() || response.body.isEmpty())
        return error;
    // wp_send_json_error's shape (the 403 for a user id as guest key):
    // {"success":false,"data":[{"code":"…","message":"…"}]}
    const QJsonObject object = QJsonDocument::fromJson(response.body).object();
    const QJsonArray data = object.value(QLatin1String("data")).toArray();
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

bool CartPrivate::applyCart(const ApiResponse &response, bool asGuest, Error *error)
{
    const QJsonObject object = response.object();
    QList<CartLine> lines;
    Currency newCurrency;
    if (!parseCart(object, currency, &lines, &newCurrency)) {
        *error = Error(Error::BadResponse, QStringLiteral("The store's answer is not a cart."),
                       QStringLiteral("bad_response"), response.httpStatus);
        return false;
    }
    QString key = QString::fromUtf8(response.header(kCartKeyHeader));
    if (key.isEmpty())
        key = object.value(QLatin1String("cart_key")).toString();
    if (asGuest && !key.isEmpty())
        setGuestKey(key);
    setCartKey(key);

    const QJsonObject totals = object.value(QLatin1String("totals")).toObject();
    const qint64 newSubtotal = minorUnitsOf(totals.value(QLatin1String("subtotal")));
    const qint64 newTotal = minorUnitsOf(totals.value(QLatin1String("total")));
    const QJsonValue count = object.value(QLatin1String("item_count"));
    int newCount = 0;
    if (count.isDouble()) {
        newCount = int(count.toDouble());
    } else {
        for (const CartLine &line : qAsConst(lines))
            newCount += line.quantity;
    }
    // `[]` when there are none, else {"success":[…], "notice":[…]} (clear says "Cart is cleared."
    // as a notice).
    QStringList newNotices;
    const QJsonObject noticeObject = object.value(QLatin1String("notices")).toObject();
    for (const char *type : {"success", "notice"}) {
        const QJsonArray list = noticeObject.value(QLatin1String(type)).toArray();
        for (const QJsonValue &notice : list)
            newNotices << notice.toString();
    }

    const bool different = newCurrency != currency || newSubtotal != subtotal ||
            newTotal != total || newCount != itemCount || newNotices != notices ||
            model->lines() != lines;
    currency = newCurrency;
    subtotal = newSubtotal;
    total = newTotal;
    itemCount = newCount;
    notices = newNotices;
    model->setLines(lines, currency);
    if (different)
        Q_EMIT q->changed();
    return true;
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
    const bool different = itemCount != 0 || subtotal != 0 || total != 0 || !notices.isEmpty() ||
            !model->lines().isEmpty();
    subtotal = 0;
    total = 0;
    itemCount = 0;
    notices.clear();
    model->setLines({}, currency);
    setCartKey(isGuest() ? guestKey() : QString());
    if (different)
        Q_EMIT q->changed();
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

void CartPrivate::handoverFailed(const Error &error)
{
    // The guest key is kept: the next sign-in tries again (an empty guest cart is never sent).
    qCWarning(lcCart).noquote() << "guest cart handover failed:" << error.toString();
    failCall(error);
}

void CartPrivate::startHandover()
{
    if (!session) {
        operationDone();
        return;
    }
    const quint64 gen = generation;
    const QString key = guestKey();
    const ApiRequest getCart = cartRequest("GET", QString());

    auto finish = [this](const QStringList &notReAdded) {
        running = false;
        updateLoading();
        if (lastError.isError()) {
            lastError = Error();
            Q_EMIT q->lastErrorChanged();
        }
        Q_EMIT q->guestCartHandedOver(notReAdded);
        operationDone();
    };
    // Loads the account's own cart (Bearer, no guest key) into the model.
    auto loadAccountCart = [this, gen, getCart](std::function<void()> then) {
        sendCart(getCart, false, [this, gen, then](const ApiResponse &response) {
            if (gen != generation)
                return operationDone();
            if (response.error)
                return handoverFailed(errorOf(response));
            Error error;
            if (!applyCart(response, false, &error))
                return handoverFailed(error);
            then();
        });
    };
    // Hands the guest cart over: the store replaces the account's cart with it.
    auto handOver = [this, gen, key, getCart](std::function<void()> then) {
        if (!session->isSignedIn())
            return handoverFailed(cancelledError());
        sendHandover(getCart, key, [this, gen, then](const ApiResponse &response) {
            if (gen != generation)
                return operationDone();
            if (response.error)
                return handoverFailed(errorOf(response));
            Error error;
            if (!applyCart(response, false, &error))
                return handoverFailed(error);
            setGuestKey(QString()); // it is the account's cart now
            then();
        });
    };

    if (key.isEmpty()) {
        // No guest cart: just show the account's cart.
        loadAccountCart([this] {
            running = false;
            updateLoading();
            Q_EMIT q->reloaded();
            operationDone();
        });
        return;
    }

    // 1. Look at the guest cart as the guest (no Bearer: nothing moves). Even an empty guest
    //    cart's key, sent with a Bearer, would wipe the account's cart.
    sendCart(
            getCart, true,
            [this, gen, finish, loadAccountCart, handOver, getCart](const ApiResponse &response) {
                if (gen != generation)
                    return operationDone();
                if (response.error)
                    return handoverFailed(errorOf(response));
                QList<CartLine> guestLines;
                Currency guestCurrency;
                if (!parseCart(response.object(), currency, &guestLines, &guestCurrency)) {
                    return handoverFailed(Error(
                            Error::BadResponse, QStringLiteral("The store's answer is not a cart."),
                            QStringLiteral("bad_response"), response.httpStatus));
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
                sendCart(getCart, false, [this, gen, finish, handOver](const ApiResponse &account) {
                    if (gen != generation)
                        return operationDone();
                    if (account.error)
                        return handoverFailed(errorOf(account));
                    QList<CartLine> accountLines;
                    Currency accountCurrency;
                    if (!parseCart(account.object(), currency, &accountLines, &accountCurrency)) {
                        return handoverFailed(
                                Error(Error::BadResponse,
                                      QStringLiteral("The store's answer is not a cart."),
                                      QStringLiteral("bad_response"), account.httpStatus));
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
        running = false;
        updateLoading();
        if (lastError.isError()) {
            lastError = Error();
            Q_EMIT q->lastErrorChanged();
        }
        if (!notReAdded.isEmpty())
            qCInfo(lcCart) << notReAdded.size() << "account line(s) could not be re-added";
        Q_EMIT q->guestCartHandedOver(notReAdded);
        operationDone();
        return;
    }
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
             [this, gen, line, accountLines, notReAdded](const ApiResponse &response) mutable {
                 if (gen != generation)
                     return operationDone();
                 Error error;
                 if (response.error || !applyCart(response, false, &error)) {
                     qCInfo(lcCart).noquote()
                             << "could not re-add an account line:"
                             << (response.error ? errorOf(response) : error).toString();
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
    // Calls still queued end with a signal nobody may be listening to any more: drop them.
    d->queue.clear();
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
    d->session = session;
    d->authenticated = session && session->isSignedIn();
    if (session) {
        d->sessionConnections << connect(session, &Session::statusChanged, this,
                                         [this] { d->onSessionStatusChanged(); });
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

void Cart::reload()
{
    d->call("reload", cartRequest("GET", QString()),
            [this](const QList<CartLine> &) { Q_EMIT reloaded(); });
}

void Cart::addItem(const QString &productId, int quantity, const QVariantMap &variation)
{
    // The store answers every refusal (bad id, 0, over stock) with its own error: no client-side
    // second guessing beyond what cannot be sent at all.
    d->call("add-item", addItemRequest(productId.trimmed(), quantity, variation),
            [this, productId](const QList<CartLine> &before) {
                // The added line: a new one, or the one whose quantity grew.
                QString key;
                for (const CartLine &line : d->model->lines()) {
                    auto old =
                            std::find_if(before.cbegin(), before.cend(),
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

void Cart::setQuantity(const QString &itemKey, int quantity)
{
    if (quantity < 0) {
        const Error error(Error::InvalidRequest, QStringLiteral("Quantity must be a minimum of 0."),
                          QStringLiteral("cocart_quantity_invalid_amount"));
        CartPrivate::Operation op;
        op.name = "set-quantity";
        op.run = [this, error] {
            QTimer::singleShot(0, this, [this, error] { d->failCall(error); });
        };
        op.cancel = [this](const Error &e) { Q_EMIT cartError(e); };
        d->enqueue(std::move(op));
        return;
    }
    const QString path =
            QStringLiteral("/item/") + QString::fromLatin1(QUrl::toPercentEncoding(itemKey));
    if (quantity == 0) {
        // The store refuses quantity 0 (405): removal is DELETE.
        d->call("set-quantity", cartRequest("DELETE", path),
                [this, itemKey](const QList<CartLine> &) { Q_EMIT quantityChanged(itemKey, 0); });
        return;
    }
    ApiRequest request = ApiRequest::json(
            "POST", QStringLiteral("/cocart/v2/cart") + path,
            QJsonDocument(QJsonObject {{QLatin1String("quantity"), QString::number(quantity)}}));
    d->call("set-quantity", request, [this, itemKey, quantity](const QList<CartLine> &) {
        Q_EMIT quantityChanged(itemKey, quantity);
    });
}

void Cart::removeItem(const QString &itemKey)
{
    const QString path =
            QStringLiteral("/item/") + QString::fromLatin1(QUrl::toPercentEncoding(itemKey));
    d->call("remove-item", cartRequest("DELETE", path),
            [this, itemKey](const QList<CartLine> &) { Q_EMIT itemRemoved(itemKey); });
}

void Cart::clear()
{
    d->call("clear", cartRequest("POST", QStringLiteral("/clear")),
            [this](const QList<CartLine> &) { Q_EMIT cleared(); });
}

} // namespace CoCart
