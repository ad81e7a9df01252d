// bench_store: the devstore in a process of its own for the benchmarks, with what the bench needs
// and `cocart-devstore` does not offer (devstore/ belongs to another developer): a catalogue file,
// a fixed latency on every answer, and request counters read over stdin.
//
// Prints "url http://127.0.0.1:PORT" once listening, then answers one line per command on stdin:
//   count METHOD /wp-json/...   requests seen on that route since the last reset
//   total                       all requests since the last reset
//   reset                       counters (and the store's request records) back to 0
//   latency MS                  every later answer is sent MS ms after the route ran (0: none)
//   quit
// Every answer is one line starting with "ok".

#include <CoCartDevStore/DevStore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace CoCartDevStore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
                                           QStringLiteral("catalog.json to serve."),
                                           QStringLiteral("file"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("Milliseconds added to every answer."),
                                           QStringLiteral("ms"), QStringLiteral("0"));
    parser.addOptions({catalogOption, latencyOption});
    parser.process(app);

    DevStore store;
    store.seedDemoData();
    if (parser.isSet(catalogOption) && !store.loadCatalog(parser.value(catalogOption))) {
        std::fprintf(stderr, "bench_store: cannot load %s\n",
                     qPrintable(parser.value(catalogOption)));
        return 2;
    }
    auto setLatency = [&store](int ms) {
        store.clearFaults();
        if (ms <= 0)
            return;
        Fault delay;
        delay.kind = Fault::Kind::Delay;
        delay.delayMs = ms;
        delay.times = -1;
        store.addFault(delay);
    };
    setLatency(parser.value(latencyOption).toInt());
    if (!store.listen())
        return 1;
    std::printf("url %s\n", qPrintable(store.url().toString()));
    std::fflush(stdout);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    std::string pending;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            QCoreApplication::quit(); // the bench went away
            return;
        }
        pending.append(buffer, size_t(n));
        size_t end;
        while ((end = pending.find('\n')) != std::string::npos) {
            const QString line = QString::fromStdString(pending.substr(0, end)).trimmed();
            pending.erase(0, end + 1);
            const QString command = line.section(QLatin1Char(' '), 0, 0);
            const QString argument = line.section(QLatin1Char(' '), 1);
            if (command == QLatin1String("count")) {
                std::printf("ok %d\n", store.requestCount(argument));
            } else if (command == QLatin1String("total")) {
                std::printf("ok %d\n", store.totalRequestCount());
            } else if (command == QLatin1String("reset")) {
                store.resetCounters();
                std::printf("ok\n");
            } else if (command == QLatin1String("latency")) {
                setLatency(argument.toInt());
                std::printf("ok\n");
            } else if (command == QLatin1String("quit")) {
                std::printf("ok\n");
                QCoreApplication::quit();
            } else {
                std::printf("error unknown command\n");
            }
            std::fflush(stdout);
        }
    });
    return app.exec();
}
