import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One product: picture, name, price, stock and "add to cart" with a quantity. Vertical in the
// grid, horizontal in the list (and on phones).
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
    property bool horizontal: false
    //! True while this card's add-to-cart call runs.
    property bool adding: false

    readonly property bool inStock: root.stockStatus !== "outofstock"
    readonly property bool canAdd: root.inStock && root.purchasable && root.productType === "simple"
    readonly property int quantityLimit: {
        let limit = 99;
        if (root.maxQuantity > 0)
            limit = Math.min(limit, root.maxQuantity);
        if (root.stockQuantity > 0)
            limit = Math.min(limit, root.stockQuantity);
        return limit;
    }

    signal addRequested(string productId, int quantity)

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
                visible: !root.horizontal
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
                    text: root.priceText
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
                    text: !root.inStock ? qsTr("Out of stock") : root.stockQuantity > 0 && root.stockQuantity <= 5 ? qsTr("Only %n left", "", root.stockQuantity) : root.stockStatus === "onbackorder" ? qsTr("On backorder") : qsTr("In stock")
                    color: !root.inStock ? Theme.danger : root.stockQuantity > 0 && root.stockQuantity <= 5 ? Theme.warning : Theme.success
                    font.pixelSize: Theme.smallFont
                    font.bold: true
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
                    text: root.productType !== "simple" ? qsTr("Options") : !root.inStock ? qsTr("Sold out") : root.adding ? qsTr("Adding…") : qsTr("Add to cart")
                    ToolTip.visible: hovered && root.productType !== "simple"
                    ToolTip.text: qsTr("Products with options can be bought on the store's website.")
                    onClicked: () => root.addRequested(root.productId, quantityBox.value)
                    Keys.onReturnPressed: () => addButton.clicked()
                    Keys.onEnterPressed: () => addButton.clicked()
                }
            }
        }
    }
}
