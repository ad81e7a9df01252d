#pragma once

#include <QString>

//! Reads a password from the terminal without echoing it. Returns false when there is no TTY.
bool readPasswordFromTerminal(const QString &prompt, QString *password);
