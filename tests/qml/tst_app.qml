import QtQuick
import QtQuick.Controls
import QtTest
import CoCart
import CoCartDemo
import CoCartDemoTest

// Drives the demo app's real Main.qml against the in-process devstore as a person would: by
// object name, typing and clicking. Test functions run one after another on the same store.
TestCase {
    id: testCase

    name: "DemoApp"
    when: windowShown
    width: 200
    height: 200

    Component {
        id: tokenStoreComponent

        MemoryTokenStore {
        }
    }

    Component {
        id: appComponent

        Main {
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    //! A new app window; each starts with an empty token store unless given one.
    function startApp(properties) {
        const app = createTemporaryObject(appComponent, testCase, Object.assign({
                    "storeUrl": TestStore.url,
                    "embeddedStore": true,
                    "demoUsername": TestStore.username,
                    "demoPassword": TestStore.password,
                    "tokenStore": createTemporaryObject(tokenStoreComponent, testCase),
                    "width": 1280,
                    "height": 800
                }, properties || {}));
        verify(app, "Main.qml could not be created");
        app.requestActivate();
        tryVerify(() => app.active, 5000, "the app window never became active");
        tryVerify(() => app.currentPage !== "starting", 5000, "the app never settled");
        return app;
    }

    //! Finds an item by objectName in the window: visual tree first (delegates, header), then
    //! the QObject tree (popups).
    function find(app, objectName) {
        const root = app.contentItem.parent;
        const stack = [root];
        while (stack.length > 0) {
            const item = stack.pop();
            if (item.objectName === objectName)
                return item;
            const children = item.children;
            for (let i = 0; i < children.length; ++i)
                stack.push(children[i]);
        }
        return findChild(app, objectName);
    }

    function item(app, objectName) {
        let found = null;
        tryVerify(() => {
                found = testCase.find(app, objectName);
                return found !== null;
            }, 5000, "no item named " + objectName);
        return found;
    }

    function click(app, objectName) {
        const target = item(app, objectName);
        tryVerify(() => target.visible && target.enabled, 5000, objectName + " is not clickable");
        waitForRendering(target);
        mouseClick(target);
        return target;
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text.charAt(i));
    }

    function typeInto(app, objectName, text) {
        const field = click(app, objectName);
        tryVerify(() => field.activeFocus, 2000, objectName + " did not take the focus");
        keySequence(StandardKey.SelectAll);
        keyClick(Qt.Key_Backspace);
        typeText(text);
        compare(field.text, text);
        return field;
    }

    function signIn(app, username, password) {
        tryCompare(app, "currentPage", "signin");
        typeInto(app, "usernameField", username);
        typeInto(app, "passwordField", password);
        keyClick(Qt.Key_Return); // Enter submits
    }

    function emptyCart(app) {
        if (app.appCart.empty)
            return;
        click(app, "navCart");
        click(app, "clearCartButton");
        const dialog = item(app, "clearCartDialog");
        tryVerify(() => dialog.opened);
        dialog.accept();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
    }

    function signOut(app) {
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        click(app, "signOutButton");
        tryCompare(app, "currentPage", "signin", 5000);
        verify(!app.appSession.signedIn);
    }

    // --- tests ---------------------------------------------------------------------------------
    function test_1_wrongPasswordShowsTheServersMessage() {
        const app = startApp();
        compare(app.currentPage, "signin");
        verify(item(app, "demoCredentials").visible, "the demo credentials are shown");
        const signInButton = item(app, "signInButton");
        verify(!signInButton.enabled, "nothing to submit yet");
        signIn(app, TestStore.username, "not-the-password");
        const error = item(app, "signInError");
        tryVerify(() => error.visible && error.text.length > 0, 5000, "no error shown");
        compare(app.currentPage, "signin");
        verify(!app.appSession.signedIn);
        // The password field keeps the focus for a second try; show-password reveals it.
        const password = item(app, "passwordField");
        verify(password.activeFocus);
        compare(password.echoMode, TextInput.Password);
        click(app, "showPasswordCheck");
        compare(password.echoMode, TextInput.Normal);
    }

    function test_2_signInSearchAddChangeRemoveSignOut() {
        const app = startApp();
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        verify(app.appSession.signedIn);
        tryVerify(() => !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");
        tryCompare(app, "currentPage", "shop");

        // Search: Enter applies at once.
        typeInto(app, "searchField", "mug");
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appProducts.search === "mug" && !app.appProducts.loading && app.appProducts.count === 3, 5000, "search for mug");
        verify(item(app, "product_10").visible);

        // Two of the Test Mug (quantity typed with the arrow key), one Enamel Mug.
        const quantity = click(app, "quantity_10");
        keyClick(Qt.Key_Up);
        compare(quantity.value, 2);
        click(app, "addToCart_10");
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000, "first add");
        click(app, "addToCart_13");
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000, "second add");
        compare(item(app, "cartBadgeText").text, "3");

        // The cart page: two lines, totals.
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        tryCompare(item(app, "cartList"), "count", 2);
        compare(item(app, "totalText").text, "£34.99");

        // Change a quantity with the spin box's up button: 3 × £12.50.
        const spin = item(app, "qty_10");
        compare(spin.value, 2);
        waitForRendering(spin);
        mouseClick(spin.up.indicator);
        compare(spin.value, 3);
        tryVerify(() => app.appCart.itemCount === 4 && !app.appCart.loading, 5000, "quantity change");
        tryCompare(item(app, "lineTotal_10"), "text", "£37.50");

        // Remove the Enamel Mug.
        click(app, "remove_13");
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000, "remove");
        tryCompare(item(app, "cartList"), "count", 1);
        compare(item(app, "subtotalText").text, "£37.50");
        compare(item(app, "totalText").text, "£37.50");
        compare(item(app, "cartBadgeText").text, "3");

        // Account page: who, token countdown, validate.
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        compare(item(app, "accountName").text, "Jane Doe");
        verify(item(app, "accountEmail").text.indexOf("@") > 0);
        verify(item(app, "expiryText").text.indexOf(" d ") > 0, item(app, "expiryText").text);
        click(app, "validateButton");
        tryVerify(() => item(app, "validateResult").visible, 5000);
        compare(item(app, "validateResult").text, qsTr("The store accepted the access token."));
        signOut(app);
        compare(app.appCart.itemCount, 0, "the account's cart does not show after sign-out");
        verify(!item(app, "appHeader").visible);
    }

    function test_3_restartRestoresTheSession() {
        // Both windows share one token store: the second one is "the app started again".
        const savedSessions = createTemporaryObject(tokenStoreComponent, testCase);
        const first = startApp({
                "tokenStore": savedSessions
            });
        signIn(first, TestStore.username, TestStore.password);
        tryCompare(first, "currentPage", "shop", 5000);
        tryVerify(() => !first.appCart.loading, 5000);
        const cartCount = first.appCart.itemCount;
        first.destroy();
        wait(0);

        // The app started again with the same token store: signed in, no login request.
        const logins = TestStore.requestCount("POST /wp-json/cocart/v2/login");
        const second = startApp({
                "tokenStore": savedSessions
            });
        tryCompare(second, "currentPage", "shop", 5000);
        verify(second.appSession.signedIn);
        compare(second.appSession.user.username, TestStore.username);
        compare(TestStore.requestCount("POST /wp-json/cocart/v2/login"), logins, "restore must not sign in again");
        tryVerify(() => !second.appCart.loading, 5000);
        compare(second.appCart.itemCount, cartCount, "the account's cart is back");
        signOut(second);
    }

    function test_4_guestCartSurvivesSignIn() {
        const app = startApp();
        tryCompare(app, "currentPage", "signin");
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        verify(app.guest);
        verify(!app.appSession.signedIn);
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading, 5000);

        // Out of stock: no add-to-cart.
        const soldOut = item(app, "addToCart_16");
        verify(!soldOut.enabled, "Coffee Beans are out of stock");
        tryVerify(() => !app.appCart.loading, 5000);
        const before = app.appCart.itemCount;
        click(app, "addToCart_20");
        tryVerify(() => app.appCart.itemCount === before + 1 && !app.appCart.loading, 5000, "guest add");

        // The header's "Sign in" leads to the form; the guest's line is still there after.
        click(app, "navAccount");
        tryCompare(app, "currentPage", "signin");
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        tryVerify(() => app.appSession.signedIn && !app.appCart.loading, 5000);
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        verify(item(app, "line_20").visible, "the guest's keyring is in the account's cart");
        emptyCart(app);
        tryVerify(() => item(app, "cartEmpty").visible, 5000, "empty state shown");
        signOut(app);
    }

    function test_5_rejectedRefreshSendsBackToSignInWithTheReason() {
        const app = startApp();
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        TestStore.rejectRefresh(1);
        click(app, "refreshButton");
        tryCompare(app, "currentPage", "signin", 5000);
        const reason = item(app, "signInReason");
        tryVerify(() => reason.visible && reason.text.length > 0, 5000, "the reason is shown");
        verify(!app.appSession.signedIn);
        TestStore.clearFaults();
    }

    function test_6_phoneLayout() {
        const app = startApp({
                "width": 360,
                "height": 640
            });
        verify(app.compact);
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading, 5000);
        const card = item(app, "product_20");
        verify(card.horizontal, "phone: one product per row");
        verify(card.width <= 360);
    }

    function test_7_sizeMTShirtIntoTheCart() {
        const app = startApp();
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        tryVerify(() => !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading, 5000);

        // The Classic T-Shirt offers its sizes; L is sold out, S is chosen to begin with.
        verify(item(app, "options_21").visible, "the size picker is shown");
        verify(!item(app, "option_21_24").enabled, "size L is out of stock");
        verify(item(app, "option_21_22").checked);
        compare(item(app, "stock_21").text, qsTr("Only %n left", "", 5));

        // Choose M: its stock shows, and Add to cart puts one size M T-shirt in the cart.
        click(app, "option_21_23");
        verify(item(app, "option_21_23").checked);
        compare(item(app, "price_21").text, "£15.00");
        compare(item(app, "stock_21").text, qsTr("Only %n left", "", 3));
        compare(item(app, "quantity_21").to, 3);
        click(app, "addToCart_21");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000, "T-shirt added");

        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        tryCompare(item(app, "cartList"), "count", 1);
        compare(item(app, "lineName_23").text, "Classic T-Shirt - M");
        compare(item(app, "totalText").text, "£15.00");
        emptyCart(app);
        signOut(app);
    }
}
