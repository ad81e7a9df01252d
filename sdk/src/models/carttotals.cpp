// The breakdown of a Cart's total: discounts, shipping, fees and tax, as CoCart sends them in
// the cart answer's `totals` (minor units as strings; WooCommerce computes them, the SDK only
// shows them).

#include "cart_p.h"

#include "json_p.h"

namespace CoCart {

CartPrivate::Breakdown CartPrivate::Breakdown::fromTotals(const QJsonObject &totals)
{
    Breakdown b;
    b.discount = minorUnitsOf(totals.value(QLatin1String("discount_total")));
    b.shipping = minorUnitsOf(totals.value(QLatin1String("shipping_total")));
    b.fee = minorUnitsOf(totals.value(QLatin1String("fee_total")));
    b.tax = minorUnitsOf(totals.value(QLatin1String("total_tax")));
    return b;
}

bool CartPrivate::setBreakdown(const Breakdown &next, bool currencyChanged)
{
    const bool discountChanged = currencyChanged || next.discount != breakdown.discount;
    const bool shippingChanged = currencyChanged || next.shipping != breakdown.shipping;
    const bool feeChanged = currencyChanged || next.fee != breakdown.fee;
    const bool taxChanged = currencyChanged || next.tax != breakdown.tax;
    breakdown = next;
    if (discountChanged)
        Q_EMIT q->discountTotalChanged();
    if (shippingChanged)
        Q_EMIT q->shippingTotalChanged();
    if (feeChanged)
        Q_EMIT q->feeTotalChanged();
    if (taxChanged)
        Q_EMIT q->taxTotalChanged();
    return discountChanged || shippingChanged || feeChanged || taxChanged;
}

qint64 Cart::discountTotal() const
{
    return d->breakdown.discount;
}

QString Cart::discountTotalText() const
{
    return d->currency.format(d->breakdown.discount);
}

qint64 Cart::shippingTotal() const
{
    return d->breakdown.shipping;
}

QString Cart::shippingTotalText() const
{
    return d->currency.format(d->breakdown.shipping);
}

qint64 Cart::feeTotal() const
{
    return d->breakdown.fee;
}

QString Cart::feeTotalText() const
{
    return d->currency.format(d->breakdown.fee);
}

qint64 Cart::taxTotal() const
{
    return d->breakdown.tax;
}

QString Cart::taxTotalText() const
{
    return d->currency.format(d->breakdown.tax);
}

} // namespace CoCart
