// A Qt Widgets cart: a QTableView over CoCart::CartTableModel (product, quantity, price, line
// total; double-click a quantity to change it, 0 removes the line) and the cart's total.
// Signs in, or shops as a guest without a user name; adds a product first when given one.
// Usage: cocart-widgets-cart-example STORE_URL [USERNAME] [--add ID] [--quit-when-loaded]
//        (the password: $COCART_PASSWORD; the session is kept in memory only)
#include <CoCart/Cart.h>
#include <CoCart/CartTableModel.h>
#include <CoCart/MemoryTokenStore.h>
#include <CoCart/Session.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("store"), QStringLiteral("The store's URL."));
    parser.addPositionalArgument(QStringLiteral("user"), QStringLiteral("Sign in as USER."));
    const QCommandLineOption addOption(QStringLiteral("add"), QStringLiteral("Add a product."),
                                       QStringLiteral("ID"));
    const QCommandLineOption quitOption(QStringLiteral("quit-when-loaded"),
                                        QStringLiteral("Print the cart and quit (tests)."));
    parser.addOptions({addOption, quitOption});
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        parser.showHelp(2);

    CoCart::Session session;
    CoCart::MemoryTokenStore tokens;
    session.setTokenStore(&tokens);
    session.setStoreUrl(QUrl(args.at(0)));
    CoCart::Cart cart;
    cart.setSession(&session);
    CoCart::CartTableModel model(&cart);

    QWidget window;
    window.setWindowTitle(QStringLiteral("Cart"));
    auto *view = new QTableView;
    view->setModel(&model);
    view->horizontalHeader()->setSectionResizeMode(CoCart::CartTableModel::ProductColumn,
                                                   QHeaderView::Stretch);
    auto *total = new QLabel;
    total->setAlignment(Qt::AlignRight);
    QObject::connect(&cart, &CoCart::Cart::totalChanged, total,
                     [&] { total->setText(QStringLiteral("Total: %1").arg(cart.totalText())); });
    QObject::connect(&cart, &CoCart::Cart::errorOccurred, &window, [](const CoCart::Error &e) {
        std::fprintf(stderr, "%s\n", qPrintable(e.toString()));
    });
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(view);
    layout->addWidget(total);
    window.resize(560, 320);
    window.show();

    // Once the cart is shown: with --quit-when-loaded, set the first line's quantity to 2
    // through the view's model (as the editor does), print the table and quit.
    const auto shown = [&] {
        if (!parser.isSet(quitOption))
            return;
        if (model.rowCount() > 0)
            view->model()->setData(model.index(0, CoCart::CartTableModel::QuantityColumn), 2);
        cart.reload()->then(&app, [&](CoCart::Reply &) {
            for (int row = 0; row < model.rowCount(); ++row) {
                QStringList cells;
                for (int column = 0; column < model.columnCount(); ++column)
                    cells << model.index(row, column).data().toString();
                std::printf("%s\n", qPrintable(cells.join(QStringLiteral(" | "))));
            }
            std::printf("%s\n", qPrintable(total->text()));
            QApplication::exit(cart.lastError() ? 1 : 0);
        });
    };
    const auto fill = [&] {
        if (parser.isSet(addOption))
            cart.addItem(parser.value(addOption))->then(&app, [&](CoCart::Reply &) { shown(); });
        else
            cart.reload()->then(&app, [&](CoCart::Reply &) { shown(); });
    };
    if (args.size() > 1) {
        session.login(args.at(1), qEnvironmentVariable("COCART_PASSWORD"))
                ->then(&app, [&](CoCart::Reply &login) {
                    if (login.error()) {
                        std::fprintf(stderr, "%s\n", qPrintable(login.error().toString()));
                        return QApplication::exit(1);
                    }
                    fill();
                });
    } else {
        fill();
    }
    return QApplication::exec();
}
