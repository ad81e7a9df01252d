// The C++ block of docs/embedding-qml.md (see readme.cpp). Compiled only: a static SDK's app
// links the plugin (examples/qml-shop does, in CI's static build).
//! [import]
#include <QtQml/qqmlextensionplugin.h>
Q_IMPORT_QML_PLUGIN(CoCartPlugin)
//! [import]
