import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A non-blocking message strip. show() replaces the current message; errors stay until closed or
// until the timeout, so the page underneath keeps working.
Rectangle {
    id: root

    //! "error", "warning", "info" or "success"
    property string kind: "info"
    property string text: ""
    property int timeout: 6000
    readonly property bool shown: root.text !== ""

    function show(message, messageKind) {
        root.kind = messageKind || "info";
        root.text = message;
        hideTimer.restart();
    }

    function hide() {
        root.text = "";
    }

    implicitHeight: root.shown ? row.implicitHeight + 2 * Theme.smallSpacing : 0
    visible: root.shown
    radius: Theme.radius
    color: root.kind === "error" ? Theme.dangerLight : root.kind === "warning" ? Theme.warningLight : root.kind === "success" ? Theme.successLight : Theme.accentLight
    border.color: root.kind === "error" ? Theme.danger : root.kind === "warning" ? Theme.warning : root.kind === "success" ? Theme.success : Theme.accent
    border.width: 1

    Timer {
        id: hideTimer

        interval: root.timeout
        running: false
        onTriggered: () => root.hide()
    }

    RowLayout {
        id: row

        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.smallSpacing
        spacing: Theme.spacing

        Label {
            objectName: "bannerText"
            Layout.fillWidth: true
            text: root.text
            wrapMode: Text.Wrap
            color: root.kind === "error" ? Theme.danger : root.kind === "warning" ? Theme.warning : root.kind === "success" ? Theme.success : Theme.accentDark
        }

        ToolButton {
            objectName: "bannerClose"
            text: "✕"
            Accessible.name: qsTr("Dismiss")
            onClicked: () => root.hide()
        }
    }
}
