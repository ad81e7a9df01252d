import QtQuick
import QtQuick.Controls

// A size (or other option) to pick. The chosen one is dark with light text (contrast above
// WCAG AA), the others are outlined; a sold-out one is plainly different (a pale box crossed
// through) yet still takes a tap, so the page can say that it is sold out instead of ignoring it.
AbstractButton {
    id: root

    property bool soldOut: false
    //! A second, smaller line under the name (the product page's price or "Sold out").
    property string detail: ""

    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    topPadding: Theme.smallSpacing
    bottomPadding: Theme.smallSpacing
    checkable: !root.soldOut
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.RadioButton

    // One Text: the name, and the detail in a second, smaller line.
    contentItem: Text {
        objectName: root.objectName !== "" ? root.objectName + "Text" : ""
        text: root.detail === "" ? root.text : root.text + "<br><span style=\"font-size:" + Theme.smallFont + "px; font-weight:normal\">" + root.detail + "</span>"
        textFormat: root.detail === "" ? Text.PlainText : Text.StyledText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        font.pixelSize: Theme.bodyFont
        font.bold: root.checked
        color: root.checked ? Theme.textOnAccentDark : root.soldOut ? Theme.mutedText : Theme.text
    }

    background: Rectangle {
        radius: Theme.radius - 4
        color: root.checked ? Theme.accentDark : root.soldOut ? Theme.background : Theme.surface
        border.width: root.visualFocus ? 2 : 1
        border.color: root.visualFocus ? Theme.accent : root.checked ? Theme.accentDark : root.soldOut ? Theme.border : Theme.mutedText

        // Crossed through: sold out.
        Rectangle {
            visible: root.soldOut
            anchors.centerIn: parent
            width: Math.sqrt(parent.width * parent.width + parent.height * parent.height) - 8
            height: 1
            rotation: -Math.atan2(parent.height, parent.width) * 180 / Math.PI
            color: Theme.border
            antialiasing: true
        }
    }
}
