// Measures what the session design buys, as ratios against the naive alternative:
//  1. restore() of a saved, valid session (no request) vs a fresh login round trip;
//  2. N concurrent requests on an expired token: refresh requests with single-flight (1) vs
//     what a client refreshing per request would need (N), and the wall time of the batch;
//  3. CartItemModel: a one-line change applied as minimal row updates vs a full model reset
//     (the rows a view must rebuild).
// Everything runs against the in-process devstore on loopback.

#include <CoCart/CartItemModel.h>
#include <CoCart/Clock.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/CartItemModelAccess.h>
#include <CoCart/Testing/TestClock.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include <CoCart/Reply.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>

using namespace CoCart;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

bool waitFor(QSignalSpy &spy, int ms = 10000)
{
    return !spy.isEmpty() || spy.wait(ms);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    CoCartDevStore::DevStore store;
    store.seedDemoData();
    if (!store.listen())
        return 1;
    const int rounds = 30;

    // 1. restore vs login
    QList<double> loginMs;
    QList<double> restoreMs;
    for (int i = 0; i < rounds; ++i) {
        Testing::TestTokenStore tokens;
        Session session;
        session.setStoreUrl(store.url());
        session.setTokenStore(&tokens);
        QSignalSpy loggedIn(&session, &Session::loggedIn);
        QElapsedTimer timer;
        timer.start();
        session.login(QStringLiteral("customer1"), QStringLiteral("customer-pass-123"));
        if (!waitFor(loggedIn))
            return 1;
        loginMs << timer.nsecsElapsed() / 1e6;

        Session next;
        next.setStoreUrl(store.url());
        next.setTokenStore(&tokens);
        QSignalSpy restored(&next, &Session::restored);
        const int before = store.totalRequestCount();
        timer.restart();
        next.restore();
        if (!waitFor(restored))
            return 1;
        restoreMs << timer.nsecsElapsed() / 1e6;
        if (store.totalRequestCount() != before)
            std::printf("restore made a request!\n");
    }
    std::printf("restore (saved, valid token): median %.3f ms, 0 requests\n", median(restoreMs));
    std::printf("login round trip:             median %.3f ms, 1 request\n", median(loginMs));
    std::printf("ratio login/restore:          %.1fx\n\n", median(loginMs) / median(restoreMs));

    // 2. single-flight refresh for N concurrent requests on an expired token
    for (const int n : {10, 100, 500}) {
        Testing::TestTokenStore tokens;
        Session session;
        session.setStoreUrl(store.url());
        session.setTokenStore(&tokens);
        session.setAutoRefresh(false);
        QSignalSpy loggedIn(&session, &Session::loggedIn);
        session.login(QStringLiteral("customer1"), QStringLiteral("customer-pass-123"));
        if (!waitFor(loggedIn))
            return 1;
        Testing::TestClock clock(QDateTime::currentMSecsSinceEpoch() +
                                 qint64(11) * 24 * 3600 * 1000);
        session.setClock(&clock);
        store.resetCounters();
        int done = 0;
        int failed = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i) {
            session.post(QStringLiteral("/cocart/jwt/validate-token"), {}, &app, [&](Reply &r) {
                ++done;
                if (r.error())
                    ++failed;
            });
        }
        while (done < n && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        const int refreshes =
                store.requestCount(QStringLiteral("POST /wp-json/cocart/jwt/refresh-token"));
        std::printf("%4d concurrent requests on an expired token: %d refresh (naive: %d, ratio "
                    "%.0fx fewer), %d failed, %.1f ms for the batch\n",
                    n, refreshes, n, double(n) / qMax(1, refreshes), failed,
                    timer.nsecsElapsed() / 1e6);
    }
    std::printf("\n");

    // 3. CartItemModel: minimal updates vs reset
    QList<CartLine> lines;
    for (int i = 0; i < 200; ++i) {
        CartLine line;
        line.setKey(QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')));
        line.setProductId(i);
        line.setName(QStringLiteral("Product %1").arg(i));
        line.setQuantity(1);
        line.setUnitPrice(1000 + i);
        line.setLineTotal(line.unitPrice());
        lines << line;
    }
    CartItemModel model;
    Currency currency;
    Testing::CartItemModelAccess::setLines(model, lines, currency);
    int rowsTouched = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &app,
                     [&](const QModelIndex &a, const QModelIndex &b) {
                         rowsTouched += b.row() - a.row() + 1;
                     });
    QObject::connect(&model, &QAbstractItemModel::modelReset, &app,
                     [&] { rowsTouched += model.rowCount(); });
    QElapsedTimer timer;
    timer.start();
    const int updates = 1000;
    for (int i = 0; i < updates; ++i) {
        CartLine &line = lines[i % lines.size()];
        line.setQuantity(line.quantity() + 1);
        Testing::CartItemModelAccess::setLines(model, lines, currency);
    }
    const double perUpdateUs = timer.nsecsElapsed() / 1e3 / updates;
    std::printf("CartItemModel, 200 lines, one quantity changed per update: %.1f rows touched "
                "per update (a reset touches 200: %.0fx fewer), %.1f us per update\n",
                double(rowsTouched) / updates, 200.0 / (double(rowsTouched) / updates),
                perUpdateUs);
    return 0;
}
