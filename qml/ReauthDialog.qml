import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// Signing in again over the page the shopper is on, when the store ended the session (signed
// out on another device, or the sign-in expired). The page, its scroll position and the action
// that was refused all stay; the window retries that action once the shopper is signed in.
Dialog {
    id: root

    required property Session session
    //! The name the shopper signed in with, filled in for them.
    property string username: ""
    //! What will be done once signed in again ("add 1 × Leather Keyring"), or empty.
    property string pendingText: ""
    property string errorText: ""
    readonly property bool busy: root.session.status === Session.SigningIn

    signal guestRequested

    function submit() {
        if (root.busy)
            return;
        if (userField.text.trim() === "" || passwordField.text === "") {
            root.errorText = userField.text.trim() === "" ? qsTr("Enter your username or email.") : qsTr("Enter your password.");
            (userField.text.trim() === "" ? userField : passwordField).forceActiveFocus();
            return;
        }
        root.errorText = "";
        root.session.login(userField.text.trim(), passwordField.text);
    }

    function start(name) {
        root.username = name;
        userField.text = name;
        passwordField.text = "";
        root.errorText = "";
        if (!root.opened)
            root.open();
        focusLater.restart();
    }

    function focusField() {
        (userField.text === "" ? userField : passwordField).forceActiveFocus();
    }

    objectName: "reauthDialog"
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.spacing : 400, 420)
    modal: true
    // A flat fill: Material's dialog background is drawn with an elevation shader effect that
    // software rendering drops, leaving the text over the dimmed page.
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }
    closePolicy: Popup.NoAutoClose
    padding: Theme.spacing + 4
    title: qsTr("Sign in again")

    Timer {
        id: focusLater

        interval: 0
        onTriggered: () => root.focusField()
    }

    Connections {
        target: root.session

        function onLoginFailed(error) {
            if (!root.opened)
                return;
            root.errorText = error.kind === Error.InvalidCredentials || error.message === "" ? qsTr("That username and password don't match.") : Messages.describe(error, "");
            passwordField.selectAll();
            passwordField.forceActiveFocus();
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.smallSpacing

        Label {
            objectName: "reauthMessage"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.pendingText !== "" ? qsTr("You've been signed out, perhaps on another device. Sign in again and the app will %1.").arg(root.pendingText) : qsTr("You've been signed out, perhaps on another device. Sign in again to carry on where you were.")
        }

        TextField {
            id: userField

            objectName: "reauthUsername"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            placeholderText: qsTr("Username or email")
            // Material's hint colour is 2.6:1 on white; placeholders must be readable too (WCAG AA).
            placeholderTextColor: Theme.mutedText
            Accessible.name: qsTr("Username or email")
            enabled: !root.busy
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            onAccepted: () => passwordField.forceActiveFocus()
        }

        TextField {
            id: passwordField

            objectName: "reauthPassword"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            placeholderText: qsTr("Password")
            // Material's hint colour is 2.6:1 on white; placeholders must be readable too (WCAG AA).
            placeholderTextColor: Theme.mutedText
            Accessible.name: qsTr("Password")
            echoMode: TextInput.Password
            enabled: !root.busy
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            onAccepted: () => root.submit()
            onTextEdited: () => root.errorText = ""
        }

        Label {
            objectName: "reauthError"
            Layout.fillWidth: true
            visible: root.errorText !== ""
            text: root.errorText
            color: Theme.danger
            wrapMode: Text.Wrap
        }

        Button {
            objectName: "reauthSignInButton"
            Layout.fillWidth: true
            highlighted: true
            Material.elevation: 0
            enabled: !root.busy
            text: root.busy ? qsTr("Signing in…") : qsTr("Sign in")
            onClicked: () => root.submit()
        }

        Button {
            objectName: "reauthGuestButton"
            Layout.fillWidth: true
            flat: true
            enabled: !root.busy
            text: qsTr("Shop as a guest")
            onClicked: () => root.guestRequested()
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            font.pixelSize: Theme.smallFont
            text: qsTr("Your cart stays with your account. As a guest you start a new, empty cart.")
        }
    }
}
