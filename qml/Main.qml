import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import CoCart

// The demo shop's window: one Session, one Cart and one ProductModel from the SDK, four pages
// bound to them, and a product page. Everything it needs comes in as initial properties (main.cpp
// or the tests). Messages sit in the layout above the bottom edge, so they never cover content.
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
    //! With no saved session, shop as a guest instead of showing the sign-in page (--guest).
    property bool startAsGuest: false
    //! Opens a URL outside the app (the store's checkout); null: the system browser
    //! (Qt.openUrlExternally). Tests set a function to watch instead of launching a browser.
    property var urlOpener: null
    //! The last URL handed to urlOpener.
    property url lastOpenedUrl
    //! Shows the session's token details on the account page (--developer).
    property bool developerMode: false

    // --- Navigation state.
    property bool storeNoticeDismissed: false
    property bool storageNoticeDismissed: false
    property string currentPage: "starting"
    property bool guest: false
    property string signInReason: ""
    //! The product the product page shows: a ProductModel row (ProductModel.get()).
    property var shownProduct: ({})
    //! Asked for the product page before there was a product to show (--page product).
    property bool productPageWanted: false
    //! Where Back on the product page goes.
    property string productReturnPage: "shop"
    //! Quantities in the cart by product or variation id, for the quantity limits.
    property var cartQuantities: ({})
    //! The last add-to-cart request, for its message and Undo.
    property var pendingAdd: null
    //! The store check's own sentence when there is no CoCart store at storeUrl, else empty.
    property string noStoreText: ""
    //! The one sentence about a failure of the store as a whole (unreachable, broken), shown in
    //! one place; empty once the store answers again.
    property string storeProblem: ""
    //! The store ended the session while the shopper was shopping: signing in again happens in
    //! a dialog over the page.
    property bool sessionLost: false
    //! True from the shopper's own Sign out until it is done.
    property bool userSignOut: false
    //! Cart actions the store refused because the session had ended: [{text, run}], run again
    //! once signed in.
    property var retryActions: []
    //! The name the shopper signed in with (for signing in again).
    property string lastUsername: ""

    readonly property bool compact: root.width < Theme.compactWidth
    readonly property bool networkBusy: sdkSession.busy || sdkCart.loading || sdkProducts.loading
    //! True once the current page shows what it is meant to (used by --screenshot and tests).
    readonly property bool pageReady: {
        if (!demo.done || sdkSession.busy || sdkCart.loading)
            return false;
        switch (root.currentPage) {
        case "signin":
        case "account":
            return true;
        case "cart":
            return !sdkCart.loading;
        case "product":
            return root.shownProduct.productId !== undefined;
        case "shop":
            return !root.productPageWanted && !sdkProducts.loading && (sdkProducts.count > 0 || sdkProducts.lastError.isError);
        }
        return false;
    }

    // The SDK objects, for tests that check state after driving the UI.
    readonly property Session appSession: sdkSession
    readonly property Cart appCart: sdkCart
    readonly property ProductModel appProducts: sdkProducts
    //! The store's currency, "GBP (£)": CoCart's /store carries none, every product's prices do.
    readonly property string storeCurrency: sdkProducts.currency.code === "" ? "" : sdkProducts.currency.symbol === "" ? sdkProducts.currency.code : qsTr("%1 (%2)").arg(sdkProducts.currency.code).arg(sdkProducts.currency.symbol)

    function navigate(page) {
        const needsShopper = page === "shop" || page === "cart" || page === "account" || page === "product";
        if (needsShopper && !sdkSession.signedIn && !root.guest)
            page = "signin";
        if (page === "product" && root.shownProduct.productId === undefined) {
            // Show the shop until the catalogue is there, then a product with sizes.
            root.productPageWanted = true;
            page = "shop";
            Qt.callLater(root.openWantedProduct);
        }
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
        case "product":
            return 4;
        }
        return 5;
    }

    //! Shows the product in ProductModel row \a row on the product page.
    function openProduct(row) {
        if (row < 0 || row >= sdkProducts.count)
            return;
        root.shownProduct = sdkProducts.get(row);
        if (root.currentPage !== "product")
            root.productReturnPage = root.currentPage === "cart" ? "cart" : "shop";
        root.navigate("product");
    }

    function openWantedProduct() {
        if (!root.productPageWanted || root.currentPage !== "shop" || sdkProducts.loading || sdkProducts.count === 0)
            return;
        root.productPageWanted = false;
        // A product with sizes shows the most; else one on sale; else the first.
        let row = -1;
        for (let i = 0; i < sdkProducts.count && row < 0; ++i) {
            if (sdkProducts.get(i).type === "variable")
                row = i;
        }
        for (let i = 0; i < sdkProducts.count && row < 0; ++i) {
            if (sdkProducts.get(i).onSale)
                row = i;
        }
        root.openProduct(Math.max(0, row));
    }

    function closeProduct() {
        if (root.currentPage === "product")
            root.navigate(root.productReturnPage);
    }

    //! Opens \a url outside the app; false when nothing opened it (no browser).
    function openExternally(url) {
        root.lastOpenedUrl = url;
        const opener = root.urlOpener;
        const opened = opener ? opener(url) : Qt.openUrlExternally(url);
        return opened !== false;
    }

    //! Watches a cart call: refused because the session ended, it is kept (\a text says what it
    //! does, \a retry does it again) and retried once the shopper has signed in again.
    function track(reply, text, retry) {
        if (!reply)
            return;
        reply.errorOccurred.connect(error => {
                const lost = error.kind === Error.SessionExpired || (error.kind === Error.Cancelled && !sdkSession.signedIn && !root.userSignOut && !root.guest);
                if (!lost)
                    return;
                const actions = root.retryActions.slice();
                actions.push({
                        "text": text,
                        "run": retry
                    });
                root.retryActions = actions;
                root.sessionEnded();
            });
    }

    //! \a itemId is a product's or variation's id; \a name is what the message calls it.
    function addToCart(itemId, quantity, attributes, name) {
        root.pendingAdd = {
            "itemId": String(itemId),
            "quantity": quantity,
            "name": name
        };
        root.track(sdkCart.addItem(String(itemId), quantity, attributes || {}), qsTr("add %1 × %2").arg(quantity).arg(name), () => root.addToCart(itemId, quantity, attributes, name));
    }

    //! A new quantity for a cart line; 0 removes it (with Undo).
    function setLineQuantity(key, quantity, line) {
        if (quantity <= 0) {
            root.removeLine(key, line);
            return;
        }
        root.track(sdkCart.setQuantity(key, quantity), qsTr("change %1 to %2").arg(line.name).arg(quantity), () => root.setLineQuantity(key, quantity, line));
    }

    //! Removes a cart line and offers Undo, which adds the same quantity back. \a line:
    //! {productId, name, quantity}.
    function removeLine(key, line) {
        const reply = sdkCart.removeItem(key);
        root.track(reply, qsTr("remove %1").arg(line.name), () => root.removeLine(key, line));
        if (!reply)
            return;
        reply.finished.connect(() => {
                if (!reply.success)
                    return;
                banner.show(qsTr("Removed %n × %1 from your cart.", "", line.quantity).arg(line.name), "info", [
                        {
                            "text": qsTr("Undo"),
                            "objectName": "undoRemoveButton",
                            "run": () => root.undoRemove(line)
                        }
                    ]);
            });
    }

    function undoRemove(line) {
        // A variation line's id is the variation's own: it is added back without attributes.
        const reply = sdkCart.addItem(String(line.productId), line.quantity, {});
        root.track(reply, qsTr("put back %1").arg(line.name), () => root.undoRemove(line));
        if (reply)
            reply.finished.connect(() => {
                    if (reply.success)
                        banner.show(qsTr("%1 is back in your cart.").arg(line.name), "success");
                });
    }

    //! The store ended the session while the shopper was here: sign in again over the page.
    function sessionEnded() {
        if (root.userSignOut || root.currentPage === "signin" || root.currentPage === "starting")
            return;
        root.sessionLost = true;
        root.guest = false;
        reauthDialog.pendingText = root.retryActions.map(action => action.text).join(qsTr(", then "));
        if (!reauthDialog.opened)
            reauthDialog.start(root.lastUsername);
    }

    function signInAgainDone() {
        root.sessionLost = false;
        reauthDialog.close();
        const actions = root.retryActions;
        root.retryActions = [];
        reauthDialog.pendingText = "";
        // After the cart's own sign-in work (it queues first): the refused actions, in order.
        Qt.callLater(() => actions.forEach(action => action.run()));
    }

    function shopAsGuestInstead() {
        root.sessionLost = false;
        root.retryActions = [];
        reauthDialog.close();
        root.guest = true;
        sdkCart.reload();
        banner.show(qsTr("You're shopping as a guest, with a new cart. Your account's cart is kept: sign in to see it again."), "info");
    }

    //! The store's answer to the shopper's own sign-out.
    function signOut(scope) {
        root.userSignOut = true;
        sdkSession.logout(scope);
    }

    //! Reports a failed call once: a failure of the whole store goes to the one strip (or the
    //! shop's empty page), anything else to a message.
    function reportError(error) {
        if (error.kind === Error.Cancelled || error.kind === Error.SessionExpired)
            return;
        const text = Messages.describe(error, root.noStoreText);
        if (Messages.isStoreProblem(error)) {
            root.storeProblem = text;
            return;
        }
        banner.show(text, "error");
    }

    //! The window is in front again (back from the browser, another app): the cart may have
    //! changed elsewhere, so read it again.
    function windowActivated() {
        if (checkoutSheet.visible && (checkoutSheet.step === "waiting" || checkoutSheet.step === "noBrowser")) {
            checkoutSheet.checkBack();
            return;
        }
        root.refreshCart();
    }

    function refreshCart() {
        if ((sdkSession.signedIn || root.guest) && root.currentPage !== "signin" && root.currentPage !== "starting" && !root.sessionLost)
            sdkCart.reload();
    }

    function inCart(itemId) {
        return root.cartQuantities[String(itemId)] || 0;
    }

    function cartLines() {
        const lines = [];
        for (let i = 0; i < cartIndex.count; ++i) {
            const line = cartIndex.objectAt(i);
            if (line)
                lines.push({
                        "key": line.key,
                        "productId": String(line.productId),
                        "name": line.name,
                        "quantity": line.quantity
                    });
        }
        return lines;
    }

    function lineText(lines) {
        return lines.map(line => qsTr("%1 × %2").arg(line.quantity).arg(line.name)).join(", ");
    }

    function undoAdd(added) {
        const lines = root.cartLines();
        for (let i = 0; i < lines.length; ++i) {
            if (lines[i].key !== added.key)
                continue;
            if (lines[i].quantity > added.quantity)
                sdkCart.setQuantity(added.key, lines[i].quantity - added.quantity);
            else
                sdkCart.removeItem(added.key);
            return;
        }
    }

    //! What the handover did, in one message, from the store's answer (Cart.handoverReport).
    function handoverText(report) {
        const moved = [];
        const notes = [];
        for (let i = 0; i < report.length; ++i) {
            const line = report[i];
            switch (line.outcome) {
            case "moved":
                moved.push(qsTr("%1 × %2").arg(line.quantity).arg(line.name));
                break;
            case "combined":
                notes.push(qsTr("%1: %2 from your guest cart added to the %3 already in your account.").arg(line.name).arg(line.guestQuantity).arg(line.accountQuantity));
                break;
            case "capped":
                notes.push(line.accountQuantity > 0 && line.guestQuantity > 0 ? qsTr("%1: %2 already in your account and %3 from your guest cart, but only %4 can be ordered, so you have %4.").arg(line.name).arg(line.accountQuantity).arg(line.guestQuantity).arg(line.quantity) : qsTr("%1: only %2 can be ordered, so you have %2.").arg(line.name).arg(line.quantity));
                break;
            case "dropped":
                notes.push(qsTr("%1 could not be kept: the store has none left.").arg(line.name));
                break;
            }
        }
        const parts = [];
        if (moved.length > 0)
            parts.push(qsTr("Moved from your guest cart to your account: %1.").arg(moved.join(", ")));
        else if (notes.length > 0)
            parts.push(qsTr("Your guest cart is in your account now."));
        return parts.concat(notes).join(" ");
    }

    function continueAsGuest() {
        root.guest = true;
        root.userSignOut = false;
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
    // The same as the application's display name, so the title bar says it once.
    title: qsTr("CoCart Shop")
    color: Theme.background
    palette.highlight: Theme.accent
    palette.window: Theme.background
    palette.base: Theme.surface
    palette.text: Theme.text
    palette.windowText: Theme.text
    Material.theme: Material.System
    Material.accent: Theme.accent
    Material.primary: Theme.headerBar

    Binding {
        target: Theme
        property: "dark"
        value: root.Material.theme === Material.Dark
    }

    Component.onCompleted: () => {
        if (root.userAgent !== "")
            sdkSession.userAgent = root.userAgent;
        if (String(root.storeUrl) === "") {
            root.currentPage = "signin";
            root.signInReason = qsTr("No store is configured.");
            return;
        }
        sdkSession.restore();
        root.checkStore();
    }

    //! The shop's own name for the header and the sign-in page; and whether there is a CoCart
    //! store at storeUrl at all (its sentence then stands for every failure that follows).
    function checkStore() {
        const reply = sdkSession.checkStore();
        if (!reply)
            return;
        reply.errorOccurred.connect(error => {
                if (error.code === "cocart_no_store") {
                    root.noStoreText = error.message;
                    root.storeProblem = error.message;
                } else if (Messages.isStoreProblem(error)) {
                    root.storeProblem = Messages.describe(error, "");
                }
            });
        reply.finished.connect(() => {
                if (reply.success) {
                    root.noStoreText = "";
                    root.storeProblem = "";
                }
            });
    }

    onActiveChanged: () => {
        if (root.active)
            root.windowActivated();
    }

    onCurrentPageChanged: () => {
        if (root.currentPage === "cart")
            root.refreshCart();
        if (root.currentPage === "shop" && sdkProducts.count === 0 && !sdkProducts.loading)
            sdkProducts.reload();
        if (root.currentPage === "signin") {
            // The sign-in page says its own messages in the form; a message strip at the
            // bottom would come and go under "Continue as guest".
            banner.hide();
            Qt.callLater(signInPage.focusForm);
        }
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
            root.lastUsername = "";
            if (root.demoScript && root.startPage !== "signin") {
                demo.start();
                return;
            }
            if (root.startAsGuest) {
                root.continueAsGuest();
                return;
            }
            if (error.kind === Error.SessionExpired)
                root.signInReason = qsTr("Your session has expired. Please sign in again.");
            else if (error.kind !== Error.NotFound)
                root.signInReason = Messages.isStoreProblem(error) ? Messages.describe(error, root.noStoreText) : qsTr("Your saved sign-in could not be used. Please sign in again.");
            root.navigate(root.startPage === "signin" || root.startPage === "" ? "signin" : root.startPage);
        }
        onLoggedIn: () => {
            root.guest = false;
            root.signInReason = "";
            root.lastUsername = sdkSession.user.username;
            if (root.sessionLost || reauthDialog.opened) {
                // Signed in again over the page: stay, and do what was refused.
                root.signInAgainDone();
                return;
            }
            if (!root.demoScript)
                root.navigate(root.settledPage());
        }
        onLoggedOut: () => {
            root.guest = false;
            root.shownProduct = {};
            root.userSignOut = false;
            root.navigate("signin");
            root.signInReason = qsTr("You have signed out.");
        }
        onErrorOccurred: error => {
            if (error.kind === Error.SessionExpired) {
                if (root.currentPage === "signin" || root.currentPage === "starting") {
                    root.guest = false;
                    root.signInReason = qsTr("Your session has expired. Please sign in again.");
                    root.navigate("signin");
                } else {
                    root.sessionEnded();
                }
            } else if (error.kind === Error.Storage) {
                banner.show(Messages.describe(error, ""), "warning");
            }
        }
        onStatusChanged: () => {
            // The shopper's own sign-out clears the session at once: go to sign-in now rather
            // than showing the pages as a guest while the store is told.
            if (sdkSession.status === Session.SigningOut && root.userSignOut) {
                root.guest = false;
                root.navigate("signin");
            }
            // Signed out by the store (not by the shopper): sign in again over the page.
            if (sdkSession.status === Session.SignedOut && !root.userSignOut && !root.guest && root.currentPage !== "signin" && root.currentPage !== "starting")
                root.sessionEnded();
        }
    }

    Cart {
        id: sdkCart

        session: sdkSession
        guestCartPolicy: Cart.Merge
        // The cart's lines say only what they cost now: the catalogue says what they cost
        // before a sale, so the cart can show what the shopper saves.
        catalogue: sdkProducts

        onItemAdded: itemKey => {
            const added = root.pendingAdd;
            root.pendingAdd = null;
            if (root.demoScript)
                return;
            if (!added) {
                banner.show(sdkCart.notices.length > 0 ? sdkCart.notices[0] : qsTr("Added to your cart."), "success");
                return;
            }
            added.key = itemKey;
            banner.show(qsTr("Added %n × %1 to your cart.", "", added.quantity).arg(added.name), "success", [
                    {
                        "text": qsTr("Undo"),
                        "objectName": "undoAddButton",
                        "run": () => root.undoAdd(added)
                    },
                    {
                        "text": qsTr("View cart"),
                        "objectName": "viewCartButton",
                        "run": () => root.navigate("cart")
                    }
                ]);
        }
        onCleared: () => banner.show(qsTr("Your cart is empty now."), "info")
        onReloaded: () => root.storeProblem = root.noStoreText
        onErrorOccurred: error => {
            root.pendingAdd = null;
            root.reportError(error);
        }
        onGuestCartHandedOver: () => {
            const report = sdkCart.handoverReport;
            const text = root.handoverText(report);
            if (text === "")
                return;
            const problem = report.some(line => line.outcome === "capped" || line.outcome === "dropped");
            banner.show(text, problem ? "warning" : "info", [
                    {
                        "text": qsTr("View cart"),
                        "objectName": "viewCartButton",
                        "run": () => root.navigate("cart")
                    }
                ]);
        }
    }

    component CartLineEntry: QtObject {
        required property string key
        required property var productId
        required property string name
        required property int quantity

        onQuantityChanged: () => Qt.callLater(root.updateCartQuantities)
    }

    function updateCartQuantities() {
        const quantities = {};
        const lines = root.cartLines();
        for (let i = 0; i < lines.length; ++i)
            quantities[lines[i].productId] = (quantities[lines[i].productId] || 0) + lines[i].quantity;
        root.cartQuantities = quantities;
    }

    // One entry per cart line: what the quantity limits and messages read.
    Instantiator {
        id: cartIndex

        model: sdkCart.items
        delegate: CartLineEntry {
        }
        onObjectAdded: () => Qt.callLater(root.updateCartQuantities)
        onObjectRemoved: () => Qt.callLater(root.updateCartQuantities)
    }

    ProductModel {
        id: sdkProducts

        session: sdkSession
        pageSize: 8

        onLoaded: () => {
            root.storeProblem = root.noStoreText;
            root.openWantedProduct();
        }
        onErrorOccurred: error => root.reportError(error)
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

    // Back from the product page: Escape, the Android back key, or the platform's Back keys.
    Shortcut {
        sequences: ["Esc", "Back", "Alt+Left"]
        enabled: root.currentPage === "product"
        onActivated: () => root.closeProduct()
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
        storeName: sdkSession.storeName
        storeCurrency: root.storeCurrency
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

        // A failure of the store as a whole, said once: here, unless the shop's empty page
        // already says it.
        Rectangle {
            id: offlineStrip

            objectName: "offlineBanner"
            readonly property string text: sdkSession.offline ? Messages.unreachable : root.storeProblem
            Layout.fillWidth: true
            // The sign-in page and the shop's empty page say it themselves.
            visible: text !== "" && root.currentPage !== "starting" && root.currentPage !== "signin" && !(root.currentPage === "shop" && sdkProducts.count === 0 && !sdkProducts.loading)
            implicitHeight: Math.max(Theme.touchTarget, offlineRow.implicitHeight) + 2 * Theme.smallSpacing
            color: Theme.warningLight

            RowLayout {
                id: offlineRow

                anchors.fill: parent
                anchors.margins: Theme.smallSpacing
                anchors.leftMargin: Theme.spacing
                spacing: Theme.spacing

                Label {
                    objectName: "offlineText"
                    Layout.fillWidth: true
                    text: offlineStrip.text
                    color: Theme.warning
                    wrapMode: Text.Wrap
                }

                Button {
                    objectName: "storeRetryButton"
                    flat: true
                    text: qsTr("Try again")
                    onClicked: () => {
                        root.checkStore();
                        if (root.currentPage === "shop" || sdkProducts.count === 0)
                            sdkProducts.reload();
                        root.refreshCart();
                    }
                }
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
                    flat: true
                    text: qsTr("Try again")
                    onClicked: () => sdkSession.retryStorage()
                }

                ToolButton {
                    objectName: "storageDismissButton"
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
                    objectName: "storeNoticeDismissButton"
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
                storeCurrency: root.storeCurrency
                reason: root.signInReason !== "" ? root.signInReason : sdkSession.offline ? Messages.unreachable : root.storeProblem
                compact: root.compact
                onGuestRequested: () => root.continueAsGuest()
            }

            ShopPage {
                id: shopPage

                objectName: "shopPage"
                products: sdkProducts
                cart: sdkCart
                compact: root.compact
                cartQuantities: root.cartQuantities
                noStoreText: root.noStoreText
                onAddRequested: (itemId, quantity, attributes, name) => root.addToCart(itemId, quantity, attributes, name)
                onProductRequested: row => root.openProduct(row)
            }

            CartPage {
                objectName: "cartPage"
                cart: sdkCart
                compact: root.compact
                onShopRequested: () => root.navigate("shop")
                onCheckoutRequested: () => checkoutSheet.start()
                onRefreshRequested: () => root.refreshCart()
                onQuantityRequested: (key, quantity, line) => root.setLineQuantity(key, quantity, line)
                onRemoveRequested: (key, line) => root.removeLine(key, line)
            }

            AccountPage {
                objectName: "accountPage"
                session: sdkSession
                tokenStoreName: root.tokenStore === root.keychainStore ? qsTr("the system keychain") : qsTr("memory (forgotten on exit)")
                compact: root.compact
                developerMode: root.developerMode
                onSignInRequested: () => root.navigate("signin")
                onSignOutRequested: scope => root.signOut(scope)
            }

            ProductPage {
                objectName: "productPage"
                product: root.shownProduct
                cart: sdkCart
                compact: root.compact
                cartQuantities: root.cartQuantities
                onBackRequested: () => root.closeProduct()
                onAddRequested: (itemId, quantity, attributes, name) => root.addToCart(itemId, quantity, attributes, name)
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

        CheckoutSheet {
            id: checkoutSheet

            cart: sdkCart
            storeName: sdkSession.storeName
            openUrl: url => root.openExternally(url)
        }

        ReauthDialog {
            id: reauthDialog

            session: sdkSession
            onGuestRequested: () => root.shopAsGuestInstead()
        }

        // Messages take their own room at the bottom: content moves up instead of being covered,
        // and no tap on a message reaches a control underneath.
        Banner {
            id: banner

            objectName: "banner"
            Layout.fillWidth: true
            Layout.maximumWidth: 640
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: root.compact ? Theme.smallSpacing : Theme.spacing
            Layout.topMargin: 0
            visible: banner.shown && root.currentPage !== "signin"
        }
    }
}
