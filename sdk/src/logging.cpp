#include "logging_p.h"

namespace CoCart {
Q_LOGGING_CATEGORY(lcSession, "cocart.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransport, "cocart.transport", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "cocart.store", QtInfoMsg)
} // namespace CoCart
