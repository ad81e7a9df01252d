<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="26" />
        <source>no token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="28" />
        <source>expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34" />
        <source>%1 d %2 h %3 min %4 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="36" />
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="37" />
        <source>%1 min %2 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56" />
        <source>The store accepted the access token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56" />
        <source>The store rejected the access token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="61" />
        <source>Could not validate: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="66" />
        <source>New tokens issued at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="71" />
        <source>Could not refresh: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="144" />
        <source>You're shopping as a guest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="145" />
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="146" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="212" />
        <source>Username</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="218" />
        <source>Customer id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="227" />
        <source>Session</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="234" />
        <source>Token expires in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="240" />
        <source>Expires at</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="245" />
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="250" />
        <source>Saved in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="251" />
        <source>%1 (not available)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="261" />
        <source>Validate token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="271" />
        <source>Refreshing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="271" />
        <source>Refresh token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="311" />
        <source>Signing out…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="311" />
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="51" />
        <source>CoCart Shop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="61" />
        <source>Demo store running inside the app</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="74" />
        <location filename="../qml/AppHeader.qml" line="75" />
        <source>Shop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="86" />
        <location filename="../qml/AppHeader.qml" line="87" />
        <source>Cart</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="88" />
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Cart, %n item</numerusform><numerusform>Cart, %n items</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="123" />
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="123" />
        <location filename="../qml/AppHeader.qml" line="124" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="124" />
        <source>Me</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="87" />
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="82" />
        <source>%1 each</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="95" />
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="97" />
        <source>Remove %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="115" />
        <source>Quantity of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128" />
        <source>max %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="42" />
        <source>Empty the cart?</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="48" />
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>This removes the %n item from your cart.</numerusform><numerusform>This removes all %n items from your cart.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="72" />
        <source>Your cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="88" />
        <source>Empty cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="156" />
        <source>Order summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="165" />
        <source>Items</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="171" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="179" />
        <source>Subtotal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="199" />
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="216" />
        <source>Shipping and taxes are worked out at checkout on the store's website.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="227" />
        <source>Checkout on the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="228" />
        <source>Checkout on the store's website</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="229" />
        <source>Opens the store's checkout in your web browser.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="242" />
        <source>Your cart is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="243" />
        <source>Find something you like in the shop and add it here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="244" />
        <source>Browse the shop</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="164" />
        <source>%1 × %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="197" />
        <source>CoCart Shop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221" />
        <source>No store is configured.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="252" />
        <location filename="../qml/Main.qml" line="272" />
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="254" />
        <source>Your saved session could not be restored: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="267" />
        <source>You have signed out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="272" />
        <source>Your session has expired (%1). Please sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="275" />
        <source>Your sign-in could not be saved on this device: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="305" />
        <source>Added to your cart.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="309" />
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>Added %n × %1 to your cart.</numerusform><numerusform>Added %n × %1 to your cart.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="311" />
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="316" />
        <location filename="../qml/Main.qml" line="336" />
        <source>View cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="322" />
        <source>Your cart is empty now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="332" />
        <source>Moved from your guest cart: %1. Some items could not be kept: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="334" />
        <source>Moved from your guest cart to your account: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="396" />
        <source>More products could not be loaded: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="505" />
        <source>You're offline: the store can't be reached. Your session is kept and will carry on when the connection is back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="505" />
        <source>You're offline: the store can't be reached. The shop carries on when the connection is back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="530" />
        <source>The keychain is locked, so your sign-in isn't saved on this device: you'll sign in again next time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="530" />
        <source>No keychain is available, so your sign-in isn't saved on this device: you'll sign in again next time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="538" />
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="545" />
        <location filename="../qml/Main.qml" line="577" />
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="625" />
        <source>the system keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="625" />
        <source>memory (forgotten on exit)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="658" />
        <source>Restoring your session…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/Main.qml" line="658" />
        <source>Opening the shop…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="99" />
        <source>Sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="111" />
        <location filename="../qml/ProductCard.qml" line="143" />
        <source>Open %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="179" />
        <source>was %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="223" />
        <source>%1 sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225" />
        <source>%1 %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225" />
        <source>%1 %2, sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="256" />
        <source>Quantity of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Options</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>All in your cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Adding…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Add to cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="269" />
        <source>Add %1 to the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="271" />
        <source>Products with options can be bought on the store's website.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="274" />
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProductLimits</name>
    <message>
        <location filename="../qml/ProductLimits.qml" line="20" />
        <source>Out of stock</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="22" />
        <source>Only %n left</source>
        <translation>
            <numerusform>Only %n left</numerusform><numerusform>Only %n left</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="24" />
        <source>On backorder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="25" />
        <source>In stock</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="70" />
        <source>‹ Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="71" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="153" />
        <source>was %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="213" />
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>Sold out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="214" />
        <source>%1 %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="214" />
        <source>%1 %2, sold out</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="225" />
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n already in your cart.</numerusform><numerusform>%n already in your cart.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="225" />
        <source>%n already in your cart: that is all there is.</source>
        <translation>
            <numerusform>%n already in your cart: that is all there is.</numerusform><numerusform>%n already in your cart: that is all there is.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="245" />
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>All in your cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>Add to cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="258" />
        <source>Add %1 to the cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="262" />
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="27" />
        <source>All categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="110" />
        <location filename="../qml/ShopPage.qml" line="111" />
        <source>Search products</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="132" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="142" />
        <source>Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="142" />
        <source>List</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="144" />
        <source>Show as grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="144" />
        <source>Show as list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="152" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="152" />
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform><numerusform>%n products</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>The shop could not be loaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>Nothing matches “%1”</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>No products here yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244" />
        <source>Try another search or category.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="245" />
        <source>Try again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="31" />
        <source>Enter your username or email.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="32" />
        <source>Enter your password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="60" />
        <source>Could not sign in.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="114" />
        <source>Sign in to CoCart Shop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="124" />
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="124" />
        <source>Shopping at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="155" />
        <source>Demo account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="163" />
        <source>Username: %1
Password: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="172" />
        <source>Use the demo account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="184" />
        <location filename="../qml/SignInPage.qml" line="195" />
        <source>Username or email</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="194" />
        <source>e.g. jane@example.com</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="216" />
        <location filename="../qml/SignInPage.qml" line="226" />
        <location filename="../qml/SignInPage.qml" line="227" />
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="252" />
        <source>Show password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="273" />
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="273" />
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="298" />
        <source>Continue as guest</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="290" />
        <source>Another CoCart Shop window owns the demo store's saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/main.cpp" line="297" />
        <source>The demo store's saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../app/main.cpp" line="308" />
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>