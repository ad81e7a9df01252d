// The C++ block of docs/checkout.md (see readme.cpp).
#include <CoCart/Cart.h>

#include <QDesktopServices>

void openCheckout(CoCart::Cart *cart);

void openCheckout(CoCart::Cart *cart)
{
    //! [open]
    QDesktopServices::openUrl(cart->checkoutUrl());
    //! [open]
}
