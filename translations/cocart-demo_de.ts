<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../qml/AccountPage.qml" line="32"/>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="34"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="40"/>
        <source>%1 d %2 h %3 min %4 s</source>
        <translation>%1 T %2 h %3 min %4 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="42"/>
        <source>%1 h %2 min %3 s</source>
        <translation>%1 h %2 min %3 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="43"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="62"/>
        <source>The store accepted the access token.</source>
        <translation>Der Shop hat das Zugriffstoken akzeptiert.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="67"/>
        <source>The store rejected the access token.</source>
        <translation>Der Shop hat das Zugriffstoken abgelehnt.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="67"/>
        <source>Could not validate: %1</source>
        <translation>Prüfen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="72"/>
        <source>New tokens issued at %1.</source>
        <translation>Neue Tokens ausgestellt um %1.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="77"/>
        <source>Could not refresh: %1</source>
        <translation>Erneuern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="151"/>
        <source>You&apos;re shopping as a guest</source>
        <translation>Sie kaufen als Gast ein</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="152"/>
        <source>Your cart is kept on this device. Sign in to keep it with your account.</source>
        <translation>Ihr Warenkorb bleibt auf diesem Gerät. Melden Sie sich an, um ihn in Ihrem Konto zu behalten.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="153"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="246"/>
        <source>Only on this device. Your other devices stay signed in.</source>
        <translation>Nur auf diesem Gerät. Ihre anderen Geräte bleiben angemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="259"/>
        <source>Sign out everywhere</source>
        <translation>Überall abmelden</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="269"/>
        <source>On every phone, computer and app where you&apos;re signed in to this shop.</source>
        <translation>Auf jedem Handy, Computer und in jeder App, wo Sie bei diesem Shop angemeldet sind.</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="280"/>
        <source>Session (developer)</source>
        <translation>Sitzung (Entwickler)</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="287"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="293"/>
        <source>Customer id</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="298"/>
        <source>Token expires in</source>
        <translation>Token läuft ab in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="304"/>
        <source>Expires at</source>
        <translation>Läuft ab um</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="309"/>
        <source>Store</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="314"/>
        <source>Saved in</source>
        <translation>Gespeichert in</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="315"/>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="325"/>
        <source>Validate token</source>
        <translation>Token prüfen</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="335"/>
        <source>Refreshing…</source>
        <translation>Wird erneuert…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="335"/>
        <source>Refresh token</source>
        <translation>Token erneuern</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="236"/>
        <source>Signing out…</source>
        <translation>Abmelden…</translation>
    </message>
    <message>
        <location filename="../qml/AccountPage.qml" line="226"/>
        <location filename="../qml/AccountPage.qml" line="236"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <location filename="../qml/AppHeader.qml" line="57"/>
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="73"/>
        <source>Demo store running inside the app</source>
        <translation>Demo-Shop, der in der App läuft</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="73"/>
        <source>%1 · prices in %2</source>
        <translation>%1 · Preise in %2</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="74"/>
        <source>Prices in %1</source>
        <translation>Preise in %1</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="88"/>
        <location filename="../qml/AppHeader.qml" line="89"/>
        <source>Shop</source>
        <translation>Shop</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="100"/>
        <location filename="../qml/AppHeader.qml" line="101"/>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/AppHeader.qml" line="102"/>
        <source>Cart, %n item(s)</source>
        <translation>
            <numerusform>Warenkorb, %n Artikel</numerusform>
            <numerusform>Warenkorb, %n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="137"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="137"/>
        <location filename="../qml/AppHeader.qml" line="138"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/AppHeader.qml" line="138"/>
        <source>Me</source>
        <translation>Ich</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../qml/Banner.qml" line="98"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message numerus="yes">
        <location filename="../qml/CartLineDelegate.qml" line="43"/>
        <source>Only %n can be ordered, so the quantity is %n.</source>
        <translation>
            <numerusform>Nur %n kann bestellt werden, daher ist die Menge %n.</numerusform>
            <numerusform>Nur %n können bestellt werden, daher ist die Menge %n.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="101"/>
        <source>%1 each</source>
        <translation>je %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="111"/>
        <source>Was %1 each · you save %2</source>
        <translation>Vorher je %1 · Sie sparen %2</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="126"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="128"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="147"/>
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/CartLineDelegate.qml" line="165"/>
        <source>max %1</source>
        <translation>max. %1</translation>
    </message>
