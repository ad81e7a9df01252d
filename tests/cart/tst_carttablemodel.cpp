// CartTableModel (issue 20.3: a cart model for Qt Widgets) against the in-process devstore:
// columns and roles, editing the quantity through setData(), a refused edit, and rows that
// follow the cart's own updates, with QAbstractItemModelTester watching every change.

#include <CoCart/Cart.h>
#include <CoCart/CartItemModel.h>
#include <CoCart/CartTableModel.h>
#include <CoCart/Session.h>

#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;

class TestCartTableModel : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<Cart> m_cart;
    std::unique_ptr<CartTableModel> m_table;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    bool added(const QString &id, int quantity = 1)
    {
        QSignalSpy ok(m_cart.get(), &Cart::itemAdded);
        m_cart->addItem(id, quantity);
        return ok.wait(5000);
    }

    QString display(int row, int column) const
    {
        return m_table->index(row, column).data(Qt::DisplayRole).toString();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(startStore());
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("cart.ini")),
                                                 QSettings::IniFormat);
        m_session = makeSession(m_tokens.get());
        m_cart = std::make_unique<Cart>();
        m_cart->setGuestKeySettings(m_settings.get());
        m_cart->setSession(m_session.get());
        m_table = std::make_unique<CartTableModel>(m_cart.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
                m_table.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_table.reset();
        m_cart.reset();
        m_session.reset();
        m_settings.reset();
        m_dir.reset();
        stopStore();
    }

    void emptyWithoutCart()
    {
        CartTableModel table;
        QAbstractItemModelTester tester(&table,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table.rowCount(), 0);
        QCOMPARE(table.columnCount(), int(CartTableModel::ColumnCount));
        QVERIFY(table.cart() == nullptr);
        QVERIFY(table.roleNames().values().contains(QByteArray("lineTotalText")));
    }

    void columnsAndRoles()
    {
        QCOMPARE(m_table->columnCount(), 4);
        QCOMPARE(m_table->headerData(CartTableModel::ProductColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Product"));
        QCOMPARE(m_table->headerData(CartTableModel::QuantityColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Quantity"));
        QCOMPARE(m_table->headerData(CartTableModel::PriceColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Price"));
        QCOMPARE(m_table->headerData(CartTableModel::LineTotalColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Total"));

        QVERIFY(added(QStringLiteral("10"), 2)); // Test Mug, £12.50
        QVERIFY(added(QStringLiteral("22"))); // Classic T-Shirt, size S, £15.00
        QCOMPARE(m_table->rowCount(), 2);
        QCOMPARE(display(0, CartTableModel::ProductColumn), QStringLiteral("Test Mug"));
        QCOMPARE(m_table->index(0, CartTableModel::QuantityColumn).data().toInt(), 2);
        QCOMPARE(m_table->index(0, CartTableModel::QuantityColumn).data(Qt::EditRole).toInt(), 2);
        QCOMPARE(display(0, CartTableModel::PriceColumn), QStringLiteral("£12.50"));
        QCOMPARE(display(0, CartTableModel::LineTotalColumn), QStringLiteral("£25.00"));
        QCOMPARE(m_table->index(0, CartTableModel::ProductColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("TEST-MUG"));
        // A variation shows its title, with the size.
        QVERIFY2(display(1, CartTableModel::ProductColumn).contains(QLatin1String("S")),
                 qPrintable(display(1, CartTableModel::ProductColumn)));
        QCOMPARE(display(1, CartTableModel::PriceColumn), QStringLiteral("£15.00"));
        // The list model's roles on any column: raw amounts for sorting and delegates.
        QCOMPARE(m_table->index(0, CartTableModel::LineTotalColumn)
                         .data(CartItemModel::LineTotalRole)
                         .toLongLong(),
                 qint64(2500));
        QCOMPARE(m_table->index(1, CartTableModel::PriceColumn).data(CartItemModel::KeyRole),
                 m_cart->items()->index(1).data(CartItemModel::KeyRole));
        QCOMPARE(m_table->keyAt(0), m_cart->items()->lines().at(0).key());
        QVERIFY(m_table->keyAt(2).isEmpty());
        // Only the quantity is editable.
        QVERIFY(m_table->flags(m_table->index(0, CartTableModel::QuantityColumn)) &
                Qt::ItemIsEditable);
        QVERIFY(!(m_table->flags(m_table->index(0, CartTableModel::PriceColumn)) &
                  Qt::ItemIsEditable));
        QCOMPARE(m_table->index(0, CartTableModel::PriceColumn)
                         .data(Qt::TextAlignmentRole)
                         .value<Qt::Alignment>(),
                 Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }

    void editingTheQuantityCallsTheStore()
    {
        QVERIFY(added(QStringLiteral("10")));
        QVERIFY(added(QStringLiteral("13")));
        m_store->resetCounters();
        QSignalSpy changed(m_table.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy quantity(m_cart.get(), &Cart::quantityChanged);

        const QModelIndex cell = m_table->index(0, CartTableModel::QuantityColumn);
        QVERIFY(m_table->setData(cell, 3));
        QVERIFY(quantity.wait(5000));
        QCOMPARE(m_store->requestCount(QStringLiteral("POST /wp-json/cocart/v2/cart/item/") +
                                       m_table->keyAt(0)),
                 1);
        QCOMPARE(cell.data().toInt(), 3);
        QCOMPARE(display(0, CartTableModel::LineTotalColumn), QStringLiteral("£37.50"));
        // The whole row changed (quantity and line total), nothing else.
        QVERIFY(!changed.isEmpty());
        const QModelIndex topLeft = changed.constLast().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.constLast().at(1).toModelIndex();
        QCOMPARE(topLeft.row(), 0);
        QCOMPARE(bottomRight.row(), 0);
        QCOMPARE(bottomRight.column(), CartTableModel::LineTotalColumn);

        // The same quantity: nothing is sent.
        QVERIFY(m_table->setData(cell, 3));
        // Not a quantity, or not the quantity column: refused here.
        QVERIFY(!m_table->setData(cell, -1));
        QVERIFY(!m_table->setData(cell, QStringLiteral("many")));
        QVERIFY(!m_table->setData(m_table->index(0, CartTableModel::PriceColumn), 1));
        QVERIFY(!m_table->setData(cell, 2, Qt::DisplayRole));
        QCOMPARE(m_store->totalRequestCount(), 1);

        // 0 removes the line.
        quantity.clear();
        QVERIFY(m_table->setData(m_table->index(1, CartTableModel::QuantityColumn), 0));
        QVERIFY(quantity.wait(5000));
        QCOMPARE(quantity.constFirst().at(1).toInt(), 0);
        QCOMPARE(m_table->rowCount(), 1);
        QCOMPARE(display(0, CartTableModel::ProductColumn), QStringLiteral("Test Mug"));
    }

    void aRefusedEditChangesNothing()
    {
        QVERIFY(added(QStringLiteral("10")));
        QSignalSpy failed(m_cart.get(), &Cart::errorOccurred);
        QSignalSpy changed(m_table.get(), &QAbstractItemModel::dataChanged);
        const QModelIndex cell = m_table->index(0, CartTableModel::QuantityColumn);
        QVERIFY(m_table->setData(cell, 500)); // Test Mug sells at most 50
        QVERIFY(failed.wait(5000));
        QCOMPARE(cell.data().toInt(), 1);
        QCOMPARE(changed.count(), 0);
    }

    void rowsFollowTheCart()
    {
        QVERIFY(added(QStringLiteral("10")));
        QSignalSpy inserted(m_table.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(m_table.get(), &QAbstractItemModel::modelReset);
        QVERIFY(added(QStringLiteral("13")));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_table->rowCount(), 2);

        // Sign-in: the guest lines move to the account (rows change, no reset).
        QVERIFY(signIn(m_session.get()));
        QTRY_VERIFY(!m_cart->isLoading());
        QCOMPARE(m_table->rowCount(), 2);
        QCOMPARE(reset.count(), 0);

        QSignalSpy cleared(m_cart.get(), &Cart::cleared);
        m_cart->clear();
        QVERIFY(cleared.wait(5000));
        QCOMPARE(m_table->rowCount(), 0);
    }

    void cartGoesAway()
    {
        QVERIFY(added(QStringLiteral("10")));
        QSignalSpy cartChanged(m_table.get(), &CartTableModel::cartChanged);
        m_cart.reset();
        QCOMPARE(cartChanged.count(), 1);
        QVERIFY(m_table->cart() == nullptr);
        QCOMPARE(m_table->rowCount(), 0);

        // Another cart: its lines show at once.
        Cart other;
        other.setGuestKeySettings(m_settings.get());
        other.setSession(m_session.get());
        QSignalSpy reloaded(&other, &Cart::reloaded);
        other.reload();
        QVERIFY(reloaded.wait(5000));
        m_table->setCart(&other);
        QCOMPARE(m_table->rowCount(), 1);
        m_table->setCart(nullptr);
        QCOMPARE(m_table->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCartTableModel)
#include "tst_carttablemodel.moc"
