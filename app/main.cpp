// cocart-demo: the demo shop. By default it starts the dev store in-process (demo catalogue, demo
// customer) and shops there; --store points it at a real CoCart shop. Everything the window does
// goes through the SDK's QML module; this file only parses options, starts the embedded store,
// hands the window its initial properties and, for --screenshot/--measure, waits for the page.
//
// The embedded store keeps its state (signing secret, token sessions, carts, stock) in the app's
// local data folder and listens on a fixed loopback port, so the session the app saved in the
// keychain is still good after a restart: tokens name the store's URL (`iss`) and are signed with
// its secret.

#include <CoCartDevStore/DevStore.h>

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QLockFile>
#include <QLoggingCategory>
#include <QMetaProperty>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#ifdef Q_OS_LINUX
#include <ctime>
#include <unistd.h>
#endif

#ifdef COCARTQT_STATIC_DEFINE // a static SDK: its QML module is a static plugin
Q_IMPORT_QML_PLUGIN(CoCartPlugin)
#endif
Q_IMPORT_QML_PLUGIN(CoCartDemoPlugin)

Q_LOGGING_CATEGORY(lcDemo, "cocart.demo")

namespace {

const QStringList kPages = {QStringLiteral("signin"), QStringLiteral("shop"),
                            QStringLiteral("cart"), QStringLiteral("account"),
                            QStringLiteral("product")};

//! The embedded store's port unless --port says otherwise: a stable URL keeps saved sessions
//! valid across restarts.
constexpr quint16 kDefaultPort = 8797;

void printLine(const QString &text, FILE *stream = stdout)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
    std::fflush(stream);
}

//! Milliseconds since the process started (exec included), or -1 where that is unknown.
qint64 msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 (starttime, clock ticks since boot); fields after the ")" of the command name.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startSeconds = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowSeconds = double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    return qint64((nowSeconds - startSeconds) * 1000.0);
#else
    return -1;
#endif
}

//! A field of /proc/self/status in MiB ("VmRSS", "VmHWM"), or -1.
double statusMiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // readAll(), not atEnd()/readLine(): /proc files report a size of 0.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(QByteArray(field).append(':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/*!
    Installs the app's translation for \a language ("de", "de_DE"; empty: the system's UI
    languages) and Qt's own for the same language. The app's English translation carries only the
    plural forms ("1 item", "2 items"). Returns the language loaded, or empty.
*/
QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto *appTranslator = new QTranslator(&app);
    // No translation for the system's languages: English, for its plural forms.
    if (!appTranslator->load(locale, QStringLiteral("cocart-demo"), QStringLiteral("_"),
                             QStringLiteral(":/i18n")) &&
        !appTranslator->load(QStringLiteral(":/i18n/cocart-demo_en.qm"))) {
        delete appTranslator;
        return {};
    }
    QCoreApplication::installTranslator(appTranslator);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    else
        delete qtTranslator;
    return appTranslator->language();
}

//! True while any Image in the window is still loading (network pictures of the shop).
bool imagesLoading(QQuickWindow *window)
{
    const QList<QQuickItem *> items = window->contentItem()->findChildren<QQuickItem *>();
    for (const QQuickItem *item : items) {
        // QQuickImageBase::Status: Null, Ready, Loading, Error.
        if (item->inherits("QQuickImageBase") && item->isVisible() &&
            item->property("status").toInt() == 2)
            return true;
    }
    return false;
}

//! The item named \a name under \a item in the visual tree (a Page's contents are not found
//! by QObject::findChild() from the window's content item).
QQuickItem *findItem(QQuickItem *item, const QString &name)
{
    if (item->objectName() == name)
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, name))
            return found;
    }
    return nullptr;
}

/*!
    Frame times of a window: the cost of each frame, from the update request that starts it
    (animations, polish with delegate creation, sync, render) to its frameSwapped, and the
    interval between consecutive frameSwapped. The software render loop draws on this thread,
    so both are wall time of the GUI thread.
*/
class FrameRecorder : public QObject
{
public:
    explicit FrameRecorder(QQuickWindow *window) : m_window(window)
    {
        m_clock.start();
        window->installEventFilter(this);
        connect(
                window, &QQuickWindow::frameSwapped, this, [this] { onSwapped(); },
                Qt::DirectConnection);
    }
    void start()
    {
        m_costs.clear();
        m_intervals.clear();
        m_lastSwap = -1;
        m_frameStart = -1;
        m_unstarted = 0;
        m_recording = true;
    }
    void stop() { m_recording = false; }

