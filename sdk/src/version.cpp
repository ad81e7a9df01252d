#include <CoCart/version.h>

namespace CoCart {

QString version()
{
    // Compiled into the library, so this is the library's version, not the caller's.
    return QStringLiteral(COCARTQT_VERSION_STRING);
}

} // namespace CoCart
