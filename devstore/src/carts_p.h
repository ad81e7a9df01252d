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