    //! Frame counts and median/p95/max of costs and intervals, in ms.
    QJsonObject summary(double budgetMs) const
    {
        auto stats = [](QList<double> values) {
            std::sort(values.begin(), values.end());
            auto at = [&values](double q) {
                return values.isEmpty()
                        ? 0.0
                        : values.at(qMin(values.size() - 1, qsizetype(q * double(values.size()))));
            };
            auto round = [](double v) { return qRound(v * 100) / 100.0; };
            return QJsonObject {
                    {QStringLiteral("median"), round(at(0.5))},
                    {QStringLiteral("p95"), round(at(0.95))},
                    {QStringLiteral("max"), round(values.isEmpty() ? 0 : values.last())}};
        };
        auto over = [](const QList<double> &values, double limit) {
            return int(std::count_if(values.cbegin(), values.cend(),
                                     [limit](double v) { return v > limit; }));
        };
        return QJsonObject {
                {QStringLiteral("frames"), int(m_intervals.size()) + 1},
                {QStringLiteral("budget_ms"), budgetMs},
                {QStringLiteral("cost_ms"), stats(m_costs)},
                {QStringLiteral("frames_over_budget"), over(m_costs, budgetMs)},
                {QStringLiteral("frames_without_request"), m_unstarted},
                {QStringLiteral("interval_ms"), stats(m_intervals)},
                {QStringLiteral("intervals_over_budget"), over(m_intervals, budgetMs)},
                {QStringLiteral("intervals_over_2_budgets"), over(m_intervals, 2 * budgetMs)}};
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::UpdateRequest && m_frameStart < 0)
            m_frameStart = m_clock.nsecsElapsed();
        return false;
    }

private:
    void onSwapped()
    {
        const qint64 now = m_clock.nsecsElapsed();
        if (m_recording) {
            if (m_frameStart >= 0)
                m_costs << double(now - m_frameStart) / 1e6;
            else
                ++m_unstarted; // drawn for another reason (expose, resize): no start to measure
            if (m_lastSwap >= 0)
                m_intervals << double(now - m_lastSwap) / 1e6;
        }
        m_lastSwap = now;
        m_frameStart = -1;
    }

    QQuickWindow *m_window;
    QElapsedTimer m_clock;
    QList<double> m_costs;
    QList<double> m_intervals;
    qint64 m_lastSwap = -1;
    qint64 m_frameStart = -1;
    int m_unstarted = 0;
    bool m_recording = false;
};

