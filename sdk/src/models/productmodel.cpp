#include <CoCart/ProductModel.h>

#include "json_p.h"
#include "nostore_p.h"

#include <CoCart/Reply.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

namespace CoCart {

Q_LOGGING_CATEGORY(lcProducts, "cocart.products", QtWarningMsg)

namespace {

Error cancelledError()
{
    return Error::cancelled(QStringLiteral("The product list's session changed or went away."));
}

int headerInt(const Reply &reply, const QByteArray &name, int fallback)
{
    bool ok = false;
    const int value = reply.header(name).trimmed().toInt(&ok);
    return ok ? value : fallback;
}

} // namespace

class ProductModelPrivate
{
public:
    explicit ProductModelPrivate(ProductModel *q) : q(q) { }

    void scheduleReload();
    //! Not signing in, restoring or signing out: the automatic loads wait for that.
    bool sessionSettled() const;
    Reply *load(int page);
    void loadCategories();
    //! Drops what belongs to the current session: answers on their way, rows, categories.
    void forgetSession();
    void fail(const Error &error, ReplyCompleter &completer);
    void setLoading(bool on);
    void setLastError(const Error &error);
    void adoptCurrency(const QJsonArray &products);

    ProductModel *q;
    QPointer<Session> session;
    QString search;
    QString category;
    int pageSize = 10;
    QList<Product> products;
    int totalCount = 0;
    int totalPages = 0;
    int loadedPage = 0;
    bool loading = false;
    Error lastError;
    Currency currency;
    bool currencySet = false; //!< set by the user: the products' currency does not override it
    bool currencyKnown = false;
    QVariantList categories;
    bool categoriesLoaded = false;
    bool categoriesLoading = false;
    quint64 generation = 0; //!< bumped by every reload: answers for an older one are dropped
    quint64 sessionGeneration = 0; //!< bumped per session: categories of an old one are dropped
    bool reloadScheduled = false;
    QPointer<Reply> pageWire;
    QPointer<Reply> categoriesWire;
};

void ProductModelPrivate::fail(const Error &error, ReplyCompleter &completer)
{
    qCInfo(lcProducts).noquote() << "products:" << error.toString();
    setLoading(false);
    setLastError(error);
    Q_EMIT q->errorOccurred(error);
    completer.fail(error);
}

void ProductModelPrivate::forgetSession()
{
    ++generation;
    ++sessionGeneration;
    reloadScheduled = false;
    categoriesLoaded = false;
    categoriesLoading = false;
    // Their failure (Cancelled) is stale by now: dropped by the generation checks.
    if (pageWire)
        pageWire->abort();
    if (categoriesWire)
        categoriesWire->abort();
    setLoading(false);
    if (!products.isEmpty()) {
        q->beginResetModel();
        products.clear();
        q->endResetModel();
    }
    loadedPage = 0;
    totalPages = 0;
    if (totalCount != 0) {
        totalCount = 0;
    }
    Q_EMIT q->countChanged();
    if (!categories.isEmpty()) {
        categories.clear();
        Q_EMIT q->categoriesChanged();
    }
}

void ProductModelPrivate::scheduleReload()
{
    // Several properties set in a row (QML bindings) give one request.
    if (!session)
        return;
    ++generation; // answers for the old search/category are stale already
    if (reloadScheduled)
        return;
    reloadScheduled = true;
    QTimer::singleShot(0, q, [this] {
        if (!reloadScheduled || !sessionSettled())
            return; // a session still signing in or restoring: its statusChanged picks it up
        q->reload();
    });
}

bool ProductModelPrivate::sessionSettled() const
{
    // Signing in, restoring or signing out: whether the load goes out as the guest or as the
    // user is not known yet. One load once it is, instead of a guest load and another after it.
    const Session::Status status = session ? session->status() : Session::Status::SignedOut;
    return status != Session::Status::SigningIn && status != Session::Status::Restoring &&
            status != Session::Status::SigningOut;
}

void ProductModelPrivate::setLoading(bool on)
{
    if (loading == on)
        return;
    loading = on;
    Q_EMIT q->loadingChanged();
}

void ProductModelPrivate::setLastError(const Error &error)
{
    if (lastError == error)
        return;
    lastError = error;
    Q_EMIT q->lastErrorChanged();
}

void ProductModelPrivate::adoptCurrency(const QJsonArray &products)
{
    // The store info (/store) carries no currency; every product's `prices.currency` does.
    if (currencySet || products.isEmpty())
        return;
    const QJsonValue value = products.first()
                                     .toObject()
                                     .value(QLatin1String("prices"))
                                     .toObject()
                                     .value(QLatin1String("currency"));
    if (!value.isObject())
        return;
    const Currency found = Currency::fromJson(value.toObject());
    currencyKnown = true;
    if (found == currency)
        return;
    currency = found;
    Q_EMIT q->currencyChanged();
    if (!this->products.isEmpty()) {
        Q_EMIT q->dataChanged(q->index(0), q->index(int(this->products.size()) - 1),
                              {ProductModel::PriceTextRole, ProductModel::RegularPriceTextRole,
                               ProductModel::VariationsRole});
    }
}

Reply *ProductModelPrivate::load(int page)
{
    ReplyCompleter completer(q);
    if (page == 1)
        reloadScheduled = false;
    if (!session) {
        const Error error(Error::Configuration, QStringLiteral("The product list has no session."),
                          QStringLiteral("cocart_no_session"));
        QTimer::singleShot(0, q, [this, error, completer]() mutable { fail(error, completer); });
        return completer.reply();
    }
    if (page == 1) {
        ++generation;
        if (pageWire)
            pageWire->abort(); // replaced: its answer would be dropped anyway
    }
    const quint64 gen = generation;
    Request request;
    request.setPath(QStringLiteral("/cocart/v2/products"))
            .addQueryItem(QStringLiteral("page"), QString::number(page))
            .addQueryItem(QStringLiteral("per_page"), QString::number(pageSize));
    if (!search.isEmpty())
        request.addQueryItem(QStringLiteral("search"),
                             QString::fromLatin1(QUrl::toPercentEncoding(search)));
    if (!category.isEmpty())
        request.addQueryItem(QStringLiteral("category"),
                             QString::fromLatin1(QUrl::toPercentEncoding(category)));
    setLoading(true);
    pageWire = session->send(request);
    completer.setAbortHandler([wire = pageWire] {
        if (wire)
            wire->abort();
    });
    pageWire->then(q, [this, gen, page, completer](Reply &response) mutable {
        if (gen != generation) {
            completer.fail(cancelledError()); // a newer reload (or session) replaced this one
            return;
        }
        if (response.error()) {
            // A wrong address answers with a 404 or a web page: say that, not the page.
            const QString store =
                    session ? session->storeUrl().toDisplayString(QUrl::RemoveUserInfo) : QString();
            return fail(NoStore::diagnose(response.error(), response.json(), store), completer);
        }
        const QJsonValue value = response.json();
        QJsonArray array;
        int bodyTotal = -1;
        int bodyPages = -1;
        if (value.isObject()) { // CoCart v2: {products, page, total_pages, total_products}
            const QJsonObject object = value.toObject();
            array = object.value(QLatin1String("products")).toArray();
            bodyTotal = intOr(object.value(QLatin1String("total_products")), -1);
            bodyPages = intOr(object.value(QLatin1String("total_pages")), -1);
        } else if (value.isArray()) {
            array = value.toArray();
        } else {
            return fail(Error(Error::BadResponse,
                              QStringLiteral("The store's product list is not a list."),
                              QStringLiteral("bad_response"), response.httpStatus()),
                        completer);
        }
        QList<Product> loaded;
        loaded.reserve(array.size());
        for (const auto &product : qAsConst(array))
            loaded.append(Product::fromJson(product.toObject()));
        const int newTotal =
                headerInt(response, "X-WP-Total", bodyTotal >= 0 ? bodyTotal : int(loaded.size()));
        const int newPages = headerInt(response, "X-WP-TotalPages", bodyPages >= 0 ? bodyPages : 1);

        adoptCurrency(array);
        // Paging state first: views call canFetchMore()/fetchMore() from the row signals.
        loadedPage = page;
        totalCount = newTotal;
        totalPages = newPages;
        if (page == 1) {
            q->beginResetModel();
            products = loaded;
            q->endResetModel();
        } else if (!loaded.isEmpty()) {
            q->beginInsertRows({}, int(products.size()), int(products.size() + loaded.size()) - 1);
            products.append(loaded);
            q->endInsertRows();
        }
        setLoading(false);
        setLastError({});
        Q_EMIT q->countChanged();
        Q_EMIT q->loaded();
        completer.finish(response);
    });
    return completer.reply();
}

void ProductModelPrivate::loadCategories()
{
    if (!session || categoriesLoaded || categoriesLoading)
        return;
    categoriesLoading = true;
    Request request;
    request.setPath(QStringLiteral("/cocart/v2/products/categories"));
    const quint64 gen = sessionGeneration;
    categoriesWire = session->send(request);
    categoriesWire->then(q, [this, gen](Reply &response) {
        if (gen != sessionGeneration)
            return; // asked of a session this model no longer shows
        categoriesLoading = false;
        if (response.error()) {
            // Tried again with the next reload; the products themselves still load, and their
            // error (or success) is what lastError shows.
            qCInfo(lcProducts).noquote() << "categories:" << response.error().toString();
            return;
        }
        QVariantList list;
        const QJsonArray array = response.array();
        for (const auto &value : array) {
            const QJsonObject object = value.toObject();
            list.append(QVariantMap {
                    {QStringLiteral("id"), object.value(QLatin1String("id")).toInteger()},
                    {QStringLiteral("name"), object.value(QLatin1String("name")).toString()},
                    {QStringLiteral("slug"), object.value(QLatin1String("slug")).toString()},
                    {QStringLiteral("count"), object.value(QLatin1String("count")).toInt()},
            });
        }
        categoriesLoaded = true;
        if (list != categories) {
            categories = list;
            Q_EMIT q->categoriesChanged();
        }
    });
}

ProductModel::ProductModel(QObject *parent)
    : QAbstractListModel(parent), d(std::make_unique<ProductModelPrivate>(this))
{ }

ProductModel::~ProductModel()
{
    // The one ownership rule (Reply.h): running Replies end Cancelled, kept ones outlive the
    // model; the model's own signals are not emitted from its destructor.
    blockSignals(true);
    ++d->generation;
    ReplyCompleter::releaseChildren(this, QStringLiteral("The product list was destroyed."));
    for (const QPointer<Reply> &wire : {d->pageWire, d->categoriesWire}) {
        if (wire)
            wire->abort();
    }
}

Session *ProductModel::session() const
{
    return d->session;
}

void ProductModel::setSession(Session *session)
{
    if (d->session == session)
        return;
    if (d->session)
        disconnect(d->session, nullptr, this, nullptr);
    d->forgetSession();
    d->session = session;
    if (session) {
        // Its running calls fail (Cancelled) as it goes: loading ends with that error.
        connect(session, &QObject::destroyed, this, [this] {
            d->session = nullptr;
            Q_EMIT sessionChanged();
        });
        // A load that waited for the session to settle goes now (from the event loop).
        connect(session, &Session::statusChanged, this, [this] {
            if (d->reloadScheduled && d->sessionSettled()) {
                d->reloadScheduled = false;
                d->scheduleReload();
            }
        });
    }
    Q_EMIT sessionChanged();
    d->scheduleReload();
}

QString ProductModel::search() const
{
    return d->search;
}

void ProductModel::setSearch(const QString &search)
{
    if (d->search == search)
        return;
    d->search = search;
    Q_EMIT searchChanged();
    d->scheduleReload();
}

QString ProductModel::category() const
{
    return d->category;
}

void ProductModel::setCategory(const QString &category)
{
    if (d->category == category)
        return;
    d->category = category;
    Q_EMIT categoryChanged();
    d->scheduleReload();
}

int ProductModel::pageSize() const
{
    return d->pageSize;
}

void ProductModel::setPageSize(int size)
{
    // CoCart accepts 1–100 (anything else is 400 rest_invalid_param).
    size = qBound(1, size, 100);
    if (d->pageSize == size)
        return;
    d->pageSize = size;
    Q_EMIT pageSizeChanged();
    d->scheduleReload();
}

int ProductModel::totalCount() const
{
    return d->totalCount;
}

bool ProductModel::isLoading() const
{
    return d->loading;
}

bool ProductModel::hasMore() const
{
    return d->loadedPage > 0 && d->loadedPage < d->totalPages;
}

Error ProductModel::lastError() const
{
    return d->lastError;
}

Currency ProductModel::currency() const
{
    return d->currency;
}

void ProductModel::setCurrency(const Currency &currency)
{
    d->currencySet = true;
    if (d->currency == currency)
        return;
    d->currency = currency;
    Q_EMIT currencyChanged();
    if (!d->products.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                           {PriceTextRole, RegularPriceTextRole, VariationsRole});
}

int ProductModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->products.size());
}

