<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="26"/>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="28"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34"/>
        <source>%1 d %2 h %3 min %4 s</source>
        <translation>%1 T %2 h %3 min %4 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="36"/>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="37"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56"/>
        <source>The store accepted the access token.</source>
        <translation>Der Shop hat das Zugriffstoken akzeptiert.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="56"/>
        <source>The store rejected the access token.</source>
        <translation>Der Shop hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="61"/>
        <source>Could not validate: %1</source>
        <translation>Prüfen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="66"/>
        <source>New tokens issued at %1.</source>
        <translation>Neue Tokens ausgestellt um %1.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="71"/>
        <source>Could not refresh: %1</source>
        <translation>Erneuern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="145"/>
        <source>You&apos;re shopping as a guest</source>
        <translation>Sie kaufen als Gast ein</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="146"/>
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation>Ihr Warenkorb bleibt auf diesem Gerät. Melden Sie sich an, um ihn in Ihrem Konto zu behalten.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="147"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="213"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="219"/>
        <source>Customer id</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="228"/>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="235"/>
        <source>Token expires in</source>
        <translation>Token läuft ab in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="241"/>
        <source>Expires at</source>
        <translation>Läuft ab um</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="246"/>
        <source>Store</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="251"/>
        <source>Saved in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="252"/>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="262"/>
        <source>Validate token</source>
        <translation>Token prüfen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="272"/>
        <source>Refreshing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="272"/>
        <source>Refresh token</source>
        <translation>Token erneuern</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="312"/>
        <source>Signing out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="312"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="56"/>
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="68"/>
        <source>Demo store running inside the app</source>
        <translation>Demo-Shop, der in der App läuft</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="69"/>
        <source>%1 · prices in %2</source>
        <translation>%1 · Preise in %2</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="83"/>
        <location filename="../qml/AppHeader.qml" line="84"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="95"/>
        <location filename="../qml/AppHeader.qml" line="96"/>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="97"/>
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Warenkorb, %n Artikel</numerusform>
            <numerusform>Warenkorb, %n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="132"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="132"/>
        <location filename="../qml/AppHeader.qml" line="133"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="133"/>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="94"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="82"/>
        <source>%1 each</source>
        <translation>je %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="95"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="97"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="115"/>
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128"/>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="43"/>
        <source>Empty the cart?</source>
        <translation>Warenkorb leeren?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="49"/>
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>Damit wird %n Artikel aus Ihrem Warenkorb entfernt.</numerusform>
            <numerusform>Damit werden alle %n Artikel aus Ihrem Warenkorb entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="73"/>
        <source>Your cart</source>
        <translation>Ihr Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="90"/>
        <source>Empty cart</source>
        <translation>Warenkorb leeren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="158"/>
        <source>Order summary</source>
        <translation>Bestellübersicht</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="167"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="173"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="181"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="201"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="218"/>
        <source>Shipping and taxes are worked out at checkout on the store&apos;s website.</source>
        <translation>Versand und Steuern werden beim Bezahlen auf der Website des Shops berechnet.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="231"/>
        <source>Checkout on the store</source>
        <translation>Im Shop bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="232"/>
        <source>Checkout on the store&apos;s website</source>
        <translation>Auf der Website des Shops bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="233"/>
        <source>Opens the store&apos;s checkout in your web browser.</source>
        <translation>Öffnet die Kasse des Shops in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="246"/>
        <source>Your cart is empty</source>
        <translation>Ihr Warenkorb ist leer</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="247"/>
        <source>Find something you like in the shop and add it here.</source>
        <translation>Finden Sie etwas im Shop und legen Sie es hier hinein.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="248"/>
        <source>Browse the shop</source>
        <translation>Zum Shop</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="87"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="189"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="222"/>
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="244"/>
        <source>No store is configured.</source>
        <translation>Kein Shop eingerichtet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="276"/>
        <location filename="../qml/Main.qml" line="296"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="278"/>
        <source>Your saved session could not be restored: %1</source>
        <translation>Ihre gespeicherte Sitzung konnte nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="291"/>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="296"/>
        <source>Your session has expired (%1). Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen (%1). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="299"/>
        <source>Your sign-in could not be saved on this device: %1</source>
        <translation>Ihre Anmeldung konnte auf diesem Gerät nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="329"/>
        <source>Added to your cart.</source>
        <translation>In den Warenkorb gelegt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="333"/>
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>%n × %1 in den Warenkorb gelegt.</numerusform>
            <numerusform>%n × %1 in den Warenkorb gelegt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="335"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="340"/>
        <location filename="../qml/Main.qml" line="360"/>
        <source>View cart</source>
        <translation>Zum Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="346"/>
        <source>Your cart is empty now.</source>
        <translation>Ihr Warenkorb ist jetzt leer.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="356"/>
        <source>Moved from your guest cart: %1. Some items could not be kept: %2</source>
        <translation>Aus Ihrem Gast-Warenkorb übernommen: %1. Einige Artikel konnten nicht behalten werden: %2</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="358"/>
        <source>Moved from your guest cart to your account: %1.</source>
        <translation>Aus Ihrem Gast-Warenkorb in Ihr Konto übernommen: %1.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="405"/>
        <source>More products could not be loaded: %1</source>
        <translation>Weitere Produkte konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="516"/>
        <source>You&apos;re offline: the store can&apos;t be reached. Your session is kept and will carry on when the connection is back.</source>
        <translation>Sie sind offline: Der Shop ist nicht erreichbar. Ihre Sitzung bleibt erhalten und geht weiter, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="516"/>
        <source>You&apos;re offline: the store can&apos;t be reached. The shop carries on when the connection is back.</source>
        <translation>Sie sind offline: Der Shop ist nicht erreichbar. Es geht weiter, sobald die Verbindung zurück ist.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="541"/>
        <source>The keychain is locked, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="541"/>
        <source>No keychain is available, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="549"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="556"/>
        <location filename="../qml/Main.qml" line="588"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="637"/>
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="637"/>
        <source>memory (forgotten on exit)</source>
        <translation>dem Arbeitsspeicher (beim Beenden vergessen)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="670"/>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="670"/>
        <source>Opening the shop…</source>
        <translation>Der Shop wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="100"/>
        <source>Sale</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="112"/>
        <location filename="../qml/ProductCard.qml" line="144"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="180"/>
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="225"/>
        <source>%1 sold out</source>
        <translation>%1 ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="230"/>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="230"/>
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="261"/>
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>All in your cart</source>
        <translation>Alle im Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="275"/>
        <source>Add to cart</source>
        <translation>In den Korb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="276"/>
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="278"/>
        <source>Products with options can be bought on the store&apos;s website.</source>
        <translation>Produkte mit Optionen gibt es auf der Website des Shops.</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="281"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>ProductLimits</name>
    <message>
        <location filename="../qml/ProductLimits.qml" line="20"/>
        <source>Out of stock</source>
        <translation>Nicht vorrätig</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="22"/>
        <source>Only %n left</source>
        <translation>
            <numerusform>Nur noch %n</numerusform>
            <numerusform>Nur noch %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="24"/>
        <source>On backorder</source>
        <translation>Nachbestellt</translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="25"/>
        <source>In stock</source>
        <translation>Vorrätig</translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="92"/>
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="93"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="175"/>
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="237"/>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="238"/>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="238"/>
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n schon im Warenkorb.</numerusform>
            <numerusform>%n schon im Warenkorb.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%n already in your cart: that is all there is.</source>
        <translation>
            <numerusform>%n schon im Warenkorb: mehr gibt es nicht.</numerusform>
            <numerusform>%n schon im Warenkorb: mehr gibt es nicht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="269"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>All in your cart</source>
        <translation>Alle im Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="283"/>
        <source>Add to cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="284"/>
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="288"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="301"/>
        <source>Reviews (%1)</source>
        <translation>Bewertungen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="324"/>
        <source>%1 of 5 stars from %2</source>
        <translation>%1 von 5 Sternen von %2</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="27"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="111"/>
        <location filename="../qml/ShopPage.qml" line="112"/>
        <source>Search products</source>
        <translation>Produkte suchen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="133"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="143"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="143"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="145"/>
        <source>Show as grid</source>
        <translation>Als Raster zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="145"/>
        <source>Show as list</source>
        <translation>Als Liste zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="153"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="153"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>The shop could not be loaded</source>
        <translation>Der Shop konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="244"/>
        <source>No products here yet</source>
        <translation>Noch keine Produkte</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="245"/>
        <source>Try another search or category.</source>
        <translation>Versuchen Sie eine andere Suche oder Kategorie.</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="246"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="34"/>
        <source>Enter your username or email.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="35"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="63"/>
        <source>Could not sign in.</source>
        <translation>Anmeldung fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="117"/>
        <source>Sign in to CoCart Shop</source>
        <translation>Bei CoCart Shop anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="117"/>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation>Sie kaufen im Demo-Shop ein, der in dieser App läuft.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Shopping at %1.</source>
        <translation>Sie kaufen bei %1 ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="130"/>
        <source>%1 Prices in %2.</source>
        <translation>%1 Preise in %2.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="162"/>
        <source>Demo account</source>
        <translation>Demo-Konto</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="170"/>
        <source>Username: %1
