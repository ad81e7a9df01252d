import QtQuick
import QtQuick.Controls

// A thin indeterminate bar along the top edge while any network call runs: the whole app shows
// activity in one place, pages add their own spinners where the user waits on a specific action.
Item {
    id: root

    property bool running: false

    implicitHeight: 3
    visible: root.running
    clip: true

    Rectangle {
        anchors.fill: parent
        color: Theme.accentLight
    }

    Rectangle {
        id: bar

        width: root.width / 3
        height: root.height
        color: Theme.accent

        NumberAnimation on x  {
            running: root.running
            loops: Animation.Infinite
            from: -bar.width
            to: root.width
            duration: 1100
        }
    }
}
