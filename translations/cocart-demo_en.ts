<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="32"/>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="40"/>
        <source>%1 d %2 h %3 min %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="42"/>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="43"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="62"/>
        <source>The store accepted the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="67"/>
        <source>The store rejected the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="67"/>
        <source>Could not validate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="72"/>
        <source>New tokens issued at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="77"/>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="151"/>
        <source>You&apos;re shopping as a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="152"/>
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="153"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="246"/>
        <source>Only on this device. Your other devices stay signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="259"/>
        <source>Sign out everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="269"/>
        <source>On every phone, computer and app where you&apos;re signed in to this shop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="280"/>
        <source>Session (developer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="287"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="293"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="298"/>
        <source>Token expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="304"/>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="309"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="314"/>
        <source>Saved in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="315"/>
        <source>%1 (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="325"/>
        <source>Validate token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="335"/>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="335"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="236"/>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="226"/>
        <location filename="../qml/AccountPage.qml" line="236"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="57"/>
        <source>CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="73"/>
        <source>Demo store running inside the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="73"/>
        <source>%1 · prices in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="74"/>
        <source>Prices in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="88"/>
        <location filename="../qml/AppHeader.qml" line="89"/>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="100"/>
        <location filename="../qml/AppHeader.qml" line="101"/>
        <source>Cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="102"/>
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Cart, %n item</numerusform>
            <numerusform>Cart, %n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="137"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="137"/>
        <location filename="../qml/AppHeader.qml" line="138"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="138"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="98"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message numerus="yes">
        <location filename="../qml/CartLineDelegate.qml" line="43"/>
        <source>Only %n can be ordered, so the quantity is %n.</source>
        <translation>
            <numerusform>Only %n can be ordered, so the quantity is %n.</numerusform>
            <numerusform>Only %n can be ordered, so the quantity is %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="101"/>
        <source>%1 each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="111"/>
        <source>Was %1 each · you save %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="126"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="147"/>
        <source>Quantity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="165"/>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="55"/>
        <source>Empty the cart?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="61"/>
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>This removes the %n item from your cart.</numerusform>
            <numerusform>This removes all %n items from your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="93"/>
        <source>Your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="110"/>
        <source>Empty cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="140"/>
        <source>Release to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="140"/>
        <source>Pull to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="204"/>
        <source>Order summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="213"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="219"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="227"/>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="245"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="251"/>
        <source>Shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="257"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="263"/>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="302"/>
        <source>You save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="324"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="341"/>
        <source>The store may still change shipping and taxes at checkout on its website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="354"/>
        <source>Checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="355"/>
        <source>Checkout on the store&apos;s website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="356"/>
        <source>Opens the store&apos;s checkout in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="369"/>
        <source>Your cart is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="370"/>
        <source>Find something you like in the shop and add it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="371"/>
        <source>Browse the shop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckoutSheet</name>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="89"/>
        <source>Order placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="89"/>
        <source>Checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="109"/>
        <source>the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CheckoutSheet.qml" line="112"/>
        <source>You pay on %1&apos;s website: your browser opens its checkout with your %n item(s) (%2). Come back to this app when you&apos;re done.</source>
        <translation>
            <numerusform>You pay on %1&apos;s website: your browser opens its checkout with your %n item (%2). Come back to this app when you&apos;re done.</numerusform>
            <numerusform>You pay on %1&apos;s website: your browser opens its checkout with your %n items (%2). Come back to this app when you&apos;re done.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="114"/>
        <source>No web browser opened on this device. Copy the link and open it in a browser to pay on %1&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="116"/>
        <source>Finish paying in your browser. When you come back here, the app checks your cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="118"/>
        <source>Checking your cart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="120"/>
        <source>Your cart is empty now: your order went through on %1&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="122"/>
        <source>Your cart is unchanged: nothing was ordered yet. You can open the checkout again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CheckoutSheet.qml" line="124"/>
        <source>Your cart changed on the website: %n item(s) now, nothing ordered yet.</source>
        <translation>
            <numerusform>Your cart changed on the website: %n item now, nothing ordered yet.</numerusform>
            <numerusform>Your cart changed on the website: %n items now, nothing ordered yet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="139"/>
        <source>Checkout link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="146"/>
        <source>Link copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="168"/>
        <source>Open checkout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="168"/>
        <source>Open it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="177"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="187"/>
        <source>I&apos;m back: check my cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="105"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="329"/>
        <location filename="../qml/Main.qml" line="353"/>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="392"/>
        <source>CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="414"/>
        <source>No store is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="484"/>
        <location filename="../qml/Main.qml" line="512"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="506"/>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="549"/>
        <source>Added to your cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="553"/>
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>Added %n × %1 to your cart.</numerusform>
            <numerusform>Added %n × %1 to your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <location filename="../qml/Main.qml" line="555"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="560"/>
        <location filename="../qml/Main.qml" line="580"/>
        <source>View cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="566"/>
        <source>Your cart is empty now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="368"/>
        <source>Moved from your guest cart to your account: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="784"/>
        <source>The keychain is locked, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="784"/>
        <source>No keychain is available, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="754"/>
        <location filename="../qml/Main.qml" line="792"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="202"/>
        <source>add %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="211"/>
        <source>change %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="218"/>
        <source>remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="224"/>
        <source>Removed %n × %1 from your cart.</source>
        <translation>
            <numerusform>Removed %n × %1 from your cart.</numerusform>
            <numerusform>Removed %n × %1 from your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="237"/>
        <source>put back %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="241"/>
        <source>%1 is back in your cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="251"/>
        <source>, then </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="272"/>
        <source>You&apos;re shopping as a guest, with a new cart. Your account&apos;s cart is kept: sign in to see it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="356"/>
        <source>%1: %2 from your guest cart added to the %3 already in your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="359"/>
        <source>%1: %2 already in your account and %3 from your guest cart, but only %4 can be ordered, so you have %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="359"/>
        <source>%1: only %2 can be ordered, so you have %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="362"/>
        <source>%1 could not be kept: the store has none left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="370"/>
        <source>Your guest cart is in your account now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="486"/>
        <source>Your saved sign-in could not be used. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="799"/>
        <location filename="../qml/Main.qml" line="831"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="883"/>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="883"/>
        <source>memory (forgotten on exit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="918"/>
        <source>Restoring your session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="918"/>
        <source>Opening the shop…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../qml/Messages.qml" line="12"/>
        <source>The store can&apos;t be reached right now. Check your connection, or try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="38"/>
        <source>The store&apos;s secure connection could not be checked, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="40"/>
        <source>The store ran into a problem. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="42"/>
        <source>The store is busy. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="44"/>
        <source>You&apos;ve been signed out. Sign in again to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="48"/>
        <source>The store doesn&apos;t know that item any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="50"/>
        <source>The store&apos;s answer could not be read. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="52"/>
        <source>Your sign-in could not be saved on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="55"/>
        <source>That did not work. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="109"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="121"/>
        <location filename="../qml/ProductCard.qml" line="153"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="189"/>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="231"/>
        <source>%1 sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="232"/>
        <source>%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="232"/>
        <source>%1 %2, sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="235"/>
        <source>%1 is sold out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="270"/>
        <source>Quantity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Add to cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>In your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="285"/>
        <source>Add %1 to the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="287"/>
        <source>Products with options can be bought on the store&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="291"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductLimits</name>
    <message>
        <location filename="../qml/ProductLimits.qml" line="20"/>
        <source>Out of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="22"/>
        <source>Only %n left</source>
        <translation>
            <numerusform>Only %n left</numerusform>
            <numerusform>Only %n left</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="24"/>
        <source>On backorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="25"/>
        <source>In stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="36"/>
        <source>Limit one per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="36"/>
        <source>Limit %1 per order</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="40"/>
        <source>All %n are in your cart</source>
        <translation>
            <numerusform>The last one is in your cart</numerusform>
            <numerusform>All %n are in your cart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="42"/>
        <source>Only %n more left</source>
        <translation>
            <numerusform>Only %n more left</numerusform>
            <numerusform>Only %n more left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="95"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="96"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="190"/>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="245"/>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="246"/>
        <source>%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="246"/>
        <source>%1 %2, sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%1 is sold out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="276"/>
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n already in your cart.</numerusform>
            <numerusform>%n already in your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="278"/>
        <source>In your cart. Limit one per order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="278"/>
        <source>%n in your cart. Limit %1 per order.</source>
        <translation>
            <numerusform>%n in your cart. Limit %1 per order.</numerusform>
            <numerusform>%n in your cart. Limit %1 per order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="279"/>
        <source>%n in your cart: that is all the store has.</source>
        <translation>
            <numerusform>%n in your cart: that is all the store has.</numerusform>
            <numerusform>%n in your cart: that is all the store has.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="300"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>Add to cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>In your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="315"/>
        <source>Add %1 to the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="319"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="332"/>
        <source>Reviews (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="355"/>
        <source>%1 of 5 stars from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="27"/>
        <source>Enter your username or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="27"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="62"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="77"/>
        <source>That username and password don&apos;t match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="92"/>
        <source>You&apos;ve been signed out, perhaps on another device. Sign in again and the app will %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="92"/>
        <source>You&apos;ve been signed out, perhaps on another device. Sign in again to carry on where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="101"/>
        <location filename="../qml/ReauthDialog.qml" line="104"/>
        <source>Username or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="116"/>
        <location filename="../qml/ReauthDialog.qml" line="119"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="142"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="142"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="151"/>
        <source>Shop as a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="160"/>
        <source>Your cart stays with your account. As a guest you start a new, empty cart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="29"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="113"/>
        <location filename="../qml/ShopPage.qml" line="116"/>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="137"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="147"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="147"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="149"/>
        <source>Show as grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="149"/>
        <source>Show as list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="157"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="157"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>The shop could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>No products here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="250"/>
        <source>Try another search or category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="251"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Enter your username or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="34"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="62"/>
        <source>Could not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="116"/>
        <source>Sign in to CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="116"/>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="128"/>
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="128"/>
        <source>Shopping at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>%1 Prices in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Prices in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="161"/>
        <source>Demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="169"/>
        <source>Username: %1
Password: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="178"/>
        <source>Use the demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="190"/>
        <location filename="../qml/SignInPage.qml" line="204"/>
        <source>Username or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="201"/>
        <source>e.g. jane@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="225"/>
        <location filename="../qml/SignInPage.qml" line="236"/>
        <location filename="../qml/SignInPage.qml" line="239"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="264"/>
        <source>Show password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="287"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="287"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="312"/>
        <source>Continue as guest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="527"/>
        <source>Another CoCart Shop window owns the demo store&apos;s saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="534"/>
        <source>The demo store&apos;s saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="545"/>
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
