#include "logging_p.h"

namespace CoCart {
Q_LOGGING_CATEGORY(lcSession, "cocart.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcTransport, "cocart.transport", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "cocart.store", QtWarningMsg)
} // namespace CoCart
