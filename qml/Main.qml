import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoCart

// The demo shop's window: one Session, one Cart and one ProductModel from the SDK, four pages
// bound to them. Everything it needs comes in as initial properties (main.cpp or the tests).
ApplicationWindow {
    id: root

    // --- Set by main.cpp through QQmlApplicationEngine::setInitialProperties, or by the tests.
    property url storeUrl
    //! True when the store runs inside this process (the demo default).
    property bool embeddedStore: false
    //! Something about the store the user should know (e.g. its usual port was taken); shown
    //! until dismissed.
    property string storeNotice: ""
    //! Shown on the sign-in page of the embedded store, which has this demo customer.
    property string demoUsername: ""
    property string demoPassword: ""
    //! Empty: the SDK's default User-Agent.
    property string userAgent: ""
    //! "keychain" or "memory"; ignored when tokenStore is given directly.
    property string tokenStoreKind: "keychain"
    property TokenStore tokenStore: root.tokenStoreKind === "memory" ? root.memoryStore : root.keychainStore
    readonly property MemoryTokenStore memoryStore: MemoryTokenStore {
    }
    readonly property KeychainTokenStore keychainStore: KeychainTokenStore {
        service: "CoCartDemo"
    }
    //! The page to show once the session is settled: "signin", "shop", "cart" or "account".
    property string startPage: ""
    //! For --screenshot on the embedded store: sign in as the demo customer and put a few things
    //! in the cart before showing startPage.
    property bool demoScript: false

    // --- Navigation state.
    property bool storeNoticeDismissed: false
    property bool storageNoticeDismissed: false
    property string currentPage: "starting"
    property bool guest: false
    property string signInReason: ""

    readonly property bool compact: root.width < Theme.compactWidth
    readonly property bool networkBusy: sdkSession.busy || sdkCart.loading || sdkProducts.loading
    //! True once the current page shows what it is meant to (used by --screenshot and tests).
    readonly property bool pageReady: {
        if (!demo.done || sdkSession.busy || sdkCart.loading)
            return false;
        switch (root.currentPage) {
        case "signin":
        case "cart":
        case "account":
            return true;
        case "shop":
            return !sdkProducts.loading && (sdkProducts.count > 0 || sdkProducts.lastError.isError);
        }
        return false;
    }

    // The SDK objects, for tests that check state after driving the UI.
    readonly property Session appSession: sdkSession
    readonly property Cart appCart: sdkCart
    readonly property ProductModel appProducts: sdkProducts

    function navigate(page) {
        const needsShopper = page === "shop" || page === "cart" || page === "account";
        if (needsShopper && !sdkSession.signedIn && !root.guest)
            page = "signin";
        root.currentPage = page;
    }

    function pageIndex(page) {
        switch (page) {
        case "signin":
            return 0;
        case "shop":
            return 1;
        case "cart":
            return 2;
        case "account":
            return 3;
        }
        return 4;
    }

    function continueAsGuest() {
        root.guest = true;
        root.signInReason = "";
        sdkCart.reload();
        root.navigate("shop");
    }

    function settledPage() {
        return root.startPage !== "" && root.startPage !== "signin" ? root.startPage : "shop";
    }

    width: 1280
    height: 800
    minimumWidth: 320
    minimumHeight: 480
    visible: true
    title: qsTr("CoCart Shop — Qt demo")
    color: Theme.background
    palette.highlight: Theme.accent
    palette.window: Theme.background
    palette.base: Theme.surface
    palette.text: Theme.text
    palette.windowText: Theme.text

    Component.onCompleted: () => {
        if (root.userAgent !== "")
            sdkSession.userAgent = root.userAgent;
        if (String(root.storeUrl) === "") {
            root.currentPage = "signin";
            banner.show(qsTr("No store is configured."), "error");
            return;
        }
        sdkSession.restore();
    }

    onCurrentPageChanged: () => {
        if (root.currentPage === "shop" && sdkProducts.count === 0 && !sdkProducts.loading)
            sdkProducts.reload();
        if (root.currentPage === "signin")
            Qt.callLater(signInPage.focusForm);
    }

    Session {
        id: sdkSession

        storeUrl: root.storeUrl
        tokenStore: root.tokenStore

        onRestored: () => {
            // A restored session needs no scripted demo sign-in: its saved cart is shown as is.
            if (root.demoScript)
                demo.step = 3;
            root.navigate(root.settledPage());
        }
        onRestoreFailed: error => {
            if (root.demoScript && root.startPage !== "signin") {
                demo.start();
                return;
            }
            if (error.kind === Error.SessionExpired)
                root.signInReason = qsTr("Your session has expired. Please sign in again.");
            else if (error.kind !== Error.NotFound)
                banner.show(qsTr("Your saved session could not be restored: %1").arg(error.message), "warning");
            root.navigate(root.startPage === "signin" || root.startPage === "" ? "signin" : root.startPage);
        }
        onLoggedIn: () => {
            root.guest = false;
            root.signInReason = "";
            if (!root.demoScript)
                root.navigate(root.settledPage());
        }
        onLoggedOut: () => {
            root.guest = false;
            root.navigate("signin");
            banner.show(qsTr("You have signed out."), "info");
        }
        onErrorOccurred: error => {
            if (error.kind === Error.SessionExpired) {
                root.guest = false;
                root.signInReason = error.message !== "" ? qsTr("Your session has expired (%1). Please sign in again.").arg(error.message) : qsTr("Your session has expired. Please sign in again.");
                root.navigate("signin");
            } else if (error.kind === Error.Storage) {
                banner.show(qsTr("Your sign-in could not be saved on this device: %1").arg(error.message), "warning");
            }
        }
        onStatusChanged: () => {
            // Signed out by the store (not by the user): back to sign-in.
            if (sdkSession.status === Session.SignedOut && !root.guest && root.currentPage !== "signin" && root.currentPage !== "starting")
                root.navigate("signin");
        }
    }

    Cart {
        id: sdkCart

        session: sdkSession
        guestCartPolicy: Cart.Merge

        onItemAdded: () => root.demoScript || banner.show(sdkCart.notices.length > 0 ? sdkCart.notices[0] : qsTr("Added to your cart."), "success")
        onCleared: () => banner.show(qsTr("Your cart is empty now."), "info")
        onErrorOccurred: error => {
            if (error.kind !== Error.Cancelled && error.kind !== Error.SessionExpired)
                banner.show(error.message, "error");
        }
        onGuestCartHandedOver: notReAdded => {
            if (notReAdded.length > 0)
                banner.show(qsTr("Some items could not be kept: %1").arg(notReAdded.join(", ")), "warning");
        }
    }

    ProductModel {
        id: sdkProducts

        session: sdkSession
        pageSize: 8

        onErrorOccurred: error => {
            if (sdkProducts.count > 0)
                banner.show(qsTr("More products could not be loaded: %1").arg(error.message), "error");
        }
    }

    // Fills the embedded store's cart for --screenshot of the cart and account pages.
    QtObject {
        id: demo

        property int step: 0 // 0 idle, 1 signing in, 2 filling the cart, 3 done
        readonly property bool done: !root.demoScript || demo.step === 3

        function start() {
            demo.step = 1;
            sdkSession.login(root.demoUsername, root.demoPassword);
        }
    }

    Connections {
        target: sdkSession
        enabled: demo.step === 1

        function onLoggedIn() {
            demo.step = 2;
            sdkCart.addItem("10", 2);
            sdkCart.addItem("14", 1);
            sdkCart.addItem("17", 1);
        }

        function onLoginFailed() {
            demo.step = 3;
            root.navigate("signin");
        }
    }

    Connections {
        target: sdkCart
        enabled: demo.step === 2

        function onLoadingChanged() {
            if (!sdkCart.loading) {
                demo.step = 3;
                root.navigate(root.settledPage());
            }
        }
    }

    Shortcut {
        sequence: "Ctrl+F"
        enabled: root.currentPage === "shop"
        onActivated: () => shopPage.focusSearch()
    }

    Shortcut {
        sequence: "Ctrl+1"
        onActivated: () => root.navigate("shop")
    }

    Shortcut {
        sequence: "Ctrl+2"
        onActivated: () => root.navigate("cart")
    }

    Shortcut {
        sequence: "Ctrl+3"
        onActivated: () => root.navigate(sdkSession.signedIn ? "account" : "signin")
    }

    header: AppHeader {
        objectName: "appHeader"
        visible: root.currentPage !== "signin" && root.currentPage !== "starting"
        currentPage: root.currentPage
        cartCount: sdkCart.itemCount
        signedIn: sdkSession.signedIn
        compact: root.compact
        embeddedStore: root.embeddedStore
        storeHost: String(root.storeUrl)
        onNavigateRequested: page => root.navigate(page)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        BusyOverlay {
            objectName: "networkBusy"
            Layout.fillWidth: true
            running: root.networkBusy
        }

        Rectangle {
            objectName: "offlineBanner"
            Layout.fillWidth: true
            visible: sdkSession.offline
            implicitHeight: offlineText.implicitHeight + 2 * Theme.smallSpacing
            color: Theme.warningLight

            Label {
                id: offlineText

                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                anchors.leftMargin: Theme.spacing
                text: qsTr("You're offline: the store can't be reached. Your session is kept and will carry on when the connection is back.")
                color: Theme.warning
                wrapMode: Text.Wrap
            }
        }

        // The keychain is locked or missing: the app keeps working, the sign-in is just not saved.
        Rectangle {
            objectName: "storageBanner"
            Layout.fillWidth: true
            visible: sdkSession.storageState !== TokenStore.Ready && !root.storageNoticeDismissed
            implicitHeight: storageRow.implicitHeight + 2 * Theme.smallSpacing
            color: Theme.warningLight

            RowLayout {
                id: storageRow

                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                anchors.leftMargin: Theme.spacing
                spacing: Theme.spacing

                Label {
                    objectName: "storageBannerText"
                    Layout.fillWidth: true
                    text: sdkSession.storageState === TokenStore.Locked ? qsTr("The keychain is locked, so your sign-in isn't saved on this device: you'll sign in again next time.") : qsTr("No keychain is available, so your sign-in isn't saved on this device: you'll sign in again next time.")
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }

                Button {
                    objectName: "storageRetryButton"
                    text: qsTr("Try again")
                    onClicked: () => sdkSession.retryStorage()
                }

                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Dismiss")
                    onClicked: () => root.storageNoticeDismissed = true
                }
            }
        }

        Rectangle {
            objectName: "storeNoticeBanner"
            Layout.fillWidth: true
            visible: root.storeNotice !== "" && !root.storeNoticeDismissed
            implicitHeight: storeNoticeRow.implicitHeight + 2 * Theme.smallSpacing
            color: Theme.warningLight

            RowLayout {
                id: storeNoticeRow

                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                anchors.leftMargin: Theme.spacing
                spacing: Theme.spacing

                Label {
                    objectName: "storeNoticeText"
                    Layout.fillWidth: true
                    text: root.storeNotice
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }

                ToolButton {
                    text: "✕"
                    Accessible.name: qsTr("Dismiss")
                    onClicked: () => root.storeNoticeDismissed = true
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.pageIndex(root.currentPage)

            SignInPage {
                id: signInPage

                objectName: "signInPage"
                session: sdkSession
                embeddedStore: root.embeddedStore
                demoUsername: root.demoUsername
                demoPassword: root.demoPassword
                storeHost: String(root.storeUrl)
                reason: root.signInReason
                compact: root.compact
                onGuestRequested: () => root.continueAsGuest()
            }

            ShopPage {
                id: shopPage

                objectName: "shopPage"
                products: sdkProducts
                cart: sdkCart
                compact: root.compact
            }

            CartPage {
                objectName: "cartPage"
                cart: sdkCart
                compact: root.compact
                onShopRequested: () => root.navigate("shop")
            }

            AccountPage {
                objectName: "accountPage"
                session: sdkSession
                tokenStoreName: root.tokenStore === root.keychainStore ? qsTr("the system keychain") : qsTr("memory (forgotten on exit)")
                compact: root.compact
                onSignInRequested: () => root.navigate("signin")
            }

            Page {
                objectName: "startingPage"

                background: Rectangle {
                    color: Theme.background
                }

                ColumnLayout {
                    anchors.centerIn: parent
                    spacing: Theme.spacing

                    BusyIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: root.currentPage === "starting"
                    }

                    Label {
                        Layout.alignment: Qt.AlignHCenter
                        text: sdkSession.status === Session.Restoring ? qsTr("Restoring your session…") : qsTr("Opening the shop…")
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    Banner {
        id: banner

        objectName: "banner"
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spacing
        width: Math.min(parent.width - 2 * Theme.spacing, 560)
        z: 10
    }
}
