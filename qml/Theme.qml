pragma Singleton
import QtQuick

// Colours and metrics shared by every page, so spacing and colour stay consistent. `dark` follows
// the system's light/dark preference (Main.qml binds it to the Material theme).
QtObject {
    id: root

    property bool dark: false

    readonly property color accent: root.dark ? "#c6a6ef" : "#7f54b3"
    readonly property color accentDark: root.dark ? "#e4d4fa" : "#5e3d8a"
    readonly property color accentLight: root.dark ? "#3a2f4a" : "#efe8f7"
    //! The header bar: the brand colour in both themes.
    readonly property color headerBar: root.dark ? "#4a3470" : "#7f54b3"
    readonly property color onAccent: root.dark ? "#1f1d24" : "#ffffff"
    //! Text on accentDark (the chosen option). Not named "on…": QML reads such names as handlers.
    readonly property color textOnAccentDark: root.dark ? "#1f1d24" : "#ffffff"
    readonly property color background: root.dark ? "#16141b" : "#f5f4f8"
    readonly property color surface: root.dark ? "#24212b" : "#ffffff"
    readonly property color text: root.dark ? "#eceaf1" : "#1f1d24"
    readonly property color mutedText: root.dark ? "#b3afbd" : "#6d6a76"
    readonly property color border: root.dark ? "#3a3642" : "#e3e0ea"
    readonly property color danger: root.dark ? "#f2b8b5" : "#b3261e"
    readonly property color dangerLight: root.dark ? "#4a2321" : "#fdecea"
    readonly property color success: root.dark ? "#a5d6a7" : "#2e7d32"
    readonly property color successLight: root.dark ? "#1f3a22" : "#e8f5e9"
    readonly property color warning: root.dark ? "#ffd180" : "#8a5a00"
    readonly property color warningLight: root.dark ? "#3d3020" : "#fff4dc"

    readonly property int spacing: 12
    readonly property int smallSpacing: 6
    readonly property int largeSpacing: 24
    readonly property int radius: 10
    readonly property int headerHeight: 56
    //! The smallest side of anything a finger must hit (Material's 48 dp; Apple asks for 44 pt).
    readonly property int touchTarget: 48
    //! Below this window width the layout switches to the phone arrangement.
    readonly property int compactWidth: 600

    readonly property int smallFont: 12
    readonly property int bodyFont: 14
    readonly property int titleFont: 18
    readonly property int headlineFont: 24
}
