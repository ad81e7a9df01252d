#pragma once

// The fixture of the tests that drive a Session against the in-process devstore: black-box, so
// it needs only the public SDK headers (savedsessionfixture.h adds the saved-session view).

#include <CoCart/Session.h>
#include <CoCart/Testing/TestTokenStore.h>
#include <CoCartDevStore/DevStore.h>

#include <QSignalSpy>

#include <memory>

namespace CoCartTest {

// The demo customer seeded by DevStore::seedDemoData().
inline const QString kUser = QStringLiteral("customer1");
inline const QString kPassword = QStringLiteral("customer-pass-123");

//! A devstore with the demo data on a free loopback port and an empty Testing::TestTokenStore, plus
//! sessions on that store with the tests' fixed User-Agent. Call startStore() in init() and
//! stopStore() in cleanup(), after the sessions using them are gone.
class SessionFixture
{
protected:
    std::unique_ptr<CoCartDevStore::DevStore> m_store;
    std::unique_ptr<CoCart::Testing::TestTokenStore> m_tokens;

    //! False if the store could not listen (then there is no token store either).
    bool startStore()
    {
        m_store = std::make_unique<CoCartDevStore::DevStore>();
        m_store->seedDemoData();
        m_store->setRequestHistoryLimit(1000); // the tests read requests() (redacted)
        if (!m_store->listen())
            return false;
        m_tokens = std::make_unique<CoCart::Testing::TestTokenStore>();
        return true;
    }

    void stopStore()
    {
        m_tokens.reset();
        m_store.reset();
    }

    //! A signed-out session on the devstore, saving to \a tokens (none if null).
    std::unique_ptr<CoCart::Session> makeSession(CoCart::TokenStore *tokens) const
    {
        auto session = std::make_unique<CoCart::Session>();
        session->setStoreUrl(m_store->url());
        session->setTokenStore(tokens);
        session->setUserAgent(QStringLiteral("CoCartQtTests/1.0"));
        return session;
    }

    //! Logs the demo customer in; true once loggedIn arrived (waits up to 5 s).
    static bool signIn(CoCart::Session *session)
    {
        QSignalSpy ok(session, &CoCart::Session::loggedIn);
        session->login(kUser, kPassword);
        return ok.wait(5000) || !ok.isEmpty();
    }
};

} // namespace CoCartTest
