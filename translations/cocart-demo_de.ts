<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="26" />
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="28" />
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34" />
        <source>%1 d %2 h %3 min %4 s</source>
        <translation>%1 T %2 h %3 min %4 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="36" />
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="37" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56" />
        <source>The store accepted the access token.</source>
        <translation>Der Shop hat das Zugriffstoken akzeptiert.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56" />
        <source>The store rejected the access token.</source>
        <translation>Der Shop hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="61" />
        <source>Could not validate: %1</source>
        <translation>Prüfen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="66" />
        <source>New tokens issued at %1.</source>
        <translation>Neue Tokens ausgestellt um %1.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="71" />
        <source>Could not refresh: %1</source>
        <translation>Erneuern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="144" />
        <source>You're shopping as a guest</source>
        <translation>Sie kaufen als Gast ein</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="145" />
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation>Ihr Warenkorb bleibt auf diesem Gerät. Melden Sie sich an, um ihn in Ihrem Konto zu behalten.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="146" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="212" />
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="218" />
        <source>Customer id</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="227" />
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="234" />
        <source>Token expires in</source>
        <translation>Token läuft ab in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="240" />
        <source>Expires at</source>
        <translation>Läuft ab um</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="245" />
        <source>Store</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="250" />
        <source>Saved in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="251" />
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="261" />
        <source>Validate token</source>
        <translation>Token prüfen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="271" />
        <source>Refreshing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="271" />
        <source>Refresh token</source>
        <translation>Token erneuern</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="311" />
        <source>Signing out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="311" />
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="51" />
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="61" />
        <source>Demo store running inside the app</source>
        <translation>Demo-Shop, der in der App läuft</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="74" />
        <location filename="../qml/AppHeader.qml" line="75" />
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="86" />
        <location filename="../qml/AppHeader.qml" line="87" />
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="88" />
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Warenkorb, %n Artikel</numerusform><numerusform>Warenkorb, %n Artikel</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="123" />
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="123" />
        <location filename="../qml/AppHeader.qml" line="124" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="124" />
        <source>Me</source>
        <translation>Ich</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="87" />
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="82" />
        <source>%1 each</source>
        <translation>je %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="95" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="97" />
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="115" />
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128" />
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="42" />
        <source>Empty the cart?</source>
        <translation>Warenkorb leeren?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="48" />
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>Damit wird %n Artikel aus Ihrem Warenkorb entfernt.</numerusform><numerusform>Damit werden alle %n Artikel aus Ihrem Warenkorb entfernt.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="72" />
        <source>Your cart</source>
        <translation>Ihr Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="88" />
        <source>Empty cart</source>
        <translation>Warenkorb leeren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="156" />
        <source>Order summary</source>
        <translation>Bestellübersicht</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="165" />
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="171" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform><numerusform>%n Artikel</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="179" />
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="199" />
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="216" />
        <source>Shipping and taxes are worked out at checkout on the store's website.</source>
        <translation>Versand und Steuern werden beim Bezahlen auf der Website des Shops berechnet.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="227" />
        <source>Checkout on the store</source>
        <translation>Im Shop bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="228" />
        <source>Checkout on the store's website</source>
        <translation>Auf der Website des Shops bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="229" />
        <source>Opens the store's checkout in your web browser.</source>
        <translation>Öffnet die Kasse des Shops in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="242" />
        <source>Your cart is empty</source>
        <translation>Ihr Warenkorb ist leer</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="243" />
        <source>Find something you like in the shop and add it here.</source>
        <translation>Finden Sie etwas im Shop und legen Sie es hier hinein.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="244" />
        <source>Browse the shop</source>
        <translation>Zum Shop</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="164" />
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="197" />
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="221" />
        <source>No store is configured.</source>
        <translation>Kein Shop eingerichtet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="252" />
        <location filename="../qml/Main.qml" line="272" />
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="254" />
        <source>Your saved session could not be restored: %1</source>
        <translation>Ihre gespeicherte Sitzung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="267" />
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="272" />
        <source>Your session has expired (%1). Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen (%1). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="275" />
        <source>Your sign-in could not be saved on this device: %1</source>
        <translation>Ihre Anmeldung konnte auf diesem Gerät nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="305" />
        <source>Added to your cart.</source>
        <translation>In den Warenkorb gelegt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="309" />
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>%n × %1 in den Warenkorb gelegt.</numerusform><numerusform>%n × %1 in den Warenkorb gelegt.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="311" />
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="316" />
        <location filename="../qml/Main.qml" line="336" />
        <source>View cart</source>
        <translation>Zum Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="322" />
        <source>Your cart is empty now.</source>
        <translation>Ihr Warenkorb ist jetzt leer.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="332" />
        <source>Moved from your guest cart: %1. Some items could not be kept: %2</source>
        <translation>Aus Ihrem Gast-Warenkorb übernommen: %1. Einige Artikel konnten nicht behalten werden: %2</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="334" />
        <source>Moved from your guest cart to your account: %1.</source>
        <translation>Aus Ihrem Gast-Warenkorb in Ihr Konto übernommen: %1.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="396" />
        <source>More products could not be loaded: %1</source>
        <translation>Weitere Produkte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="505" />
        <source>You're offline: the store can't be reached. Your session is kept and will carry on when the connection is back.</source>
        <translation>Sie sind offline: Der Shop ist nicht erreichbar. Ihre Sitzung bleibt erhalten und geht weiter, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="505" />
        <source>You're offline: the store can't be reached. The shop carries on when the connection is back.</source>
        <translation>Sie sind offline: Der Shop ist nicht erreichbar. Es geht weiter, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="530" />
        <source>The keychain is locked, so your sign-in isn't saved on this device: you'll sign in again next time.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="530" />
        <source>No keychain is available, so your sign-in isn't saved on this device: you'll sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="538" />
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="545" />
        <location filename="../qml/Main.qml" line="577" />
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="625" />
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="625" />
        <source>memory (forgotten on exit)</source>
        <translation>dem Arbeitsspeicher (beim Beenden vergessen)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="658" />
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="658" />
        <source>Opening the shop…</source>
        <translation>Der Shop wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="99" />
        <source>Sale</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="111" />
        <location filename="../qml/ProductCard.qml" line="143" />
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="179" />
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="223" />
        <source>%1 sold out</source>
        <translation>%1 ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225" />
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225" />
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="256" />
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>All in your cart</source>
        <translation>Alle im Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="268" />
        <source>Add to cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="269" />
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="271" />
        <source>Products with options can be bought on the store's website.</source>
        <translation>Produkte mit Optionen gibt es auf der Website des Shops.</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="274" />
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ProductLimits</name>
    <message>
        <location filename="../qml/ProductLimits.qml" line="20" />
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="22" />
        <source>Only %n left</source>
        <translation>
            <numerusform>Nur noch %n</numerusform><numerusform>Nur noch %n</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="24" />
        <source>On backorder</source>
        <translation>Nachbestellt</translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="25" />
        <source>In stock</source>
        <translation>Vorrätig</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="70" />
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="71" />
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="153" />
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="213" />
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="214" />
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="214" />
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="225" />
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n schon im Warenkorb.</numerusform><numerusform>%n schon im Warenkorb.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="225" />
        <source>%n already in your cart: that is all there is.</source>
        <translation>
            <numerusform>%n schon im Warenkorb: mehr gibt es nicht.</numerusform><numerusform>%n schon im Warenkorb: mehr gibt es nicht.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="245" />
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>All in your cart</source>
        <translation>Alle im Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="257" />
        <source>Add to cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="258" />
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="262" />
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="27" />
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="110" />
        <location filename="../qml/ShopPage.qml" line="111" />
        <source>Search products</source>
        <translation>Produkte suchen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="132" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="142" />
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="142" />
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="144" />
        <source>Show as grid</source>
        <translation>Als Raster zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="144" />
        <source>Show as list</source>
        <translation>Als Liste zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="152" />
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="152" />
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform><numerusform>%n Produkte</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>The shop could not be loaded</source>
        <translation>Der Shop konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="243" />
        <source>No products here yet</source>
        <translation>Noch keine Produkte</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244" />
        <source>Try another search or category.</source>
        <translation>Versuchen Sie eine andere Suche oder Kategorie.</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="245" />
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="31" />
        <source>Enter your username or email.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="32" />
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="60" />
        <source>Could not sign in.</source>
        <translation>Anmeldung fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="114" />
        <source>Sign in to CoCart Shop</source>
        <translation>Bei CoCart Shop anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="124" />
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation>Sie kaufen im Demo-Shop ein, der in dieser App läuft.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="124" />
        <source>Shopping at %1</source>
        <translation>Sie kaufen ein bei %1</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="155" />
        <source>Demo account</source>
        <translation>Demo-Konto</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="163" />
        <source>Username: %1