</context>
<context>
    <name>CartPage</name>
    <message>
        <location filename="../qml/CartPage.qml" line="55"/>
        <source>Empty the cart?</source>
        <translation>Warenkorb leeren?</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="61"/>
        <source>This removes all %n item(s) from your cart.</source>
        <translation>
            <numerusform>Damit wird %n Artikel aus Ihrem Warenkorb entfernt.</numerusform>
            <numerusform>Damit werden alle %n Artikel aus Ihrem Warenkorb entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="93"/>
        <source>Your cart</source>
        <translation>Ihr Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="110"/>
        <source>Empty cart</source>
        <translation>Warenkorb leeren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="140"/>
        <source>Release to refresh</source>
        <translation>Loslassen zum Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="140"/>
        <source>Pull to refresh</source>
        <translation>Ziehen zum Aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="204"/>
        <source>Order summary</source>
        <translation>Bestellübersicht</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="213"/>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CartPage.qml" line="219"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="227"/>
        <source>Subtotal</source>
        <translation>Zwischensumme</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="245"/>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="251"/>
        <source>Shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="257"/>
        <source>Fees</source>
        <translation>Gebühren</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="263"/>
        <source>Tax</source>
        <translation>Steuer</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="302"/>
        <source>You save</source>
        <translation>Sie sparen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="324"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="341"/>
        <source>The store may still change shipping and taxes at checkout on its website.</source>
        <translation>Versand und Steuern kann der Shop an der Kasse auf seiner Website noch ändern.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="354"/>
        <source>Checkout</source>
        <translation>Zur Kasse</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="355"/>
        <source>Checkout on the store&apos;s website</source>
        <translation>Auf der Website des Shops bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="356"/>
        <source>Opens the store&apos;s checkout in your web browser.</source>
        <translation>Öffnet die Kasse des Shops in Ihrem Webbrowser.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="369"/>
        <source>Your cart is empty</source>
        <translation>Ihr Warenkorb ist leer</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="370"/>
        <source>Find something you like in the shop and add it here.</source>
        <translation>Finden Sie etwas im Shop und legen Sie es hier hinein.</translation>
    </message>
    <message>
        <location filename="../qml/CartPage.qml" line="371"/>
        <source>Browse the shop</source>
        <translation>Zum Shop</translation>
    </message>