Password: %2</source>
        <translation>Benutzername: %1
Passwort: %2</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="179"/>
        <source>Use the demo account</source>
        <translation>Demo-Konto verwenden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="191"/>
        <location filename="../qml/SignInPage.qml" line="203"/>
        <source>Username or email</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="202"/>
        <source>e.g. jane@example.com</source>
        <translation>z. B. jane@example.com</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="224"/>
        <location filename="../qml/SignInPage.qml" line="235"/>
        <location filename="../qml/SignInPage.qml" line="236"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="261"/>
        <source>Show password</source>
        <translation>Passwort zeigen</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="284"/>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="284"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="309"/>
        <source>Continue as guest</source>
        <translation>Als Gast fortfahren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="295"/>
        <source>Another CoCart Shop window owns the demo store&apos;s saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation>Ein anderes CoCart-Shop-Fenster nutzt den gespeicherten Zustand des Demo-Shops: Dieses startet einen leeren Demo-Shop und vergisst ihn beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="302"/>
        <source>The demo store&apos;s saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation>Der gespeicherte Zustand des Demo-Shops konnte nicht verwendet werden (%1): Er startet leer und vergisst Warenkörbe und Sitzungen beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="313"/>
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation>Port %1 ist belegt, daher läuft der Demo-Shop auf Port %2: Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
</TS>
