import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// The shopper's account: name, email and the two ways to sign out, each with what it does. The
// token's details and the session's own actions (validate, refresh) are for developers only
// (`cocart-demo --developer`). A guest sees an invitation to sign in instead.
Page {
    id: root

    required property Session session
    property string tokenStoreName: ""
    property bool compact: false
    //! Shows the token's details and Validate/Refresh (`--developer`).
    property bool developerMode: false

    property string validateText: ""
    property bool validateOk: false
    property string refreshText: ""
    property bool refreshOk: false
    //! Bumped every second so the countdown re-reads secondsUntilExpiry.
    property int tick: 0

    signal signInRequested
    //! Session.ThisDevice or Session.Everywhere: the window signs out.
    signal signOutRequested(int scope)

    function durationText(seconds) {
        if (seconds < 0)
            return qsTr("no token");
        if (seconds === 0)
            return qsTr("expired");
        const days = Math.floor(seconds / 86400);
        const hours = Math.floor(seconds % 86400 / 3600);
        const minutes = Math.floor(seconds % 3600 / 60);
        const secs = seconds % 60;
        if (days > 0)
            return qsTr("%1 d %2 h %3 min %4 s").arg(days).arg(hours).arg(minutes).arg(secs);
        if (hours > 0)
            return qsTr("%1 h %2 min %3 s").arg(hours).arg(minutes).arg(secs);
        return qsTr("%1 min %2 s").arg(minutes).arg(secs);
    }

    background: Rectangle {
        color: Theme.background
    }

    Timer {
        interval: 1000
        repeat: true
        running: root.visible && root.session.signedIn && root.developerMode
        onTriggered: () => root.tick++
    }

    Connections {
        target: root.session

        function onValidated() {
            root.validateOk = true;
            root.validateText = qsTr("The store accepted the access token.");
        }

        function onValidateFailed(error) {
            root.validateOk = false;
            root.validateText = error.kind === Error.Unauthorized ? qsTr("The store rejected the access token.") : qsTr("Could not validate: %1").arg(error.message);
        }

        function onRefreshed() {
            root.refreshOk = true;
            root.refreshText = qsTr("New tokens issued at %1.").arg(Qt.formatTime(new Date(), "hh:mm:ss"));
        }

        function onRefreshFailed(error) {
            root.refreshOk = false;
            root.refreshText = qsTr("Could not refresh: %1").arg(error.message);
        }

        function onLoggedOut() {
            root.validateText = "";
            root.refreshText = "";
        }
    }

    component Card: Rectangle {
        default property alias content: cardColumn.data

        Layout.fillWidth: true
        implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing + 4
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.border

        ColumnLayout {
            id: cardColumn

            anchors.fill: parent
            anchors.margins: Theme.spacing + 2
            spacing: Theme.smallSpacing
        }
    }

    component InfoRow: RowLayout {
        property string label
        property string value
        property string valueObjectName

        Layout.fillWidth: true
        spacing: Theme.spacing

        Label {
            Layout.preferredWidth: 128
            text: parent.label
            color: Theme.mutedText
            elide: Text.ElideRight
        }

        Label {
            objectName: parent.valueObjectName
            Layout.fillWidth: true
            text: parent.value
            color: Theme.text
            elide: Text.ElideMiddle
        }
    }

    Flickable {
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 2 * Theme.largeSpacing
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar {
        }

        ColumnLayout {
            id: column

            x: (parent.width - width) / 2
            y: root.compact ? Theme.spacing : Theme.largeSpacing
            width: Math.min(parent.width - 2 * Theme.spacing, 640)
            spacing: Theme.spacing

            Card {
                visible: !root.session.signedIn

                EmptyState {
                    Layout.fillWidth: true
                    symbol: "?"
                    title: qsTr("You're shopping as a guest")
                    message: qsTr("Your cart is kept on this device. Sign in to keep it with your account.")
                    actionText: qsTr("Sign in")
                    actionObjectName: "accountSignInButton"
                    onActionTriggered: () => root.signInRequested()
                }
            }

            Card {
                visible: root.session.signedIn

                RowLayout {
                    spacing: Theme.spacing + 4

                    RemoteImage {
                        objectName: "avatar"
                        implicitWidth: 72
                        implicitHeight: 72
                        radius: 36
                        source: root.session.user.avatarUrl
                        fillMode: Image.PreserveAspectCrop
                        fallbackText: root.session.user.firstName.charAt(0) + root.session.user.lastName.charAt(0)
                    }

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2

                        Label {
                            objectName: "accountName"
                            Layout.fillWidth: true
                            text: root.session.user.displayName !== "" ? root.session.user.displayName : root.session.user.username
                            font.pixelSize: Theme.headlineFont
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                        }

                        Label {
                            objectName: "accountEmail"
                            Layout.fillWidth: true
                            text: root.session.user.email
                            color: Theme.mutedText
                            elide: Text.ElideRight
                        }

                        Rectangle {
                            visible: root.session.user.role !== ""
                            implicitWidth: roleText.implicitWidth + 16
                            implicitHeight: roleText.implicitHeight + 6
                            radius: implicitHeight / 2
                            color: Theme.accentLight

                            Label {
                                id: roleText

                                objectName: "accountRole"
                                anchors.centerIn: parent
                                text: root.session.user.role
                                color: Theme.accentDark
                                font.pixelSize: Theme.smallFont
                                font.bold: true
                            }
                        }
                    }
                }

            }

            // Signing out: two choices, each saying what it does.
            Card {
                objectName: "signOutCard"
                visible: root.session.signedIn

                Label {
                    text: qsTr("Sign out")
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                    color: Theme.text
                }

                Button {
                    objectName: "signOutButton"
                    Layout.fillWidth: true
                    enabled: root.session.status === Session.SignedIn
                    text: root.session.status === Session.SigningOut ? qsTr("Signing out…") : qsTr("Sign out")
                    Accessible.description: signOutHint.text
                    onClicked: () => root.signOutRequested(Session.ThisDevice)
                }

                Label {
                    id: signOutHint

                    objectName: "signOutHint"
                    Layout.fillWidth: true
                    text: qsTr("Only on this device. Your other devices stay signed in.")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }

                Button {
                    objectName: "signOutEverywhereButton"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.smallSpacing
                    flat: true
                    palette.buttonText: Theme.danger
                    Material.foreground: Theme.danger
                    enabled: root.session.status === Session.SignedIn
                    text: qsTr("Sign out everywhere")
                    Accessible.description: signOutEverywhereHint.text
                    onClicked: () => root.signOutRequested(Session.Everywhere)
                }

                Label {
                    id: signOutEverywhereHint

                    objectName: "signOutEverywhereHint"
                    Layout.fillWidth: true
                    text: qsTr("On every phone, computer and app where you're signed in to this shop.")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }

            Card {
                objectName: "developerCard"
                visible: root.session.signedIn && root.developerMode

                Label {
                    text: qsTr("Session (developer)")
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                    color: Theme.text
                }

                InfoRow {
                    label: qsTr("Username")
                    value: root.session.user.username
                    valueObjectName: "accountUsername"
                }

                InfoRow {
                    label: qsTr("Customer id")
                    value: root.session.user.id
                }

                InfoRow {
                    label: qsTr("Token expires in")
                    value: root.tick >= 0 ? root.durationText(root.session.secondsUntilExpiry) : ""
                    valueObjectName: "expiryText"
                }

                InfoRow {
                    label: qsTr("Expires at")
                    value: Qt.formatDateTime(root.session.accessTokenExpiry, "yyyy-MM-dd hh:mm:ss")
                }

                InfoRow {
                    label: qsTr("Store")
                    value: String(root.session.storeUrl)
                }

                InfoRow {
                    label: qsTr("Saved in")
                    value: root.session.storageState === TokenStore.Ready ? root.tokenStoreName : qsTr("%1 (not available)").arg(root.tokenStoreName)
                }

                Flow {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.smallSpacing
                    spacing: Theme.smallSpacing

                    Button {
                        objectName: "validateButton"
                        text: qsTr("Validate token")
                        enabled: !root.session.busy
                        onClicked: () => {
                            root.validateText = "";
                            root.session.validate();
                        }
                    }

                    Button {
                        objectName: "refreshButton"
                        text: root.session.status === Session.Refreshing ? qsTr("Refreshing…") : qsTr("Refresh token")
                        enabled: !root.session.busy
                        onClicked: () => {
                            root.refreshText = "";
                            root.session.refresh();
                        }
                    }

                    BusyIndicator {
                        implicitWidth: 32
                        implicitHeight: 32
                        running: root.session.busy
                        visible: running
                    }
                }

                Label {
                    objectName: "validateResult"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.validateText
                    color: root.validateOk ? Theme.success : Theme.danger
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "refreshResult"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.refreshText
                    color: root.refreshOk ? Theme.success : Theme.danger
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
