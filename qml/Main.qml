import QtQuick
import QtQuick.Controls
import CoCart

// Placeholder until the demo-app issue: shows that the SDK's QML module loads.
ApplicationWindow {
    id: root

    width: 640
    height: 400
    visible: true
    title: qsTr("CoCart Qt demo")

    Session {
        id: session
    }

    Label {
        anchors.centerIn: parent
        text: qsTr("CoCart Qt demo: session is %1").arg(session.signedIn ? qsTr("signed in") : qsTr("signed out"))
    }
}