QVariant ProductModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Product &p = d->products.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return p.name();
    case IdRole:
        return p.id();
    case SkuRole:
        return p.sku();
    case TypeRole:
        return p.type();
    case PriceRole:
        return p.price();
    case PriceTextRole:
        return d->currency.format(p.price());
    case RegularPriceTextRole:
        return d->currency.format(p.regularPrice());
    case OnSaleRole:
        return p.isOnSale();
    case ImageRole:
        return p.image();
    case StockStatusRole:
        return p.stockStatus();
    case StockQuantityRole:
        return p.stockQuantity();
    case InStockRole:
        return p.stockStatus() != QLatin1String("outofstock");
    case PurchasableRole:
        return p.isPurchasable();
    case MaxQuantityRole:
        return p.maxQuantity();
    case CategoriesRole:
        return p.categories();
    case ShortDescriptionRole:
        return p.shortDescription();
    case DescriptionRole:
        return p.description();
    case VariationsRole: {
        QVariantList list;
        const QList<ProductVariation> variations = p.variations();
        for (const ProductVariation &v : variations) {
            list.append(QVariantMap {
                    {QStringLiteral("id"), v.id()},
                    {QStringLiteral("name"), v.name()},
                    {QStringLiteral("label"), v.label()},
                    {QStringLiteral("attributes"), v.attributes()},
                    {QStringLiteral("sku"), v.sku()},
                    {QStringLiteral("price"), v.price()},
                    {QStringLiteral("priceText"), d->currency.format(v.price())},
                    {QStringLiteral("regularPriceText"), d->currency.format(v.regularPrice())},
                    {QStringLiteral("onSale"), v.isOnSale()},
                    {QStringLiteral("stockStatus"), v.stockStatus()},
                    {QStringLiteral("stockQuantity"), v.stockQuantity()},
                    {QStringLiteral("inStock"), v.inStock()},
                    {QStringLiteral("purchasable"), v.isPurchasable()},
                    {QStringLiteral("maxQuantity"), v.maxQuantity()},
            });
        }
        return list;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ProductModel::roleNames() const
{
    return {
            {IdRole, "productId"},
            {NameRole, "name"},
            {SkuRole, "sku"},
            {TypeRole, "type"},
            {PriceRole, "price"},
            {PriceTextRole, "priceText"},
            {RegularPriceTextRole, "regularPriceText"},
            {OnSaleRole, "onSale"},
            {ImageRole, "image"},
            {StockStatusRole, "stockStatus"},
            {StockQuantityRole, "stockQuantity"},
            {InStockRole, "inStock"},
            {PurchasableRole, "purchasable"},
            {MaxQuantityRole, "maxQuantity"},
            {CategoriesRole, "categories"},
            {ShortDescriptionRole, "shortDescription"},
            {VariationsRole, "variations"},
            {DescriptionRole, "description"},
    };
}

bool ProductModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !d->loading && hasMore();
}

void ProductModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        fetchNextPage();
}

QVariantList ProductModel::categories() const
{
    return d->categories;
}

const QList<Product> &ProductModel::products() const
{
    return d->products;
}

Reply *ProductModel::reload()
{
    Reply *reply = d->load(1);
    d->loadCategories();
    return reply;
}

Reply *ProductModel::fetchNextPage()
{
    if (d->loading || d->reloadScheduled || !hasMore()) {
        // Nothing to fetch now: a Reply that finishes at once (never nullptr, QML can bind it).
        ReplyCompleter completer(this);
        QTimer::singleShot(0, completer.reply(), [completer]() mutable { completer.finish(); });
        return completer.reply();
    }
    return d->load(d->loadedPage + 1);
}

QVariantMap ProductModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= rowCount())
        return map;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.begin(); it != roles.end(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

} // namespace CoCart
