import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// The cart: its lines, subtotal, the store's charges (discount, shipping, fees, tax) and total, clearing it (after a confirmation), and the way on to
// the store's own checkout in the system browser.
Page {
    id: root

    required property Cart cart
    property bool compact: false

    signal shopRequested
    //! Pay on the store's website: the window shows the checkout step.
    signal checkoutRequested
    //! Pull-to-refresh: read the cart again.
    signal refreshRequested
    //! \a line: {productId, name, quantity}; a quantity of 0 removes the line.
    signal quantityRequested(string key, int quantity, var line)
    signal removeRequested(string key, var line)

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: root.cart

        function onErrorOccurred() {
            // A refused quantity change: show the cart's value again.
            for (let i = 0; i < lines.count; ++i) {
                const line = lines.itemAtIndex(i) as CartLineDelegate;
                if (line)
                    line.resetQuantity();
            }
        }
    }

    Dialog {
        id: clearDialog

        objectName: "clearCartDialog"
        anchors.centerIn: Overlay.overlay
        width: Math.min(root.width - 2 * Theme.spacing, 380)
        modal: true
        // A flat fill: Material's dialog background is drawn with an elevation shader effect that
        // software rendering drops, leaving the text over the dimmed page.
        background: Rectangle {
            color: Theme.surface
            radius: Theme.radius
            border.color: Theme.border
        }
        title: qsTr("Empty the cart?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onAccepted: () => root.cart.clear()

        Label {
            objectName: "clearCartMessage"
            text: qsTr("This removes all %n item(s) from your cart.", "", root.cart.itemCount)
            wrapMode: Text.Wrap

            // Delayed: when the page's width changes (it starts at 0), the wrapped text's height
            // feeds the dialog's implicitHeight while the dialog is still working it out from the
            // old width, and Qt warns "Binding loop detected for property implicitHeight".
            Binding on width {
                value: clearDialog.availableWidth
                delayed: true
            }
        }
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: root.compact ? Theme.spacing / 2 : Theme.largeSpacing
        columns: root.compact ? 1 : 2
        columnSpacing: Theme.largeSpacing
        rowSpacing: Theme.spacing
        visible: !root.cart.empty

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: root.compact ? Theme.smallSpacing : 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Your cart")
                    // Smaller before cut short: beside "Empty cart" on a phone, German's
                    // "Ihr Warenkorb" does not fit at the headline size (it takes about 17 px).
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.bodyFont
                    elide: Text.ElideRight
                    font.pixelSize: Theme.headlineFont
                    font.bold: true
                    color: Theme.text
                }

                BusyIndicator {
                    // Its room is kept while it is idle (it shows nothing then): the heading
                    // neither jumps nor shrinks each time the cart is read.
                    objectName: "cartBusy"
                    implicitWidth: 28
                    implicitHeight: 28
                    running: root.cart.loading
                }

                Button {
                    objectName: "clearCartButton"
                    text: qsTr("Empty cart")
                    flat: true
                    enabled: !root.cart.empty
                    onClicked: () => clearDialog.open()
                }
            }

            ListView {
                id: lines

                objectName: "cartList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: root.cart.items
                spacing: Theme.smallSpacing
                clip: true
                // Pull down past the top to read the cart again.
                boundsBehavior: Flickable.DragOverBounds
                readonly property bool pulledFarEnough: lines.contentY - lines.originY < -Theme.touchTarget * 1.5
                onDragEnded: () => {
                    if (lines.pulledFarEnough)
                        root.refreshRequested();
                }

                Label {
                    objectName: "pullToRefreshHint"
                    // In the list's content: just above the first line, seen while pulling.
                    x: (lines.width - width) / 2
                    y: lines.originY - height - Theme.smallSpacing
                    visible: lines.contentY - lines.originY < -4
                    text: lines.pulledFarEnough ? qsTr("Release to refresh") : qsTr("Pull to refresh")
                    color: Theme.mutedText
                }
                ScrollBar.vertical: ScrollBar {
                }

                // See ShopPage.qml: Qt 6.4's qmllint cannot follow ids into delegates.
                // qmllint disable unqualified
                delegate: CartLineDelegate {
                    id: line

                    required property var model

                    width: ListView.view.width
                    compact: root.compact
                    busy: root.cart.loading
                    itemKey: line.model.key
                    productId: String(line.model.productId)
                    name: line.model.name
                    image: line.model.image
                    quantity: line.model.quantity
                    minQuantity: line.model.minQuantity
                    maxQuantity: line.model.maxQuantity
                    unitPriceText: line.model.unitPriceText
                    lineTotalText: line.model.lineTotalText
                    regularUnitPriceText: line.model.regularUnitPriceText
                    savingText: line.model.savingText
                    onQuantityRequested: (itemKey, quantity) => root.quantityRequested(itemKey, quantity, {
                            "productId": String(line.model.productId),
                            "name": line.model.name,
                            "quantity": line.model.quantity
                        })
                    onRemoveRequested: itemKey => root.removeRequested(itemKey, {
                            "productId": String(line.model.productId),
                            "name": line.model.name,
                            "quantity": line.model.quantity
                        })
                }
                // qmllint enable unqualified
            }
        }

        Rectangle {
            objectName: "totalsPanel"
            Layout.fillWidth: root.compact
            Layout.preferredWidth: root.compact ? -1 : 320
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: root.compact ? 0 : 48
            implicitHeight: totals.implicitHeight + 2 * Theme.spacing + 4
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                id: totals

                anchors.fill: parent
                anchors.margins: Theme.spacing + 2
                spacing: Theme.smallSpacing

                Label {
                    visible: !root.compact
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: qsTr("Order summary")
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                    color: Theme.text
                }

                RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Items")
                        color: Theme.mutedText
                    }

                    Label {
                        objectName: "itemCountText"
                        text: qsTr("%n item(s)", "", root.cart.itemCount)
                        color: Theme.text
                    }
                }

                RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Subtotal")
                        color: Theme.mutedText
                    }

                    Label {
                        objectName: "subtotalText"
                        text: root.cart.subtotalText
                        color: Theme.text
                    }
                }

                // The store's own charges, each only when there is one (CoCart's totals).
                // The amounts are qint64, a type qmllint 6.4 does not know: the texts are strings.
                Repeater {
                    // qmllint disable
                    model: [
                        {
                            "name": "discount",
                            "label": qsTr("Discount"),
                            "amount": root.cart.discountTotal,
                            "text": "−" + root.cart.discountTotalText
                        },
                        {
                            "name": "shipping",
                            "label": qsTr("Shipping"),
                            "amount": root.cart.shippingTotal,
                            "text": root.cart.shippingTotalText
                        },
                        {
                            "name": "fee",
                            "label": qsTr("Fees"),
                            "amount": root.cart.feeTotal,
                            "text": root.cart.feeTotalText
                        },
                        {
                            "name": "tax",
                            "label": qsTr("Tax"),
                            "amount": root.cart.taxTotal,
                            "text": root.cart.taxTotalText
                        }
                    ]
                    // qmllint enable

                    delegate: RowLayout {
                        id: charge

                        required property var modelData

                        objectName: charge.modelData.name + "Row"
                        Layout.fillWidth: true
                        visible: charge.modelData.amount !== 0

                        Label {
                            Layout.fillWidth: true
                            text: charge.modelData.label
                            color: Theme.mutedText
                        }

                        Label {
                            objectName: charge.modelData.name + "TotalText"
                            text: charge.modelData.text
                            color: Theme.text
                        }
                    }
                }

                // What the sales take off, already in the subtotal: the store's prices are the
                // sale prices. Only when a line is on sale.
                RowLayout {
                    objectName: "savingsRow"
                    Layout.fillWidth: true
                    visible: root.cart.savingsText !== ""

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("You save")
                        color: Theme.success
                        font.bold: true
                    }

                    Label {
                        objectName: "savingsText"
                        text: root.cart.savingsText
                        color: Theme.success
                        font.bold: true
                    }
                }

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: 1
                    color: Theme.border
                }

                RowLayout {
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Total")
                        font.bold: true
                        font.pixelSize: Theme.titleFont
                        color: Theme.text
                    }

                    Label {
                        objectName: "totalText"
                        text: root.cart.totalText
                        font.bold: true
                        font.pixelSize: Theme.titleFont
                        color: Theme.text
                    }
                }

                Label {
                    Layout.fillWidth: true
                    text: qsTr("The store may still change shipping and taxes at checkout on its website.")
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont
                    wrapMode: Text.Wrap
                }

                Button {
                    objectName: "checkoutButton"
                    Layout.fillWidth: true
                    highlighted: true
                    // Flat colour: Material's elevation shadow is a shader effect that software rendering drops.
                    Material.elevation: 0
                    enabled: String(root.cart.checkoutUrl) !== "" && !root.cart.loading
                    text: qsTr("Checkout")
                    Accessible.name: qsTr("Checkout on the store's website")
                    Accessible.description: qsTr("Opens the store's checkout in your web browser.")
                    onClicked: () => root.checkoutRequested()
                }
            }
        }
    }

    EmptyState {
        objectName: "cartEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, 420)
        visible: root.cart.empty && !root.cart.loading
        symbol: "0"
        title: qsTr("Your cart is empty")
        message: qsTr("Find something you like in the shop and add it here.")
        actionText: qsTr("Browse the shop")
        actionObjectName: "browseShopButton"
        onActionTriggered: () => root.shopRequested()
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: root.cart.empty && root.cart.loading
        visible: running
    }
}
