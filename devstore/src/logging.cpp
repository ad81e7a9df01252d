#include "logging_p.h"

namespace CoCartDevStore::Internal {
Q_LOGGING_CATEGORY(lcDevStore, "cocart.devstore", QtInfoMsg)
} // namespace CoCartDevStore::Internal
