#pragma once

// The cart and catalogue commands of `cocart`: products, cart, add, set, remove, clear.

#include <CoCart/Error.h>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace CoCart {
class Session;
}

namespace CartCommands {

struct Output
{
    //! Prints \a text (or \a object with --json) and ends the run successfully.
    std::function<void(const QString &text, const QJsonObject &object)> succeed;
    //! Prints \a error and ends the run with its exit code.
    std::function<void(const CoCart::Error &error)> fail;
    //! A note on stderr that does not end the run.
    std::function<void(const QString &text)> warn;
};

//! True for products, cart, add, set, remove and clear.
bool handles(const QString &command);

//! The help lines for the commands above.
QString help();

/*!
    Checks the arguments of \a command; returns an empty string when they are fine, else a usage
    message (nothing has been started then).
*/
QString checkArguments(const QString &command, const QStringList &args);

/*!
    Restores the saved session if there is one (a signed-in cart), else runs as a guest, then
    runs \a command. The guest cart key is kept in the cocart app's QSettings between runs.
*/
void start(CoCart::Session *session, const QString &command, const QStringList &args,
           const QString &search, const Output &output);

} // namespace CartCommands
