// Qt Quick Test runner for the demo app's QML. The setup starts one in-process devstore and hands
// its address to the tests through a test-only singleton (TestStore in module CoCartDemoTest);
// the tests then load the app's real Main.qml from the CoCartDemo module and drive it.

#include <CoCartDevStore/DevStore.h>

#include <QAccessible>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QQmlEngine>
#include <QQmlNetworkAccessManagerFactory>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <atomic>
#include <utility>

#ifdef COCARTQT_STATIC_DEFINE // a static SDK: its QML module is a static plugin
Q_IMPORT_QML_PLUGIN(CoCartPlugin)
#endif
Q_IMPORT_QML_PLUGIN(CoCartDemoPlugin)

//! The engine's network access managers (QQmlNetworkAccessManagerFactory): they count the CoCart
//! API requests they create, so a test can see that a Session made in QML uses them. Called from
//! the engine's threads too (image loading), hence the atomic.
class CountingNamFactory : public QQmlNetworkAccessManagerFactory
{
public:
    class Nam : public QNetworkAccessManager
    {
    public:
        Nam(std::atomic<int> *count, QObject *parent)
            : QNetworkAccessManager(parent), m_count(count)
        { }

    protected:
        QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                     QIODevice *outgoingData) override
        {
            if (request.url().path().startsWith(QLatin1String("/wp-json/")))
                ++*m_count;
            return QNetworkAccessManager::createRequest(op, request, outgoingData);
        }

    private:
        std::atomic<int> *m_count;
    };

    QNetworkAccessManager *create(QObject *parent) override
    {
        return new Nam(&apiRequests, parent);
    }

    std::atomic<int> apiRequests {0};
};

/*!
    QML's "Binding loop detected" warnings, caught as they are printed: a loop is a layout that
    never settles (issue 19: the "Empty the cart?" dialog had one), and a warning in the log is
    easy to miss. The tests' cleanup() takes them, so the test that caused one fails. Messages
    come from the engine's threads too, hence the mutex.
*/
namespace BindingLoops {
QMutex mutex;
QStringList seen;
QtMessageHandler previous = nullptr;

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.contains(QLatin1String("Binding loop detected"))) {
        const QMutexLocker lock(&mutex);
        seen << message;
    }
    if (previous)
        previous(type, context, message);
}

QStringList take()
{
    const QMutexLocker lock(&mutex);
    return std::exchange(seen, {});
}
} // namespace BindingLoops

//! What the QML tests may know about the store: its address, the demo customer and counters.
class TestStore : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QUrl url READ url CONSTANT)
    Q_PROPERTY(QString username READ username CONSTANT)
    Q_PROPERTY(QString password READ password CONSTANT)
    //! Where tests save pictures of the states they reach (COCART_SHOT_DIR); empty: none.
    Q_PROPERTY(QString shotDir READ shotDir CONSTANT)

