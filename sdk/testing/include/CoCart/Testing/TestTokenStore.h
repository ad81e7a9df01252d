#pragma once

#include <CoCart/MemoryTokenStore.h>

namespace CoCart::Testing {

/*!
    A MemoryTokenStore with its test hooks open: make every later call fail as a locked or
    missing keychain would (setFailure), look at or plant the saved values, count the writes.
    For tests of code above the store; not part of the SDK's installed runtime API.
*/
class TestTokenStore : public MemoryTokenStore
{
public:
    using MemoryTokenStore::MemoryTokenStore; //!< MemoryTokenStore's constructors.
    using MemoryTokenStore::setFailure; //!< Every later call fails as \a state would.
    using MemoryTokenStore::setValue; //!< Plants a value under a key without a write.
    using MemoryTokenStore::values; //!< The stored values.
    using MemoryTokenStore::writeCount; //!< How many writes succeeded.
};

} // namespace CoCart::Testing
