#pragma once

// SessionFixture plus what the session saved to its token store. White-box: needs sdk/src on the
// include path for storedsession_p.h.

#include "engine/storedsession_p.h"
#include "sessionfixture.h"

namespace CoCartTest {

class SavedSessionFixture : public SessionFixture
{
protected:
    //! The token store key of the devstore's saved session.
    QString key() const { return CoCart::StoredSession::keyFor(m_store->url()); }

    //! The saved session, or an empty one if nothing (readable) is saved.
    CoCart::StoredSession saved() const
    {
        const auto stored =
                CoCart::StoredSession::fromJson(m_tokens->values().value(key()), nullptr);
        return stored ? *stored : CoCart::StoredSession();
    }
};

} // namespace CoCartTest
