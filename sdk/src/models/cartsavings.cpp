// What the sales save on a Cart's lines. CoCart's cart answer says only what a line costs now
// (transcripts-2: the Travel Mug on sale is `"price": "1150"` in the cart, with nothing about
// its regular 1400), so the cart takes the regular prices from the products its catalogue
// (a ProductModel) has loaded: `prices.regular_price` of a product and of each variation.

#include "cart_p.h"

namespace CoCart {

void CartPrivate::priceLines(QList<CartLine> *lines) const
{
    for (CartLine &line : *lines) {
        const qint64 regular = regularPrices.value(line.productId(), 0);
        if (line.regularUnitPrice() != regular)
            line.setRegularUnitPrice(regular);
    }
}

void CartPrivate::learnRegularPrices()
{
    if (!catalogue)
        return;
    bool learnt = false;
    const auto learn = [this, &learnt](qint64 id, qint64 regular) {
        if (id <= 0 || regular <= 0)
            return;
        auto it = regularPrices.find(id);
        if (it == regularPrices.end()) {
            regularPrices.insert(id, regular);
            learnt = true;
        } else if (*it != regular) {
            *it = regular;
            learnt = true;
        }
    };
    for (const Product &product : catalogue->products()) {
        learn(product.id(), product.regularPrice());
        const QList<ProductVariation> variations = product.variations();
        for (const ProductVariation &variation : variations)
            learn(variation.id(), variation.regularPrice());
    }
    if (!learnt)
        return;
    QList<CartLine> lines = model->lines();
    priceLines(&lines);
    if (lines == model->lines())
        return;
    model->setLines(lines, currency);
    updateSavings(false);
    Q_EMIT q->changed();
}

bool CartPrivate::updateSavings(bool currencyChanged)
{
    qint64 sum = 0;
    for (const CartLine &line : model->lines())
        sum += line.saving();
    const bool changed = sum != savings;
    savings = sum;
    if (changed || (currencyChanged && sum != 0))
        Q_EMIT q->savingsChanged();
    return changed;
}

ProductModel *Cart::catalogue() const
{
    return d->catalogue;
}

void Cart::setCatalogue(ProductModel *catalogue)
{
    if (d->catalogue == catalogue)
        return;
    for (const QMetaObject::Connection &connection : std::as_const(d->catalogueConnections))
        disconnect(connection);
    d->catalogueConnections.clear();
    d->catalogue = catalogue;
    if (catalogue) {
        const auto learn = [this] { d->learnRegularPrices(); };
        d->catalogueConnections << connect(catalogue, &QAbstractItemModel::modelReset, this, learn)
                                << connect(catalogue, &QAbstractItemModel::rowsInserted, this,
                                           learn)
                                << connect(catalogue, &QAbstractItemModel::dataChanged, this,
                                           learn);
        d->learnRegularPrices();
    }
    Q_EMIT catalogueChanged();
}

qint64 Cart::savings() const
{
    return d->savings;
}

QString Cart::savingsText() const
{
    return d->savings > 0 ? d->currency.format(d->savings) : QString();
}

} // namespace CoCart
