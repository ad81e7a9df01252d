// Issue 20, "a first hour without a stumble": what a Qt developer meets first, against the
// in-process devstore. A wrong address says "No CoCart store at … — check the address" from every
// call on CoCart's routes, a page is quoted by its words, an https:// URL on a plain-http port and
// a pasted URL with blanks say what is wrong; calls chain (Reply::future() in C++, then() in QML)
// and a session sends an app's own headers on every request.

#include <CoCart/Cart.h>
#include <CoCart/ProductModel.h>
#include <CoCart/Reply.h>
#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include "sessionfixture.h"

#include <QJsonObject>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace CoCart;
using namespace CoCartTest;

namespace {

//! A page such as a web server or a WordPress theme serves: its first 80 bytes are all markup.
const QByteArray kHtmlPage = R"(<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Shop &amp; more</title>
<style>body { font-family: sans-serif; margin: 0 auto; max-width: 40em; }</style>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body class="home page-template-default"><!-- header --><div id="page"><header><h1>Welcome
to our shop</h1></header><p>Fresh coffee &mdash; roasted every day.</p></div></body></html>)";

} // namespace

class TestFirstHour : public QObject, private SessionFixture
{
    Q_OBJECT

private:
    std::unique_ptr<Session> m_session;

    void addPage(const QString &suffix, int status, const QByteArray &body = kHtmlPage,
                 const QByteArray &contentType = "text/html; charset=UTF-8")
    {
        CoCartDevStore::Fault fault;
        fault.pathSuffix = suffix;
        fault.status = status;
        fault.body = body;
        fault.contentType = contentType;
        fault.times = -1;
        m_store->addFault(fault);
    }

    QString storeDisplay(const QString &path = QString()) const
    {
        return m_store->url().toString() + path;
    }

    static Error errorOf(Reply *reply)
    {
        QSignalSpy finished(reply, &Reply::finished);
        if (!finished.wait(5000))
            return Error(Error::Timeout, QStringLiteral("the reply never finished"));
        return reply->error();
    }

    static void verifyNoStore(const Error &error, Error::Kind kind, const QString &display)
    {
        QCOMPARE(error.code(), QStringLiteral("cocart_no_store"));
        QCOMPARE(error.kind(), kind);
        QCOMPARE(error.message(),
                 QStringLiteral("No CoCart store at %1 — check the address.").arg(display));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(startStore());
        m_session = makeSession(m_tokens.get());
    }

    void cleanup()
    {
        m_session.reset();
        stopStore();
    }

    // --- (2) an address that is not a CoCart store ----------------------------------------

