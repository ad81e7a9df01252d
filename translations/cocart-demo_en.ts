<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="26"/>
        <source>no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="28"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34"/>
        <source>%1 d %2 h %3 min %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="36"/>
        <source>%1 h %2 min %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="37"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56"/>
        <source>The store accepted the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56"/>
        <source>The store rejected the access token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="61"/>
        <source>Could not validate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="66"/>
        <source>New tokens issued at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="71"/>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="145"/>
        <source>You&apos;re shopping as a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="146"/>
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="147"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="213"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="219"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="228"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="235"/>
        <source>Token expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="241"/>
        <source>Expires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="246"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="251"/>
        <source>Saved in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="252"/>
        <source>%1 (not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="262"/>
        <source>Validate token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="272"/>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="272"/>
        <source>Refresh token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="312"/>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="312"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="56"/>
        <source>CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="68"/>
        <source>Demo store running inside the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="69"/>
        <source>%1 · prices in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="83"/>
        <location filename="../qml/AppHeader.qml" line="84"/>
        <source>Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="95"/>
        <location filename="../qml/AppHeader.qml" line="96"/>
        <source>Cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="97"/>
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Cart, %n item</numerusform>
            <numerusform>Cart, %n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="132"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="132"/>
        <location filename="../qml/AppHeader.qml" line="133"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="133"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="94"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="82"/>
        <source>%1 each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="95"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="97"/>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="115"/>
        <source>Quantity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128"/>
        <source>max %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="43"/>
        <source>Empty the cart?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="49"/>
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>This removes the %n item from your cart.</numerusform>
            <numerusform>This removes all %n items from your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="73"/>
        <source>Your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="90"/>
        <source>Empty cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="158"/>
        <source>Order summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="167"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="173"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="181"/>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="201"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="218"/>
        <source>Shipping and taxes are worked out at checkout on the store&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="231"/>
        <source>Checkout on the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="232"/>
        <source>Checkout on the store&apos;s website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="233"/>
        <source>Opens the store&apos;s checkout in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="246"/>
        <source>Your cart is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="247"/>
        <source>Find something you like in the shop and add it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="248"/>
        <source>Browse the shop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="87"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="189"/>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="244"/>
        <source>No store is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="276"/>
        <location filename="../qml/Main.qml" line="296"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="278"/>
        <source>Your saved session could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="291"/>
        <source>You have signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="296"/>
        <source>Your session has expired (%1). Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="299"/>
        <source>Your sign-in could not be saved on this device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="329"/>
        <source>Added to your cart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="333"/>
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>Added %n × %1 to your cart.</numerusform>
            <numerusform>Added %n × %1 to your cart.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="335"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="340"/>
        <location filename="../qml/Main.qml" line="360"/>
        <source>View cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="346"/>
        <source>Your cart is empty now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="356"/>
        <source>Moved from your guest cart: %1. Some items could not be kept: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="358"/>
        <source>Moved from your guest cart to your account: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="405"/>
        <source>More products could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="516"/>
        <source>You&apos;re offline: the store can&apos;t be reached. Your session is kept and will carry on when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="516"/>
        <source>You&apos;re offline: the store can&apos;t be reached. The shop carries on when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="541"/>
        <source>The keychain is locked, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="541"/>
        <source>No keychain is available, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="549"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="556"/>
        <location filename="../qml/Main.qml" line="588"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="637"/>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="637"/>
        <source>memory (forgotten on exit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="670"/>
        <source>Restoring your session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="670"/>
        <source>Opening the shop…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="100"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="112"/>
        <location filename="../qml/ProductCard.qml" line="144"/>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="180"/>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225"/>
        <source>%1 sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="230"/>
        <source>%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="230"/>
        <source>%1 %2, sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="261"/>
        <source>Quantity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>All in your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Adding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Add to cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="276"/>
        <source>Add %1 to the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="278"/>
        <source>Products with options can be bought on the store&apos;s website.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="281"/>
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
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="92"/>
        <source>‹ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="93"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="175"/>
        <source>was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="237"/>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>Sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="238"/>
        <source>%1 %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="238"/>
        <source>%1 %2, sold out</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n already in your cart.</numerusform>
            <numerusform>%n already in your cart.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%n already in your cart: that is all there is.</source>
        <translation>
            <numerusform>%n already in your cart: that is all there is.</numerusform>
            <numerusform>%n already in your cart: that is all there is.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="269"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>All in your cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>Add to cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="284"/>
        <source>Add %1 to the cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="288"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="301"/>
        <source>Reviews (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="324"/>
        <source>%1 of 5 stars from %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="27"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="111"/>
        <location filename="../qml/ShopPage.qml" line="112"/>
        <source>Search products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="133"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="143"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="143"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="145"/>
        <source>Show as grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="145"/>
        <source>Show as list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="153"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="153"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>The shop could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>Nothing matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>No products here yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="245"/>
        <source>Try another search or category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="246"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="34"/>
        <source>Enter your username or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="35"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="63"/>
        <source>Could not sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="117"/>
        <source>Sign in to CoCart Shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="117"/>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Shopping at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="130"/>
        <source>%1 Prices in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="162"/>
        <source>Demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="170"/>
        <source>Username: %1
Password: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="179"/>
        <source>Use the demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="191"/>
        <location filename="../qml/SignInPage.qml" line="203"/>
        <source>Username or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="202"/>
        <source>e.g. jane@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="224"/>
        <location filename="../qml/SignInPage.qml" line="235"/>
        <location filename="../qml/SignInPage.qml" line="236"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="261"/>
        <source>Show password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="284"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="284"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="309"/>
        <source>Continue as guest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="295"/>
        <source>Another CoCart Shop window owns the demo store&apos;s saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="302"/>
        <source>The demo store&apos;s saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="313"/>
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
