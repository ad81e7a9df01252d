#include "catalog_p.h"

#include "logging_p.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace CoCartDevStore::Internal {

namespace {

qint64 parseGrams(const QString &kg)
{
    if (kg.isEmpty())
        return 0;
    bool ok = false;
    const double value = kg.toDouble(&ok);
    return ok ? qRound64(value * 1000.0) : 0;
}

std::optional<qint64> parseMinor(const QJsonValue &value)
{
    if (!value.isString() || value.toString().isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 minor = value.toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(minor) : std::nullopt;
}

std::optional<int> parseStock(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return value.toInt();
}

} // namespace

int Product::maxPurchase() const
{
    if (stock && *stock <= 0)
        return 0;
    if (soldIndividually)
        return 1;
    if (stock)
        return *stock;
    return -1;
}

bool Catalog::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1").arg(path);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return false;
    }
    const QJsonObject root = doc.object();

    QHash<qint64, Product> products;
    QList<Category> categories;
    const QJsonObject storeInfo = root.value(QLatin1String("store")).toObject();
    if (storeInfo.contains(QLatin1String("currency_code"))) {
        m_currencyCode = storeInfo.value(QLatin1String("currency_code")).toString();
        m_currencySymbol = storeInfo.value(QLatin1String("currency_symbol")).toString();
        m_minorUnit = storeInfo.value(QLatin1String("currency_minor_unit")).toInt(2);
    }
    for (const QJsonValue &value : root.value(QLatin1String("categories")).toArray()) {
        const QJsonObject o = value.toObject();
        categories.append({o.value(QLatin1String("id")).toInteger(),
                           o.value(QLatin1String("name")).toString(),
                           o.value(QLatin1String("slug")).toString(),
                           o.value(QLatin1String("description")).toString()});
    }
    QList<Tag> tags;
    for (const QJsonValue &value : root.value(QLatin1String("tags")).toArray()) {
        const QJsonObject o = value.toObject();
        tags.append({o.value(QLatin1String("id")).toInteger(),
                     o.value(QLatin1String("name")).toString(),
                     o.value(QLatin1String("slug")).toString(),
                     o.value(QLatin1String("description")).toString()});
    }
    QList<Review> reviews;
    for (const QJsonValue &value : root.value(QLatin1String("reviews")).toArray()) {
        const QJsonObject o = value.toObject();
        Review r;
        r.id = o.value(QLatin1String("id")).toInteger();
        r.productId = o.value(QLatin1String("product_id")).toInteger();
        r.reviewer = o.value(QLatin1String("reviewer")).toString();
        r.reviewerEmail = o.value(QLatin1String("reviewer_email")).toString();
        r.text = o.value(QLatin1String("review")).toString();
        r.date = o.value(QLatin1String("date_created")).toString();
        r.rating = qBound(0, o.value(QLatin1String("rating")).toInt(), 5);
        r.verified = o.value(QLatin1String("verified")).toBool();
        reviews.append(r);
    }
    for (const QJsonValue &value : root.value(QLatin1String("products")).toArray()) {
        const QJsonObject o = value.toObject();
        Product p;
        p.id = o.value(QLatin1String("id")).toInteger();
        p.name = o.value(QLatin1String("name")).toString();
        p.slug = o.value(QLatin1String("slug")).toString();
        p.sku = o.value(QLatin1String("sku")).toString();
        const QString type = o.value(QLatin1String("type")).toString();
        p.type =
                type == QLatin1String("variable") ? Product::Type::Variable : Product::Type::Simple;
        p.regularPrice = parseMinor(o.value(QLatin1String("regular_price"))).value_or(0);
        p.salePrice = parseMinor(o.value(QLatin1String("sale_price")));
        p.stock = parseStock(o.value(QLatin1String("stock")));
        p.soldIndividually = o.value(QLatin1String("sold_individually")).toBool();
        p.weightText = o.value(QLatin1String("weight")).toString();
        p.weightGrams = parseGrams(p.weightText);
        for (const QJsonValue &c : o.value(QLatin1String("categories")).toArray())
            p.categories.append(c.toInteger());
        for (const QJsonValue &t : o.value(QLatin1String("tags")).toArray())
            p.tags.append(t.toInteger());
        p.image = o.value(QLatin1String("image")).toString();
        p.created = o.value(QLatin1String("created")).toString();
        p.shortDescription = o.value(QLatin1String("short_description")).toString();
        p.description = o.value(QLatin1String("description")).toString();
        for (const QJsonValue &a : o.value(QLatin1String("attributes")).toArray()) {
            const QJsonObject ao = a.toObject();
            Attribute attribute;
            attribute.name = ao.value(QLatin1String("name")).toString();
            attribute.slug = ao.value(QLatin1String("slug")).toString();
            for (const QJsonValue &option : ao.value(QLatin1String("options")).toArray())
                attribute.options.append(option.toString());
            p.attributes.append(attribute);
        }
        for (const QJsonValue &v : o.value(QLatin1String("variations")).toArray()) {
            const QJsonObject vo = v.toObject();
            Product variation;
            variation.id = vo.value(QLatin1String("id")).toInteger();
            variation.parentId = p.id;
            variation.type = Product::Type::Variation;
            variation.sku = vo.value(QLatin1String("sku")).toString();
            variation.regularPrice =
                    parseMinor(vo.value(QLatin1String("regular_price"))).value_or(0);
            variation.salePrice = parseMinor(vo.value(QLatin1String("sale_price")));
            variation.stock = parseStock(vo.value(QLatin1String("stock")));
            variation.weightText = vo.value(QLatin1String("weight")).toString();
            variation.weightGrams = parseGrams(variation.weightText);
            variation.image = p.image;
            variation.created = p.created;
            QStringList values;
            const QJsonObject attributes = vo.value(QLatin1String("attributes")).toObject();
            for (const Attribute &attribute : qAsConst(p.attributes)) {
                const QString option = attributes.value(attribute.slug).toString();
                variation.variationAttributes.append({attribute.slug, option});
                values.append(option);
            }
            variation.name = p.name + QStringLiteral(" - ") + values.join(QStringLiteral(", "));
            variation.slug = p.slug + QLatin1Char('-') + values.join(QLatin1Char('-')).toLower();
            p.variationIds.append(variation.id);
            products.insert(variation.id, variation);
        }
        products.insert(p.id, p);
    }
    if (products.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: no products").arg(path);
        return false;
    }
    std::sort(categories.begin(), categories.end(),
              [](const Category &a, const Category &b) { return a.name < b.name; });
    m_products = products;
    m_categories = categories;
    std::sort(tags.begin(), tags.end(), [](const Tag &a, const Tag &b) { return a.name < b.name; });
    m_tags = tags;
    std::stable_sort(reviews.begin(), reviews.end(), [](const Review &a, const Review &b) {
        return a.date == b.date ? a.id > b.id : a.date > b.date;
    });
    m_reviews = reviews;
    m_imageDir = QFileInfo(path).absolutePath() + QStringLiteral("/images/");
    if (path.startsWith(QLatin1Char(':')))
        m_imageDir = QFileInfo(path).path() + QStringLiteral("/images/");
    qCDebug(lcDevStore) << "catalogue:" << m_products.size() << "products and variations";
    return true;
}