public:
    TestStore(CoCartDevStore::DevStore *store, const CountingNamFactory *namFactory,
              QObject *parent = nullptr)
        : QObject(parent), m_store(store), m_namFactory(namFactory)
    { }

    //! CoCart API requests made through network access managers of the QML engine's factory.
    Q_INVOKABLE int engineNamApiRequests() const { return m_namFactory->apiRequests; }

    QUrl url() const { return m_store->url(); }
    QString username() const { return CoCartDevStore::DevStore::demoCustomer().username; }
    QString password() const { return CoCartDevStore::DevStore::demoCustomer().password; }
    QString shotDir() const { return qEnvironmentVariable("COCART_SHOT_DIR"); }

    //! Requests seen for "METHOD /path", e.g. "POST /wp-json/cocart/v2/login".
    Q_INVOKABLE int requestCount(const QString &methodAndPath) const
    {
        return m_store->requestCount(methodAndPath);
    }

    //! The next \a times refreshes are refused as a real store refuses a revoked refresh token.
    Q_INVOKABLE void rejectRefresh(int times)
    {
        CoCartDevStore::Fault fault;
        fault.kind = CoCartDevStore::Fault::Kind::Status;
        fault.pathSuffix = QStringLiteral("/refresh-token");
        fault.status = 403;
        fault.contentType = "application/json; charset=UTF-8";
        fault.body =
                R"({"code":"cocart_authentication_error","message":"Invalid refresh token.","data":{"status":403}})";
        fault.times = times;
        m_store->addFault(fault);
    }

    Q_INVOKABLE void clearFaults() { m_store->clearFaults(); }

    /*!
        Starts catching "Binding loop detected" warnings. Called from the test case's
        initTestCase(): Qt Test installs its own message handler (which prints the warnings and
        matches ignoreWarning()) when the test case starts, and this one must come after it and
        pass every message on to it.
    */
    Q_INVOKABLE void watchBindingLoops()
    {
        if (!m_watching) {
            m_watching = true;
            BindingLoops::previous = qInstallMessageHandler(BindingLoops::handler);
        }
    }
    //! The "Binding loop detected" warnings printed since the last call.
    Q_INVOKABLE QStringList takeBindingLoops() const { return BindingLoops::take(); }

    //! Empties every cart on the store, as an order placed on its website does.
    Q_INVOKABLE void clearCarts() { m_store->clearCarts(); }

    //! Sets a product's (or variation's) stock; -1 stops counting it.
    Q_INVOKABLE void setStock(int productId, int quantity)
    {
        m_store->setStock(productId, quantity);
    }
    Q_INVOKABLE int stock(int productId) const { return m_store->stock(productId); }

    //! Shipping, a fee and a discount (minor units) and tax on every non-empty cart from now on.
    Q_INVOKABLE void setCartCharges(int shipping, int fee, int discount, int taxPercent)
    {
        CoCartDevStore::CartCharges charges;
        charges.shipping = shipping;
        charges.fee = fee;
        charges.discount = discount;
        charges.taxPercent = taxPercent;
        m_store->setCartCharges(charges);
    }

    //! What a screen reader announces for \a item: its Accessible.name (QAccessible's Name), or
    //! for a Qt Quick Controls control without one, its text or placeholder text, which the
    //! controls copy into Accessible.name while a screen reader runs (the offscreen platform used
    //! here has no accessibility backend, so that copy does not happen in tests).
    Q_INVOKABLE QString accessibleName(QObject *item) const
    {
        if (item && accessibleIgnored(item))
            return QStringLiteral("(ignored: not a control for a screen reader)");
        QAccessibleInterface *iface = item ? QAccessible::queryAccessibleInterface(item) : nullptr;
        const QString name = iface ? iface->text(QAccessible::Name) : QString();
        if (!name.trimmed().isEmpty() || !item || !item->inherits("QQuickControl"))
            return name;
        for (const char *property : {"text", "placeholderText"}) {
            const QString text = item->property(property).toString();
            if (!text.trimmed().isEmpty())
                return text;
        }
        return {};
    }

private:
    //! Accessible.ignored of \a item (the attached object is a child of the item).
    static bool accessibleIgnored(QObject *item)
    {
        const QObjectList children = item->children();
        for (const QObject *child : children) {
            if (child->inherits("QQuickAccessibleAttached"))
                return child->property("ignored").toBool();
        }
        return false;
    }

    CoCartDevStore::DevStore *m_store;
    const CountingNamFactory *m_namFactory;
    bool m_watching = false;
};

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup()
    {
        // Guest cart keys and refresh locks go to a test location, not the user's settings.
        QStandardPaths::setTestModeEnabled(true);
    }

public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("CoCartQtTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_qml_app"));
        QQuickStyle::setStyle(QStringLiteral("Material"));
        // COCART_TEST_LANGUAGE=de: the app's own translation, as `cocart-demo --language de`
        // installs it (ctest's tst_qml_app_de walks the phone pages in German).
        if (const QString language = qEnvironmentVariable("COCART_TEST_LANGUAGE");
            !language.isEmpty()) {
            auto *translator = new QTranslator(this);
            if (!translator->load(QStringLiteral("cocart-demo_") + language,
                                  QStringLiteral(COCART_DEMO_QM_DIR)))
                qFatal("tst_qml_app: no cocart-demo_%s.qm in %s", qPrintable(language),
                       COCART_DEMO_QM_DIR);
            QCoreApplication::installTranslator(translator);
        }
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine->setNetworkAccessManagerFactory(&m_namFactory);
        if (!m_store) {
            m_store = new CoCartDevStore::DevStore(this);
            m_store->seedDemoData();
            if (!m_store->listen())
                qFatal("tst_qml_app: the devstore could not listen");
            m_testStore = new TestStore(m_store, &m_namFactory, this);
            qmlRegisterSingletonInstance("CoCartDemoTest", 1, 0, "TestStore", m_testStore);
        }
    }

private:
    CountingNamFactory m_namFactory; // outlives the engines: Setup lives until the tests end
    CoCartDevStore::DevStore *m_store = nullptr;
    TestStore *m_testStore = nullptr;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml_app, Setup)

#include "tst_qml_app.moc"
