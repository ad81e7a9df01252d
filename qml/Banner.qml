import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A message strip with optional actions (Undo, View cart). show() replaces the current message;
// it hides itself after the timeout. Its text is always plain: store messages are never markup.
Rectangle {
    id: root

    //! "error", "warning", "info" or "success"
    property string kind: "info"
    property string text: ""
    property int timeout: 6000
    //! [{text, objectName, run}]: buttons under the message; each one runs and hides it.
    property var actions: []
    readonly property bool shown: root.text !== ""
    readonly property color textColor: root.kind === "error" ? Theme.danger : root.kind === "warning" ? Theme.warning : root.kind === "success" ? Theme.success : Theme.accentDark

    function show(message, messageKind, messageActions) {
        root.kind = messageKind || "info";
        root.actions = messageActions || [];
        root.text = message;
        hideTimer.restart();
    }

    function hide() {
        root.text = "";
        root.actions = [];
    }

    implicitHeight: root.shown ? column.implicitHeight + 2 * Theme.smallSpacing : 0
    visible: root.shown
    radius: Theme.radius
    color: root.kind === "error" ? Theme.dangerLight : root.kind === "warning" ? Theme.warningLight : root.kind === "success" ? Theme.successLight : Theme.accentLight
    border.color: root.textColor
    border.width: 1
    // Screen readers announce the message itself; the strip's click-stopper below is not a control.
    Accessible.role: root.kind === "error" || root.kind === "warning" ? Accessible.AlertMessage : Accessible.StaticText
    Accessible.name: root.text

    Timer {
        id: hideTimer

        interval: root.timeout
        running: false
        onTriggered: () => root.hide()
    }

    // Taps on the strip itself stop here.
    MouseArea {
        anchors.fill: parent
        Accessible.ignored: true
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
        onContainsMouseChanged: () => {
            // Reading a message with the pointer on it keeps it up.
            if (containsMouse)
                hideTimer.stop();
            else if (root.shown)
                hideTimer.restart();
        }
    }

    ColumnLayout {
        id: column

        anchors.fill: parent
        anchors.topMargin: Theme.smallSpacing / 2
        anchors.bottomMargin: Theme.smallSpacing / 2
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: 2
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.smallSpacing

            Label {
                id: message

                objectName: "bannerText"
                Layout.fillWidth: true
                Layout.fillHeight: true
                // A wrapped message makes the strip taller: the row sizes a Text by its one-line
                // height, so ask for the wrapped height explicitly.
                Layout.minimumHeight: message.implicitHeight
                verticalAlignment: Text.AlignVCenter
                text: root.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: root.textColor
            }

            ToolButton {
                objectName: "bannerClose"
                text: "✕"
                palette.buttonText: root.textColor
                Accessible.name: qsTr("Dismiss")
                onClicked: () => root.hide()
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignRight
            visible: root.actions.length > 0
            spacing: Theme.smallSpacing

            Repeater {
                model: root.actions

                Button {
                    id: actionButton

                    required property var modelData

                    objectName: actionButton.modelData.objectName || ""
                    text: actionButton.modelData.text
                    flat: true
                    Accessible.name: actionButton.modelData.text
                    onClicked: () => {
                        const run = actionButton.modelData.run;
                        root.hide();
                        run();
                    }
                }
            }
        }
    }
}
