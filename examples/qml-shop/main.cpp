// A minimal QML shop on the CoCart QML module: the catalogue of a store as a list.
// Usage: cocart-qml-shop-example STORE_URL [--quit-when-loaded]
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>

#ifdef COCART_STATIC_QML
#include <QtQml/qqmlextensionplugin.h>
Q_IMPORT_QML_PLUGIN(CoCartPlugin)
#endif

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();

    QQmlApplicationEngine engine;
#ifdef COCART_QML_IMPORT_DIR
    engine.addImportPath(QStringLiteral(COCART_QML_IMPORT_DIR)); // CoCartQt_QML_IMPORT_DIR
#endif
    engine.setInitialProperties({
            {QStringLiteral("storeUrl"),
             QUrl(args.value(1, QStringLiteral("http://127.0.0.1:8088")))},
            {QStringLiteral("quitWhenLoaded"), args.contains(QStringLiteral("--quit-when-loaded"))},
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/QmlShop/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    return QGuiApplication::exec();
}
