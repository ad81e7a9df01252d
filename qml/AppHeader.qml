import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// The bar along the top: the shop's name (never its address: shoppers know a shop by its name),
// its currency, and the three destinations with the cart badge. Knows nothing about the SDK: the window passes in what it shows.
Rectangle {
    id: root

    property string currentPage: "shop"
    property int cartCount: 0
    property bool signedIn: false
    property bool compact: false
    property bool embeddedStore: false
    //! The shop's own name (Session.storeInfo.title); empty until the store was checked.
    property string storeName: ""
    //! The store's currency as "GBP (£)" (from the catalogue's prices); empty until known.
    property string storeCurrency: ""

    signal navigateRequested(string page)

    implicitHeight: Theme.headerHeight
    color: Theme.headerBar

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.smallSpacing
        spacing: root.compact ? 2 : Theme.smallSpacing

        Rectangle {
            // On a phone the shop's name needs the room more than the logo.
            visible: !root.compact
            implicitWidth: 32
            implicitHeight: 32
            radius: 8
            color: "white"

            Label {
                anchors.centerIn: parent
                text: "C"
                color: Theme.headerBar
                font.pixelSize: 20
                font.bold: true
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: root.compact
            Layout.leftMargin: Theme.smallSpacing
            spacing: 0

            Label {
                objectName: "storeTitle"
                Layout.fillWidth: true
                Layout.fillHeight: root.compact
                text: root.storeName !== "" ? root.storeName : qsTr("CoCart Shop")
                color: "white"
                font.pixelSize: Theme.titleFont
                font.bold: true
                // A long name gets smaller before it is cut short; on a phone, where the
                // destinations' labels leave it little room (German's "Warenkorb"), it also takes
                // a second line.
                fontSizeMode: root.compact ? Text.Fit : Text.HorizontalFit
                minimumPixelSize: Theme.bodyFont
                wrapMode: root.compact ? Text.Wrap : Text.NoWrap
                maximumLineCount: root.compact ? 2 : 1
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }

            Label {
                objectName: "storeSubtitle"
                Layout.fillWidth: true
                visible: !root.compact
                text: {
                    if (root.embeddedStore)
                        return root.storeCurrency === "" ? qsTr("Demo store running inside the app") : qsTr("%1 · prices in %2").arg(qsTr("Demo store running inside the app")).arg(root.storeCurrency);
                    return root.storeCurrency === "" ? "" : qsTr("Prices in %1").arg(root.storeCurrency);
                }
                color: "white"
                font.pixelSize: Theme.smallFont
                elide: Text.ElideRight
            }
        }

        NavButton {
            objectName: "navShop"
            compact: root.compact
            current: root.currentPage === page
            onClicked: () => root.navigateRequested(page)
            page: "shop"
            label: qsTr("Shop")
            shortLabel: qsTr("Shop")
        }

        NavButton {
            id: cartButton

            objectName: "navCart"
            compact: root.compact
            current: root.currentPage === page
            onClicked: () => root.navigateRequested(page)
            page: "cart"
            label: qsTr("Cart")
            shortLabel: qsTr("Cart")
            Accessible.name: qsTr("Cart, %n item(s)", "", root.cartCount)
            rightPadding: badge.visible ? badge.width + 10 : 8

            Rectangle {
                id: badge

                objectName: "cartBadge"
                visible: root.cartCount > 0
                anchors.right: parent.right
                anchors.rightMargin: 4
                anchors.verticalCenter: parent.verticalCenter
                width: Math.max(20, badgeText.implicitWidth + 10)
                height: 20
                radius: 10
                color: "white"

                Label {
                    id: badgeText

                    objectName: "cartBadgeText"
                    anchors.centerIn: parent
                    text: root.cartCount > 99 ? "99+" : String(root.cartCount)
                    color: Theme.accentDark
                    font.pixelSize: 11
                    font.bold: true
                }
            }
        }

        NavButton {
            objectName: "navAccount"
            compact: root.compact
            current: root.currentPage === page
            onClicked: () => root.navigateRequested(page)
            page: root.signedIn ? "account" : "signin"
            label: root.signedIn ? qsTr("Account") : qsTr("Sign in")
            shortLabel: root.signedIn ? qsTr("Me") : qsTr("Sign in")
        }
    }

    component NavButton: ToolButton {
        id: navButton

        property string page
        property string label
        property string shortLabel
        property bool compact
        property bool current

        text: navButton.compact ? navButton.shortLabel : navButton.label
        implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
        implicitHeight: Theme.touchTarget
        Accessible.name: navButton.label
        checkable: false
        checked: navButton.current
        font.bold: navButton.checked
        palette.buttonText: "white"
        palette.windowText: "white"
        Material.foreground: "white"
        Material.accent: "white"
        Keys.onReturnPressed: () => navButton.clicked()
        Keys.onEnterPressed: () => navButton.clicked()

        background: Rectangle {
            radius: 6
            color: navButton.checked ? Theme.accentDark : navButton.hovered ? "#8f68c0" : "transparent"
            border.color: navButton.visualFocus ? "white" : "transparent"
        }
    }
}
