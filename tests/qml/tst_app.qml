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

    //! After every test: no "Binding loop detected" warning was printed while it ran (a layout
    //! that never settles; tst_qml_app.cpp catches them).
    function cleanup() {
        const loops = TestStore.takeBindingLoops();
        verify(loops.length === 0, "binding loops: " + loops.join("; "));
    }

    function initTestCase() {
        TestStore.watchBindingLoops();
    }

    function cleanupTestCase() {
        testCase.cleanup(); // the last test's windows, destroyed after its cleanup()
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

    //! Scrolls the Flickables around \a target so that it is inside the window, as a person would.
    function scrollIntoView(app, target) {
        const rootItem = app.contentItem.parent;
        for (let p = target.parent; p; p = p.parent) {
            if (!("contentY" in p && "flicking" in p))
                continue;
            const r = target.mapToItem(p, 0, 0, target.width, target.height);
            if (r.y < 0)
                p.contentY = Math.max(0, p.contentY + r.y - 8);
            else if (r.y + r.height > p.height)
                p.contentY = Math.min(Math.max(0, p.contentHeight - p.height), p.contentY + r.y + r.height - p.height + 8);
        }
        const w = target.mapToItem(rootItem, 0, 0, target.width, target.height);
        verify(w.y >= 0 && w.y + w.height <= rootItem.height, "cannot scroll to " + target.objectName);
    }

    function click(app, objectName) {
        const target = item(app, objectName);
        tryVerify(() => target.visible && target.enabled, 5000, objectName + " is not clickable");
        scrollIntoView(app, target);
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
        // The question wraps inside the dialog (its width follows the dialog's, one event late).
        tryCompare(item(app, "clearCartMessage"), "width", dialog.availableWidth);
        dialog.accept();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        // The modal dialog takes taps until its closing transition ends.
        tryVerify(() => !dialog.visible, 5000);
    }

    function signOut(app) {
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        click(app, "signOutButton");
        tryCompare(app, "currentPage", "signin", 5000);
        verify(!app.appSession.signedIn);
    }

    // --- phone walk: hit areas and overflowing text ----------------------------------------------

    // Qt 6.4 answers `instanceof` only for some C++ types, so controls are told apart by the
    // members their type has.
    function isButton(item) {
        return typeof item.toggle === "function" && "autoExclusive" in item;
    }
    function isSpinBox(item) {
        return "up" in item && "down" in item && "stepSize" in item;
    }
    function isComboBox(item) {
        return "textRole" in item && "currentIndex" in item && "popup" in item;
    }
    function isTextInput(item) {
        return "echoMode" in item && "cursorPosition" in item;
    }
    function isMouseArea(item) {
        return "pressAndHoldInterval" in item && "hoverEnabled" in item && !("autoExclusive" in item);
    }
    function isText(item) {
        return "elide" in item && "textFormat" in item && "contentWidth" in item && "lineCount" in item;
    }
    function isFlickable(item) {
        return "contentY" in item && "flicking" in item;
    }

    //! True for what a finger can activate: buttons, fields, combo boxes, spin boxes, mouse areas.
    function isInteractive(item) {
        if (isButton(item) || isSpinBox(item) || isComboBox(item) || isMouseArea(item))
            return true;
        // The text field of a spin box or combo box is part of that control.
        return isTextInput(item) && !(item.parent && (isSpinBox(item.parent) || isComboBox(item.parent)));
    }

    //! The rectangles a finger can hit on \a item, in window coordinates.
    function hitAreas(app, item) {
        const rootItem = app.contentItem.parent;
        if (isSpinBox(item))
            return [item.up.indicator, item.down.indicator].map(part => ({
                        "name": (item.objectName || "SpinBox") + (part === item.up.indicator ? ".up" : ".down"),
                        "rect": part.mapToItem(rootItem, 0, 0, part.width, part.height)
                    }));
        return [{
                "name": item.objectName || item.text || String(item),
                "rect": item.mapToItem(rootItem, 0, 0, item.width, item.height)
            }];
    }

    //! Inside a Flickable's viewport (or no Flickable at all) and inside the window.
    function onScreen(app, item) {
        const rootItem = app.contentItem.parent;
        // A text is drawn whole even in a smaller box (no clip, no elide): a label a layout
        // squeezed to 0 px still shows, over its neighbours (issue 19.7).
        const drawn = isText(item) && !item.clip && item.text !== "";
        const w = drawn && item.elide === Text.ElideNone ? Math.max(item.width, item.contentWidth) : item.width;
        const h = drawn ? Math.max(item.height, item.contentHeight) : item.height;
        const r = item.mapToItem(rootItem, 0, 0, w, h);
        if (r.width <= 0 || r.height <= 0 || r.x + r.width <= 0 || r.y + r.height <= 0 || r.x >= rootItem.width || r.y >= rootItem.height)
            return false;
        for (let p = item.parent; p; p = p.parent) {
            if (isFlickable(p)) {
                const v = p.mapToItem(rootItem, 0, 0, p.width, p.height);
                if (r.y + r.height <= v.y || r.y >= v.y + v.height)
                    return false;
            }
        }
        return true;
    }

    function effectivelyShown(item) {
        for (let p = item; p; p = p.parent) {
            if (!p.visible || p.opacity === 0)
                return false;
        }
        return true;
    }

    // --- WCAG contrast: relative luminance and ratio (WCAG 2.1, 1.4.3) ----------------------------
    function channel(v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    function luminance(c) {
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
    }
    function contrastRatio(a, b) {
        const la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
    //! \a fg with opacity \a alpha painted over the opaque \a bg.
    function over(fg, alpha, bg) {
        return {
            "r": fg.r * alpha + bg.r * (1 - alpha),
            "g": fg.g * alpha + bg.g * (1 - alpha),
            "b": fg.b * alpha + bg.b * (1 - alpha)
        };
    }
    function isFill(item) {
        // A Rectangle (color, radius, border) that is shown and mostly opaque.
        return item && "radius" in item && "border" in item && "color" in item && item.visible && item.opacity > 0 && item.color.a > 0.5 && item.width > 0 && item.height > 0;
    }
    //! The opaque colour behind \a item: the nearest ancestor's fill or control background that
    //! contains the text, else the window's colour.
    function backgroundBehind(app, item) {
        const rootItem = app.contentItem.parent;
        const r = item.mapToItem(rootItem, 0, 0, item.width, item.height);
        const cx = r.x + r.width / 2, cy = r.y + r.height / 2;
        for (let p = item.parent; p; p = p.parent) {
            const candidates = [];
            if ("background" in p && p.background && typeof p.background === "object" && "visible" in p.background)
                candidates.push(p.background);
            candidates.push(p);
            for (let i = 0; i < candidates.length; ++i) {
                const c = candidates[i];
                if (!isFill(c))
                    continue;
                const b = c.mapToItem(rootItem, 0, 0, c.width, c.height);
                if (cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height)
                    return c.color;
            }
        }
        return app.color;
    }
    function insideDisabledControl(item) {
        for (let p = item; p; p = p.parent) {
            if (p.enabled === false)
                return true;
        }
        return false;
    }
    function effectiveOpacity(item) {
        let o = 1;
        for (let p = item; p; p = p.parent)
            o *= p.opacity;
        return o;
    }
    //! The painted rectangle of a Text in window coordinates.
    function paintedRect(app, item) {
        const rootItem = app.contentItem.parent;
        // Only a clip or an elide keeps the text inside its box.
        const w = item.clip || item.elide !== Text.ElideNone ? Math.min(item.width, item.contentWidth) : item.contentWidth;
        const h = item.clip ? Math.min(item.height, item.contentHeight) : item.contentHeight;
        const x = item.horizontalAlignment === Text.AlignRight ? item.width - w : item.horizontalAlignment === Text.AlignHCenter ? (item.width - w) / 2 : 0;
        const y = item.verticalAlignment === Text.AlignBottom ? item.height - h : item.verticalAlignment === Text.AlignVCenter ? (item.height - h) / 2 : 0;
        return item.mapToItem(rootItem, x, y, w, h);
    }
    //! The layer an item is drawn in: the page (the window's content item) or a popup (its own
    //! item in the overlay). A popup covers the page on purpose.
    function layerOf(app, item) {
        const rootItem = app.contentItem.parent;
        const overlay = app.overlay;
        let last = item;
        for (let p = item.parent; p; p = p.parent) {
            if (p === overlay || p === rootItem)
                return last;
            last = p;
        }
        return last;
    }

    //! Every visible interactive control's smallest side and every overflowing text on screen.
    function walkPage(app) {
        const rootItem = app.contentItem.parent;
        const small = [];
        const overflow = [];
        const unnamed = [];
        const lowContrast = [];
        const texts = [];
        let smallest = {
            "size": 1e9,
            "name": ""
        };
        const stack = [rootItem];
        while (stack.length > 0) {
            const item = stack.pop();
            if (!item.visible || item.opacity === 0)
                continue;
            const children = item.children;
            for (let i = 0; i < children.length; ++i)
                stack.push(children[i]);
            if (!onScreen(app, item) || !effectivelyShown(item))
                continue;
            if (isInteractive(item) && item.enabled !== false) {
                const areas = hitAreas(app, item);
                for (let i = 0; i < areas.length; ++i) {
                    const side = Math.min(areas[i].rect.width, areas[i].rect.height);
                    const label = areas[i].name + " " + Math.round(areas[i].rect.width) + "x" + Math.round(areas[i].rect.height);
                    if (side < smallest.size)
                        smallest = {
                            "size": side,
                            "name": label
                        };
                    if (side < 44 - 0.5)
                        small.push(label);
                }
                if (TestStore.accessibleName(item).trim() === "")
                    unnamed.push(item.objectName || String(item));
            }
            // A button's label (Text, or the Text inside its IconLabel) is never cut short.
            const button = item.parent && isButton(item.parent) ? item.parent : item.parent && item.parent.parent && isButton(item.parent.parent) ? item.parent.parent : null;
            if (button && isText(item) && item.text !== "" && item.elide !== Text.ElideNone && item.truncated)
                overflow.push((button.objectName || "button") + " label \"" + item.text + "\" is cut to " + Math.round(item.width) + " px");
            if (isText(item) && item.text !== "" && item.contentWidth > 0) {
                const name = (item.objectName || "text") + " \"" + item.text.substring(0, 40) + "\"";
                // Cut short with "…" where the words matter: a wrapped text (meant to be read
                // whole), a heading, or a label inside a button.
                if (item.truncated && !button && (item.wrapMode !== Text.NoWrap || item.font.pixelSize >= 18))
                    overflow.push(name + " is cut short");
                // Cut off by a clipping parent (not a scrolling view: scrolling shows the rest).
                const painted = paintedRect(app, item);
                for (let p = item.parent; p && p !== rootItem; p = p.parent) {
                    if (isFlickable(p))
                        break;
                    if (!p.clip)
                        continue;
                    const c = p.mapToItem(rootItem, 0, 0, p.width, p.height);
                    if (painted.x < c.x - 1 || painted.y < c.y - 1 || painted.x + painted.width > c.x + c.width + 1 || painted.y + painted.height > c.y + c.height + 1)
                        overflow.push(name + " is clipped by " + (p.objectName || String(p)));
                    break;
                }
                // WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled
                // controls are exempt.
                if (!insideDisabledControl(item)) {
                    const bg = backgroundBehind(app, item);
                    const fg = over(item.color, item.color.a * effectiveOpacity(item), bg);
                    const ratio = contrastRatio(fg, bg);
                    const large = item.font.pixelSize >= 24 || (item.font.bold && item.font.pixelSize >= 18.66);
                    if (ratio < (large ? 3 : 4.5) - 0.005)
                        lowContrast.push(name + " " + ratio.toFixed(2) + ":1 (" + item.color + " on " + bg + ")");
                }
                texts.push({
                        "item": item,
                        "name": name,
                        "rect": painted,
                        "layer": layerOf(app, item)
                    });
            }
            if (isText(item) && item.text !== "" && item.elide === Text.ElideNone) {
                const name = (item.objectName || "text") + " \"" + item.text.substring(0, 40) + "\"";
                if (item.contentWidth > item.width + 1)
                    overflow.push(name + " is " + Math.round(item.contentWidth) + " px wide in " + Math.round(item.width));
                else if (item.wrapMode !== Text.NoWrap && item.contentHeight > item.height + 1)
                    overflow.push(name + " is " + Math.round(item.contentHeight) + " px tall in " + Math.round(item.height));
                else {
                    // The painted text inside each ancestor with a size, up to the first Flickable.
                    const w = Math.min(item.width, item.contentWidth);
                    for (let p = item.parent; p && !isFlickable(p) && p !== rootItem; p = p.parent) {
                        if (p.width <= 0 || p.height <= 0)
                            continue;
                        const r = item.mapToItem(p, item.horizontalAlignment === Text.AlignRight ? item.width - w : item.horizontalAlignment === Text.AlignHCenter ? (item.width - w) / 2 : 0, 0, w, item.height);
                        if (r.x < -1 || r.x + r.width > p.width + 1) {
                            overflow.push(name + " runs out of " + (p.objectName || String(p)) + " (" + Math.round(r.x) + ".." + Math.round(r.x + r.width) + " in 0.." + Math.round(p.width) + ")");
                            break;
                        }
                    }
                }
            }
        }
        // Texts drawn over each other (in the same layer: a dialog covers the page on purpose).
        const overlapping = [];
        for (let i = 0; i < texts.length; ++i) {
            for (let j = i + 1; j < texts.length; ++j) {
                const a = texts[i], b = texts[j];
                if (a.layer !== b.layer)
                    continue;
                const dx = Math.min(a.rect.x + a.rect.width, b.rect.x + b.rect.width) - Math.max(a.rect.x, b.rect.x);
                const dy = Math.min(a.rect.y + a.rect.height, b.rect.y + b.rect.height) - Math.max(a.rect.y, b.rect.y);
                if (dx > 1 && dy > 1)
                    overlapping.push(a.name + " and " + b.name);
            }
        }
        return {
            "small": small,
            "overflow": overflow.concat(overlapping.map(pair => "overlapping text: " + pair)),
            "unnamed": unnamed,
            "lowContrast": lowContrast,
            "smallest": smallest
        };
    }

    // --- tests ---------------------------------------------------------------------------------
    function test_1_wrongPasswordShowsTheServersMessage() {
        const app = startApp();
        compare(app.currentPage, "signin");
        verify(item(app, "demoCredentials").visible, "the demo credentials are shown");
        // Empty fields: the form says what is missing and sends nothing.
        const loginsBefore = TestStore.requestCount("POST /wp-json/cocart/v2/login");
        click(app, "signInButton");
        tryVerify(() => item(app, "usernameError").visible && item(app, "passwordError").visible, 2000, "empty fields are named");
        compare(item(app, "usernameError").text, qsTr("Enter your username or email."));
        compare(TestStore.requestCount("POST /wp-json/cocart/v2/login"), loginsBefore);
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
        const app = startApp({
                "developerMode": true
            });
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

        // Account page: who; with --developer the token countdown and validate.
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

    function test_5_rejectedRefreshAtStartSaysWhyOnce() {
        // Signed out by the store while on the sign-in page: one plain sentence, no nesting.
        const app = startApp({
                "developerMode": true
            });
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        TestStore.rejectRefresh(1);
        click(app, "refreshButton");
        // Mid-shopping the window asks to sign in again over the page (see test_21).
        const dialog = item(app, "reauthDialog");
        tryVerify(() => dialog.opened, 5000, "sign in again over the page");
        compare(app.currentPage, "account");
        verify(!app.appSession.signedIn);
        const message = item(app, "reauthMessage").text;
        verify(message.indexOf("(") < 0 && message.split("signed out").length === 2, "one plain message: " + message);
        TestStore.clearFaults();
        click(app, "reauthGuestButton");
        tryVerify(() => !dialog.visible, 5000);
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
        verify(item(app, "option_21_24").soldOut, "size L is out of stock");
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

    function checkPhonePage(app, page) {
        waitForRendering(app.contentItem);
        // Wrapped text settles over a few polish passes (text width, then the layouts' heights).
        for (let settle = 0; settle < 10 && walkPage(app).overflow.length > 0; ++settle)
            wait(100);
        const result = walkPage(app);
        console.log("phone walk", page + ": smallest control", result.smallest.name, "; small:", result.small.join(", "), "; overflowing text:", result.overflow.join("; "));
        verify(result.small.length === 0, page + ": controls under 44x44 px: " + result.small.join(", "));
        verify(result.overflow.length === 0, page + ": text overflows: " + result.overflow.join("; "));
        verify(result.unnamed.length === 0, page + ": controls without an accessible name: " + result.unnamed.join(", "));
        verify(result.lowContrast.length === 0, page + ": text below WCAG AA contrast: " + result.lowContrast.join("; "));
        return result.smallest.size;
    }

    function test_8_phoneTouchTargetsAndText() {
        const app = startApp({
                "width": 360,
                "height": 640
            });
        tryCompare(app, "currentPage", "signin");
        let smallest = checkPhonePage(app, "signin");
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");
        tryCompare(app, "currentPage", "shop");
        app.appCart.addItem("17", 1);
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        smallest = Math.min(smallest, checkPhonePage(app, "shop"));
        // Every card, a screenful at a time.
        const grid = item(app, "productGrid");
        for (let row = 2; row < app.appProducts.count; row += 2) {
            grid.positionViewAtIndex(row, GridView.Beginning);
            smallest = Math.min(smallest, checkPhonePage(app, "shop at row " + row));
        }
        grid.positionViewAtBeginning();
        click(app, "openPicture_21");
        tryCompare(app, "currentPage", "product");
        smallest = Math.min(smallest, checkPhonePage(app, "product"));
        click(app, "productBackButton");
        tryCompare(app, "currentPage", "shop");
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        smallest = Math.min(smallest, checkPhonePage(app, "cart"));
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        smallest = Math.min(smallest, checkPhonePage(app, "account"));
        console.log("phone walk: smallest interactive side", smallest, "px");
        emptyCart(app);
        signOut(app);
    }

    function test_9_checkoutOpensTheStoresCheckout() {
        const app = startApp();
        const opened = [];
        app.urlOpener = url => opened.push(String(url));
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        click(app, "addToCart_20");
        tryVerify(() => app.appCart.itemCount > 0 && !app.appCart.loading, 5000, "guest add");
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        const checkout = item(app, "checkoutButton");
        tryVerify(() => checkout.enabled, 5000, "a guest cart has a checkout URL");
        click(app, "checkoutButton");
        click(app, "checkoutOpenButton");
        compare(opened.length, 1, "one URL handed to the system browser");
        compare(opened[0], String(app.appCart.checkoutUrl));
        verify(opened[0].indexOf(String(TestStore.url)) === 0, opened[0]);
        verify(opened[0].indexOf("cocart-load-cart=" + app.appCart.cartKey) > 0, "the guest cart is loaded into the browser: " + opened[0]);
        compare(String(app.lastOpenedUrl), opened[0]);

        // Signed in: the store's sign-in page, going on to the checkout.
        click(app, "checkoutCloseButton");
        tryVerify(() => !item(app, "checkoutSheet").visible, 5000);
        click(app, "navAccount");
        signIn(app, TestStore.username, TestStore.password);
        tryVerify(() => app.appSession.signedIn && !app.appCart.loading && app.appCart.itemCount > 0, 5000);
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        click(app, "checkoutButton");
        click(app, "checkoutOpenButton");
        compare(opened.length, 2);
        verify(opened[1].indexOf("checkout") > 0, opened[1]);
        verify(opened[1].indexOf("cocart-load-cart") < 0, "an account's cart is not loaded by key: " + opened[1]);
        click(app, "checkoutCloseButton");
        tryVerify(() => !item(app, "checkoutSheet").visible, 5000);
        emptyCart(app);
        verify(!item(app, "checkoutButton").visible, "nothing to pay for");
        signOut(app);
    }

    function test_10_productPage() {
        const app = startApp();
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");

        // One Travel Mug (2 in stock) in the cart: the page allows one more, then none.
        click(app, "addToCart_14");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000, "mug added");
        tryCompare(item(app, "quantity_14"), "to", 1, 5000, "the card counts what is in the cart");
        click(app, "openPicture_14");
        tryCompare(app, "currentPage", "product");
        compare(item(app, "productName").text, "Travel Mug");
        compare(item(app, "productPrice").text, "£11.50");
        compare(item(app, "productRegularPrice").text, "£14.00");
        compare(item(app, "productDescription").text, "Insulated stainless-steel travel mug with lid. Full description of Travel Mug."); // the full description, as plain text
        // The store's reviews, through Session.get: rendered, never shown as tags.
        tryCompare(item(app, "productReviewsTitle"), "text", qsTr("Reviews (%1)").arg(2), 5000);
        const review = item(app, "productReviewText_0");
        compare(review.textFormat, Text.StyledText);
        verify(review.text.length > 10, review.text);
        compare(item(app, "productStock").text, qsTr("Only %n left", "", 2));
        verify(item(app, "productInCart").visible);
        compare(item(app, "productQuantity").to, 1);
        click(app, "productAddButton");
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000, "second mug added");
        tryVerify(() => !item(app, "productAddButton").enabled, 5000, "no third mug");
        compare(item(app, "productAddButton").text, qsTr("In your cart"));

        // Escape goes back to the shop.
        keyClick(Qt.Key_Escape);
        tryCompare(app, "currentPage", "shop");

        // Sizes: each with its price, L plainly sold out.
        typeInto(app, "searchField", "shirt");
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appProducts.search === "shirt" && !app.appProducts.loading, 5000);
        click(app, "openName_21");
        tryCompare(app, "currentPage", "product");
        compare(item(app, "productName").text, "Classic T-Shirt");
        const large = item(app, "productOption_24");
        verify(large.soldOut);
        compare(large.text, "L");
        compare(large.detail, qsTr("Sold out"));
        compare(item(app, "productOption_23").text, "M");
        compare(item(app, "productOption_23").detail, "£15.00");
        click(app, "productOption_23");
        compare(item(app, "productStock").text, qsTr("Only %n left", "", 3));
        compare(item(app, "productQuantity").to, 3);
        click(app, "productAddButton");
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000, "T-shirt added");
        tryCompare(item(app, "productQuantity"), "to", 2);
        click(app, "productBackButton");
        tryCompare(app, "currentPage", "shop");
        emptyCart(app);
    }

    function test_11_messagesArePlainTextWithActions() {
        const app = startApp();
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");
        const text = item(app, "bannerText");

        // What was added and how many; Undo takes exactly that back.
        click(app, "addToCart_20");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        tryCompare(text, "text", qsTr("Added %n × %1 to your cart.", "", 1).arg("Leather Keyring"));
        click(app, "undoAddButton");
        tryVerify(() => app.appCart.itemCount === 0 && !app.appCart.loading, 5000, "undone");

        // The banner is in the layout: the page ends where it starts, nothing is covered.
        click(app, "addToCart_19");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        const banner = item(app, "banner");
        tryVerify(() => banner.visible);
        const page = item(app, "shopPage");
        const pageBottom = page.mapToItem(app.contentItem, 0, page.height).y;
        const bannerTop = banner.mapToItem(app.contentItem, 0, 0).y;
        verify(pageBottom <= bannerTop + 0.5, "the message covers the page: " + pageBottom + " > " + bannerTop);

        // The card allows no second gift card (sold individually); the store refuses one sent
        // anyway, and its message shows as plain words.
        tryVerify(() => !item(app, "addToCart_19").enabled, 5000, "the card counts the gift card in the cart");
        app.appCart.addItem("19", 1);
        tryVerify(() => banner.kind === "error", 5000, "refusal shown");
        verify(text.text.indexOf("Gift Card 25") >= 0, text.text);
        verify(!/[<>]|&[a-z#0-9]+;/.test(text.text), "markup in the message: " + text.text);
        verify(text.text.indexOf("View cart") < 0, "the button's text left in: " + text.text);
        verify(text.text.indexOf("\"Gift Card 25\"") >= 0, text.text);
        compare(text.textFormat, Text.PlainText);
        emptyCart(app);
    }

    function test_12_guestMergeSaysWhatMoved() {
        const app = startApp();
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        emptyCart(app);
        click(app, "navShop");
        click(app, "addToCart_20");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        click(app, "navAccount");
        signIn(app, TestStore.username, TestStore.password);
        tryVerify(() => app.appSession.signedIn && !app.appCart.loading, 5000);
        const expected = qsTr("Moved from your guest cart to your account: %1.").arg(qsTr("%1 × %2").arg(1).arg("Leather Keyring"));
        tryVerify(() => item(app, "bannerText").text === expected, 5000, "merge message: " + item(app, "bannerText").text);
        emptyCart(app);
        signOut(app);
    }

    function test_13_storeNameAndCurrencyInHeaderAndSignIn() {
        const app = startApp();
        compare(app.currentPage, "signin");
        // The store's own name (/store title) and its currency (the catalogue's prices), not ours.
        tryVerify(() => app.appSession.storeName !== "", 5000, "store checked");
        tryCompare(app, "storeCurrency", "GBP (£)", 5000);
        verify(item(app, "signInStoreLine").text.indexOf("Prices in GBP (£).") >= 0, item(app, "signInStoreLine").text);
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        compare(item(app, "storeTitle").text, app.appSession.storeName);
        verify(item(app, "storeSubtitle").text.indexOf("prices in GBP (£)") >= 0, item(app, "storeSubtitle").text);
    }

    function test_14_sessionUsesTheEnginesNetworkAccessManager() {
        // A Session made in QML sends through the engine's QNetworkAccessManager, so an app's
        // QQmlNetworkAccessManagerFactory (proxy, cache, certificates) applies to the store too.
        const before = TestStore.engineNamApiRequests();
        const app = startApp();
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading, 5000);
        verify(TestStore.engineNamApiRequests() > before, "the store's API requests went through the engine's network access manager");
    }

    function test_16_cartShowsTheStoresCharges() {
        // Issue 20.9: the store's discount, shipping, fees and tax, each only when there is one.
        const app = startApp();
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000, "clear");
        app.appCart.addItem("10", 1);
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000, "add");
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        for (const name of ["discount", "shipping", "fee", "tax"])
            verify(!item(app, name + "Row").visible, name + " is 0: not shown");

        TestStore.setCartCharges(495, 0, 250, 20);
        app.appCart.reload();
        tryVerify(() => app.appCart.taxTotal > 0 && !app.appCart.loading, 5000, "charges");
        verify(item(app, "shippingRow").visible);
        compare(item(app, "shippingTotalText").text, "£4.95");
        compare(item(app, "discountTotalText").text, "−£2.50");
        verify(!item(app, "feeRow").visible, "no fee");
        compare(item(app, "taxTotalText").text, "£2.99"); // 20 % of 12.50 − 2.50 + 4.95
        compare(item(app, "totalText").text, "£17.94");
        TestStore.setCartCharges(0, 0, 0, 0);
        emptyCart(app);
    }

    function test_15_desktopAndPhoneButtonLabelsAreWhole() {
        // Every button says what it does in full: at the usual desktop sizes and on a phone.
        const sizes = [[1280, 800], [1212, 800], [1024, 768], [912, 700], [800, 600], [360, 640]]; // 1212 and 912: the narrowest grid cells (300 px)
        for (let i = 0; i < sizes.length; ++i) {
            const app = startApp({
                    "width": sizes[i][0],
                    "height": sizes[i][1]
                });
            click(app, "guestButton");
            tryCompare(app, "currentPage", "shop");
            tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading, 5000);
            waitForRendering(app.contentItem);
            for (let settle = 0; settle < 10 && walkPage(app).overflow.length > 0; ++settle)
                wait(100); // wrapped text settles over a few polish passes
            const result = walkPage(app);
            verify(result.overflow.length === 0, sizes[i].join("x") + ": " + result.overflow.join("; "));
        }
    }

    // --- issue 19: one test per numbered point ---------------------------------------------------

    Component {
        id: otherWindowComponent

        Window {
            width: 100
            height: 100
            visible: true
        }
    }

    Component {
        id: pasteTargetComponent

        TextInput {
        }
    }

    Component {
        id: sessionComponent

        Session {
        }
    }

    //! With COCART_SHOT_DIR set, saves the window (pages, header and dialogs) as NAME.png there.
    function shot(app, name) {
        if (TestStore.shotDir === "")
            return;
        waitForRendering(app.contentItem);
        grabImage(app.contentItem.parent).save(TestStore.shotDir + "/" + name + ".png");
    }

    //! Another window takes the focus, then the app gets it back: "the shopper came back".
    function leaveAndComeBack(app) {
        const other = createTemporaryObject(otherWindowComponent, null);
        verify(other, "no second window");
        tryVerify(() => other.visible, 2000);
        other.requestActivate();
        tryVerify(() => !app.active, 5000, "the app window stayed active");
        app.requestActivate();
        tryVerify(() => app.active, 5000, "the app window did not become active again");
        other.destroy();
    }

    //! Scrolls the shop's grid to the card of product \a id (a phone shows a few at a time).
    function showCard(app, id) {
        let row = -1;
        for (let i = 0; i < app.appProducts.count && row < 0; ++i) {
            if (String(app.appProducts.get(i).productId) === String(id))
                row = i;
        }
        verify(row >= 0, "product " + id + " is in the catalogue's first page");
        item(app, "productGrid").positionViewAtIndex(row, GridView.Beginning);
        return item(app, "product_" + id);
    }

    function startGuestShop(properties) {
        const app = startApp(properties);
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => app.appProducts.count > 0 && !app.appProducts.loading && !app.appCart.loading, 5000);
        return app;
    }

    function test_20_point1_checkoutStepSaysWhereAndNoticesTheReturn() {
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        const opened = [];
        let browser = false; // no browser on this device
        app.urlOpener = url => {
            opened.push(String(url));
            return browser;
        };
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        app.appCart.addItem("20", 1);
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        click(app, "navCart");
        tryVerify(() => item(app, "checkoutButton").enabled, 5000);
        click(app, "checkoutButton");
        const sheet = item(app, "checkoutSheet");
        tryVerify(() => sheet.opened, 5000);
        // It says where the shopper is going before anything opens.
        const stepText = item(app, "checkoutStepText");
        verify(stepText.text.indexOf("website") > 0 && stepText.text.indexOf(app.appSession.storeName) >= 0, stepText.text);
        compare(opened.length, 0);
        checkPhonePage(app, "checkout step");
        shot(app, "p1-checkout-step-phone");

        // No browser: Qt.openUrlExternally's false is seen, and the link can be copied.
        click(app, "checkoutOpenButton");
        compare(opened.length, 1);
        verify(opened[0].indexOf("cocart-load-cart=") > 0, "a guest lands on the checkout with their cart: " + opened[0]);
        tryCompare(sheet, "step", "noBrowser");
        verify(stepText.text.indexOf("No web browser") === 0, stepText.text);
        click(app, "checkoutCopyButton");
        verify(item(app, "checkoutCopiedText").visible);
        const paste = createTemporaryObject(pasteTargetComponent, testCase);
        paste.paste();
        compare(paste.text, opened[0], "the link is on the clipboard");
        checkPhonePage(app, "checkout without a browser");
        shot(app, "p1-checkout-no-browser-phone");
        click(app, "checkoutCloseButton");
        tryVerify(() => !sheet.visible, 5000);

        // A browser opens; coming back with nothing bought: "unchanged".
        browser = true;
        click(app, "checkoutButton");
        click(app, "checkoutOpenButton");
        tryCompare(sheet, "step", "waiting");
        leaveAndComeBack(app);
        tryCompare(sheet, "step", "unchanged", 5000);
        verify(stepText.text.indexOf("unchanged") >= 0, stepText.text);

        // Paid on the website (the store empties the cart): coming back says the order went through.
        click(app, "checkoutOpenButton");
        tryCompare(sheet, "step", "waiting");
        TestStore.clearCarts();
        leaveAndComeBack(app);
        tryCompare(sheet, "step", "placed", 5000);
        verify(app.appCart.empty);
        verify(stepText.text.indexOf("order went through") > 0, stepText.text);
        shot(app, "p1-checkout-placed-phone");
        click(app, "checkoutCloseButton");
        tryVerify(() => !sheet.visible, 5000);
    }

    function test_21_point2_signedOutElsewhereSignsInOverThePageAndRetries() {
        const app = startApp({
                "width": 360,
                "height": 640
            });
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        tryVerify(() => !app.appCart.loading && app.appProducts.count > 0, 5000);
        emptyCart(app);
        click(app, "navShop");
        tryCompare(app, "currentPage", "shop");
        const grid = item(app, "productGrid");

        // The shopper signs out everywhere on another device.
        const other = createTemporaryObject(sessionComponent, testCase, {
                "storeUrl": TestStore.url,
                "tokenStore": createTemporaryObject(tokenStoreComponent, testCase)
            });
        other.login(TestStore.username, TestStore.password);
        tryVerify(() => other.signedIn, 5000, "the other device signed in");
        other.logout(Session.Everywhere);
        tryVerify(() => !other.signedIn && !other.busy, 5000);

        // Here, the next add is refused: sign in again over the shop, nothing lost.
        grid.positionViewAtIndex(1, GridView.Beginning);
        const contentY = grid.contentY;
        click(app, "addToCart_20");
        const dialog = item(app, "reauthDialog");
        tryVerify(() => dialog.opened, 5000, "sign in again over the page");
        compare(app.currentPage, "shop", "still on the shop");
        const message = item(app, "reauthMessage").text;
        verify(message.indexOf("(") < 0 && message.split("signed out").length === 2, "one plain message, said once: " + message);
        verify(message.indexOf("Leather Keyring") > 0, "it says what it will finish: " + message);
        compare(item(app, "reauthUsername").text, TestStore.username, "the name is filled in");
        verify(!item(app, "bannerText").visible || item(app, "bannerText").text.indexOf("session") < 0, "no second message");
        checkPhonePage(app, "sign in again");
        shot(app, "p2-sign-in-again-phone");
        typeInto(app, "reauthPassword", TestStore.password);
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appSession.signedIn, 5000, "signed in again");
        tryVerify(() => !dialog.visible, 5000);
        compare(app.currentPage, "shop", "back where they were, not on the start page");
        compare(grid.contentY, contentY, "the grid kept its place");
        // The refused add is done now.
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000, "the add was retried");
        tryVerify(() => item(app, "bannerText").text === qsTr("Added %n × %1 to your cart.", "", 1).arg("Leather Keyring"), 5000);
        shot(app, "p2-retried-after-sign-in-phone");
        emptyCart(app);
        signOut(app);
    }

    function test_22_point3_signOutIsTheShoppersChoice() {
        const saved = createTemporaryObject(tokenStoreComponent, testCase);
        const app = startApp({
                "tokenStore": saved,
                "width": 360,
                "height": 640
            });
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        click(app, "navAccount");
        tryCompare(app, "currentPage", "account");
        // A shopper's page: name and email, the two choices each with one line; no token details.
        compare(item(app, "accountName").text, "Jane Doe");
        verify(item(app, "accountEmail").text.indexOf("@") > 0);
        verify(item(app, "signOutHint").text.indexOf("this device") >= 0);
        verify(item(app, "signOutEverywhereHint").text.indexOf("every") >= 0);
        verify(!effectivelyShown(item(app, "developerCard")), "token details are for developers");
        verify(find(app, "validateButton") === null || !effectivelyShown(find(app, "validateButton")));
        checkPhonePage(app, "account");
        shot(app, "p3-account-phone");

        // This device only: the store is told nothing.
        const logouts = TestStore.requestCount("POST /wp-json/cocart/v2/logout");
        click(app, "signOutButton");
        tryCompare(app, "currentPage", "signin", 5000);
        compare(TestStore.requestCount("POST /wp-json/cocart/v2/logout"), logouts, "this device only");
        tryCompare(item(app, "signInReason"), "text", qsTr("You have signed out."), 5000);

        // Everywhere: the store signs out every device.
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        click(app, "navAccount");
        click(app, "signOutEverywhereButton");
        tryCompare(app, "currentPage", "signin", 5000);
        tryVerify(() => TestStore.requestCount("POST /wp-json/cocart/v2/logout") === logouts + 1, 5000, "the store was told");
    }

    function test_23_point4_theCartIsReadAgain() {
        const app = startGuestShop();
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        app.appCart.addItem("20", 1);
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        const gets = () => TestStore.requestCount("GET /wp-json/cocart/v2/cart");

        // Opening the cart page reads it again: the store's change shows.
        TestStore.clearCarts();
        let before = gets();
        click(app, "navCart");
        tryVerify(() => gets() > before, 5000, "the cart page reads the cart");
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000, "the store's empty cart shows");
        tryVerify(() => item(app, "cartEmpty").visible, 5000);

        // The window becoming active again reads it again.
        app.appCart.addItem("20", 2);
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000);
        before = gets();
        leaveAndComeBack(app);
        tryVerify(() => gets() > before && !app.appCart.loading, 5000, "read again when the window is active again");

        // Pull to refresh.
        const list = item(app, "cartList");
        tryVerify(() => list.visible && list.count === 1, 5000);
        waitForRendering(list);
        before = gets();
        mousePress(list, list.width / 2, 20);
        for (let y = 30; y <= 230; y += 20)
            mouseMove(list, list.width / 2, y);
        tryVerify(() => item(app, "pullToRefreshHint").text === qsTr("Release to refresh"), 2000, "pulled");
        shot(app, "p4-pull-to-refresh");
        mouseRelease(list, list.width / 2, 230);
        tryVerify(() => gets() > before && !app.appCart.loading, 5000, "pull to refresh reads the cart");
        emptyCart(app);
    }

    function test_24_point5_removeCanBeUndone() {
        const app = startGuestShop();
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        app.appCart.addItem("10", 2);
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000);
        app.appCart.addItem("13", 1);
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000);
        click(app, "navCart");
        tryCompare(item(app, "cartList"), "count", 2, 5000);
        tryVerify(() => !app.appCart.loading, 5000);
        click(app, "remove_10");
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000, "removed");
        tryVerify(() => item(app, "bannerText").text === qsTr("Removed %n × %1 from your cart.", "", 2).arg("Test Mug"), 5000, item(app, "bannerText").text);
        shot(app, "p5-removed-with-undo");
        click(app, "undoRemoveButton");
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000, "undone: both mugs back");
        tryCompare(item(app, "qty_10"), "value", 2, 5000);

        // A typed 0 removes (with Undo); a typed quantity above the limit says why it changed.
        const spin = item(app, "qty_13");
        click(app, "qty_13");
        keySequence(StandardKey.SelectAll);
        typeText("0");
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000, "0 removes the line");
        verify(find(app, "undoRemoveButton") !== null);
        emptyCart(app);
    }

    function test_25_point6_mergeMessageComesFromTheStoresAnswer() {
        const app = startApp();
        // The account already holds one Travel Mug (2 in stock).
        signIn(app, TestStore.username, TestStore.password);
        tryCompare(app, "currentPage", "shop", 5000);
        tryVerify(() => !app.appCart.loading, 5000);
        emptyCart(app);
        app.appCart.addItem("14", 1);
        tryVerify(() => app.appCart.itemCount === 1 && !app.appCart.loading, 5000);
        signOut(app);
        // As a guest: two Travel Mugs and a keyring. Together they collide: only 2 mugs exist.
        click(app, "guestButton");
        tryCompare(app, "currentPage", "shop");
        tryVerify(() => !app.appCart.loading, 5000);
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        app.appCart.addItem("14", 2);
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000);
        app.appCart.addItem("20", 1);
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000);
        click(app, "navAccount");
        signIn(app, TestStore.username, TestStore.password);
        tryVerify(() => app.appSession.signedIn && !app.appCart.loading && app.appCart.handoverReport.length > 0, 5000);
        const report = app.appCart.handoverReport;
        const mug = report.find(line => String(line.productId) === "14");
        compare(mug.outcome, "capped");
        compare(mug.guestQuantity, 2);
        compare(mug.accountQuantity, 1);
        compare(mug.quantity, 2);
        compare(report.find(line => String(line.productId) === "20").outcome, "moved");
        const text = item(app, "bannerText");
        tryVerify(() => text.text.indexOf("Leather Keyring") > 0, 5000, text.text);
        verify(text.text.indexOf(qsTr("Moved from your guest cart to your account: %1.").arg("1 × Leather Keyring")) === 0, text.text);
        verify(text.text.indexOf("Travel Mug: 1 already in your account and 2 from your guest cart, but only 2 can be ordered") > 0, text.text);
        compare(item(app, "banner").kind, "warning");
        shot(app, "p6-merge-message");
        emptyCart(app);
        signOut(app);
    }

    function test_26_point7_phoneSalePriceIsNotDrawnOver() {
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        showCard(app, 14);
        click(app, "openPicture_14");
        tryCompare(app, "currentPage", "product");
        const price = item(app, "productPrice");
        const regular = item(app, "productRegularPrice");
        tryVerify(() => regular.visible && regular.text === "£14.00", 5000);
        // The reviews arrive after the page shows and lay it out again: check after that.
        tryVerify(() => item(app, "productReviewsTitle").visible, 5000, "reviews shown");
        waitForRendering(app.contentItem);
        // A label a layout squeezes still draws its whole text: the box must hold it.
        verify(price.width >= price.contentWidth - 1, "the sale price is " + Math.round(price.contentWidth) + " px wide in a " + Math.round(price.width) + " px box");
        const a = paintedRect(app, price), b = paintedRect(app, regular);
        verify(b.x >= a.x + a.width, "the regular price starts after the sale price: " + JSON.stringify([a, b]));
        checkPhonePage(app, "product on sale");
        shot(app, "p7-sale-price-phone");
    }

    function test_27_point8_phoneSoldOutSizeIsPlainAndSaysSo() {
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        const large = item(app, "option_21_24");
        const small = item(app, "option_21_22");
        verify(large.soldOut);
        // Drawn differently from the sizes in stock (not the same outline with a faint letter).
        verify(String(large.background.color) !== String(item(app, "option_21_23").background.color), "a sold-out size looks different");
        verify(small.checked);
        click(app, "option_21_24");
        tryCompare(item(app, "stock_21"), "text", qsTr("%1 is sold out.").arg("L"));
        verify(small.checked, "the chosen size stays");
        verify(!large.checked);
        checkPhonePage(app, "shop after a sold-out size");
        shot(app, "p8-sold-out-size-phone");
        click(app, "option_21_23");
        compare(item(app, "stock_21").text, qsTr("Only %n left", "", 3));
    }

    function test_28_point9_phoneEmptyAndErrorStatesFit() {
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        typeInto(app, "searchField", "stainless steel thermos flask");
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appProducts.search !== "" && !app.appProducts.loading && app.appProducts.count === 0, 5000);
        const empty = item(app, "shopEmpty");
        tryVerify(() => empty.visible, 5000);
        compare(item(app, "shopEmptyTitle").text, qsTr("Nothing matches “%1”").arg("stainless steel thermos flask"));
        const page = item(app, "shopPage");
        const icon = item(app, "shopEmptyIcon");
        const iconCentre = icon.mapToItem(page, icon.width / 2, 0).x;
        verify(Math.abs(iconCentre - page.width / 2) <= 1, "the icon is centred: " + iconCentre + " in " + page.width);
        checkPhonePage(app, "no search results");
        shot(app, "p9-no-results-phone");

        // The error state of a shop that cannot be loaded fits too.
        const broken = startApp({
                "storeUrl": String(TestStore.url).replace(/\/?$/, "/") + "no-shop-here/",
                "width": 360,
                "height": 640
            });
        tryVerify(() => broken.noStoreText !== "", 5000, "the store check failed");
        // The sign-in page says it in its form (not in a strip that moves the form).
        tryCompare(item(broken, "signInReason"), "text", broken.noStoreText, 5000);
        waitForRendering(broken.contentItem);
        click(broken, "guestButton");
        tryCompare(broken, "currentPage", "shop");
        tryVerify(() => !broken.appProducts.loading && broken.appProducts.lastError.isError, 5000);
        tryVerify(() => item(broken, "shopEmpty").visible, 5000);
        compare(item(broken, "shopEmptyTitle").text, qsTr("The shop could not be loaded"));
        checkPhonePage(broken, "shop that could not be loaded");
        shot(broken, "p9-p10-no-store-phone");
    }

    //! Every visible text in the window that contains \a words.
    function shownTexts(app, words) {
        const found = [];
        const stack = [app.contentItem.parent];
        while (stack.length > 0) {
            const it = stack.pop();
            if (!it.visible || it.opacity === 0)
                continue;
            for (let i = 0; i < it.children.length; ++i)
                stack.push(it.children[i]);
            if (isText(it) && it.text.indexOf(words) >= 0 && onScreen(app, it))
                found.push(it.objectName || it.text);
        }
        return found;
    }

    function test_29_point10_onePlainMessagePerFailure() {
        // A wrong address: the store check's sentence everywhere, once.
        const wrong = startApp({
                "storeUrl": String(TestStore.url).replace(/\/?$/, "/") + "no-shop-here/"
            });
        tryVerify(() => wrong.noStoreText !== "", 5000, "the store check failed");
        tryCompare(item(wrong, "signInReason"), "text", wrong.noStoreText, 5000);
        waitForRendering(wrong.contentItem);
        click(wrong, "guestButton");
        tryCompare(wrong, "currentPage", "shop");
        tryVerify(() => wrong.noStoreText !== "" && !wrong.appProducts.loading && !wrong.appCart.loading && wrong.appProducts.lastError.isError, 5000);
        const expected = "No CoCart store at " + String(TestStore.url).replace(/\/$/, "") + "/no-shop-here";
        verify(wrong.noStoreText.indexOf(expected) === 0 && /check the address\.$/.test(wrong.noStoreText), wrong.noStoreText);
        for (let i = 0; i < 20 && shownTexts(wrong, "No CoCart store at").length !== 1; ++i)
            wait(100);
        verify(shownTexts(wrong, "No CoCart store at").length === 1, "said once: " + shownTexts(wrong, "No CoCart store at") + " / " + shownTexts(wrong, "."));
        compare(shownTexts(wrong, "JSON").length + shownTexts(wrong, "HTTP").length, 0, "nothing written for developers");
        click(wrong, "navCart");
        tryVerify(() => !wrong.appCart.loading, 5000);
        tryVerify(() => shownTexts(wrong, "No CoCart store at").length === 1, 5000, "on the cart page too, once");

        // A store that cannot be reached: not blamed on the shopper, said once.
        const away = startApp({
                "storeUrl": "http://127.0.0.1:9/"
            });
        tryVerify(() => item(away, "signInReason").text !== "", 10000, "the store check failed");
        waitForRendering(away.contentItem);
        click(away, "guestButton");
        tryCompare(away, "currentPage", "shop");
        tryVerify(() => !away.appProducts.loading && away.appProducts.lastError.isError && !away.appCart.loading, 10000);
        tryVerify(() => shownTexts(away, "can't be reached").length === 1, 5000, "said once: " + shownTexts(away, "can't be reached"));
        compare(shownTexts(away, "offline").length, 0, "not blamed on the shopper");
        compare(shownTexts(away, "Network").length, 0);
        shot(away, "p10-unreachable");
    }

    function test_30_cardsAndPageStayTrue() {
        // The grid's stepper and stock count what the cart holds; the gift card's limit is plain.
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        click(app, "option_21_23"); // M: 3 in stock
        const quantity = item(app, "quantity_21");
        compare(quantity.to, 3);
        click(app, "quantity_21");
        keyClick(Qt.Key_Up);
        compare(quantity.value, 2);
        click(app, "addToCart_21");
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000);
        tryCompare(quantity, "to", 1, 5000);
        compare(quantity.value, 1);
        compare(item(app, "stock_21").text, qsTr("Only %n more left", "", 1));
        // The gift card: one per order.
        showCard(app, 19);
        click(app, "addToCart_19");
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000);
        tryCompare(item(app, "stock_19"), "text", qsTr("Limit one per order"), 5000);
        compare(item(app, "addToCart_19").text, qsTr("In your cart"));
        checkPhonePage(app, "shop with a full gift card");
        shot(app, "extra-stepper-and-gift-card-phone");
        click(app, "openPicture_19");
        tryCompare(app, "currentPage", "product");
        tryCompare(item(app, "productInCart"), "text", qsTr("In your cart. Limit one per order."));
        checkPhonePage(app, "gift card page");
        shot(app, "extra-gift-card-limit-phone");
        click(app, "productBackButton");
        emptyCart(app);
    }

    function test_31_cartShowsSaleSavings() {
        // Issue 19 ("the cart shows no sale savings"): a line on sale says its regular price and
        // what it saves; the summary says the whole saving. The store's cart line carries only the
        // sale price: the cart learns the regular one from the catalogue.
        const app = startGuestShop({
                "width": 360,
                "height": 640
            });
        app.appCart.clear();
        tryVerify(() => app.appCart.empty && !app.appCart.loading, 5000);
        app.appCart.addItem("14", 2); // Travel Mug: 14.00, on sale 11.50
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000);
        app.appCart.addItem("10", 1); // Test Mug: 12.50, no sale
        tryVerify(() => app.appCart.itemCount === 3 && !app.appCart.loading, 5000);
        click(app, "navCart");
        tryCompare(app, "currentPage", "cart");
        tryCompare(item(app, "cartList"), "count", 2, 5000);
        tryVerify(() => !app.appCart.loading, 5000);
        const saving = item(app, "lineSaving_14");
        tryVerify(() => saving.visible, 5000, "the sale line says what it saves");
        compare(saving.text, qsTr("Was %1 each · you save %2").arg("£14.00").arg("£5.00"));
        verify(!item(app, "lineSaving_10").visible, "a line at its regular price saves nothing");
        verify(item(app, "savingsRow").visible, "the summary says the saving");
        compare(item(app, "savingsText").text, "£5.00");
        compare(item(app, "totalText").text, "£35.50"); // what the store charges: 2 × 11.50 + 12.50
        checkPhonePage(app, "cart with a sale line");
        shot(app, "extra-cart-savings-phone");

        // One mug fewer: the saving follows the store's answer.
        click(app, "qty_14");
        keySequence(StandardKey.SelectAll);
        typeText("1");
        keyClick(Qt.Key_Return);
        tryVerify(() => app.appCart.itemCount === 2 && !app.appCart.loading, 5000, "one mug");
        tryCompare(item(app, "savingsText"), "text", "£2.50", 5000);
        compare(saving.text, qsTr("Was %1 each · you save %2").arg("£14.00").arg("£2.50"));
        emptyCart(app);
    }
}
