#pragma once

#include <QLoggingCategory>

namespace CoCartDevStore::Internal {
Q_DECLARE_LOGGING_CATEGORY(lcDevStore)
} // namespace CoCartDevStore::Internal
