#pragma once

// Cart storage of the devstore: one cart per cart key (a guest key or a user id), each with its
// lines in the order they were added and the removed lines (restorable), oldest first. Totals
// are not stored: every response recomputes them from the lines and the catalogue.

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace CoCartDevStore::Internal {

class Catalog;

constexpr qint64 kCartExpiringSeconds = 6 * 24 * 3600; //!< CoCart's cocart_cart_expiring
constexpr qint64 kCartExpirationSeconds = 7 * 24 * 3600; //!< CoCart's cocart_cart_expiration

struct CartLine
{
    QString key; //!< WooCommerce cart id: md5 of product, variation and attributes
    qint64 productId = 0; //!< the product, or the variable parent
    qint64 variationId = 0; //!< 0 for simple products
    QList<QPair<QString, QString>> variation; //!< "attribute_size" -> "M"
    double quantity = 0; //!< CoCart 4.3.6 accepts fractional quantities ("1.5")

    qint64 itemId() const { return variationId ? variationId : productId; }
};

struct Cart
{
    QList<CartLine> items;
    QList<CartLine> removed;
    //! CoCart's session times (CoCart-API-Cart-Expiring / -Expiration); 0 until first touched.
    qint64 expiring = 0;
    qint64 expiresAt = 0;

    //! A request used the cart: like CoCart's session handler, the times move on (to now + 6 and
    //! now + 7 days) only once the "expiring" time has passed, so most answers repeat them.
    void touch(qint64 now);
    bool isEmpty() const { return items.isEmpty() && removed.isEmpty(); }

    int indexOf(const QString &itemKey) const;
    int removedIndexOf(const QString &itemKey) const;
    double itemCount() const;
};

class Carts
{
public:
    Cart *find(const QString &key);
    const Cart *find(const QString &key) const;
    Cart &ensure(const QString &key); //!< creates an empty cart under \a key
    //! The handover: the cart under \a from (or an empty one) replaces the cart under \a to, and
    //! \a from is gone.
    void moveTo(const QString &from, const QString &to);
    void remove(const QString &key);
    void clear();
    QStringList keys() const;
    //! Drops the guest carts whose session expired before \a now (a customer's cart, keyed by
    //! the user id, is persistent in WooCommerce and stays). Returns how many.
    int pruneExpired(qint64 now);
    static bool isCustomerKey(const QString &key); //!< digits only: a user id

    //! WooCommerce's generate_cart_id(): md5("10") for a simple product,
    //! md5("21_23_attribute_sizeM") for a variation.
    static QString itemKey(qint64 productId, qint64 variationId,
                           const QList<QPair<QString, QString>> &variation);
    //! A fresh guest key: 30 lowercase hex characters (CoCart 4.3.6).
    static QString newGuestKey();
    //! WordPress sanitize_key(): lower-cased, only [a-z0-9_-] kept.
    static QString sanitizeKey(const QString &key);
    //! WooCommerce's cart hash, md5(json(cart for session) . total), or "No items in cart so no
    //! hash". Reproduces the recorded hashes for the same contents.
    static QString cartHash(const Cart &cart, const Catalog &catalog, int minorUnit = 2);

private:
    QHash<QString, Cart> m_carts;
};

} // namespace CoCartDevStore::Internal
