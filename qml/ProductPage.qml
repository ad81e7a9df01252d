import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// One product in full: picture, name, price (sale and regular), stock, description, the size
// picker with each size's price or "Sold out", a quantity bounded by the stock less what is
// already in the cart, and Add to cart. Back (the button, Escape or the Android back key)
// returns to where the shopper came from.
Page {
    id: root

    //! A ProductModel row (ProductModel.get()).
    property var product: ({})
    required property Cart cart
    property bool compact: false
    //! Quantities in the cart by product or variation id.
    property var cartQuantities: ({})

    readonly property string productId: root.product.productId !== undefined ? String(root.product.productId) : ""
    //! The store's reviews of this product ([{reviewer, rating, review}]), loaded when it is shown.
    property var reviews: []
    //! Said after tapping a sold-out size, until another is picked.
    property string optionNote: ""

    function loadReviews() {
        root.reviews = [];
        if (root.productId === "" || !root.cart.session)
            return;
        const wanted = root.productId;
        const reply = root.cart.session.get("/cocart/v2/products/reviews", {
                "product": wanted
            });
        reply.finished.connect(() => {
                if (wanted === root.productId && Array.isArray(reply.json))
                    root.reviews = reply.json;
            });
    }

    onProductIdChanged: () => root.loadReviews()
    readonly property var variations: root.product.variations || []
    readonly property bool hasOptions: root.product.type === "variable" && root.variations.length > 0
    property int variationIndex: -1
    readonly property var variation: root.hasOptions && root.variationIndex >= 0 && root.variationIndex < root.variations.length ? root.variations[root.variationIndex] : null
    readonly property string itemId: root.variation ? String(root.variation.id) : root.productId
    readonly property int itemInCart: root.cartQuantities[root.itemId] || 0
    readonly property bool inStock: root.variation ? root.variation.inStock : root.product.stockStatus !== "outofstock"
    readonly property int stockQuantity: root.variation ? root.variation.stockQuantity : (root.product.stockQuantity !== undefined ? root.product.stockQuantity : -1)
    readonly property int quantityLimit: ProductLimits.quantityLimit(root.variation ? root.variation.maxQuantity : (root.product.maxQuantity !== undefined ? root.product.maxQuantity : -1), root.stockQuantity, root.itemInCart)
    readonly property bool canAdd: root.quantityLimit > 0 && root.inStock && (root.hasOptions ? root.variation !== null && root.variation.purchasable : root.product.type === "simple" && root.product.purchasable === true)

    signal backRequested
    signal addRequested(string itemId, int quantity, var attributes, string name)

    function firstAvailableVariation() {
        for (let i = 0; i < root.variations.length; ++i) {
            if (root.variations[i].inStock)
                return i;
        }
        return -1;
    }

    // After every binding on `product` has settled: the first size in stock.
    onProductChanged: () => Qt.callLater(root.resetChoice)

    function resetChoice() {
        root.optionNote = "";
        root.variationIndex = root.firstAvailableVariation();
        quantityBox.value = 1;
        flick.contentY = 0;
    }

    background: Rectangle {
        color: Theme.background
    }

    header: ToolBar {
        background: Rectangle {
            color: Theme.surface
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
        }

        RowLayout {
            anchors.fill: parent
            spacing: Theme.smallSpacing

            ToolButton {
                objectName: "productBackButton"
                text: qsTr("‹ Back")
                Accessible.name: qsTr("Back")
                onClicked: () => root.backRequested()
            }

            Label {
                Layout.fillWidth: true
                text: root.product.name || ""
                color: Theme.text
                font.bold: true
                elide: Text.ElideRight
            }
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentWidth: width
        contentHeight: layout.implicitHeight + 2 * layout.y
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        GridLayout {
            id: layout

            x: (parent.width - width) / 2
            y: root.compact ? Theme.spacing : Theme.largeSpacing
            width: Math.min(parent.width - 2 * (root.compact ? Theme.spacing : Theme.largeSpacing), 960)
            columns: root.compact ? 1 : 2
            columnSpacing: Theme.largeSpacing
            rowSpacing: Theme.spacing

            RemoteImage {
                objectName: "productPicture"
                Layout.fillWidth: root.compact
                Layout.preferredWidth: root.compact ? -1 : 400
                Layout.preferredHeight: root.compact ? 220 : 400
                Layout.alignment: Qt.AlignTop
                source: root.product.image || ""
                fallbackText: root.product.name ? root.product.name.charAt(0) : ""
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacing

                Label {
                    objectName: "productName"
                    Layout.fillWidth: true
                    text: root.product.name || ""
                    font.pixelSize: Theme.headlineFont
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }

                // A Flow, not a RowLayout: on a phone the RowLayout left both prices at x 0 after
                // the reviews arrived and relaid the page, the struck price over the sale price.
                // The Flow places them side by side, or one under the other when narrow.
                Flow {
                    objectName: "productPrices"
                    Layout.fillWidth: true
                    spacing: Theme.spacing

                    Label {
                        id: salePrice

                        objectName: "productPrice"
                        text: root.variation ? root.variation.priceText : (root.product.priceText || "")
                        font.pixelSize: Theme.headlineFont
                        font.bold: true
                        color: root.product.onSale ? Theme.danger : Theme.text
                    }

                    FontMetrics {
                        id: regularMetrics

                        font: regularPrice.font
                    }

                    Label {
                        id: regularPrice

                        objectName: "productRegularPrice"
                        // Sits on the sale price's baseline.
                        topPadding: Math.max(0, salePrice.baselineOffset - regularMetrics.ascent)
                        visible: text !== ""
                        text: root.variation ? (root.variation.onSale ? root.variation.regularPriceText : "") : (root.product.onSale ? root.product.regularPriceText : "")
                        font.strikeout: true
                        color: Theme.mutedText
                        Accessible.name: qsTr("was %1").arg(text)
                    }
                }

                Label {
                    objectName: "productStock"
                    Layout.fillWidth: true
                    text: ProductLimits.stockText(root.inStock, root.stockQuantity, root.variation ? root.variation.stockStatus : root.product.stockStatus)
                    color: root.inStock ? Theme.success : Theme.danger
                    font.bold: true
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "productDescription"
                    Layout.fillWidth: true
                    visible: text !== ""
                    // The store's full description (plain text); the card shows the short one.
                    text: root.product.description || root.product.shortDescription || ""
                    textFormat: Text.PlainText
                    color: Theme.text
                    wrapMode: Text.Wrap
                }

                Label {
                    Layout.fillWidth: true
                    visible: root.hasOptions
                    text: root.variations.length > 0 ? root.variations[0].label : ""
                    color: Theme.text
                    font.bold: true
                }

                Flow {
                    objectName: "productOptions"
                    Layout.fillWidth: true
                    visible: root.hasOptions
                    spacing: Theme.smallSpacing

                    Repeater {
                        model: root.variations

                        // qmllint disable unqualified
                        delegate: OptionChip {
                            id: sizeButton

                            required property var modelData
                            required property int index

                            objectName: "productOption_" + sizeButton.modelData.id
                            implicitWidth: Math.max(88, implicitContentWidth + leftPadding + rightPadding)
                            implicitHeight: Math.max(56, implicitContentHeight + topPadding + bottomPadding)
                            soldOut: !sizeButton.modelData.inStock
                            checked: root.variationIndex === sizeButton.index
                            // Name over price, or over "Sold out".
                            text: sizeButton.modelData.name
                            detail: sizeButton.modelData.inStock ? sizeButton.modelData.priceText : qsTr("Sold out")
                            Accessible.name: sizeButton.modelData.inStock ? qsTr("%1 %2, %3").arg(sizeButton.modelData.label).arg(sizeButton.modelData.name).arg(sizeButton.modelData.priceText) : qsTr("%1 %2, sold out").arg(sizeButton.modelData.label).arg(sizeButton.modelData.name)
                            onClicked: () => {
                                if (sizeButton.soldOut) {
                                    root.optionNote = qsTr("%1 is sold out.").arg(sizeButton.modelData.name);
                                    return;
                                }
                                root.optionNote = "";
                                root.variationIndex = sizeButton.index;
                            }
                        }
                        // qmllint enable unqualified
                    }
                }

                Label {
                    objectName: "productOptionNote"
                    Layout.fillWidth: true
                    visible: root.optionNote !== ""
                    text: root.optionNote
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "productInCart"
                    Layout.fillWidth: true
                    visible: root.itemInCart > 0
                    text: {
                        const max = root.variation ? root.variation.maxQuantity : (root.product.maxQuantity !== undefined ? root.product.maxQuantity : -1);
                        if (root.quantityLimit > 0)
                            return qsTr("%n already in your cart.", "", root.itemInCart);
                        if (max > 0 && root.itemInCart >= max && (root.stockQuantity <= 0 || max < root.stockQuantity))
                            return max === 1 ? qsTr("In your cart. Limit one per order.") : qsTr("%n in your cart. Limit %1 per order.", "", root.itemInCart).arg(max);
                        return qsTr("%n in your cart: that is all the store has.", "", root.itemInCart);
                    }
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }

                RowLayout {
                    Layout.fillWidth: true
                    Layout.maximumWidth: 420
                    spacing: Theme.smallSpacing

                    SpinBox {
                        id: quantityBox

                        objectName: "productQuantity"
                        Layout.preferredWidth: 140
                        from: 1
                        to: Math.max(1, root.quantityLimit)
                        value: 1
                        editable: true
                        enabled: root.canAdd
                        Accessible.name: qsTr("Quantity")
                        Keys.onReturnPressed: () => addButton.clicked()
                        Keys.onEnterPressed: () => addButton.clicked()
                    }

                    Button {
                        id: addButton

                        objectName: "productAddButton"
                        Layout.fillWidth: true
                        highlighted: root.canAdd
                        // Flat colour: Material's elevation shadow is a shader effect that software rendering drops.
                        Material.elevation: 0
                        enabled: root.canAdd && !root.cart.loading
                        text: !root.inStock || (root.hasOptions && !root.variation) ? qsTr("Sold out") : root.quantityLimit <= 0 ? qsTr("In your cart") : qsTr("Add to cart")
                        Accessible.name: qsTr("Add %1 to the cart").arg(root.product.name || "")
                        onClicked: () => {
                            const amount = Math.min(quantityBox.value, root.quantityLimit);
                            if (root.variation)
                                root.addRequested(root.itemId, amount, root.variation.attributes, qsTr("%1, %2").arg(root.product.name).arg(root.variation.name));
                            else
                                root.addRequested(root.itemId, amount, {}, root.product.name);
                            quantityBox.value = 1;
                        }
                    }
                }

                Label {
                    objectName: "productReviewsTitle"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    visible: root.reviews.length > 0
                    text: qsTr("Reviews (%1)").arg(root.reviews.length)
                    font.bold: true
                    color: Theme.text
                }

                Repeater {
                    model: root.reviews

                    // qmllint disable unqualified
                    delegate: ColumnLayout {
                        id: reviewItem

                        required property var modelData
                        required property int index

                        Layout.fillWidth: true
                        spacing: 2

                        Label {
                            Layout.fillWidth: true
                            text: "★".repeat(Number(reviewItem.modelData.rating) || 0) + "☆".repeat(5 - (Number(reviewItem.modelData.rating) || 0)) + "  " + (reviewItem.modelData.reviewer || "")
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                            Accessible.name: qsTr("%1 of 5 stars from %2").arg(reviewItem.modelData.rating).arg(reviewItem.modelData.reviewer)
                        }

                        Label {
                            objectName: "productReviewText_" + reviewItem.index
                            Layout.fillWidth: true
                            // WordPress sends the review as a paragraph of HTML: render it, never show its tags.
                            textFormat: Text.StyledText
                            text: reviewItem.modelData.review || ""
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                    // qmllint enable unqualified
                }
            }
        }
    }
}
