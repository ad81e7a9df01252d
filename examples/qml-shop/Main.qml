import QtQuick
import CoCart

Window {
    id: root

    required property url storeUrl
    property bool quitWhenLoaded: false

    width: 360
    height: 640
    visible: true
    title: qsTr("Shop")

    Session {
        id: session
        storeUrl: root.storeUrl
    }

    ProductModel {
        id: products
        session: session
        onLoaded: {
            console.info(`${products.count} of ${products.totalCount} products loaded`);
            if (root.quitWhenLoaded)
                Qt.quit();
        }
        onErrorOccurred: error => {
            console.warn(error.message);
            if (root.quitWhenLoaded)
                Qt.exit(1);
        }
    }

    ListView {
        anchors.fill: parent
        model: products
        delegate: Text {
            required property string name
            required property string priceText

            width: ListView.view.width
            padding: 12
            text: `${name} — ${priceText}`
        }
    }
}
