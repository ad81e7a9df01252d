import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One cart line: picture, name, unit price, quantity (bounded by the line's min and max; 0
// removes the line, more than the store sells says so), line total and remove. Emits requests;
// the page sends them to the Cart.
Rectangle {
    id: root

    property string itemKey
    property string productId
    property string name
    property url image
    property int quantity: 1
    property int minQuantity: 1
    property int maxQuantity: -1
    property string unitPriceText
    property string lineTotalText
    //! The price of one before the sale, formatted; empty when the line is not on sale.
    property string regularUnitPriceText
    //! What the sale saves on the line, formatted; empty when nothing.
    property string savingText
    property bool compact: false
    property bool busy: false
    //! Why the quantity shown is not the one typed ("Only 3 can be ordered."), or empty.
    property string note: ""
    //! The number typed last, before the spin box bounded it.
    property int typedValue: -1

    signal quantityRequested(string itemKey, int quantity)
    signal removeRequested(string itemKey)

    //! Puts the spin box back to the cart's value (after a refused change).
    function resetQuantity() {
        quantityBox.value = Qt.binding(() => root.quantity);
    }

    function requestQuantity() {
        const wanted = root.typedValue;
        root.typedValue = -1;
        if (wanted > quantityBox.to)
            root.note = qsTr("Only %n can be ordered, so the quantity is %n.", "", quantityBox.to);
        else
            root.note = "";
        if (quantityBox.value === 0)
            root.removeRequested(root.itemKey);
        else if (quantityBox.value !== root.quantity)
            root.quantityRequested(root.itemKey, quantityBox.value);
    }

    objectName: "line_" + root.productId
    implicitHeight: layout.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    Timer {
        id: quantityDelay

        // Clicking + three times sends one request, not three.
        interval: 400
        onTriggered: () => root.requestQuantity()
    }

    GridLayout {
        id: layout

        anchors.fill: parent
        anchors.margins: Theme.spacing
        columns: root.compact ? 3 : 6
        columnSpacing: Theme.spacing
        rowSpacing: Theme.smallSpacing

        RemoteImage {
            Layout.preferredWidth: root.compact ? 56 : 72
            Layout.preferredHeight: root.compact ? 56 : 72
            Layout.rowSpan: root.compact ? 2 : 1
            Layout.alignment: Qt.AlignTop
            source: root.image
            fallbackText: root.name.length > 0 ? root.name.charAt(0) : ""
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                objectName: "lineName_" + root.productId
                Layout.fillWidth: true
                text: root.name
                font.bold: true
                font.pixelSize: Theme.bodyFont + 1
                color: Theme.text
                elide: Text.ElideRight
            }

            Label {
                objectName: "unitPrice_" + root.productId
                Layout.fillWidth: true
                text: qsTr("%1 each").arg(root.unitPriceText)
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont
                wrapMode: Text.Wrap
            }

            Label {
                objectName: "lineSaving_" + root.productId
                Layout.fillWidth: true
                visible: root.savingText !== ""
                text: qsTr("Was %1 each · you save %2").arg(root.regularUnitPriceText).arg(root.savingText)
                color: Theme.success
                font.pixelSize: Theme.smallFont
                font.bold: true
                wrapMode: Text.Wrap
            }
        }

        Button {
            objectName: "remove_" + root.productId
            flat: true
            palette.buttonText: Theme.danger
            Layout.alignment: root.compact ? Qt.AlignTop | Qt.AlignRight : Qt.AlignVCenter
            Layout.column: root.compact ? 2 : 5
            Layout.row: 0
            text: qsTr("Remove")
            enabled: !root.busy
            Accessible.name: qsTr("Remove %1").arg(root.name)
            onClicked: () => root.removeRequested(root.itemKey)
            Keys.onReturnPressed: () => root.removeRequested(root.itemKey)
            Keys.onEnterPressed: () => root.removeRequested(root.itemKey)
        }

        SpinBox {
            id: quantityBox

            objectName: "qty_" + root.productId
            Layout.row: root.compact ? 1 : 0
            Layout.column: root.compact ? 1 : 2
            Layout.preferredWidth: 140
            Layout.alignment: Qt.AlignLeft | Qt.AlignVCenter
            // 0 removes the line (with Undo); below the store's minimum otherwise is refused.
            from: 0
            to: root.maxQuantity > 0 ? root.maxQuantity : 9999
            value: root.quantity
            editable: true
            Accessible.name: qsTr("Quantity of %1").arg(root.name)
            valueFromText: (text, locale) => {
                const typed = Number.fromLocaleString(locale, text);
                root.typedValue = isNaN(typed) ? -1 : Math.round(typed);
                return isNaN(typed) ? root.quantity : typed;
            }
            onValueModified: () => quantityDelay.restart()
            Keys.onReturnPressed: () => {
                quantityDelay.stop();
                quantityDelay.triggered();
            }
        }

        Label {
            Layout.row: root.compact ? 1 : 0
            Layout.column: 3
            Layout.preferredWidth: 64
            visible: !root.compact
            text: root.maxQuantity > 0 ? qsTr("max %1").arg(root.maxQuantity) : ""
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
        }

        Label {
            objectName: "lineNote_" + root.productId
            Layout.row: 2
            Layout.column: root.compact ? 1 : 1
            Layout.columnSpan: root.compact ? 2 : 5
            Layout.fillWidth: true
            visible: root.note !== ""
            text: root.note
            color: Theme.warning
            font.pixelSize: Theme.smallFont
            wrapMode: Text.Wrap
        }

        Label {
            objectName: "lineTotal_" + root.productId
            Layout.row: root.compact ? 1 : 0
            Layout.column: root.compact ? 2 : 4
            Layout.minimumWidth: root.compact ? 0 : 90
            Layout.fillWidth: root.compact
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            horizontalAlignment: Text.AlignRight
            text: root.lineTotalText
            font.bold: true
            font.pixelSize: Theme.bodyFont + 1
            color: Theme.text
        }
    }
}