</context>
<context>
    <name>CheckoutSheet</name>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="89"/>
        <source>Order placed</source>
        <translation>Bestellung aufgegeben</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="89"/>
        <source>Checkout</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="109"/>
        <source>the store</source>
        <translation>dem Shop</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CheckoutSheet.qml" line="112"/>
        <source>You pay on %1&apos;s website: your browser opens its checkout with your %n item(s) (%2). Come back to this app when you&apos;re done.</source>
        <translation>
            <numerusform>Sie bezahlen auf der Website von %1: Ihr Browser öffnet dort die Kasse mit Ihrem %n Artikel (%2). Kommen Sie danach in diese App zurück.</numerusform>
            <numerusform>Sie bezahlen auf der Website von %1: Ihr Browser öffnet dort die Kasse mit Ihren %n Artikeln (%2). Kommen Sie danach in diese App zurück.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="114"/>
        <source>No web browser opened on this device. Copy the link and open it in a browser to pay on %1&apos;s website.</source>
        <translation>Auf diesem Gerät hat sich kein Webbrowser geöffnet. Kopieren Sie den Link und öffnen Sie ihn in einem Browser, um auf der Website von %1 zu bezahlen.</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="116"/>
        <source>Finish paying in your browser. When you come back here, the app checks your cart.</source>
        <translation>Schließen Sie die Zahlung in Ihrem Browser ab. Wenn Sie hierher zurückkommen, prüft die App Ihren Warenkorb.</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="118"/>
        <source>Checking your cart…</source>
        <translation>Ihr Warenkorb wird geprüft…</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="120"/>
        <source>Your cart is empty now: your order went through on %1&apos;s website.</source>
        <translation>Ihr Warenkorb ist jetzt leer: Ihre Bestellung ist auf der Website von %1 eingegangen.</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="122"/>
        <source>Your cart is unchanged: nothing was ordered yet. You can open the checkout again.</source>
        <translation>Ihr Warenkorb ist unverändert: Es wurde noch nichts bestellt. Sie können die Kasse erneut öffnen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/CheckoutSheet.qml" line="124"/>
        <source>Your cart changed on the website: %n item(s) now, nothing ordered yet.</source>
        <translation>
            <numerusform>Ihr Warenkorb wurde auf der Website geändert: jetzt %n Artikel, noch nichts bestellt.</numerusform>
            <numerusform>Ihr Warenkorb wurde auf der Website geändert: jetzt %n Artikel, noch nichts bestellt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="139"/>
        <source>Checkout link</source>
        <translation>Link zur Kasse</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="146"/>
        <source>Link copied.</source>
        <translation>Link kopiert.</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="168"/>
        <source>Open checkout</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="168"/>
        <source>Open it again</source>
        <translation>Erneut öffnen</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="177"/>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="187"/>
        <source>I&apos;m back: check my cart</source>
        <translation>Ich bin zurück: Warenkorb prüfen</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/CheckoutSheet.qml" line="194"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="105"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="329"/>
        <location filename="../qml/Main.qml" line="353"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="392"/>
        <source>CoCart Shop</source>
        <translation>CoCart Shop</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="414"/>
        <source>No store is configured.</source>
        <translation>Kein Shop eingerichtet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="484"/>
        <location filename="../qml/Main.qml" line="512"/>
        <source>Your session has expired. Please sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="506"/>
        <source>You have signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="549"/>
        <source>Added to your cart.</source>
        <translation>In den Warenkorb gelegt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="553"/>
        <source>Added %n × %1 to your cart.</source>
        <translation>
            <numerusform>%n × %1 in den Warenkorb gelegt.</numerusform>
            <numerusform>%n × %1 in den Warenkorb gelegt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <location filename="../qml/Main.qml" line="555"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="560"/>
        <location filename="../qml/Main.qml" line="580"/>
        <source>View cart</source>
        <translation>Zum Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="566"/>
        <source>Your cart is empty now.</source>
        <translation>Ihr Warenkorb ist jetzt leer.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="368"/>
        <source>Moved from your guest cart to your account: %1.</source>
        <translation>Aus Ihrem Gast-Warenkorb in Ihr Konto übernommen: %1.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="784"/>
        <source>The keychain is locked, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="784"/>
        <source>No keychain is available, so your sign-in isn&apos;t saved on this device: you&apos;ll sign in again next time.</source>
        <translation>Kein Schlüsselbund verfügbar, daher wird Ihre Anmeldung auf diesem Gerät nicht gespeichert: Sie melden sich nächstes Mal erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="754"/>
        <location filename="../qml/Main.qml" line="792"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="202"/>
        <source>add %1 × %2</source>
        <translation>%1 × %2 hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="211"/>
        <source>change %1 to %2</source>
        <translation>%1 auf %2 ändern</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="218"/>
        <source>remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Main.qml" line="224"/>
        <source>Removed %n × %1 from your cart.</source>
        <translation>
            <numerusform>%n × %1 aus dem Warenkorb entfernt.</numerusform>
            <numerusform>%n × %1 aus dem Warenkorb entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="237"/>
        <source>put back %1</source>
        <translation>%1 zurücklegen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="241"/>
        <source>%1 is back in your cart.</source>
        <translation>%1 ist wieder in Ihrem Warenkorb.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="251"/>
        <source>, then </source>
        <translation>, dann </translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="272"/>
        <source>You&apos;re shopping as a guest, with a new cart. Your account&apos;s cart is kept: sign in to see it again.</source>
        <translation>Sie kaufen als Gast mit einem neuen Warenkorb ein. Der Warenkorb Ihres Kontos bleibt erhalten: Melden Sie sich an, um ihn wieder zu sehen.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="356"/>
        <source>%1: %2 from your guest cart added to the %3 already in your account.</source>
        <translation>%1: %2 aus Ihrem Gast-Warenkorb zu den %3 in Ihrem Konto hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="359"/>
        <source>%1: %2 already in your account and %3 from your guest cart, but only %4 can be ordered, so you have %4.</source>
        <translation>%1: %2 schon in Ihrem Konto und %3 aus Ihrem Gast-Warenkorb, aber nur %4 können bestellt werden, daher haben Sie %4.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="359"/>
        <source>%1: only %2 can be ordered, so you have %2.</source>
        <translation>%1: Nur %2 können bestellt werden, daher haben Sie %2.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="362"/>
        <source>%1 could not be kept: the store has none left.</source>
        <translation>%1 konnte nicht behalten werden: Der Shop hat keine mehr.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="370"/>
        <source>Your guest cart is in your account now.</source>
        <translation>Ihr Gast-Warenkorb ist jetzt in Ihrem Konto.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="486"/>
        <source>Your saved sign-in could not be used. Please sign in again.</source>
        <translation>Ihre gespeicherte Anmeldung konnte nicht verwendet werden. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="799"/>
        <location filename="../qml/Main.qml" line="831"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="883"/>
        <source>the system keychain</source>
        <translation>dem Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="883"/>
        <source>memory (forgotten on exit)</source>
        <translation>dem Arbeitsspeicher (beim Beenden vergessen)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="918"/>
        <source>Restoring your session…</source>
        <translation>Ihre Sitzung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="918"/>
        <source>Opening the shop…</source>
        <translation>Der Shop wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../qml/Messages.qml" line="12"/>
        <source>The store can&apos;t be reached right now. Check your connection, or try again in a moment.</source>
        <translation>Der Shop ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung oder versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="38"/>
        <source>The store&apos;s secure connection could not be checked, so nothing was sent.</source>
        <translation>Die sichere Verbindung zum Shop konnte nicht geprüft werden, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="40"/>
        <source>The store ran into a problem. Try again in a moment.</source>
        <translation>Beim Shop ist ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="42"/>
        <source>The store is busy. Try again in a moment.</source>
        <translation>Der Shop ist ausgelastet. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="44"/>
        <source>You&apos;ve been signed out. Sign in again to carry on.</source>
        <translation>Sie wurden abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="48"/>
        <source>The store doesn&apos;t know that item any more.</source>
        <translation>Diesen Artikel kennt der Shop nicht mehr.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="50"/>
        <source>The store&apos;s answer could not be read. Try again in a moment.</source>
        <translation>Die Antwort des Shops konnte nicht gelesen werden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="52"/>
        <source>Your sign-in could not be saved on this device.</source>
        <translation>Ihre Anmeldung konnte auf diesem Gerät nicht gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../qml/Messages.qml" line="55"/>
        <source>That did not work. Try again.</source>
        <translation>Das hat nicht geklappt. Versuchen Sie es noch einmal.</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <location filename="../qml/ProductCard.qml" line="109"/>
        <source>Sale</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="121"/>
        <location filename="../qml/ProductCard.qml" line="153"/>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="189"/>
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="231"/>
        <source>%1 sold out</source>
        <translation>%1 ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="232"/>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="232"/>
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="235"/>
        <source>%1 is sold out.</source>
        <translation>%1 ist ausverkauft.</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="270"/>
        <source>Quantity of %1</source>
        <translation>Menge von %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Adding…</source>
        <translation>Wird hinzugefügt…</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>Add to cart</source>
        <translation>In den Korb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="284"/>
        <source>In your cart</source>
        <translation>Im Korb</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="285"/>
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="287"/>
        <source>Products with options can be bought on the store&apos;s website.</source>
        <translation>Produkte mit Optionen gibt es auf der Website des Shops.</translation>
    </message>
    <message>
        <location filename="../qml/ProductCard.qml" line="291"/>
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
    <message>
        <location filename="../qml/ProductLimits.qml" line="36"/>
        <source>Limit one per order</source>
        <translation>Höchstens eins pro Bestellung</translation>
    </message>
    <message>
        <location filename="../qml/ProductLimits.qml" line="36"/>
        <source>Limit %1 per order</source>
        <translation>Höchstens %1 pro Bestellung</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="40"/>
        <source>All %n are in your cart</source>
        <translation>
            <numerusform>Der letzte ist im Warenkorb</numerusform>
            <numerusform>Alle %n sind im Warenkorb</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductLimits.qml" line="42"/>
        <source>Only %n more left</source>
        <translation>
            <numerusform>Nur noch %n weiterer</numerusform>
            <numerusform>Nur noch %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductPage</name>
    <message>
        <location filename="../qml/ProductPage.qml" line="95"/>
        <source>‹ Back</source>
        <translation>‹ Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="96"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="190"/>
        <source>was %1</source>
        <translation>vorher %1</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="245"/>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>Sold out</source>
        <translation>Ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="246"/>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="246"/>
        <source>%1 %2, sold out</source>
        <translation>%1 %2, ausverkauft</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="249"/>
        <source>%1 is sold out.</source>
        <translation>%1 ist ausverkauft.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="276"/>
        <source>%n already in your cart.</source>
        <translation>
            <numerusform>%n schon im Warenkorb.</numerusform>
            <numerusform>%n schon im Warenkorb.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="278"/>
        <source>In your cart. Limit one per order.</source>
        <translation>Im Warenkorb. Höchstens eins pro Bestellung.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="278"/>
        <source>%n in your cart. Limit %1 per order.</source>
        <translation>
            <numerusform>%n im Warenkorb. Höchstens %1 pro Bestellung.</numerusform>
            <numerusform>%n im Warenkorb. Höchstens %1 pro Bestellung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ProductPage.qml" line="279"/>
        <source>%n in your cart: that is all the store has.</source>
        <translation>
            <numerusform>%n im Warenkorb: Mehr hat der Shop nicht.</numerusform>
            <numerusform>%n im Warenkorb: Mehr hat der Shop nicht.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="300"/>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>Add to cart</source>
        <translation>In den Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="314"/>
        <source>In your cart</source>
        <translation>Im Warenkorb</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="315"/>
        <source>Add %1 to the cart</source>
        <translation>%1 in den Warenkorb legen</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="319"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="332"/>
        <source>Reviews (%1)</source>
        <translation>Bewertungen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/ProductPage.qml" line="355"/>
        <source>%1 of 5 stars from %2</source>
        <translation>%1 von 5 Sternen von %2</translation>
    </message>
