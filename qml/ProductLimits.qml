pragma Singleton
import QtQuick

// What a product card and the product page agree on: how many more may go in the cart, and
// how stock is put into words.
QtObject {
    //! The most that can still be added: capped by the store's per-order maximum (\a max, -1 for
    //! none) and by the stock (\a stock, -1 when not counted), less what the cart already holds.
    function quantityLimit(max, stock, inCart) {
        let limit = 99;
        if (max > 0)
            limit = Math.min(limit, max - inCart);
        if (stock > 0)
            limit = Math.min(limit, stock - inCart);
        return Math.max(0, limit);
    }

    function stockText(inStock, quantity, status) {
        if (!inStock)
            return qsTr("Out of stock");
        if (quantity > 0 && quantity <= 5)
            return qsTr("Only %n left", "", quantity);
        if (status === "onbackorder")
            return qsTr("On backorder");
        return qsTr("In stock");
    }

    /*!
        Availability counting what the cart holds: "Limit one per order" once the one allowed is
        in the cart, "Only 3 more left" when 2 of 5 are, "All 5 are in your cart", else stockText.
    */
    function availabilityText(inStock, quantity, status, max, inCart) {
        if (!inStock || inCart <= 0)
            return stockText(inStock, quantity, status);
        if (max > 0 && inCart >= max && (quantity <= 0 || max < quantity))
            return max === 1 ? qsTr("Limit one per order") : qsTr("Limit %1 per order").arg(max);
        if (quantity > 0) {
            const left = quantity - inCart;
            if (left <= 0)
                return qsTr("All %n are in your cart", "", quantity);
            if (left <= 5)
                return qsTr("Only %n more left", "", left);
        }
        return stockText(inStock, quantity, status);
    }
}
