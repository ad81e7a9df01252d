import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// The step between "Checkout" and the store's website: it says where the shopper is going,
// opens the browser, offers the link when no browser opens, and, when the app is active again,
// reloads the cart and says whether the order went through (the cart is empty) or not.
Dialog {
    id: root

    required property Cart cart
    //! The shop's name for the sentences ("Pay on CoCart Demo's website").
    property string storeName: ""
    //! Opens a URL outside the app; returns false when nothing could open it.
    property var openUrl: url => Qt.openUrlExternally(url)

    //! "ready" (about to open), "noBrowser" (nothing opened: copy the link), "waiting" (paying
    //! in the browser), "checking" (reloading the cart), "placed", "unchanged" or "changed".
    property string step: "ready"
    property url shownUrl
    property bool copied: false
    property int itemsBefore: 0
    property string totalBefore: ""
    //! The Reply of the reload that checks the cart (kept until it ends).
    property Reply checkReply: null

    //! Opens the sheet for the cart as it is now.
    function start() {
        root.step = "ready";
        root.copied = false;
        root.shownUrl = root.cart.checkoutUrl;
        root.itemsBefore = root.cart.itemCount;
        root.totalBefore = root.cart.totalText;
        root.open();
    }

    function openCheckout() {
        root.shownUrl = root.cart.checkoutUrl;
        root.copied = false;
        const opener = root.openUrl;
        root.step = opener(root.shownUrl) === false ? "noBrowser" : "waiting";
    }

    //! The window is active again (or the shopper says they are back): what happened?
    function checkBack() {
        if (!root.visible || (root.step !== "waiting" && root.step !== "noBrowser"))
            return;
        root.step = "checking";
        const reply = root.cart.reload();
        root.checkReply = reply;
        reply.autoDelete = false;
        reply.finished.connect(() => {
                if (root.checkReply !== reply)
                    return;
                if (!reply.success)
                    root.step = "waiting";
                else if (root.cart.empty)
                    root.step = "placed";
                else if (root.cart.itemCount === root.itemsBefore && root.cart.totalText === root.totalBefore)
                    root.step = "unchanged";
                else
                    root.step = "changed";
                root.checkReply = null;
                reply.destroy();
            });
    }

    function copyLink() {
        clipboardHelper.text = String(root.shownUrl);
        clipboardHelper.selectAll();
        clipboardHelper.copy();
        root.copied = true;
    }

    objectName: "checkoutSheet"
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 2 * Theme.spacing : 400, 440)
    modal: true
    // A flat fill: Material's dialog background is drawn with an elevation shader effect that
    // software rendering drops, leaving the text over the dimmed page.
    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.color: Theme.border
    }
    padding: Theme.spacing + 4
    title: root.step === "placed" ? qsTr("Order placed") : qsTr("Checkout")

    // The one content item (a popup sizes itself to a single child).
    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        // Copies through the platform clipboard (QML has no clipboard API in Qt 6.4).
        TextInput {
            id: clipboardHelper

            visible: false
        }

        Label {
            objectName: "checkoutStepText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: root.step === "placed" ? Theme.success : Theme.text
            text: {
                const store = root.storeName !== "" ? root.storeName : qsTr("the store");
                switch (root.step) {
                case "ready":
                    return qsTr("You pay on %1's website: your browser opens its checkout with your %n item(s) (%2). Come back to this app when you're done.", "", root.itemsBefore).arg(store).arg(root.totalBefore);
                case "noBrowser":
                    return qsTr("No web browser opened on this device. Copy the link and open it in a browser to pay on %1's website.").arg(store);
                case "waiting":
                    return qsTr("Finish paying in your browser. When you come back here, the app checks your cart.");
                case "checking":
                    return qsTr("Checking your cart…");
                case "placed":
                    return qsTr("Your cart is empty now: your order went through on %1's website.").arg(store);
                case "unchanged":
                    return qsTr("Your cart is unchanged: nothing was ordered yet. You can open the checkout again.");
                case "changed":
                    return qsTr("Your cart changed on the website: %n item(s) now, nothing ordered yet.", "", root.cart.itemCount);
                }
                return "";
            }
        }

        // The link itself, selectable, when it must be copied by hand.
        TextField {
            objectName: "checkoutLinkField"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            visible: root.step === "noBrowser" || root.step === "waiting"
            readOnly: true
            selectByMouse: true
            text: String(root.shownUrl)
            Accessible.name: qsTr("Checkout link")
        }

        Label {
            objectName: "checkoutCopiedText"
            Layout.fillWidth: true
            visible: root.copied
            text: qsTr("Link copied.")
            color: Theme.success
            wrapMode: Text.Wrap
        }

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: root.step === "checking"
            visible: running
        }

        Flow {
            Layout.fillWidth: true
            spacing: Theme.smallSpacing
            layoutDirection: Qt.RightToLeft

            Button {
                objectName: "checkoutOpenButton"
                visible: root.step === "ready" || root.step === "unchanged" || root.step === "changed"
                highlighted: true
                Material.elevation: 0
                enabled: String(root.cart.checkoutUrl) !== ""
                text: root.step === "ready" ? qsTr("Open checkout") : qsTr("Open it again")
                onClicked: () => root.openCheckout()
            }

            Button {
                objectName: "checkoutCopyButton"
                visible: root.step === "noBrowser" || root.step === "waiting"
                highlighted: root.step === "noBrowser"
                Material.elevation: 0
                text: qsTr("Copy link")
                onClicked: () => root.copyLink()
            }

            Button {
                objectName: "checkoutBackButton"
                visible: root.step === "waiting" || root.step === "noBrowser"
                flat: root.step === "noBrowser"
                highlighted: root.step === "waiting"
                Material.elevation: 0
                text: qsTr("I'm back: check my cart")
                onClicked: () => root.checkBack()
            }

            Button {
                objectName: "checkoutCloseButton"
                flat: true
                text: root.step === "placed" ? qsTr("Done") : root.step === "ready" ? qsTr("Cancel") : qsTr("Close")
                onClicked: () => root.close()
            }
        }
    }
}