</context>
<context>
    <name>ReauthDialog</name>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="27"/>
        <source>Enter your username or email.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="27"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="62"/>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="77"/>
        <source>That username and password don&apos;t match.</source>
        <translation>Benutzername und Passwort passen nicht zusammen.</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="92"/>
        <source>You&apos;ve been signed out, perhaps on another device. Sign in again and the app will %1.</source>
        <translation>Sie wurden abgemeldet, vielleicht auf einem anderen Gerät. Melden Sie sich erneut an, dann wird die App %1.</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="92"/>
        <source>You&apos;ve been signed out, perhaps on another device. Sign in again to carry on where you were.</source>
        <translation>Sie wurden abgemeldet, vielleicht auf einem anderen Gerät. Melden Sie sich erneut an, um dort weiterzumachen, wo Sie waren.</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="101"/>
        <location filename="../qml/ReauthDialog.qml" line="104"/>
        <source>Username or email</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="116"/>
        <location filename="../qml/ReauthDialog.qml" line="119"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="142"/>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="142"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="151"/>
        <source>Shop as a guest</source>
        <translation>Als Gast einkaufen</translation>
    </message>
    <message>
        <location filename="../qml/ReauthDialog.qml" line="160"/>
        <source>Your cart stays with your account. As a guest you start a new, empty cart.</source>
        <translation>Ihr Warenkorb bleibt bei Ihrem Konto. Als Gast beginnen Sie mit einem neuen, leeren Warenkorb.</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../qml/ShopPage.qml" line="29"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="113"/>
        <location filename="../qml/ShopPage.qml" line="116"/>
        <source>Search products</source>
        <translation>Produkte suchen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="137"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="147"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="147"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="149"/>
        <source>Show as grid</source>
        <translation>Als Raster zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="149"/>
        <source>Show as list</source>
        <translation>Als Liste zeigen</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="157"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/ShopPage.qml" line="157"/>
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>The shop could not be loaded</source>
        <translation>Der Shop konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>Nothing matches “%1”</source>
        <translation>Nichts passt zu „%1“</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="248"/>
        <source>No products here yet</source>
        <translation>Noch keine Produkte</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="250"/>
        <source>Try another search or category.</source>
        <translation>Versuchen Sie eine andere Suche oder Kategorie.</translation>
    </message>
    <message>
        <location filename="../qml/ShopPage.qml" line="251"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../qml/SignInPage.qml" line="33"/>
        <source>Enter your username or email.</source>
        <translation>Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="34"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="62"/>
        <source>Could not sign in.</source>
        <translation>Anmeldung fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="116"/>
        <source>Sign in to CoCart Shop</source>
        <translation>Bei CoCart Shop anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="116"/>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="128"/>
        <source>Shopping at the demo store that runs inside this app.</source>
        <translation>Sie kaufen im Demo-Shop ein, der in dieser App läuft.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="128"/>
        <source>Shopping at %1.</source>
        <translation>Sie kaufen bei %1 ein.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>%1 Prices in %2.</source>
        <translation>%1 Preise in %2.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="129"/>
        <source>Prices in %1.</source>
        <translation>Preise in %1.</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="161"/>
        <source>Demo account</source>
        <translation>Demo-Konto</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="169"/>
        <source>Username: %1
