// Error::plainText over every store message recorded in shared/cocart/transcripts.md,
// transcripts-2.md and transcripts-3.md (error `message` fields, success notices and the checkout
// link's `wc_error`): each comes out as the plain sentence, wherever the store put its "View cart"
// link text (first on WooCommerce 9.1, last on WooCommerce 10).

#include <CoCart/Error.h>

#include <QTest>

using CoCart::Error;

class TestError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storeMessages_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("plain");

        // Each row: the message as the store sent it (JSON-decoded), and what Error::message()
        // and Cart::notices() show. Rows whose message is already plain pass through unchanged.
        const QList<QPair<const char *, QPair<QString, QString>>> rows {
                // transcripts-3 section 3: "View cart" first (WooCommerce 9.1) and last (10).
                {"gift card again, WC 9.1",
                 {QStringLiteral("View cart You cannot add another &quot;Gift Card 25&quot; to "
                                 "your cart."),
                  QStringLiteral("You cannot add another \"Gift Card 25\" to your cart.")}},
                {"gift card again, WC 10",
                 {QStringLiteral("You cannot add another &quot;Gift Card 25&quot; to your cart. "
                                 "View cart"),
                  QStringLiteral("You cannot add another \"Gift Card 25\" to your cart.")}},
                // The same notice as WooCommerce renders it, before CoCart strips the tags.
                {"gift card again, HTML, link first",
                 {QStringLiteral("<a href=\"http://127.0.0.1:8088/cart/\" tabindex=\"1\" "
                                 "class=\"button wc-forward\">View cart</a> You cannot add another "
                                 "&quot;Gift Card 25&quot; to your cart."),
                  QStringLiteral("You cannot add another \"Gift Card 25\" to your cart.")}},
                {"gift card again, HTML, link last",
                 {QStringLiteral("You cannot add another &quot;Gift Card 25&quot; to your cart. "
                                 "<a href=\"http://127.0.0.1:8088/cart/\" tabindex=\"1\" "
                                 "class=\"button wc-forward\">View cart</a>"),
                  QStringLiteral("You cannot add another \"Gift Card 25\" to your cart.")}},
                // A variation over stock with the line already in the cart (the devstore's
                // WooCommerce message with the same link text), both stacks.
                {"variation over stock, WC 9.1",
                 {QStringLiteral("View cart You cannot add that amount to the cart &mdash; we "
                                 "have 3 in stock and you already have 3 in your cart."),
                  QStringLiteral("You cannot add that amount to the cart — we have 3 in stock "
                                 "and you already have 3 in your cart.")}},
                {"variation over stock, WC 10",
                 {QStringLiteral("You cannot add that amount to the cart &mdash; we have 3 in "
                                 "stock and you already have 3 in your cart. View cart"),
                  QStringLiteral("You cannot add that amount to the cart — we have 3 in stock "
                                 "and you already have 3 in your cart.")}},
                // transcripts-2, section 8: entities, no link.
                {"over stock, simple",
                 {QStringLiteral("You cannot add that amount of \"Travel Mug\" to the cart "
                                 "&mdash; we have (2) in stock remaining. You already have (2) "
                                 "in your cart."),
                  QStringLiteral("You cannot add that amount of \"Travel Mug\" to the cart — we "
                                 "have (2) in stock remaining. You already have (2) in your "
                                 "cart.")}},
                {"not enough stock, variation",
                 {QStringLiteral("You cannot add that amount of &quot;Classic T-Shirt - M&quot; "
                                 "to the cart because there is not enough stock (3 remaining)."),
                  QStringLiteral("You cannot add that amount of \"Classic T-Shirt - M\" to the "
                                 "cart because there is not enough stock (3 remaining).")}},
                {"out of stock, variation",
                 {QStringLiteral("You cannot add &quot;Classic T-Shirt - L&quot; to the cart "
                                 "because the product is out of stock."),
                  QStringLiteral("You cannot add \"Classic T-Shirt - L\" to the cart because the "
                                 "product is out of stock.")}},
                // transcripts-3 section 2: the checkout link's wc_error (percent-decoded).
                {"checkout link, unknown id",
                 {QStringLiteral("Product with ID &quot;99999&quot; was not found and cannot be "
                                 "added to the cart."),
                  QStringLiteral("Product with ID \"99999\" was not found and cannot be added to "
                                 "the cart.")}},
        };
        for (const auto &row : rows)
            QTest::newRow(row.first) << row.second.first << row.second.second;

        // Plain already: must come through untouched (including sentences about carts).
        const QStringList plain {
                QStringLiteral("The provided checkout link was out of date or invalid. No "
                               "products were added to the cart."),
                QStringLiteral("You cannot add \"Coffee Beans 250g\" to the cart because the "
                               "product is out of stock."),
                QStringLiteral("“Test Mug” has been added to your cart."),
                QStringLiteral("\"Classic T-Shirt\" has been removed from cart."),
                QStringLiteral("\"Classic T-Shirt\" has been added back to your cart."),
                QStringLiteral("\"Travel Mug\" has already been removed from cart."),
                QStringLiteral("The quantity for \"Travel Mug\" has increased to \"2\"."),
                QStringLiteral("Cart is cleared."),
                QStringLiteral("Authentication failed."),
                QStringLiteral("Invalid refresh token."),
                QStringLiteral("Refresh token expired."),
                QStringLiteral("Refresh token is required."),
                QStringLiteral("Token is valid."),
                QStringLiteral("The password you entered for the username \"customer1\" is "
                               "incorrect."),
                QStringLiteral("You are already authenticating as the customer. Cannot set cart "
                               "key as the user."),
                QStringLiteral("Must authenticate customer as the cart key provided is a "
                               "registered customer."),
                QStringLiteral("This product cannot be added to the cart."),
                QStringLiteral("Product does not exist! Check that you have submitted a product "
                               "ID or SKU ID correctly for a product that exists."),
                QStringLiteral("No matching variation found."),
                QStringLiteral("Quantity must be a minimum of 1."),
                QStringLiteral("Quantity must be 2 or lower."),
                QStringLiteral("Quantity must be 1 or lower."),
                QStringLiteral("Item specified does not exist in cart."),
                QStringLiteral("Item does not exist in cart."),
                QStringLiteral("No items in the cart."),
                QStringLiteral("No items in cart."),
                QStringLiteral("This cart either has no items or was not calculated."),
                QStringLiteral("Request returned nothing for "
                               "\"http://127.0.0.1:8088/wp-json/cocart/v2/cart/items/count/\"! "
                               "Please seek assistance."),
                QStringLiteral("Invalid parameter(s): quantity"),
                QStringLiteral("Invalid parameter(s): id"),
                QStringLiteral("Missing parameter(s): quantity"),
                QStringLiteral("id is not of type string."),
                QStringLiteral("quantity is not of type string."),
                QStringLiteral("per_page must be between 1 (inclusive) and 100 (inclusive)"),
                QStringLiteral("The page number requested is larger than the number of products "
                               "available."),
                QStringLiteral("Sorry, you are not authorized."),
                QStringLiteral("Sorry, you are not allowed to do that."),
                QStringLiteral("No route was found matching the URL and request method."),
                QStringLiteral("Term does not exist."),
                QStringLiteral("Invalid ID."),
                // Sentences that merely mention a cart view keep every word.
                QStringLiteral("View cart totals before you pay."),
                QStringLiteral("Use the link to view cart"),
        };
        for (const QString &message : plain)
            QTest::newRow(qPrintable(QStringLiteral("plain: ") + message.left(40)))
                    << message << message;
    }

    void storeMessages()
    {
        QFETCH(QString, raw);
        QFETCH(QString, plain);
        QCOMPARE(Error::plainText(raw), plain);
        const Error error(Error::InvalidRequest, raw, QStringLiteral("cocart_add_to_cart_error"),
                          400);
        QCOMPARE(error.message(), plain);
        QCOMPARE(error.rawMessage(), raw);
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
