# `cpack -G DEB` in the build directory: four Debian packages from the install components.
#   libcocartqt<major>  Runtime      the shared SDK and its QML module (import CoCart)
#   libcocartqt-dev     Development  headers, CMake package (+ DevStore, Testing), the .so link
#   cocart-tools        Tools        cocart, cocart-devstore and their man pages
#   cocart-demo         Demo         the demo shop, its desktop entry, icon and metainfo
# Dependencies on Debian's Qt packages come from dpkg-shlibdeps; the ones it cannot see (QML
# modules loaded at run time, the -dev packages the CMake package finds) are listed here.

# The CLI's man pages (man1).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/cocart.1 ${PROJECT_SOURCE_DIR}/packaging/cocart-devstore.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT Tools)

set(CPACK_PACKAGE_NAME "cocart-qt")
set(CPACK_PACKAGE_VENDOR "CoCart Qt developers")
set(CPACK_PACKAGE_CONTACT "CoCart Qt developers <cocart-qt@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY ${PROJECT_DESCRIPTION})
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/cocart-qt/cocart-qt")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL Runtime Development Tools Demo)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "libs")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Lets dpkg-shlibdeps resolve libCoCartQt.so.N, which is built here, not installed.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/sdk)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)

set(_cocart_lib_package "libcocartqt${PROJECT_VERSION_MAJOR}")
set(_cocart_lib_depends "${_cocart_lib_package} (= ${PROJECT_VERSION})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${_cocart_lib_package})
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "CoCart Qt SDK: C++ and QML client for CoCart stores (runtime)\n Session (JWT login, refresh, keychain), Cart and ProductModel for Qt 6 apps;\n the QML module `CoCart`.")
# QtKeychain talks to the Secret Service through libsecret, which it loads at run time.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "libsecret-1-0")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME "libcocartqt-dev")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION "libdevel")
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
    "CoCart Qt SDK: development files\n Headers and the CMake package CoCartQt (find_package(CoCartQt)), the\n CoCartQt::Testing hooks and the DevStore component for tests.")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
    "${_cocart_lib_depends}, qt6-base-dev (>= 6.4), qt6-declarative-dev (>= 6.4)")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_RECOMMENDS "qt6-httpserver-dev, qt6-websockets-dev")
if(NOT BUILD_SHARED_LIBS)
    string(APPEND CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS ", qtkeychain-qt6-dev")
endif()

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME "cocart-tools")
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION "net")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
    "CoCart Qt: command-line client and development store\n cocart signs in to a CoCart store and works with its cart; cocart-devstore is\n a local CoCart-compatible store for development and tests.")
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "${_cocart_lib_depends}")

set(CPACK_DEBIAN_DEMO_PACKAGE_NAME "cocart-demo")
set(CPACK_DEBIAN_DEMO_PACKAGE_SECTION "x11")
set(CPACK_COMPONENT_DEMO_DESCRIPTION
    "CoCart Qt demo shop\n A Qt Quick shop on the CoCart Qt SDK, with an embedded demo store.")
set(CPACK_DEBIAN_DEMO_PACKAGE_DEPENDS
    "${_cocart_lib_depends}, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-templates, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qtqml-models")
# WebP product pictures (WooCommerce 10's placeholders, WordPress's WebP uploads); without the
# plugin the demo shows its own placeholder for them.
set(CPACK_DEBIAN_DEMO_PACKAGE_RECOMMENDS "qt6-image-formats-plugins")

include(CPack)