    void loginAtAnAddressWithoutCoCart_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("kind");
        // "The store's answer is not valid JSON (illegal number, HTTP 200)" before.
        QTest::newRow("a web page, HTTP 200")
                << 200 << kHtmlPage << QByteArray("text/html") << int(Error::BadResponse);
        // `The store answered HTTP 501 with a text/html page instead of JSON: " …"` before.
        QTest::newRow("a server that takes no POST, HTTP 501")
                << 501 << QByteArray("<html><body><h1>Unsupported method ('POST')</h1></body>")
                << QByteArray("text/html") << int(Error::BadResponse);
        QTest::newRow("a 405 page") << 405 << QByteArray("<p>Method Not Allowed</p>")
                                    << QByteArray("text/html") << int(Error::BadResponse);
        QTest::newRow("WordPress without CoCart, 404 rest_no_route")
                << 404
                << QByteArray(R"({"code":"rest_no_route","message":"No route was found matching )"
                              R"(the URL and request method.","data":{"status":404}})")
                << QByteArray("application/json") << int(Error::NotFound);
    }

    void loginAtAnAddressWithoutCoCart()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, kind);
        addPage(QStringLiteral("/cocart/v2/login"), status, body, contentType);
        QSignalSpy failed(m_session.get(), &Session::loginFailed);
        const Error error = errorOf(m_session->login(kUser, kPassword));
        verifyNoStore(error, Error::Kind(kind), storeDisplay());
        QCOMPARE(error.httpStatus(), status);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(m_session->status(), Session::Status::SignedOut);
    }

    // A CoCart store in trouble is not "no store": its 500 page, its 403 firewall page and its
    // own errors keep their words.
    void aStoreInTroubleKeepsItsWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("500") << 500 << int(Error::Server);
        QTest::newRow("503") << 503 << int(Error::Server);
        QTest::newRow("403 firewall page") << 403 << int(Error::BadResponse);
    }

    void aStoreInTroubleKeepsItsWords()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        addPage(QStringLiteral("/cocart/v2/login"), status);
        const Error error = errorOf(m_session->login(kUser, kPassword));
        QCOMPARE(error.kind(), Error::Kind(kind));
        QVERIFY2(error.code() != QLatin1String("cocart_no_store"), qPrintable(error.toString()));
    }

    // The page is quoted by its words: tags, head, styles and scripts go before it is cut.
    void aPageIsQuotedByItsText()
    {
        addPage(QStringLiteral("/my-plugin/v1/ping"), 500);
        const Error error = errorOf(m_session->get(QStringLiteral("/my-plugin/v1/ping")));
        QCOMPARE(error.kind(), Error::Server);
        QCOMPARE(
                error.message(),
                QStringLiteral("The store answered HTTP 500 with a text/html page instead of "
                               "JSON: \"Welcome to our shop Fresh coffee — roasted every day.\"."));
    }

    void aLongPageIsCutAfterItsTagsAreGone()
    {
        QByteArray page = "<html><head><title>x</title></head><body>";
        for (int i = 0; i < 40; ++i)
            page += "<div class=\"row\"><span>word" + QByteArray::number(i) + "</span></div>";
        addPage(QStringLiteral("/my-plugin/v1/ping"), 502, page + "</body></html>");
        const QString message =
                errorOf(m_session->get(QStringLiteral("/my-plugin/v1/ping"))).message();
        QVERIFY2(message.contains(QLatin1String(": \"word0 word1 word2")), qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("…\".")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('<')), qPrintable(message));
    }

    // A route of the app's own that answers a page with 200: a page, not "illegal number".
    void aPageWithStatus200IsCalledAPage()
    {
        addPage(QStringLiteral("/my-plugin/v1/ping"), 200);
        const Error error = errorOf(m_session->get(QStringLiteral("/my-plugin/v1/ping")));
        QCOMPARE(error.kind(), Error::BadResponse);
        QCOMPARE(error.code(), QStringLiteral("bad_response"));
        QVERIFY2(error.message().startsWith(QStringLiteral(
                         "The store answered HTTP 200 with a text/html page instead of JSON: "
                         "\"Welcome to our shop")),
                 qPrintable(error.message()));
        // Broken JSON is still called that.
        addPage(QStringLiteral("/my-plugin/v1/broken"), 200, "{\"a\": tru", "application/json");
        const Error broken = errorOf(m_session->get(QStringLiteral("/my-plugin/v1/broken")));
        QVERIFY2(
                broken.message().startsWith(QStringLiteral("The store's answer is not valid JSON")),
                qPrintable(broken.message()));
    }

    void checkStoreSaysWhy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::newRow("no route") << QStringLiteral("/wrong") << int(Error::NotFound);
        QTest::newRow("a web page") << QString() << int(Error::BadResponse);
    }

    void checkStoreSaysWhy()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        if (path.isEmpty())
            addPage(QStringLiteral("/cocart/v2/store"), 200);
        m_session->setStoreUrl(QUrl(storeDisplay(path)));
        verifyNoStore(errorOf(m_session->checkStore()), Error::Kind(kind), storeDisplay(path));
    }

    void modelsAtAnAddressWithoutCoCart_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::newRow("no route") << QStringLiteral("/wrong") << int(Error::NotFound);
        QTest::newRow("a web page") << QString() << int(Error::BadResponse);
    }

    void modelsAtAnAddressWithoutCoCart()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        if (path.isEmpty()) {
            addPage(QStringLiteral("/cocart/v2/products"), 200);
            addPage(QStringLiteral("/cocart/v2/cart"), 200);
        }
        m_session->setStoreUrl(QUrl(storeDisplay(path)));

        ProductModel products;
        products.setSession(m_session.get());
        verifyNoStore(errorOf(products.reload()), Error::Kind(kind), storeDisplay(path));
        verifyNoStore(products.lastError(), Error::Kind(kind), storeDisplay(path));

        Cart cart;
        cart.setSession(m_session.get());
        QSignalSpy cartFailed(&cart, &Cart::errorOccurred);
        verifyNoStore(errorOf(cart.reload()), Error::Kind(kind), storeDisplay(path));
        verifyNoStore(cart.lastError(), Error::Kind(kind), storeDisplay(path));
        QCOMPARE(cartFailed.count(), 1);
    }

    // CoCart's own 404s (an unknown product) are not "no store".
    void aCoCartNotFoundKeepsItsWords()
    {
        Cart cart;
        cart.setSession(m_session.get());
        const Error error = errorOf(cart.addItem(QStringLiteral("999999"), 1));
        QVERIFY2(error.code() != QLatin1String("cocart_no_store"), qPrintable(error.toString()));
        QVERIFY(!error.code().isEmpty());
    }

    // "Connection closed" / "SSL handshake failed: … wrong version number" before.
    void httpsOnAPlainHttpPort()
    {
        const QUrl plain = m_store->url();
        QUrl secure = plain;
        secure.setScheme(QStringLiteral("https"));
        m_session->setStoreUrl(secure);
        const Error error = errorOf(m_session->checkStore());
        QCOMPARE(error.kind(), Error::Tls);
        QCOMPARE(error.code(), QStringLiteral("tls_not_https"));
        QCOMPARE(error.message(),
                 QStringLiteral("127.0.0.1 does not speak https on port %1: try %2 (or the "
                                "store's https port).")
                         .arg(plain.port())
                         .arg(plain.toString()));
        const Error login = errorOf(m_session->login(kUser, kPassword));
        QCOMPARE(login.code(), QStringLiteral("tls_not_https"));
    }

    // "No valid store URL is set" before: a pasted address with blanks around it.
    void blanksAroundTheStoreUrl_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("leading space") << QStringLiteral(" ") << QString();
        QTest::newRow("trailing space") << QString() << QStringLiteral(" ");
        QTest::newRow("tab and newline") << QStringLiteral("\t") << QStringLiteral("\n");
        QTest::newRow("newline after the port") << QString() << QStringLiteral("\r\n");
    }

    void blanksAroundTheStoreUrl()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const QString url = m_store->url().toString();
        m_session->setStoreUrl(QUrl(before + url + after));
        QCOMPARE(m_session->storeUrl(), m_store->url());
        QVERIFY(errorOf(m_session->checkStore()).kind() == Error::NoError);
        QCOMPARE(m_session->storeName(), QStringLiteral("CoCart Local"));
    }

    // --- (9) chaining calls and an app's own headers ----------------------------------------

    void futureChainsCalls()
    {
        Session *session = m_session.get();
        QString title;
        int products = -1;
        bool failed = false;
        session->get(QStringLiteral("/cocart/v2/store"))
                ->future()
                .then(this,
                      [session, &title](const QJsonValue &store) {
                          title = store.toObject().value(QLatin1String("title")).toString();
                          return session
                                  ->get(QStringLiteral("/cocart/v2/products"),
                                        {{QStringLiteral("per_page"), 3}})
                                  ->future();
                      })
                .unwrap()
                .then(this,
                      [&products](const QJsonValue &page) {
                          products = int(page.toObject()
                                                 .value(QLatin1String("products"))
                                                 .toArray()
                                                 .size());
                      })
                .onFailed(this, [&failed](const ReplyError &) { failed = true; });
        QTRY_COMPARE_WITH_TIMEOUT(products, 3, 5000);
        QCOMPARE(title, QStringLiteral("CoCart Local"));
        QVERIFY(!failed);
    }

    void futureFailsWithTheError()
    {
        bool skipped = true;
        Error caught;
        m_session->get(QStringLiteral("/cocart/v2/no-such-route"))
                ->future()
                .then(this, [&skipped](const QJsonValue &) { skipped = false; })
                .onFailed(this, [&caught](const ReplyError &e) { caught = e.error(); });
        QTRY_VERIFY_WITH_TIMEOUT(caught.isError(), 5000);
        QVERIFY(skipped);
        QCOMPARE(caught.kind(), Error::NotFound);
        QCOMPARE(caught.httpStatus(), 404);

        // Aborted: Cancelled. Already finished: the future is ready at once.
        Reply *aborted = m_session->get(QStringLiteral("/cocart/v2/store"));
        QFuture<QJsonValue> future = aborted->future();
        aborted->abort();
        QVERIFY(future.isFinished());
        try {
            future.result();
            QFAIL("an aborted call's future has no result");
        } catch (const ReplyError &e) {
            QCOMPARE(e.error().kind(), Error::Cancelled);
            QVERIFY(QByteArray(e.what()).startsWith("Cancelled: "));
        }
        Reply *kept = m_session->get(QStringLiteral("/cocart/v2/store"));
        kept->setAutoDelete(false);
        QSignalSpy finished(kept, &Reply::finished);
        QVERIFY(finished.wait(5000));
        QFuture<QJsonValue> late = kept->future();
        QVERIFY(late.isFinished());
        QCOMPARE(late.result().toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("CoCart Local"));
        delete kept;
    }

    void qmlThenChains()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        QQmlComponent component(&engine);
        component.setData(R"(
import QtQml
import CoCart

QtObject {
    id: root
    required property Session session
    property string title
    property int count: -1
    property var steps: []
    property string failure
    property int failureKind: -1
    property int failureStatus: -1
    property string thrown
    property var chained: null

    function chain() {
        root.session.get("/cocart/v2/store")
            .then((store, reply) => {
                root.steps.push("store " + reply.httpStatus);
                root.title = store.title;
                return root.session.get("/cocart/v2/products", { per_page: 2 });
            })
            .then(page => page.products.length)
            .then(count => { root.count = count; });
    }
    function fail() {
        root.session.get("/cocart/v2/no-such-route")
            .then(() => { root.steps.push("not this"); })
            .then(() => { root.steps.push("nor this"); },
                  (error, reply) => {
                      root.failure = error.code;
                      root.failureKind = error.kind;
                      root.failureStatus = reply.httpStatus;
                  });
    }
    function throwing() {
        root.chained = root.session.get("/cocart/v2/store")
            .then(() => { throw new TypeError("oops"); }); // `Error` is CoCart's kinds here
        root.chained.then(null, error => { root.thrown = error.code + ": " + error.message; });
    }
}
)",
                          QUrl());
        std::unique_ptr<QObject> root(component.createWithInitialProperties(
                {{QStringLiteral("session"), QVariant::fromValue(m_session.get())}}));
        QVERIFY2(root, qPrintable(component.errorString()));

        QMetaObject::invokeMethod(root.get(), "chain");
        QTRY_COMPARE_WITH_TIMEOUT(root->property("count").toInt(), 2, 5000);
        QCOMPARE(root->property("title").toString(), QStringLiteral("CoCart Local"));
        QCOMPARE(root->property("steps").toStringList(), QStringList {QStringLiteral("store 200")});

        QMetaObject::invokeMethod(root.get(), "fail");
        QTRY_COMPARE_WITH_TIMEOUT(root->property("failureKind").toInt(), int(Error::NotFound),
                                  5000);
        QCOMPARE(root->property("failure").toString(), QStringLiteral("rest_no_route"));
        QCOMPARE(root->property("failureStatus").toInt(), 404);
        QCOMPARE(root->property("steps").toStringList(), QStringList {QStringLiteral("store 200")});

        QMetaObject::invokeMethod(root.get(), "throwing");
        QTRY_VERIFY_WITH_TIMEOUT(!root->property("thrown").toString().isEmpty(), 5000);
        QVERIFY2(root->property("thrown").toString().startsWith(QStringLiteral(
                         "cocart_script_error: A then() callback threw: TypeError: oops")),
                 qPrintable(root->property("thrown").toString()));
    }

    void extraHeadersOnEveryRequest()
    {
        QTest::ignoreMessage(
                QtWarningMsg,
                "refusing the extra header Authorization (the session sends it itself)");
        QTest::ignoreMessage(QtWarningMsg,
                             "refusing the extra header CoCart-API-Cart-Key (the session sends it "
                             "itself)");
        m_session->setExtraHeaders({{"X-Shop-App", "demo/1.0"},
                                    {"Authorization", "Basic nope"},
                                    {"CoCart-API-Cart-Key", "someone-elses"},
                                    {"X-Shop-Channel", "mobile"}});
        QCOMPARE(m_session->extraHeaders().size(), 2);
        m_session->setExtraHeader(QStringLiteral("x-shop-channel"), QStringLiteral("tablet"));
        m_session->setExtraHeader(QStringLiteral("X-Removed"), QStringLiteral("x"));
        m_session->setExtraHeader(QStringLiteral("X-Removed"), QString());
        QCOMPARE(m_session->extraHeaders().size(), 2);

        QVERIFY(signIn(m_session.get()));
        QVERIFY(!errorOf(m_session->refresh()));
        QVERIFY(!errorOf(m_session->get(QStringLiteral("/cocart/v2/store"))));
        Cart cart;
        cart.setSession(m_session.get());
        QVERIFY(!errorOf(cart.reload()));
        // A call's own header of the same name wins.
        QVERIFY(!errorOf(m_session->send(Request()
                                                 .setPath(QStringLiteral("/cocart/v2/store"))
                                                 .addHeader("X-Shop-App", "override"))));

        const auto requests = m_store->requests();
        QVERIFY(requests.size() >= 5);
        for (int i = 0; i < requests.size(); ++i) {
            const auto &r = requests.at(i);
            const bool last = i == requests.size() - 1;
            QCOMPARE(r.header("X-Shop-App"),
                     last ? QByteArray("override") : QByteArray("demo/1.0"));
            QCOMPARE(r.header("X-Shop-Channel"), QByteArray("tablet"));
            QVERIFY(!r.hasHeader("X-Removed"));
            QVERIFY(!r.hasHeader("CoCart-API-Cart-Key"));
            QVERIFY(r.header("Authorization") != "Basic nope");
        }
    }
};

QTEST_GUILESS_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
