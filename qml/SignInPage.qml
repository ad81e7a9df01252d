import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// Sign in with username or email and password, or shop as a guest. Enter submits; the server's
// own message is shown when it refuses.
Page {
    id: root

    required property Session session
    property bool embeddedStore: false
    property string demoUsername: ""
    property string demoPassword: ""
    //! The store's currency, "GBP (£)"; empty until the catalogue told it.
    property string storeCurrency: ""
    //! Why the user is here again (e.g. the session expired), shown above the form.
    property string reason: ""
    property bool compact: false

    property string errorText: ""
    property string usernameError: ""
    property string passwordError: ""
    readonly property bool busy: root.session.status === Session.SigningIn

    signal guestRequested

    //! Says which field is empty instead of doing nothing.
    function submit() {
        if (root.busy)
            return;
        root.usernameError = usernameField.text.trim() === "" ? qsTr("Enter your username or email.") : "";
        root.passwordError = passwordField.text === "" ? qsTr("Enter your password.") : "";
        if (root.usernameError !== "") {
            usernameField.forceActiveFocus();
            return;
        }
        if (root.passwordError !== "") {
            passwordField.forceActiveFocus();
            return;
        }
        root.errorText = "";
        root.session.login(usernameField.text.trim(), passwordField.text);
    }

    function focusForm() {
        if (usernameField.text === "")
            usernameField.forceActiveFocus();
        else
            passwordField.forceActiveFocus();
    }

    background: Rectangle {
        color: Theme.background
    }

    Connections {
        target: root.session

        function onLoginFailed(error) {
            root.errorText = error.message !== "" ? error.message : qsTr("Could not sign in.");
            passwordField.selectAll();
            passwordField.forceActiveFocus();
        }

        function onLoggedIn() {
            root.errorText = "";
            passwordField.clear();
        }
    }

    Flickable {
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, card.implicitHeight + 2 * Theme.largeSpacing)
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        Rectangle {
            id: card

            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.spacing, 420)
            implicitHeight: form.implicitHeight + 2 * (root.compact ? Theme.spacing + 4 : Theme.largeSpacing)
            height: implicitHeight
            radius: Theme.radius + 4
            color: Theme.surface
            border.color: Theme.border

            ColumnLayout {
                id: form

                anchors.fill: parent
                anchors.margins: root.compact ? Theme.spacing + 4 : Theme.largeSpacing
                spacing: Theme.spacing

                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    implicitWidth: 56
                    implicitHeight: 56
                    radius: 14
                    color: Theme.accent

                    Label {
                        anchors.centerIn: parent
                        text: "C"
                        color: "white"
                        font.pixelSize: 32
                        font.bold: true
                    }
                }

                Label {
                    Layout.fillWidth: true
                    text: root.session.storeName !== "" ? qsTr("Sign in to %1").arg(root.session.storeName) : qsTr("Sign in to CoCart Shop")
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: Theme.headlineFont
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }

                Label {
                    objectName: "signInStoreLine"
                    Layout.fillWidth: true
                    text: {
                        const where = root.embeddedStore ? qsTr("Shopping at the demo store that runs inside this app.") : root.session.storeName !== "" ? qsTr("Shopping at %1.").arg(root.session.storeName) : "";
                        return root.storeCurrency === "" ? where : where === "" ? qsTr("Prices in %1.").arg(root.storeCurrency) : qsTr("%1 Prices in %2.").arg(where).arg(root.storeCurrency);
                    }
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }

                Banner {
                    objectName: "signInReason"
                    Layout.fillWidth: true
                    kind: "warning"
                    text: root.reason
                    timeout: 2147483647
                }

                Rectangle {
                    objectName: "demoCredentials"
                    Layout.fillWidth: true
                    visible: root.embeddedStore && root.demoUsername !== ""
                    implicitHeight: demoColumn.implicitHeight + 2 * Theme.spacing
                    radius: Theme.radius
                    color: Theme.accentLight

                    ColumnLayout {
                        id: demoColumn

                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.smallSpacing

                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Demo account")
                            font.bold: true
                            color: Theme.accentDark
                        }

                        Label {
                            objectName: "demoCredentialsText"
                            Layout.fillWidth: true
                            text: qsTr("Username: %1\nPassword: %2").arg(root.demoUsername).arg(root.demoPassword)
                            font.family: "DejaVu Sans Mono"
                            color: Theme.text
                            wrapMode: Text.WrapAnywhere
                        }

                        Button {
                            objectName: "useDemoAccountButton"
                            Layout.fillWidth: true
                            text: qsTr("Use the demo account")
                            flat: true
                            onClicked: () => {
                                usernameField.text = root.demoUsername;
                                passwordField.text = root.demoPassword;
                                signInButton.forceActiveFocus();
                            }
                        }
                    }
                }

                Label {
                    text: qsTr("Username or email")
                    color: Theme.text
                    font.bold: true
                }

                TextField {
                    id: usernameField

                    objectName: "usernameField"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    placeholderText: qsTr("e.g. jane@example.com")
                    // Material's hint colour is 2.6:1 on white; placeholders must be readable too (WCAG AA).
                    placeholderTextColor: Theme.mutedText
                    Accessible.name: qsTr("Username or email")
                    enabled: !root.busy
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    KeyNavigation.tab: passwordField
                    onAccepted: () => passwordField.text === "" ? passwordField.forceActiveFocus() : root.submit()
                    onTextEdited: () => {
                        root.errorText = "";
                        root.usernameError = "";
                    }
                }

                Label {
                    objectName: "usernameError"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.usernameError
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }

                Label {
                    text: qsTr("Password")
                    color: Theme.text
                    font.bold: true
                }

                TextField {
                    id: passwordField

                    objectName: "passwordField"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    placeholderText: qsTr("Password")
                    // Material's hint colour is 2.6:1 on white; placeholders must be readable too (WCAG AA).
                    placeholderTextColor: Theme.mutedText
                    Accessible.name: qsTr("Password")
                    echoMode: showPassword.checked ? TextInput.Normal : TextInput.Password
                    enabled: !root.busy
                    inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                    KeyNavigation.tab: showPassword
                    onAccepted: () => root.submit()
                    onTextEdited: () => {
                        root.errorText = "";
                        root.passwordError = "";
                    }
                }

                Label {
                    objectName: "passwordError"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: root.passwordError
                    color: Theme.danger
                    wrapMode: Text.Wrap
                }

                CheckBox {
                    id: showPassword

                    objectName: "showPasswordCheck"
                    text: qsTr("Show password")
                    KeyNavigation.tab: signInButton
                }

                Label {
                    objectName: "signInError"
                    Layout.fillWidth: true
                    visible: root.errorText !== ""
                    text: root.errorText
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                }

                Button {
                    id: signInButton

                    objectName: "signInButton"
                    Layout.fillWidth: true
                    highlighted: true
                    // Flat colour: Material's elevation shadow is a shader effect that software rendering drops.
                    Material.elevation: 0
                    enabled: !root.busy
                    text: root.busy ? qsTr("Signing in…") : qsTr("Sign in")
                    KeyNavigation.tab: guestButton
                    onClicked: () => root.submit()
                    Keys.onReturnPressed: () => root.submit()
                    Keys.onEnterPressed: () => root.submit()

                    BusyIndicator {
                        objectName: "signInBusy"
                        anchors.right: parent.right
                        anchors.rightMargin: Theme.smallSpacing
                        anchors.verticalCenter: parent.verticalCenter
                        height: parent.height - 8
                        width: height
                        running: root.busy
                        visible: running
                    }
                }

                Button {
                    id: guestButton

                    objectName: "guestButton"
                    Layout.fillWidth: true
                    flat: true
                    enabled: !root.busy
                    text: qsTr("Continue as guest")
                    KeyNavigation.tab: usernameField
                    onClicked: () => root.guestRequested()
                    Keys.onReturnPressed: () => root.guestRequested()
                    Keys.onEnterPressed: () => root.guestRequested()
                }
            }
        }
    }
}
