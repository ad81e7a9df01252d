#pragma once

#include <CoCart/CartItemModel.h>
#include <CoCart/Error.h>
#include <CoCart/Money.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/cocartqt_export.h>

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQmlIntegration/qqmlintegration.h>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace CoCart {

class CartPrivate;

/*!
    The shopper's cart on the store of a Session, as a guest or signed in.

    Every call goes through the Session's request path (Bearer when signed in, guest cart key
    otherwise, the fixed User-Agent, one refresh-and-replay on a rejected token), updates the model
    from the cart the server returns (no second GET), and ends in exactly one success signal or
    errorOccurred(), and its Reply the same way. A failed call leaves the model as it was. Calls
    run one at a time in order, also when an outcome handler starts the next one; `loading`
    stays true until the last one ends. If the Session is destroyed, running and queued calls
    end with Error::Cancelled.

    Guest carts: the key the store hands out is kept (QSettings; it is not a secret) and sent on
    every call. When the session signs in, guestCartPolicy decides what happens to the guest's
    items; after sign-out the cart is empty and a new guest cart starts.
*/
class COCARTQT_EXPORT Cart : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(CoCart::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(CoCart::CartItemModel *items READ items CONSTANT)
    Q_PROPERTY(int itemCount READ itemCount NOTIFY itemCountChanged)
    Q_PROPERTY(qint64 subtotal READ subtotal NOTIFY subtotalChanged)
    Q_PROPERTY(qint64 total READ total NOTIFY totalChanged)
    Q_PROPERTY(QString subtotalText READ subtotalText NOTIFY subtotalChanged)
    Q_PROPERTY(QString totalText READ totalText NOTIFY totalChanged)
    // The breakdown of total (CoCart's `totals`), minor units and formatted.
    Q_PROPERTY(qint64 discountTotal READ discountTotal NOTIFY discountTotalChanged)
    Q_PROPERTY(QString discountTotalText READ discountTotalText NOTIFY discountTotalChanged)
    Q_PROPERTY(qint64 shippingTotal READ shippingTotal NOTIFY shippingTotalChanged)
    Q_PROPERTY(QString shippingTotalText READ shippingTotalText NOTIFY shippingTotalChanged)
    Q_PROPERTY(qint64 feeTotal READ feeTotal NOTIFY feeTotalChanged)
    Q_PROPERTY(QString feeTotalText READ feeTotalText NOTIFY feeTotalChanged)
    Q_PROPERTY(qint64 taxTotal READ taxTotal NOTIFY taxTotalChanged)
    Q_PROPERTY(QString taxTotalText READ taxTotalText NOTIFY taxTotalChanged)
    Q_PROPERTY(CoCart::Currency currency READ currency NOTIFY currencyChanged)
    Q_PROPERTY(CoCart::ProductModel *catalogue READ catalogue WRITE setCatalogue NOTIFY
                       catalogueChanged)
    // What the sales save on the cart's lines, minor units and formatted (empty when nothing).
    Q_PROPERTY(qint64 savings READ savings NOTIFY savingsChanged)
    Q_PROPERTY(QString savingsText READ savingsText NOTIFY savingsChanged)
    Q_PROPERTY(bool empty READ isEmpty NOTIFY emptyChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(CoCart::Error lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString cartKey READ cartKey NOTIFY cartKeyChanged)
    Q_PROPERTY(QUrl checkoutUrl READ checkoutUrl NOTIFY checkoutUrlChanged)
    Q_PROPERTY(CheckoutHandoff checkoutHandoff READ checkoutHandoff NOTIFY checkoutUrlChanged)
    Q_PROPERTY(QStringList notices READ notices NOTIFY noticesChanged)
    Q_PROPERTY(QVariantList handoverReport READ handoverReport NOTIFY handoverReportChanged)
    Q_PROPERTY(GuestCartPolicy guestCartPolicy READ guestCartPolicy WRITE setGuestCartPolicy NOTIFY
                       guestCartPolicyChanged)

public:
    enum class GuestCartPolicy {
        Merge, //!< the account's items and the guest's items both end up in the cart
        Replace, //!< CoCart's own behaviour: the guest cart replaces the account's
        KeepAccount, //!< the guest cart is dropped
    };
    Q_ENUM(GuestCartPolicy)

    //! How checkoutUrl hands the cart to the store's website (docs/checkout.md).
    enum class CheckoutHandoff {
        None, //!< no URL: no session or store URL, or a guest without a cart yet
        Pending, //!< learning which guest hand-off the store's website takes (once per store)
        SignIn, //!< a customer: the store's sign-in page, redirecting to the checkout
        LoadCart, //!< a guest: `STORE/checkout/?cocart-load-cart=KEY` (WooCommerce 9)
        CheckoutLink, //!< a guest: `STORE/checkout-link/?products=ID:QTY,…` (WooCommerce 10)
    };
    Q_ENUM(CheckoutHandoff)

    explicit Cart(QObject *parent = nullptr);
    ~Cart() override;

    Session *session() const;
    void setSession(Session *session);
    CartItemModel *items() const;
    int itemCount() const;
    //! The items before discounts, without tax, minor units (`totals.subtotal`).
    qint64 subtotal() const;
    /*!
        What the shopper pays, minor units (`totals.total`): subtotal() − discountTotal() +
        shippingTotal() + feeTotal() + taxTotal(), as the store computed it.
    */
    qint64 total() const;
    QString subtotalText() const;
    QString totalText() const;
    //! Coupons and other discounts, without their tax, minor units (`totals.discount_total`).
    qint64 discountTotal() const;
    QString discountTotalText() const;
    //! The chosen shipping, without its tax, minor units (`totals.shipping_total`); 0 until the
    //! store has calculated shipping (or when the cart needs none).
    qint64 shippingTotal() const;
    QString shippingTotalText() const;
    //! Fees the store adds, without their tax, minor units (`totals.fee_total`).
    qint64 feeTotal() const;
    QString feeTotalText() const;
    //! All tax in total(): items, shipping and fees, less the discounts' (`totals.total_tax`).
    qint64 taxTotal() const;
    QString taxTotalText() const;
    Currency currency() const;
    /*!
        Where the cart learns its lines' regular prices (CartLine::regularUnitPrice()). CoCart's
        cart answer says only what a line costs now (a product on sale: `price` is the sale
        price, and no field names the regular one), while the catalogue's products carry
        `regular_price`. The cart reads the products and variations the catalogue has loaded,
        and remembers them when the catalogue later shows fewer (a search, another category),
        so a line keeps its saving. A line whose product the catalogue never loaded has no
        regular price and no saving. Not owned; nullptr (the default) learns nothing more.
    */
    ProductModel *catalogue() const;
    void setCatalogue(ProductModel *catalogue);
    //! The sum of the lines' CartLine::saving(), minor units.
    qint64 savings() const;
    //! savings() formatted with the cart's currency; empty when it is 0.
    QString savingsText() const;
    bool isEmpty() const;
    bool isLoading() const;
    Error lastError() const;
    QString cartKey() const;
    /*!
        Where the shopper pays for this cart: CoCart carts are paid in WooCommerce's own checkout
        on the store's website, opened in the system browser (Qt.openUrlExternally in QML,
        QDesktopServices::openUrl in C++). checkoutHandoff says which of these it is:
        \list
        \li CheckoutLink, a guest on a store whose website answers WooCommerce's checkout links
            (WooCommerce 10): `STORE/checkout-link/?products=ID:QTY,…`, the cart's items as the
            store last answered them (a variation by its own id). The website empties its cart,
            adds those items and opens the checkout. A link rebuilds the cart from ids and
            quantities only: a cart with a line a link cannot carry (a fractional quantity, item
            data of a plugin) gets the LoadCart URL instead.
        \li LoadCart, a guest otherwise: `STORE/checkout/?cocart-load-cart=KEY`, which loads the
            guest cart into the browser's web session and shows the checkout (WooCommerce 9;
            WooCommerce 10 discards that session on the next request).
        \li SignIn, a signed-in customer: the store's sign-in page redirecting to
            `STORE/checkout/`; the account's cart is there once they sign in on the website (a
            customer's cart cannot be loaded by key).
        \endlist
        Which guest hand-off a store takes is learnt once per store URL, with one request
        (`GET STORE/checkout-link/`, no cookie, no credentials, redirects not followed) when the
        store is checked (Session::checkStore()) or a guest cart first gets a key; until it is
        known (Pending) the URL is empty. A store that cannot be asked gets LoadCart.
        Empty when there is no session, no store URL, or a guest has no cart yet.
    */
    QUrl checkoutUrl() const;
    CheckoutHandoff checkoutHandoff() const;
    //! Success notices from the last call ("“Mug” has been added to your cart."), plain text.
    QStringList notices() const;
    GuestCartPolicy guestCartPolicy() const;
    /*!
        What the last sign-in's handover did to each line, computed from the guest's cart and the
        account's cart before it and the cart the store answered after it: one map per line with
        `key`, `name`, `productId`, `guestQuantity`, `accountQuantity` (0 when not in that cart
        or not read), `quantity` (now in the cart) and `outcome`:
        \list
        \li "moved": a guest line now in the account's cart, whole;
        \li "combined": in both carts, the quantities added up;
        \li "capped": in the cart now, but fewer than the carts held together (the store's
            stock or per-order limit);
        \li "dropped": not in the cart any more (sold out, or the policy dropped it);
        \li "kept": an account line that stayed as it was.
        \endlist
        Empty before the first handover and when there was no guest cart to hand over. Set just
        before guestCartHandedOver(); cleared on sign-out.
    */
    QVariantList handoverReport() const;
    void setGuestCartPolicy(GuestCartPolicy policy);

    /*!
        Where the guest cart key is kept, one key per store URL. Default: the application's
        QSettings (QSettings()). Not owned; nullptr restores the default. Lets tests and
        embedders choose the file.
    */
    void setGuestKeySettings(QSettings *settings);
    //! The guest cart key kept for the session's store, or empty (none handed out yet, or it
    //! was handed over to an account).
    QString savedGuestKey() const;

    Q_INVOKABLE CoCart::Reply *reload();
    Q_INVOKABLE CoCart::Reply *addItem(const QString &productId, int quantity = 1,
                                       const QVariantMap &variation = {});
    Q_INVOKABLE CoCart::Reply *setQuantity(const QString &itemKey, int quantity);
    Q_INVOKABLE CoCart::Reply *removeItem(const QString &itemKey);
    Q_INVOKABLE CoCart::Reply *clear();

Q_SIGNALS:
    void reloaded();
    void itemAdded(const QString &itemKey);
    void quantityChanged(const QString &itemKey, int quantity);
    void itemRemoved(const QString &itemKey);
    void cleared();
    //! After sign-in, when the guest cart was handled per guestCartPolicy. \a notReAdded lists
    //! the names of account lines that could not be re-added while merging (e.g. stock).
    void guestCartHandedOver(const QStringList &notReAdded);
    void handoverReportChanged();
    void errorOccurred(const CoCart::Error &error);

    void sessionChanged();
    //! Any of the cart's contents changed (lines, totals, count, currency, notices).
    void changed();
    void itemCountChanged();
    void subtotalChanged();
    void totalChanged();
    void discountTotalChanged();
    void shippingTotalChanged();
    void feeTotalChanged();
    void taxTotalChanged();
    void currencyChanged();
    void catalogueChanged();
    void savingsChanged();
    void emptyChanged();
    void noticesChanged();
    void loadingChanged();
    void lastErrorChanged();
    void cartKeyChanged();
    void checkoutUrlChanged();
    void guestCartPolicyChanged();

private:
    friend class CartPrivate;
    Q_DISABLE_COPY(Cart)
    std::unique_ptr<CartPrivate> d;
};

} // namespace CoCart
