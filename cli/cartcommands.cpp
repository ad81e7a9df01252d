#include "cartcommands.h"

#include <CoCart/Cart.h>
#include <CoCart/CartItemModel.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

#include <QJsonArray>
#include <QMetaEnum>
#include <QSettings>
#include <QTextStream>
#include <QUrl>

using CoCart::Cart;
using CoCart::Error;
using CoCart::ProductModel;
using CoCart::Session;

namespace CartCommands {

namespace {

QJsonObject cartJson(const Cart &cart, const Session &session)
{
    QJsonArray items;
    for (const CoCart::CartLine &line : cart.items()->lines()) {
        const CoCart::Currency currency = cart.currency();
        items.append(QJsonObject {
                {QLatin1String("key"), line.key()},
                {QLatin1String("id"), line.productId()},
                {QLatin1String("name"), line.name()},
                {QLatin1String("sku"), line.sku()},
                {QLatin1String("quantity"), line.quantity()},
                {QLatin1String("maxQuantity"), line.maxQuantity()},
                {QLatin1String("price"), line.unitPrice()},
                {QLatin1String("priceText"), currency.format(line.unitPrice())},
                {QLatin1String("lineTotal"), line.lineTotal()},
                {QLatin1String("lineTotalText"), currency.format(line.lineTotal())},
                {QLatin1String("variation"), QJsonObject::fromVariantMap(line.variation())},
        });
    }
    return QJsonObject {
            {QLatin1String("cartKey"), cart.cartKey()},
            {QLatin1String("signedIn"), session.isSignedIn()},
            {QLatin1String("currency"), cart.currency().code()},
            {QLatin1String("items"), items},
            {QLatin1String("itemCount"), cart.itemCount()},
            {QLatin1String("subtotal"), cart.subtotal()},
            {QLatin1String("subtotalText"), cart.subtotalText()},
            {QLatin1String("total"), cart.total()},
            {QLatin1String("totalText"), cart.totalText()},
            {QLatin1String("notices"), QJsonArray::fromStringList(cart.notices())},
    };
}

QString cartText(const Cart &cart, const Session &session)
{
    QString text;
    QTextStream out(&text);
    for (const QString &notice : cart.notices())
        out << notice << '\n';
    out << (session.isSignedIn() ? QStringLiteral("Cart of %1").arg(session.user().displayName())
                                 : QStringLiteral("Guest cart"))
        << (cart.cartKey().isEmpty() ? QString() : QStringLiteral(" (key %1)").arg(cart.cartKey()))
        << ":\n";
    if (cart.isEmpty())
        out << "  (empty)\n";
    for (const CoCart::CartLine &line : cart.items()->lines()) {
        out << "  " << line.key() << "  " << line.quantity() << " x " << line.name() << " @ "
            << cart.currency().format(line.unitPrice()) << " = "
            << cart.currency().format(line.lineTotal()) << '\n';
    }
    out << QStringLiteral("Items: %1   Subtotal: %2   Total: %3")
                    .arg(cart.itemCount())
                    .arg(cart.subtotalText(), cart.totalText());
    out.flush();
    return text;
}

QJsonObject variationJson(const CoCart::ProductVariation &v, const CoCart::Currency &currency)
{
    return QJsonObject {
            {QLatin1String("id"), v.id()},
            {QLatin1String("name"), v.name()},
            {QLatin1String("label"), v.label()},
            {QLatin1String("sku"), v.sku()},
            {QLatin1String("price"), v.price()},
            {QLatin1String("priceText"), currency.format(v.price())},
            {QLatin1String("stockStatus"), v.stockStatus()},
            {QLatin1String("inStock"), v.inStock()},
    };
}

//! "22 S, 23 M, 24 L (out of stock)": the ids `add` takes for a variable product.
QString variationList(const CoCart::Product &p)
{
    QStringList list;
    for (const CoCart::ProductVariation &v : p.variations()) {
        list << QStringLiteral("%1 %2%3").arg(v.id()).arg(
                v.name(), v.inStock() ? QString() : QStringLiteral(" (out of stock)"));
    }
    return list.join(QStringLiteral(", "));
}

QJsonObject productJson(const CoCart::Product &p, const CoCart::Currency &currency)
{
    const QJsonArray categories = QJsonArray::fromStringList(p.categories());
    QJsonArray variations;
    for (const CoCart::ProductVariation &v : p.variations())
        variations.append(variationJson(v, currency));
    return QJsonObject {
            {QLatin1String("id"), p.id()},
            {QLatin1String("name"), p.name()},
            {QLatin1String("sku"), p.sku()},
            {QLatin1String("type"), p.type()},
            {QLatin1String("price"), p.price()},
            {QLatin1String("priceText"), currency.format(p.price())},
            {QLatin1String("onSale"), p.isOnSale()},
            {QLatin1String("stockStatus"), p.stockStatus()},
            {QLatin1String("stockQuantity"), p.stockQuantity()},
            {QLatin1String("maxQuantity"), p.maxQuantity()},
            {QLatin1String("categories"), categories},
            {QLatin1String("variable"), p.type() == QLatin1String("variable")},
            {QLatin1String("variations"), variations},
    };
}

//! A variable product's variations, one a line, as `add` takes them.
QString variationLines(const CoCart::Product &p, const CoCart::Currency &currency)
{
    QString text = QStringLiteral("variations of %1 (%2):")
                           .arg(p.name(), p.sku().isEmpty() ? QString::number(p.id()) : p.sku());
    for (const CoCart::ProductVariation &v : p.variations()) {
        text += QStringLiteral("\n  %1  %2  %3: %4  %5%6")
                        .arg(v.id(), 4)
                        .arg(v.sku(), -18)
                        .arg(v.label(), v.name())
                        .arg(currency.format(v.price()),
                             v.inStock() ? QString() : QStringLiteral("  out of stock"));
    }
    return text;
}

bool toQuantity(const QString &text, int *quantity)
{
    bool ok = false;
    *quantity = text.toInt(&ok);
    return ok;
}

void runProducts(Session *session, const QString &search, const Output &output)
{
    auto *model = new ProductModel(session);
    model->setPageSize(100);
    model->setSearch(search);
    QObject::connect(model, &ProductModel::errorOccurred, model,
                     [output](const Error &error) { output.fail(error); });
    QObject::connect(model, &ProductModel::loaded, model, [model, output] {
        if (model->hasMore()) {
            model->fetchNextPage();
            return;
        }
        QJsonArray list;
        QString text;
        for (const CoCart::Product &p : model->products()) {
            list.append(productJson(p, model->currency()));
            text += QStringLiteral("%1  %2  %3  %4  %5")
                            .arg(p.id(), 4)
                            .arg(p.sku(), -16)
                            .arg(p.name(), -22)
                            .arg(model->currency().format(p.price()), 9)
                            .arg(p.stockStatus());
            // A variable product is added by a variation's id: list them.
            if (p.type() == QLatin1String("variable"))
                text += QStringLiteral("  variable: %1").arg(variationList(p));
            text += QLatin1Char('\n');
        }
        text += QStringLiteral("%1 product(s)").arg(model->totalCount());
        output.succeed(text,
                       QJsonObject {{QLatin1String("products"), list},
                                    {QLatin1String("total"), model->totalCount()}});
    });
    model->setSession(session); // loads
}

//! Names the lines of a cart answer ("2 x Test Mug").
QStringList lineNames(const QJsonObject &cart)
{
    QStringList names;
    for (const QJsonValue &item : cart.value(QLatin1String("items")).toArray()) {
        const QJsonObject line = item.toObject();
        names << QStringLiteral("%1 x %2")
                         .arg(line.value(QLatin1String("quantity"))
                                      .toObject()
                                      .value(QLatin1String("value"))
                                      .toInt())
                         .arg(Error::plainText(line.value(QLatin1String("name")).toString()));
    }
    return names;
}

//! Fails \a error, with the variations to add instead when it is a variable product's.
void failAdd(Session *session, const QString &productId, const Error &error, const Output &output)
{
    if (error.code() != QLatin1String("cocart_no_variation_found"))
        return output.fail(error);
    const QString path = QStringLiteral("/cocart/v2/products/") +
            QString::fromLatin1(QUrl::toPercentEncoding(productId));
    session->get(path, session, [error, output](CoCart::Reply &reply) {
        const CoCart::Product product = CoCart::Product::fromJson(reply.object());
        if (reply.error() || product.variations().isEmpty())
            return output.fail(error);
        const CoCart::Currency currency =
                CoCart::Currency::fromJson(reply.object()
                                                   .value(QLatin1String("prices"))
                                                   .toObject()
                                                   .value(QLatin1String("currency"))
                                                   .toObject());
        // The store says only "No matching variation found.": say what to add instead.
        output.warn(variationLines(product, currency));
        const QString hint =
                QStringLiteral(" %1 (%2) is a variable product: add one of its variations by id, "
                               "e.g. `cocart add %3`.")
                        .arg(product.name(),
                             product.sku().isEmpty() ? QString::number(product.id())
                                                     : product.sku())
                        .arg(product.variations().constFirst().id());
        output.fail(Error(error.kind(), error.message() + hint, error.code(), error.httpStatus()));
    });
}

void runCart(Session *session, const QString &command, const QStringList &args,
             const Output &output, const QStringList &guestLines)
{
    auto *settings = new QSettings(QSettings::UserScope, QStringLiteral("cocart"),
                                   QStringLiteral("cocart"), session);
    auto *cart = new Cart(session);
    cart->setGuestKeySettings(settings);
    cart->setSession(session);

    auto handover = std::make_shared<QStringList>();
    auto print = [cart, session, output, handover] {
        QJsonObject object {{QLatin1String("cart"), cartJson(*cart, *session)}};
        if (!handover->isEmpty())
            object.insert(QLatin1String("notReAdded"), QJsonArray::fromStringList(*handover));
        output.succeed(cartText(*cart, *session), object);
    };
    const bool adding = command == QLatin1String("add");
    QObject::connect(cart, &Cart::errorOccurred, cart,
                     [session, output, adding, args](const Error &error) {
                         if (adding)
                             return failAdd(session, args.at(1), error, output);
                         output.fail(error);
                     });
    QObject::connect(cart, &Cart::guestCartHandedOver, cart,
                     [cart, output, handover, guestLines](const QStringList &notReAdded) {
                         *handover = notReAdded;
                         // Only when something moved: an empty guest cart, or one the policy
                         // dropped, leaves the account's cart as it was.
                         if (!guestLines.isEmpty() &&
                             cart->guestCartPolicy() != Cart::GuestCartPolicy::KeepAccount) {
                             output.warn(QStringLiteral("The guest cart was moved to your "
                                                        "account: %1.")
                                                 .arg(guestLines.join(QStringLiteral(", "))));
                         }
                         if (!notReAdded.isEmpty()) {
                             output.warn(QStringLiteral("Could not add back: %1")
                                                 .arg(notReAdded.join(QStringLiteral(", "))));
                         }
                     });

    if (command == QLatin1String("cart")) {
        QObject::connect(cart, &Cart::reloaded, cart, print);
        cart->reload();
    } else if (adding) {
        QObject::connect(cart, &Cart::itemAdded, cart, print);
        int quantity = 1;
        if (args.size() > 2)
            toQuantity(args.at(2), &quantity);
        cart->addItem(args.at(1), quantity);
    } else if (command == QLatin1String("set")) {
        QObject::connect(cart, &Cart::quantityChanged, cart, print);
        int quantity = 0;
        toQuantity(args.at(2), &quantity);
        cart->setQuantity(args.at(1), quantity);
    } else if (command == QLatin1String("remove")) {
        QObject::connect(cart, &Cart::itemRemoved, cart, print);
        cart->removeItem(args.at(1));
    } else if (command == QLatin1String("clear")) {
        QObject::connect(cart, &Cart::cleared, cart, print);
        cart->clear();
    } else if (command == QLatin1String("checkout-url")) {
        // Reload first: the URL is only worth opening when there is something to pay for (and a
        // checkout link carries the cart's lines as the store has them now).
        auto report = [cart, output] {
            const QUrl url = cart->checkoutUrl();
            if (cart->isEmpty() || url.isEmpty()) {
                output.fail(Error(Error::NotFound,
                                  QStringLiteral("The cart is empty: nothing to check out."),
                                  QStringLiteral("cocart_cli_empty_cart")));
                return;
            }
            const QString text = url.toString(QUrl::FullyEncoded);
            const QString handoff =
                    QString::fromLatin1(QMetaEnum::fromType<Cart::CheckoutHandoff>().valueToKey(
                            int(cart->checkoutHandoff())));
            output.succeed(text,
                           QJsonObject {{QLatin1String("url"), text},
                                        {QLatin1String("handoff"), handoff}});
        };
        QObject::connect(cart, &Cart::reloaded, cart, [cart, report] {
            if (cart->checkoutHandoff() != Cart::CheckoutHandoff::Pending)
                return report();
            // The store's guest hand-off is being learnt (one request): its answer settles it.
            auto *wait = new QObject(cart);
            QObject::connect(cart, &Cart::checkoutUrlChanged, wait, [cart, report, wait] {
                if (cart->checkoutHandoff() == Cart::CheckoutHandoff::Pending)
                    return;
                delete wait;
                report();
            });
        });
        cart->reload();
    }
}

/*!
    Runs a cart command. Signed in with a guest cart left by earlier guest runs, the Cart hands
    that cart to the account as soon as it is attached: look at it first, as the guest (nothing
    moves), so the run can say what moved, if anything.
*/
void runCartAfterGuestLook(Session *session, const QString &command, const QStringList &args,
                           const Output &output)
{
    QString guestKey;
    if (session->isSignedIn()) {
        // The saved key, read the way a Cart reads it (a signed-out probe: no handover, no call).
        Session probe;
        probe.setStoreUrl(session->storeUrl());
        QSettings settings(QSettings::UserScope, QStringLiteral("cocart"),
                           QStringLiteral("cocart"));
        Cart reader;
        reader.setGuestKeySettings(&settings);
        reader.setSession(&probe);
        guestKey = reader.savedGuestKey();
    }
    if (guestKey.isEmpty())
        return runCart(session, command, args, output, {});
    session->send(CoCart::Request()
                          .setMethod("GET")
                          .setPath(QStringLiteral("/cocart/v2/cart"))
                          .setAuthentication(CoCart::Request::Authentication::None)
                          .addHeader("CoCart-API-Cart-Key", guestKey.toUtf8()))
            ->then(session, [session, command, args, output](CoCart::Reply &reply) {
                // If the look fails, the Cart still hands the cart over; the run just cannot
                // say what moved.
                runCart(session, command, args, output,
                        reply.error() ? QStringList() : lineNames(reply.object()));
            });
}

} // namespace

bool handles(const QString &command)
{
    static const QStringList commands {QStringLiteral("products"),    QStringLiteral("cart"),
                                       QStringLiteral("add"),         QStringLiteral("set"),
                                       QStringLiteral("remove"),      QStringLiteral("clear"),
                                       QStringLiteral("checkout-url")};
    return commands.contains(command);
}

QString help()
{
    return QStringLiteral(
            "  products     list the catalogue (--search S to filter); a variable product lists\n"
            "               its variations' ids\n"
            "  cart         show the cart (signed in if a session is saved, else the guest cart)\n"
            "  add ID [QTY] add a product (id or SKU) to the cart; for a variable product, one of\n"
            "               its variations' ids\n"
            "  set KEY QTY  set the quantity of a cart line (0 removes it)\n"
            "  remove KEY   remove a cart line\n"
            "  clear        empty the cart\n"
            "  checkout-url print where to pay for the cart on the store's website (exit 1 when\n"
            "               the cart is empty)\n");
}

QString checkArguments(const QString &command, const QStringList &args)
{
    int quantity = 0;
    if (command == QLatin1String("products") || command == QLatin1String("cart") ||
        command == QLatin1String("clear") || command == QLatin1String("checkout-url")) {
        if (args.size() != 1)
            return QStringLiteral("usage: cocart %1").arg(command);
    } else if (command == QLatin1String("add")) {
        if (args.size() < 2 || args.size() > 3 ||
            (args.size() == 3 && !toQuantity(args.at(2), &quantity)))
            return QStringLiteral("usage: cocart add ID [QTY]");
    } else if (command == QLatin1String("set")) {
        if (args.size() != 3 || !toQuantity(args.at(2), &quantity) || quantity < 0)
            return QStringLiteral("usage: cocart set ITEM_KEY QTY (QTY >= 0)");
    } else if (command == QLatin1String("remove")) {
        if (args.size() != 2)
            return QStringLiteral("usage: cocart remove ITEM_KEY");
    }
    return {};
}

void start(Session *session, const QString &command, const QStringList &args, const QString &search,
           const Output &output)
{
    auto run = [session, command, args, search, output] {
        if (command == QLatin1String("products"))
            runProducts(session, search, output);
        else
            runCartAfterGuestLook(session, command, args, output);
    };
    auto *context = new QObject(session);
    QObject::connect(session, &Session::restored, context, [context, run] {
        context->deleteLater();
        run();
    });
    QObject::connect(
            session, &Session::restoreFailed, context, [context, run, output](const Error &error) {
                context->deleteLater();
                // Nothing saved, or the saved session is over: a guest cart.
                if (error.kind() == Error::NotFound || error.kind() == Error::SessionExpired) {
                    if (error.kind() == Error::SessionExpired)
                        output.warn(error.message());
                    run();
                    return;
                }
                // No keychain: guest commands need no token, so go on as a guest.
                if (error.kind() == Error::Storage) {
                    output.warn(QStringLiteral("cannot read saved sign-in (%1): going on as a "
                                               "guest")
                                        .arg(error.message()));
                    run();
                    return;
                }
                output.fail(error);
            });
    session->restore();
}

} // namespace CartCommands
