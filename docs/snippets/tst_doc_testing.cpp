// docs/testing.md's example, built and run as a test against the devstore (see readme.cpp).
//! [includes]
#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>
//! [includes]

#include <QSignalSpy>
#include <QTest>

class TestMyApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signsIn();
};

//! [test]
void TestMyApp::signsIn()
{
    CoCartDevStore::DevStore store;
    store.seedDemoData(); // the demo customer, customer1
    QVERIFY(store.listen()); // a free loopback port
    CoCart::Testing::TestTokenStore tokens; // no keychain needed
    CoCart::Session session;
    session.setTokenStore(&tokens);
    session.setStoreUrl(store.url());
    QSignalSpy loggedIn(&session, &CoCart::Session::loggedIn);
    session.login(QStringLiteral("customer1"), QStringLiteral("customer-pass-123"));
    QVERIFY(loggedIn.wait());
}
//! [test]

QTEST_GUILESS_MAIN(TestMyApp)
#include "tst_doc_testing.moc"
