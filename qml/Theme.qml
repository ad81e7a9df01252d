pragma Singleton
import QtQuick

// Colours and metrics shared by every page, so spacing and colour stay consistent.
QtObject {
    id: root

    readonly property color accent: "#7f54b3"
    readonly property color accentDark: "#5e3d8a"
    readonly property color accentLight: "#efe8f7"
    readonly property color background: "#f5f4f8"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1f1d24"
    readonly property color mutedText: "#6d6a76"
    readonly property color border: "#e3e0ea"
    readonly property color danger: "#b3261e"
    readonly property color dangerLight: "#fdecea"
    readonly property color success: "#2e7d32"
    readonly property color successLight: "#e8f5e9"
    readonly property color warning: "#8a5a00"
    readonly property color warningLight: "#fff4dc"

    readonly property int spacing: 12
    readonly property int smallSpacing: 6
    readonly property int largeSpacing: 24
    readonly property int radius: 10
    readonly property int headerHeight: 56
    //! Below this window width the layout switches to the phone arrangement.
    readonly property int compactWidth: 600

    readonly property int smallFont: 12
    readonly property int bodyFont: 14
    readonly property int titleFont: 18
    readonly property int headlineFont: 24
}
