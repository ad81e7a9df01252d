import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A friendly "nothing here" block with an optional action.
ColumnLayout {
    id: root

    property string title
    property string message
    property string actionText: ""
    property string actionObjectName: ""
    property string symbol: "∅"

    signal actionTriggered

    spacing: Theme.spacing

    Rectangle {
        objectName: root.objectName !== "" ? root.objectName + "Icon" : ""
        Layout.alignment: Qt.AlignHCenter
        implicitWidth: 72
        implicitHeight: 72
        radius: 36
        color: Theme.accentLight

        Label {
            anchors.centerIn: parent
            text: root.symbol
            color: Theme.accent
            font.pixelSize: 32
            font.bold: true
        }
    }

    // Wrapped within the block's width (never wider than the page), centred.
    Label {
        objectName: root.objectName !== "" ? root.objectName + "Title" : ""
        Layout.fillWidth: true
        Layout.maximumWidth: 420
        Layout.alignment: Qt.AlignHCenter
        text: root.title
        color: Theme.text
        font.pixelSize: Theme.titleFont
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }

    Label {
        objectName: root.objectName !== "" ? root.objectName + "Message" : ""
        Layout.fillWidth: true
        Layout.maximumWidth: 420
        Layout.alignment: Qt.AlignHCenter
        visible: text !== ""
        text: root.message
        color: Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
    }

    Button {
        objectName: root.actionObjectName
        Layout.alignment: Qt.AlignHCenter
        visible: root.actionText !== ""
        text: root.actionText
        highlighted: true
        // Flat colour: Material's elevation shadow is a shader effect that software rendering drops.
        Material.elevation: 0
        onClicked: () => root.actionTriggered()
    }
}