Password: %2</source>
        <translation>Benutzername: %1
Passwort: %2</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="172" />
        <source>Use the demo account</source>
        <translation>Demo-Konto verwenden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="184" />
        <location filename="../qml/SignInPage.qml" line="195" />
        <source>Username or email</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="194" />
        <source>e.g. jane@example.com</source>
        <translation>z. B. jane@example.com</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="216" />
        <location filename="../qml/SignInPage.qml" line="226" />
        <location filename="../qml/SignInPage.qml" line="227" />
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="252" />
        <source>Show password</source>
        <translation>Passwort zeigen</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="273" />
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="273" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="298" />
        <source>Continue as guest</source>
        <translation>Als Gast fortfahren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="290" />
        <source>Another CoCart Shop window owns the demo store's saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation>Ein anderes CoCart-Shop-Fenster nutzt den gespeicherten Zustand des Demo-Shops: Dieses startet einen leeren Demo-Shop und vergisst ihn beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="297" />
        <source>The demo store's saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation>Der gespeicherte Zustand des Demo-Shops konnte nicht verwendet werden (%1): Er startet leer und vergisst Warenkörbe und Sitzungen beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="308" />
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation>Port %1 ist belegt, daher läuft der Demo-Shop auf Port %2: Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
</TS>