#pragma once

#include <CoCart/CartItemModel.h>

namespace CoCart::Testing {

//! Feeds a CartItemModel lines directly, as a Cart does with the store's answers (model tests,
//! benchmarks).
struct CartItemModelAccess
{
    static void setLines(CartItemModel &model, const QList<CartLine> &lines,
                         const Currency &currency)
    {
        model.setLines(lines, currency);
    }
};

} // namespace CoCart::Testing