const Product *Catalog::byId(qint64 id) const
{
    const auto it = m_products.constFind(id);
    return it == m_products.constEnd() ? nullptr : &it.value();
}

const Product *Catalog::bySku(const QString &sku) const
{
    if (sku.isEmpty())
        return nullptr;
    for (const Product &p : m_products) {
        if (p.sku.compare(sku, Qt::CaseInsensitive) == 0)
            return &p;
    }
    return nullptr;
}

QList<const Product *> Catalog::products() const
{
    QList<const Product *> list;
    for (const Product &p : m_products) {
        if (!p.isVariation())
            list.append(&p);
    }
    std::sort(list.begin(), list.end(),
              [](const Product *a, const Product *b) { return a->id > b->id; });
    return list;
}

QList<const Product *> Catalog::variationsOf(qint64 parentId) const
{
    QList<const Product *> list;
    const Product *parent = byId(parentId);
    if (!parent || parent->type != Product::Type::Variable)
        return list;
    for (const qint64 id : parent->variationIds) {
        if (const Product *v = byId(id))
            list.append(v);
    }
    std::sort(list.begin(), list.end(),
              [](const Product *a, const Product *b) { return a->id > b->id; });
    return list;
}

const Product *Catalog::findVariation(const Product &parent,
                                      const QList<QPair<QString, QString>> &attributes) const
{
    for (const qint64 id : parent.variationIds) {
        const Product *v = byId(id);
        if (!v)
            continue;
        bool all = !v->variationAttributes.isEmpty();
        for (const auto &wanted : v->variationAttributes) {
            bool found = false;
            for (const auto &given : attributes) {
                if (given.first == wanted.first && given.second == wanted.second)
                    found = true;
            }
            all = all && found;
        }
        if (all)
            return v;
    }
    return nullptr;
}

