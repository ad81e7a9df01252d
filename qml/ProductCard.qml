import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One product: picture, name, price, stock and "add to cart" with a quantity. Vertical in the
// grid, horizontal in the list (and on phones). A variable product shows its options (sizes) as a
// row of buttons; price, stock and limits are then the chosen variation's.
Rectangle {
    id: root

    property string productId
    property string name
    property string priceText
    property string regularPriceText
    property bool sale: false
    property url image
    property string stockStatus: "instock"
    property int stockQuantity: -1
    property bool purchasable: true
    property int maxQuantity: -1
    property string productType: "simple"
    property string shortDescription
    //! A variable product's variations (ProductModel's `variations` role).
    property var variations: []
    //! The chosen variation: the first one in stock to begin with.
    property int variationIndex: root.firstAvailableVariation()
    property bool horizontal: false
    //! True while this card's add-to-cart call runs.
    property bool adding: false

    readonly property bool hasOptions: root.productType === "variable" && root.variations.length > 0
    readonly property var variation: root.hasOptions && root.variationIndex >= 0 && root.variationIndex < root.variations.length ? root.variations[root.variationIndex] : null
    readonly property string shownPriceText: root.variation ? root.variation.priceText : root.priceText
    readonly property string shownStockStatus: root.variation ? root.variation.stockStatus : root.stockStatus
    readonly property int shownStockQuantity: root.variation ? root.variation.stockQuantity : root.stockQuantity
    readonly property bool inStock: root.shownStockStatus !== "outofstock"
    readonly property bool canAdd: {
        if (root.productType === "simple")
            return root.inStock && root.purchasable;
        return root.variation !== null && root.variation.inStock && root.variation.purchasable;
    }
    readonly property int quantityLimit: {
        const max = root.variation ? root.variation.maxQuantity : root.maxQuantity;
        let limit = 99;
        if (max > 0)
            limit = Math.min(limit, max);
        if (root.shownStockQuantity > 0)
            limit = Math.min(limit, root.shownStockQuantity);
        return limit;
    }

    //! \a itemId is the product's id, or the chosen variation's with its \a attributes.
    signal addRequested(string itemId, int quantity, var attributes)

    function firstAvailableVariation() {
        for (let i = 0; i < root.variations.length; ++i) {
            if (root.variations[i].inStock)
                return i;
        }
        return -1;
    }

    objectName: "product_" + root.productId
    radius: Theme.radius
    color: Theme.surface
    border.color: root.activeFocus || addButton.activeFocus || quantityBox.activeFocus ? Theme.accent : Theme.border
    implicitHeight: root.horizontal ? 132 : 330

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: root.horizontal ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: Theme.smallSpacing

        RemoteImage {
            Layout.preferredWidth: root.horizontal ? 108 : -1
            Layout.preferredHeight: root.horizontal ? 108 : 150
            Layout.fillWidth: !root.horizontal
            Layout.rowSpan: 1
            Layout.alignment: Qt.AlignTop
            source: root.image
            fallbackText: root.name.length > 0 ? root.name.charAt(0) : ""

            Rectangle {
                visible: root.sale
                anchors.top: parent.top
                anchors.left: parent.left
                anchors.margins: 6
                width: saleText.implicitWidth + 12
                height: saleText.implicitHeight + 4
                radius: height / 2
                color: Theme.danger

                Label {
                    id: saleText

                    anchors.centerIn: parent
                    text: qsTr("Sale")
                    color: "white"
                    font.pixelSize: 11
                    font.bold: true
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: root.horizontal ? 2 : Theme.smallSpacing

            Label {
                objectName: "name_" + root.productId
                Layout.fillWidth: true
                text: root.name
                color: Theme.text
                font.pixelSize: Theme.bodyFont + 1
                font.bold: true
                elide: Text.ElideRight
            }

            Label {
                Layout.fillWidth: true
                visible: !root.horizontal && !root.hasOptions
                text: root.shortDescription
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    objectName: "price_" + root.productId
                    text: root.shownPriceText
                    color: Theme.text
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                }

                Label {
                    visible: root.sale && root.regularPriceText !== ""
                    text: root.regularPriceText
                    color: Theme.mutedText
                    font.strikeout: true
                }

                Item {
                    Layout.fillWidth: true
                }

                Label {
                    objectName: "stock_" + root.productId
                    text: !root.inStock ? qsTr("Out of stock") : root.shownStockQuantity > 0 && root.shownStockQuantity <= 5 ? qsTr("Only %n left", "", root.shownStockQuantity) : root.shownStockStatus === "onbackorder" ? qsTr("On backorder") : qsTr("In stock")
                    color: !root.inStock ? Theme.danger : root.shownStockQuantity > 0 && root.shownStockQuantity <= 5 ? Theme.warning : Theme.success
                    font.pixelSize: Theme.smallFont
                    font.bold: true
                }
            }

            RowLayout {
                objectName: "options_" + root.productId
                Layout.fillWidth: true
                visible: root.hasOptions
                spacing: Theme.smallSpacing

                Label {
                    text: root.variations.length > 0 ? root.variations[0].label : ""
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                }

                Repeater {
                    model: root.variations

                    // Qt 6.4's qmllint has no `pragma ComponentBehavior: Bound` (6.5) and reports
                    // the card's id inside a delegate as unqualified; it resolves fine at run time.
                    // qmllint disable unqualified
                    delegate: Button {
                        id: optionButton

                        required property var modelData
                        required property int index

                        objectName: "option_" + root.productId + "_" + optionButton.modelData.id
                        implicitWidth: Math.max(34, implicitContentWidth + 16)
                        implicitHeight: 28
                        padding: 4
                        checkable: true
                        checked: root.variationIndex === optionButton.index
                        enabled: optionButton.modelData.inStock
                        text: optionButton.modelData.name
                        font.pixelSize: Theme.smallFont
                        font.strikeout: !optionButton.modelData.inStock
                        highlighted: optionButton.checked
                        palette.button: optionButton.checked ? Theme.accent : Theme.surface
                        palette.buttonText: optionButton.checked ? "white" : Theme.text
                        Accessible.name: optionButton.modelData.inStock ? qsTr("%1 %2, %3").arg(optionButton.modelData.label).arg(optionButton.modelData.name).arg(optionButton.modelData.priceText) : qsTr("%1 %2, out of stock").arg(optionButton.modelData.label).arg(optionButton.modelData.name)
                        onClicked: () => root.variationIndex = optionButton.index
                    }
                    // qmllint enable unqualified
                }
            }

            Item {
                Layout.fillHeight: true
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing

                SpinBox {
                    id: quantityBox

                    objectName: "quantity_" + root.productId
                    Layout.preferredWidth: 104
                    from: 1
                    to: Math.max(1, root.quantityLimit)
                    value: 1
                    editable: true
                    enabled: root.canAdd
                    Accessible.name: qsTr("Quantity of %1").arg(root.name)
                    Keys.onReturnPressed: () => addButton.clicked()
                    Keys.onEnterPressed: () => addButton.clicked()
                }

                Button {
                    id: addButton

                    objectName: "addToCart_" + root.productId
                    Layout.fillWidth: true
                    highlighted: root.canAdd
                    palette.button: root.canAdd ? Theme.accent : Theme.background
                    palette.buttonText: root.canAdd ? "white" : Theme.mutedText
                    enabled: root.canAdd && !root.adding
                    text: root.productType !== "simple" && !root.hasOptions ? qsTr("Options") : !root.inStock || (root.hasOptions && !root.variation) ? qsTr("Sold out") : root.adding ? qsTr("Adding…") : qsTr("Add to cart")
                    ToolTip.visible: hovered && root.productType !== "simple" && !root.hasOptions
                    ToolTip.text: qsTr("Products with options can be bought on the store's website.")
                    onClicked: () => {
                        if (root.variation)
                            root.addRequested(String(root.variation.id), quantityBox.value, root.variation.attributes);
                        else
                            root.addRequested(root.productId, quantityBox.value, {});
                    }
                    Keys.onReturnPressed: () => addButton.clicked()
                    Keys.onEnterPressed: () => addButton.clicked()
                }
            }
        }
    }
}
