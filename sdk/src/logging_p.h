#pragma once

#include <QLoggingCategory>

namespace CoCart {
// Never log a token, a refresh token, a password or an Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcTransport)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
} // namespace CoCart