/*!
    --flick: loads the whole catalogue into the shop's grid, waits for the first screen's
    pictures, then flicks the grid down at its maximum flick velocity for half of \a seconds and
    back up for the other half (a new flick every 400 ms, as a thumb does) while \a recorder
    records the frames. Prints one "flick: {json}" line, then exits the application.
*/
void flickAndReport(QQuickWindow *window, FrameRecorder *recorder, double seconds)
{
    auto *products = window->property("appProducts").value<QObject *>();
    QQuickItem *grid = findItem(window->contentItem(), QStringLiteral("productGrid"));
    if (!products || !grid || !grid->isVisible()) {
        printLine(QStringLiteral("cocart-demo: --flick needs the shop page"), stderr);
        QCoreApplication::exit(1);
        return;
    }
    // Lives until the application exits; every step is a timeout of this timer.
    auto *tick = new QTimer(window);
    auto *phaseClock = new QElapsedTimer;
    phaseClock->start();
    enum class Phase { Loading, Pictures, Flicking };
    auto phase = std::make_shared<Phase>(Phase::Loading);
    auto maxContentY = std::make_shared<double>(0);
    auto flicks = std::make_shared<int>(0);
    auto lastFlickMs = std::make_shared<qint64>(-1);
    const double velocity = grid->property("maximumFlickVelocity").toDouble();
    tick->start(20);
    QObject::connect(tick, &QTimer::timeout, window, [=] {
        const qint64 elapsed = phaseClock->elapsed();
        switch (*phase) {
        case Phase::Loading:
            if (products->property("loading").toBool())
                return;
            if (products->property("hasMore").toBool() && elapsed < 30000) {
                QMetaObject::invokeMethod(products, "fetchNextPage");
                return;
            }
            QMetaObject::invokeMethod(grid, "positionViewAtBeginning");
            *phase = Phase::Pictures;
            phaseClock->start();
            return;
        case Phase::Pictures:
            if (imagesLoading(window) && elapsed < 5000)
                return;
            *phase = Phase::Flicking;
            phaseClock->start();
            recorder->start();
            return;
        case Phase::Flicking:
            break;
        }
        *maxContentY = qMax(*maxContentY, grid->property("contentY").toDouble());
        const qint64 durationMs = qint64(seconds * 1000);
        if (elapsed >= durationMs) {
            recorder->stop();
            tick->stop();
            QJsonObject out = recorder->summary(1000.0 / 60);
            out.insert(QStringLiteral("seconds"), seconds);
            out.insert(QStringLiteral("size"),
                       QStringLiteral("%1x%2").arg(window->width()).arg(window->height()));
            out.insert(QStringLiteral("products"), products->property("count").toInt());
            out.insert(QStringLiteral("flicks"), *flicks);
            out.insert(QStringLiteral("velocity_px_s"), velocity);
            out.insert(QStringLiteral("max_content_y"), qRound(*maxContentY));
            out.insert(QStringLiteral("content_height"),
                       qRound(grid->property("contentHeight").toDouble()));
            out.insert(QStringLiteral("backend"), QQuickWindow::sceneGraphBackend());
            printLine(QStringLiteral("flick: ") +
                      QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)));
            delete phaseClock;
            QCoreApplication::exit(0);
            return;
        }
        if (*lastFlickMs < 0 || elapsed - *lastFlickMs >= 400) {
            // Negative: the content moves up, i.e. the grid scrolls down the catalogue.
            const double direction = elapsed < durationMs / 2 ? -1 : 1;
            QMetaObject::invokeMethod(grid, "flick", Q_ARG(qreal, 0),
                                      Q_ARG(qreal, direction * velocity));
            *lastFlickMs = elapsed;
            ++*flicks;
        }
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();

    // --help, --screenshot and --measure need no screen: without a display, render offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        for (int i = 1; i < argc; ++i) {
            const QByteArray arg(argv[i]);
            if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" ||
                arg.startsWith("--screenshot") || arg == "--measure" || arg.startsWith("--flick") ||
                arg == "--print-state") {
                qputenv("QT_QPA_PLATFORM", "offscreen");
                break;
            }
        }
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("cocart-demo"));
    QGuiApplication::setOrganizationName(QStringLiteral("CoCartQt"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("CoCart Shop"));
    QGuiApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "CoCart Qt demo shop. Without --store it starts a demo store inside the app (demo "
            "catalogue, demo customer) on loopback port 8797, keeping its carts and sessions in "
            "the app's data folder, so a signed-in customer stays signed in across restarts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(
            QStringLiteral("store"),
            QStringLiteral("Shop at the CoCart store at <url> instead of the embedded demo store."),
            QStringLiteral("url"));
    const QCommandLineOption wooCommerceOption(
            QStringLiteral("woocommerce"),
            QStringLiteral("The embedded demo store behaves like WooCommerce 9 (WordPress 6.6 + "
                           "WooCommerce 9.1, the default) or 10 (WordPress 7.1 + WooCommerce "
                           "10.0)."),
            QStringLiteral("9|10"), QStringLiteral("9"));
    const QCommandLineOption userAgentOption(
            QStringLiteral("user-agent"),
            QStringLiteral("User-Agent for every request (tokens are bound to it)."),
            QStringLiteral("ua"));
    const QCommandLineOption tokenStoreOption(
            QStringLiteral("token-store"),
            QStringLiteral("Where the session is saved: keychain (default) or memory (forgotten "
                           "when the app exits). Without a working keychain the app still "
                           "works, but you sign in again next time."),
            QStringLiteral("kind"));
    const QCommandLineOption portOption(
            QStringLiteral("port"),
            QStringLiteral("Loopback port of the embedded store (default 8797; 0 picks a free "
                           "one). If it is taken, a free port is used and you sign in again."),
            QStringLiteral("port"));
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QStringLiteral("Render the page, save it as a PNG to <file>, print timings and "
                           "exit. Works with QT_QPA_PLATFORM=offscreen. Uses a fresh embedded "
                           "store and memory token store, so the pictures never depend on what "
                           "was saved before."),
            QStringLiteral("file"));
    const QCommandLineOption pageOption(
            QStringLiteral("page"),
            QStringLiteral("Page to show: signin, shop, cart, account or product. On the "
                           "embedded store with --screenshot, every page but signin signs in as "
                           "the demo customer and fills the cart first; product shows a product "
                           "with sizes."),
            QStringLiteral("name"));
    const QCommandLineOption widthOption(QStringLiteral("width"),
                                         QStringLiteral("Window width (default 1280)."),
                                         QStringLiteral("px"));
    const QCommandLineOption heightOption(QStringLiteral("height"),
                                          QStringLiteral("Window height (default 800)."),
                                          QStringLiteral("px"));
    const QCommandLineOption phoneOption(QStringLiteral("phone"),
                                         QStringLiteral("Phone-sized window (360x640)."));
    const QCommandLineOption measureOption(
            QStringLiteral("measure"),
            QStringLiteral("Print the time to first frame and the memory once the page is "
                           "ready, then exit."));
    const QCommandLineOption flickOption(
            QStringLiteral("flick"),
            QStringLiteral("With --measure on the shop page: once it is ready, load the whole "
                           "catalogue, flick the product grid down and back for <seconds> and "
                           "print the frame times (cost and interval: median, p95, max, frames "
                           "over 16.7 ms) as JSON on a line starting with \"flick:\"."),
            QStringLiteral("seconds"));
    const QCommandLineOption guestOption(
            QStringLiteral("guest"),
            QStringLiteral("With no saved session, shop as a guest instead of showing the "
                           "sign-in page."));
    const QCommandLineOption printStateOption(
            QStringLiteral("print-state"),
            QStringLiteral("Once the page is ready, print whether the app is signed in, how "
                           "many login and refresh requests the embedded store saw, which stack "
                           "it behaves like and which checkout hand-off the cart uses, then "
                           "exit."));
    const QCommandLineOption developerOption(
            QStringLiteral("developer"),
            QStringLiteral("Show the session's token details and Validate/Refresh on the account "
                           "page (for developers; shoppers never see them)."));
    const QCommandLineOption langOption(
            QStringLiteral("lang"),
            QStringLiteral("Language of the window, e.g. de or en (default: the system's)."),
            QStringLiteral("language"));
    parser.addOptions({storeOption, userAgentOption, tokenStoreOption, portOption, screenshotOption,
                       pageOption, widthOption, heightOption, phoneOption, measureOption,
                       flickOption, guestOption, printStateOption, langOption, wooCommerceOption,
                       developerOption});
    parser.process(app);
    const QString language = installTranslations(app, parser.value(langOption));
    qCInfo(lcDemo).noquote() << "translation:"
                             << (language.isEmpty() ? QStringLiteral("none") : language);

    auto fail = [](const QString &message) {
        printLine(QStringLiteral("cocart-demo: ") + message, stderr);
        return 2;
    };

    const QString page = parser.value(pageOption);
    if (!page.isEmpty() && !kPages.contains(page))
        return fail(QStringLiteral("--page must be one of: ") + kPages.join(QStringLiteral(", ")));
    QString tokenStore = parser.value(tokenStoreOption);
    if (!tokenStore.isEmpty() && tokenStore != QLatin1String("keychain") &&
        tokenStore != QLatin1String("memory"))
        return fail(QStringLiteral("--token-store must be keychain or memory"));
    int width = parser.isSet(phoneOption) ? 360 : 1280;
    int height = parser.isSet(phoneOption) ? 640 : 800;
    bool ok = true;
    if (parser.isSet(widthOption))
        width = parser.value(widthOption).toInt(&ok);
    if (ok && parser.isSet(heightOption))
        height = parser.value(heightOption).toInt(&ok);
    if (!ok || width < 200 || height < 200)
        return fail(QStringLiteral("--width and --height take a size in pixels (at least 200)"));
    quint16 port = kDefaultPort;
    if (parser.isSet(portOption)) {
        const uint value = parser.value(portOption).toUInt(&ok);
        if (!ok || value > 65535)
            return fail(QStringLiteral("--port needs a number from 0 to 65535"));
        port = quint16(value);
    }
    CoCartDevStore::DevStore::Stack stack = CoCartDevStore::DevStore::Stack::WooCommerce9;
    if (!CoCartDevStore::DevStore::parseStack(parser.value(wooCommerceOption), &stack))
        return fail(QStringLiteral("--woocommerce must be 9 or 10"));
    if (parser.isSet(wooCommerceOption) && parser.isSet(storeOption))
        return fail(QStringLiteral("--woocommerce is for the embedded demo store, not --store"));
    const bool screenshot = parser.isSet(screenshotOption);
    const bool printState = parser.isSet(printStateOption);
    double flickSeconds = 0;
    if (parser.isSet(flickOption)) {
        flickSeconds = parser.value(flickOption).toDouble(&ok);
        if (!ok || flickSeconds <= 0 || flickSeconds > 600)
            return fail(QStringLiteral("--flick takes a number of seconds (up to 600)"));
    }
    const bool measure =
            parser.isSet(measureOption) || screenshot || printState || flickSeconds > 0;

    // The embedded store lives as long as the app; with --store none is started.
    std::unique_ptr<CoCartDevStore::DevStore> devStore;
    std::unique_ptr<QLockFile> stateLock;
    QUrl storeUrl;
    QString storeNotice; // shown in the window: something about the store the user should know
    if (parser.isSet(storeOption)) {
        storeUrl = QUrl(parser.value(storeOption), QUrl::StrictMode);
        if (!storeUrl.isValid() || storeUrl.host().isEmpty() ||
            (storeUrl.scheme() != QLatin1String("https") &&
             storeUrl.scheme() != QLatin1String("http")))
            return fail(QStringLiteral("--store needs an http(s) URL, e.g. https://shop.example"));
        if (tokenStore.isEmpty())
            tokenStore = QStringLiteral("keychain");
    } else {
        devStore = std::make_unique<CoCartDevStore::DevStore>();
        devStore->setStack(stack);
        devStore->seedDemoData();
        if (screenshot) {
            // Pictures of a fresh store on any free port: nothing saved is read or written.
            port = 0;
            if (tokenStore.isEmpty())
                tokenStore = QStringLiteral("memory");
        } else {
            // One app instance owns the state file; a second one runs on memory only.
            const QString dataDir =
                    QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
            QDir().mkpath(dataDir);
            stateLock =
                    std::make_unique<QLockFile>(dataDir + QStringLiteral("/devstore-state.lock"));
            const QString stateFile = dataDir + QStringLiteral("/devstore-state.json");
            if (!stateLock->tryLock(0)) {
                storeNotice = QCoreApplication::translate(
                        "main",
                        "Another CoCart Shop window owns the demo store's saved state: "
                        "this one starts an empty demo store and forgets it on exit.");
                stateLock.reset();
            } else if (!devStore->setStatePath(stateFile)) {
                storeNotice =
                        QCoreApplication::translate(
                                "main",
                                "The demo store's saved state could not be used (%1): it starts "
                                "empty and forgets its carts and sessions on exit.")
                                .arg(QDir::toNativeSeparators(stateFile));
            }
        }
        if (!devStore->listen(QHostAddress(QHostAddress::LocalHost), port)) {
            if (port == 0 || !devStore->listen(QHostAddress(QHostAddress::LocalHost), 0))
                return fail(QStringLiteral("could not start the embedded demo store"));
            const QString portTaken =
                    QCoreApplication::translate(
                            "main",
                            "Port %1 is taken, so the demo store runs on port %2: please sign "
                            "in again.")
                            .arg(port)
                            .arg(devStore->port());
            storeNotice =
                    storeNotice.isEmpty() ? portTaken : storeNotice + QLatin1Char(' ') + portTaken;
        }
        storeUrl = devStore->url();
        qCInfo(lcDemo).noquote() << "embedded demo store at" << storeUrl.toString() << "("
                                 << CoCartDevStore::DevStore::stackName(devStore->stack()) << ")";
        if (!devStore->statePath().isEmpty())
            qCInfo(lcDemo).noquote() << "demo store state in" << devStore->statePath();
    }
    if (tokenStore.isEmpty())
        tokenStore = QStringLiteral("keychain");
    if (!storeNotice.isEmpty())
        qCWarning(lcDemo).noquote() << storeNotice;
    const CoCartDevStore::Account demo = CoCartDevStore::DevStore::demoCustomer();

    // Material: finger-sized controls (48 px) and the system's light or dark preference.
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({
            {QStringLiteral("storeUrl"), storeUrl},
            {QStringLiteral("embeddedStore"), bool(devStore)},
            {QStringLiteral("storeNotice"), storeNotice},
            {QStringLiteral("demoUsername"), devStore ? demo.username : QString()},
            {QStringLiteral("demoPassword"), devStore ? demo.password : QString()},
            {QStringLiteral("userAgent"), parser.value(userAgentOption)},
            {QStringLiteral("tokenStoreKind"), tokenStore},
            {QStringLiteral("startPage"), page},
            {QStringLiteral("demoScript"),
             measure && devStore && !page.isEmpty() && page != QLatin1String("signin")},
            {QStringLiteral("startAsGuest"), parser.isSet(guestOption)},
            {QStringLiteral("developerMode"), parser.isSet(developerOption)},
            {QStringLiteral("width"), width},
            {QStringLiteral("height"), height},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/CoCartDemo/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;

    if (!measure)
        return app.exec();

    // --screenshot / --measure: note the first frame, wait until the page says it is ready and
    // its pictures have arrived, let two more frames render, then grab and report.
    qint64 firstFrameMs = -1;
    qint64 firstFrameSinceMainMs = -1;
    FrameRecorder frames(window);
    QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [&] {
                if (firstFrameMs < 0) {
                    firstFrameSinceMainMs = sinceMain.elapsed();
                    firstFrameMs = msSinceProcessStart();
                }
            },
            Qt::DirectConnection);

    const QString file = parser.value(screenshotOption);
    int exitCode = 0;
    QTimer poll;
    QElapsedTimer waiting;
    waiting.start();
    int settledPolls = 0;
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        const bool ready = window->property("pageReady").toBool() && firstFrameMs >= 0 &&
                !imagesLoading(window);
        settledPolls = ready ? settledPolls + 1 : 0;
        if (settledPolls < 3 && waiting.elapsed() < 20000) {
            window->update();
            return;
        }
        poll.stop();
        if (settledPolls < 3) {
            printLine(QStringLiteral("cocart-demo: the page did not become ready within 20 s"),
                      stderr);
            exitCode = 1;
        }
        const QString readyPage = window->property("currentPage").toString();
        printLine(QStringLiteral("page: %1 (%2x%3)")
                          .arg(readyPage)
                          .arg(window->width())
                          .arg(window->height()));
        printLine(QStringLiteral("first-frame-ms: %1 (since process start), %2 (since main)")
                          .arg(firstFrameMs)
                          .arg(firstFrameSinceMainMs));
        printLine(QStringLiteral("ready-ms: %1 (since main)").arg(sinceMain.elapsed()));
        printLine(QStringLiteral("memory-mib: VmRSS %1, VmHWM %2")
                          .arg(statusMiB("VmRSS"), 0, 'f', 1)
                          .arg(statusMiB("VmHWM"), 0, 'f', 1));
        if (!file.isEmpty()) {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(file, "PNG")) {
                printLine(QStringLiteral("cocart-demo: could not save ") + file, stderr);
                exitCode = 1;
            } else {
                printLine(QStringLiteral("screenshot: %1 (%2x%3)")
                                  .arg(file)
                                  .arg(image.width())
                                  .arg(image.height()));
            }
        }
        if (printState) {
            const auto *session = window->property("appSession").value<QObject *>();
            const auto *cart = window->property("appCart").value<QObject *>();
            const bool signedIn = session && session->property("signedIn").toBool();
            printLine(QStringLiteral("signed-in: %1")
                              .arg(signedIn ? QLatin1String("yes") : QLatin1String("no")));
            // Ready, Unavailable, Locked or Error (TokenStore::State).
            printLine(QStringLiteral("token-storage: %1")
                              .arg(session ? session->property("storageState").toString()
                                           : QString()));
            if (devStore) {
                printLine(QStringLiteral("login-requests: %1")
                                  .arg(devStore->requestCount(
                                          QStringLiteral("POST /wp-json/cocart/v2/login"))));
                printLine(QStringLiteral("refresh-requests: %1")
                                  .arg(devStore->requestCount(QStringLiteral(
                                          "POST /wp-json/cocart/jwt/refresh-token"))));
                printLine(QStringLiteral("cart-items: %1")
                                  .arg(cart ? cart->property("itemCount").toInt() : 0));
                printLine(QStringLiteral("store-stack: %1")
                                  .arg(CoCartDevStore::DevStore::stackName(devStore->stack())));
            }
            // Which hand-off the checkout button opens (Cart::CheckoutHandoff): where the
            // store's stack matters to a developer; the shopper only sees "Checkout".
            QString handoff;
            if (cart) {
                const QMetaObject *meta = cart->metaObject();
                const QMetaProperty property =
                        meta->property(meta->indexOfProperty("checkoutHandoff"));
                handoff = QString::fromLatin1(
                        property.enumerator().valueToKey(property.read(cart).toInt()));
            }
            printLine(QStringLiteral("checkout-handoff: %1").arg(handoff));
        }
        if (flickSeconds > 0 && exitCode == 0) {
            flickAndReport(window, &frames, flickSeconds);
            return;
        }
        QCoreApplication::exit(exitCode);
    });
    poll.start(50);
    return app.exec();
}
