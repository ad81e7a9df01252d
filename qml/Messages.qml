pragma Singleton
import QtQuick
import CoCart

// One plain sentence per failure, chosen by the SDK's error kind: the shopper never reads a
// parser's complaint, an HTTP status or a message nested in another message.
QtObject {
    id: root

    //! The sentence for a store that cannot be reached (no answer at all): it says what happened
    //! without guessing whose connection failed.
    readonly property string unreachable: qsTr("The store can't be reached right now. Check your connection, or try again in a moment.")

    //! True for failures of the store as a whole (not of one request): one place shows them.
    function isStoreProblem(error) {
        switch (error.kind) {
        case Error.Network:
        case Error.Timeout:
        case Error.Tls:
        case Error.Server:
        case Error.RateLimited:
        case Error.BadResponse:
            return true;
        case Error.NotFound:
            return error.code === "cocart_no_store" || error.code === "rest_no_route" || error.httpStatus === 404;
        }
        return false;
    }

    //! What to tell the shopper about \a error. \a noStoreText is the store check's own sentence
    //! ("No CoCart store at … — check the address.") once it failed, else empty.
    function describe(error, noStoreText) {
        switch (error.kind) {
        case Error.Network:
        case Error.Timeout:
            return root.unreachable;
        case Error.Tls:
            return qsTr("The store's secure connection could not be checked, so nothing was sent.");
        case Error.Server:
            return qsTr("The store ran into a problem. Try again in a moment.");
        case Error.RateLimited:
            return qsTr("The store is busy. Try again in a moment.");
        case Error.SessionExpired:
            return qsTr("You've been signed out. Sign in again to carry on.");
        case Error.NotFound:
            if (error.code === "cocart_no_store")
                return error.message;
            return noStoreText !== "" ? noStoreText : qsTr("The store doesn't know that item any more.");
        case Error.BadResponse:
            return noStoreText !== "" ? noStoreText : qsTr("The store's answer could not be read. Try again in a moment.");
        case Error.Storage:
            return qsTr("Your sign-in could not be saved on this device.");
        }
        // The store's own sentence (already plain text): a refused quantity, a wrong password.
        return error.message !== "" ? error.message : qsTr("That did not work. Try again.");
    }
}
