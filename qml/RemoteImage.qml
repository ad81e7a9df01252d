import QtQuick
import QtQuick.Controls

// An image loaded over HTTP from the store, with a quiet placeholder while it loads or when the
// store has none.
Rectangle {
    id: root

    property url source
    //! Shown in the placeholder when there is no picture (e.g. initials).
    property string fallbackText: ""
    property int fillMode: Image.PreserveAspectFit
    readonly property bool loading: image.status === Image.Loading

    color: Theme.accentLight
    radius: Theme.radius
    clip: true

    Image {
        id: image

        anchors.fill: parent
        anchors.margins: root.radius / 2
        source: root.source
        fillMode: root.fillMode
        asynchronous: true
        smooth: true
        mipmap: true
        sourceSize.width: Math.max(1, Math.ceil(width * 2))
        sourceSize.height: Math.max(1, Math.ceil(height * 2))
    }

    Label {
        anchors.centerIn: parent
        visible: image.status !== Image.Ready && !root.loading
        text: root.fallbackText
        color: Theme.accentDark
        font.pixelSize: Math.max(12, Math.min(root.width, root.height) / 3)
        font.bold: true
    }

    BusyIndicator {
        anchors.centerIn: parent
        width: Math.min(32, root.width / 2)
        height: width
        running: root.loading
        visible: running
    }
}