QList<Category> Catalog::categories() const
{
    return m_categories;
}

const Category *Catalog::category(qint64 id) const
{
    for (const Category &c : m_categories) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Category *Catalog::categoryBySlug(const QString &slug) const
{
    for (const Category &c : m_categories) {
        if (c.slug.compare(slug, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

int Catalog::productCount(qint64 categoryId) const
{
    int count = 0;
    for (const Product &p : m_products) {
        if (!p.isVariation() && p.categories.contains(categoryId))
            ++count;
    }
    return count;
}

QList<Tag> Catalog::tags() const
{
    return m_tags;
}

const Tag *Catalog::tag(qint64 id) const
{
    for (const Tag &t : m_tags) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

int Catalog::tagCount(qint64 tagId) const
{
    int count = 0;
    for (const Product &p : m_products) {
        if (!p.isVariation() && p.tags.contains(tagId))
            ++count;
    }
    return count;
}

QList<Review> Catalog::reviews() const
{
    return m_reviews;
}

QList<Review> Catalog::reviewsOf(qint64 productId) const
{
    QList<Review> list;
    for (const Review &r : m_reviews) {
        if (r.productId == productId)
            list.append(r);
    }
    return list;
}

const Review *Catalog::review(qint64 id) const
{
    for (const Review &r : m_reviews) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

void Catalog::setStock(qint64 productId, std::optional<int> stock)
{
    auto it = m_products.find(productId);
    if (it != m_products.end())
        it->stock = stock;
}

QJsonObject Catalog::currency() const
{
    return QJsonObject {
            {QStringLiteral("currency_code"), m_currencyCode},
            {QStringLiteral("currency_symbol"), m_currencySymbol},
            {QStringLiteral("currency_symbol_pos"), QStringLiteral("currency_prefix")},
            {QStringLiteral("currency_minor_unit"), m_minorUnit},
            {QStringLiteral("currency_decimal_separator"), QStringLiteral(".")},
            {QStringLiteral("currency_thousand_separator"), QStringLiteral(",")},
            {QStringLiteral("currency_prefix"), m_currencySymbol},
            {QStringLiteral("currency_suffix"), QString()},
    };
}

QByteArray Catalog::image(const QString &fileName) const
{
    if (fileName.isEmpty() || fileName.contains(QLatin1Char('/')) ||
        fileName.startsWith(QLatin1Char('.')))
        return {};
    QFile file(m_imageDir + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString minorString(qint64 minor)
{
    return QString::number(minor);
}

QString kgString(qint64 grams)
{
    if (grams == 0)
        return QStringLiteral("0");
    QString text = QString::number(grams / 1000) + QLatin1Char('.') +
            QStringLiteral("%1").arg(qAbs(grams % 1000), 3, 10, QLatin1Char('0'));
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

} // namespace CoCartDevStore::Internal
