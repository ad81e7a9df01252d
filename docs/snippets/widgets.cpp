// The C++ block of docs/widgets.md (see readme.cpp); examples/widgets-cart is the whole program.
#include <CoCart/Cart.h>
#include <CoCart/CartTableModel.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace DocSnippets {

class CartWindow : public QWidget
{
public:
    explicit CartWindow(CoCart::Cart *cart);
};

CartWindow::CartWindow(CoCart::Cart *cart)
{
    //! [table]
    auto *model = new CoCart::CartTableModel(cart, this);
    auto *view = new QTableView;
    view->setModel(model); // double-click a quantity to change it: Cart::setQuantity()
    view->horizontalHeader()->setSectionResizeMode(CoCart::CartTableModel::ProductColumn,
                                                   QHeaderView::Stretch);
    auto *total = new QLabel;
    connect(cart, &CoCart::Cart::totalChanged, total,
            [cart, total] { total->setText(tr("Total: %1").arg(cart->totalText())); });
    connect(cart, &CoCart::Cart::errorOccurred, this, [this](const CoCart::Error &error) {
        setWindowTitle(error.message()); // e.g. "Only 3 left in stock." (plain text)
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(view);
    layout->addWidget(total);
    cart->reload();
    //! [table]
}

} // namespace DocSnippets
