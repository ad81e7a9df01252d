import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One product: picture, name, price, stock and "add to cart" with a quantity. Vertical in the
// grid, horizontal in the list (three columns on a desktop, the buttons under the details on a
// phone). A variable product shows its options (sizes) as buttons; price, stock and limits are
// then the chosen variation's. The picture and the name open the product page.
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
    property bool compact: false
    //! How many of the shown product (or chosen variation) the cart already holds.
    property int inCart: 0
    //! True while this card's add-to-cart call runs.
    property bool adding: false
    //! Said after tapping a sold-out option ("L is sold out."), until another is picked.
    property string optionNote: ""

    readonly property bool hasOptions: root.productType === "variable" && root.variations.length > 0
    readonly property var variation: root.hasOptions && root.variationIndex >= 0 && root.variationIndex < root.variations.length ? root.variations[root.variationIndex] : null
    readonly property string shownPriceText: root.variation ? root.variation.priceText : root.priceText
    readonly property string shownStockStatus: root.variation ? root.variation.stockStatus : root.stockStatus
    readonly property int shownStockQuantity: root.variation ? root.variation.stockQuantity : root.stockQuantity
    readonly property bool inStock: root.shownStockStatus !== "outofstock"
    readonly property int shownMaxQuantity: root.variation ? root.variation.maxQuantity : root.maxQuantity
    readonly property int quantityLimit: ProductLimits.quantityLimit(root.shownMaxQuantity, root.shownStockQuantity, root.inCart)
    readonly property bool canAdd: {
        if (root.quantityLimit <= 0)
            return false;
        if (root.productType === "simple")
            return root.inStock && root.purchasable;
        return root.variation !== null && root.variation.inStock && root.variation.purchasable;
    }

    //! \a itemId is the product's id, or the chosen variation's with its \a attributes; \a label
    //! names it for the message ("Classic T-Shirt, M").
    signal addRequested(string itemId, int quantity, var attributes, string label)
    signal openRequested

    function firstAvailableVariation() {
        for (let i = 0; i < root.variations.length; ++i) {
            if (root.variations[i].inStock)
                return i;
        }
        return -1;
    }

    // The stepper never offers more than can still be added (the cart changed under it).
    onQuantityLimitChanged: () => {
        if (quantityBox.value > Math.max(1, root.quantityLimit))
            quantityBox.value = Math.max(1, root.quantityLimit);
    }

    objectName: "product_" + root.productId
    radius: Theme.radius
    color: Theme.surface
    border.color: root.activeFocus || addButton.activeFocus || quantityBox.activeFocus ? Theme.accent : Theme.border
    implicitHeight: root.horizontal ? 160 : 372

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: !root.horizontal ? 1 : root.compact ? 2 : 3
        columnSpacing: Theme.spacing
        rowSpacing: Theme.smallSpacing

        RemoteImage {
            objectName: "picture_" + root.productId
            Layout.preferredWidth: root.horizontal ? (root.compact ? 96 : 108) : -1
            Layout.preferredHeight: root.horizontal ? (root.compact ? 96 : 108) : 150
            Layout.fillWidth: !root.horizontal
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
                    color: Theme.surface
                    font.pixelSize: 11
                    font.bold: true
                }
            }

            MouseArea {
                objectName: "openPicture_" + root.productId
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Open %1").arg(root.name)
                onClicked: () => root.openRequested()
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: !root.horizontal
            Layout.alignment: Qt.AlignTop
            spacing: root.horizontal ? 2 : Theme.smallSpacing

            Label {
                objectName: "name_" + root.productId
                Layout.fillWidth: true
                text: root.name
                color: Theme.text
                font.pixelSize: Theme.bodyFont + 1
                font.bold: true
                font.underline: nameArea.containsMouse
                elide: Text.ElideRight

                // A finger-sized target around the one-line name.
                MouseArea {
                    id: nameArea

                    objectName: "openName_" + root.productId
                    anchors.fill: parent
                    anchors.topMargin: -Math.max(0, (44 - parent.height) / 2)
                    anchors.bottomMargin: -Math.max(0, (44 - parent.height) / 2)
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Open %1").arg(root.name)
                    onClicked: () => root.openRequested()
                }
            }

            Label {
                Layout.fillWidth: true
                visible: !root.horizontal && !root.hasOptions
                text: root.shortDescription
                textFormat: Text.PlainText
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                elide: Text.ElideRight
                maximumLineCount: 2
                wrapMode: Text.Wrap
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.smallSpacing

                Label {
                    objectName: "price_" + root.productId
                    text: root.shownPriceText
                    color: Theme.text
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                }

                Label {
                    Layout.fillWidth: true
                    visible: root.sale && root.regularPriceText !== ""
                    text: root.regularPriceText
                    color: Theme.mutedText
                    font.strikeout: true
                    elide: Text.ElideRight
                    Accessible.name: qsTr("was %1").arg(root.regularPriceText)
                }

                Item {
                    Layout.fillWidth: true
                    visible: !(root.sale && root.regularPriceText !== "")
                }
            }

            Label {
                objectName: "stock_" + root.productId
                Layout.fillWidth: true
                // What can still be bought, counting what the cart already holds.
                text: root.optionNote !== "" ? root.optionNote : ProductLimits.availabilityText(root.inStock, root.shownStockQuantity, root.shownStockStatus, root.shownMaxQuantity, root.inCart)
                color: root.optionNote !== "" || !root.inStock ? Theme.danger : root.shownStockQuantity > 0 && root.shownStockQuantity - root.inCart <= 5 ? Theme.warning : Theme.success
                font.pixelSize: Theme.smallFont
                font.bold: true
                elide: Text.ElideRight
            }

            Flow {
                objectName: "options_" + root.productId
                Layout.fillWidth: true
                visible: root.hasOptions
                spacing: Theme.smallSpacing

                Repeater {
                    model: root.variations

                    // Qt 6.4's qmllint has no `pragma ComponentBehavior: Bound` (6.5) and reports
                    // the card's id inside a delegate as unqualified; it resolves fine at run time.
                    // qmllint disable unqualified
                    delegate: OptionChip {
                        id: optionButton

                        required property var modelData
                        required property int index

                        objectName: "option_" + root.productId + "_" + optionButton.modelData.id
                        soldOut: !optionButton.modelData.inStock
                        checked: root.variationIndex === optionButton.index
                        // A phone card has room for the size names; the cross and a tap say the rest.
                        text: optionButton.modelData.inStock || root.compact ? optionButton.modelData.name : qsTr("%1 sold out").arg(optionButton.modelData.name)
                        Accessible.name: optionButton.modelData.inStock ? qsTr("%1 %2, %3").arg(optionButton.modelData.label).arg(optionButton.modelData.name).arg(optionButton.modelData.priceText) : qsTr("%1 %2, sold out").arg(optionButton.modelData.label).arg(optionButton.modelData.name)
                        onClicked: () => {
                            if (optionButton.soldOut) {
                                root.optionNote = qsTr("%1 is sold out.").arg(optionButton.modelData.name);
                                return;
                            }
                            root.optionNote = "";
                            root.variationIndex = optionButton.index;
                        }
                    }
                    // qmllint enable unqualified
                }
            }

            Item {
                Layout.fillHeight: true
                visible: !root.horizontal
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.columnSpan: root.horizontal && root.compact ? 2 : 1
            Layout.preferredWidth: root.horizontal && !root.compact ? 300 : -1
            Layout.fillHeight: false
            Layout.alignment: root.horizontal && !root.compact ? Qt.AlignVCenter | Qt.AlignRight : Qt.AlignBottom
            spacing: Theme.smallSpacing

            SpinBox {
                id: quantityBox

                objectName: "quantity_" + root.productId
                Layout.preferredWidth: 140
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
                // Flat colour: Material's elevation shadow is a shader effect that software rendering drops.
                Material.elevation: 0
                enabled: root.canAdd && !root.adding
                text: root.productType !== "simple" && !root.hasOptions ? qsTr("Options") : !root.inStock || (root.hasOptions && !root.variation) ? qsTr("Sold out") : root.quantityLimit <= 0 ? qsTr("In your cart") : root.adding ? qsTr("Adding…") : qsTr("Add to cart")
                Accessible.name: qsTr("Add %1 to the cart").arg(root.name)
                ToolTip.visible: hovered && root.productType !== "simple" && !root.hasOptions
                ToolTip.text: qsTr("Products with options can be bought on the store's website.")
                onClicked: () => {
                    const amount = Math.min(quantityBox.value, root.quantityLimit);
                    if (root.variation)
                        root.addRequested(String(root.variation.id), amount, root.variation.attributes, qsTr("%1, %2").arg(root.name).arg(root.variation.name));
                    else
                        root.addRequested(root.productId, amount, {}, root.name);
                    quantityBox.value = 1;
                }
                Keys.onReturnPressed: () => addButton.clicked()
                Keys.onEnterPressed: () => addButton.clicked()
            }
        }
    }
}