Password: %2</source>
        <translation>Benutzername: %1
Passwort: %2</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="178"/>
        <source>Use the demo account</source>
        <translation>Demo-Konto verwenden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="190"/>
        <location filename="../qml/SignInPage.qml" line="204"/>
        <source>Username or email</source>
        <translation>Benutzername oder E-Mail</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="201"/>
        <source>e.g. jane@example.com</source>
        <translation>z. B. jane@example.com</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="225"/>
        <location filename="../qml/SignInPage.qml" line="236"/>
        <location filename="../qml/SignInPage.qml" line="239"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="264"/>
        <source>Show password</source>
        <translation>Passwort zeigen</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="287"/>
        <source>Signing in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="287"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../qml/SignInPage.qml" line="312"/>
        <source>Continue as guest</source>
        <translation>Als Gast fortfahren</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="527"/>
        <source>Another CoCart Shop window owns the demo store&apos;s saved state: this one starts an empty demo store and forgets it on exit.</source>
        <translation>Ein anderes CoCart-Shop-Fenster nutzt den gespeicherten Zustand des Demo-Shops: Dieses startet einen leeren Demo-Shop und vergisst ihn beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="534"/>
        <source>The demo store&apos;s saved state could not be used (%1): it starts empty and forgets its carts and sessions on exit.</source>
        <translation>Der gespeicherte Zustand des Demo-Shops konnte nicht verwendet werden (%1): Er startet leer und vergisst Warenkörbe und Sitzungen beim Beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="545"/>
        <source>Port %1 is taken, so the demo store runs on port %2: please sign in again.</source>
        <translation>Port %1 ist belegt, daher läuft der Demo-Shop auf Port %2: Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
</TS>
