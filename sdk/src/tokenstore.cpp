#include <CoCart/TokenStore.h>

namespace CoCart {

TokenStore::TokenStore(QObject *parent) : QObject(parent) { }

TokenStore::~TokenStore() = default;

void TokenStore::setState(State state, const QString &reason)
{
    if (m_state == state && m_stateReason == reason)
        return;
    m_state = state;
    m_stateReason = reason;
    Q_EMIT stateChanged();
}

} // namespace CoCart
