import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import CoCart

// The catalogue: search, category filter, grid or list of product cards, more pages as you
// scroll. A card's picture or name opens the product page; adding asks the window, which tells
// the Cart and says what was added.
Page {
    id: root

    required property ProductModel products
    required property Cart cart
    property bool compact: false
    property bool listMode: false
    readonly property bool effectiveList: root.listMode || root.compact
    //! Product id of the card waiting for its add-to-cart answer.
    property string pendingProductId: ""
    //! Quantities already in the cart by product or variation id.
    property var cartQuantities: ({})
    //! The store check's sentence when there is no CoCart store at the address, else empty.
    property string noStoreText: ""

    signal addRequested(string itemId, int quantity, var attributes, string name)
    signal productRequested(int row)

    readonly property var categoryChoices: {
        const choices = [{
                "name": qsTr("All categories"),
                "slug": ""
            }];
        const categories = root.products.categories;
        for (let i = 0; i < categories.length; ++i)
            choices.push(categories[i]);
        return choices;
    }

    function focusSearch() {
        searchField.forceActiveFocus();
        searchField.selectAll();
    }

    onEffectiveListChanged: () => grid.positionViewAtBeginning()

    function fetchMoreIfNeeded() {
        if (root.products.hasMore && !root.products.loading && root.products.count > 0 && (grid.atYEnd || grid.contentHeight <= grid.height))
            root.products.fetchNextPage();
    }

    background: Rectangle {
        color: Theme.background
    }

    Timer {
        id: fetchLater

        interval: 0
        onTriggered: () => root.fetchMoreIfNeeded()
    }

    Timer {
        id: searchDelay

        interval: 350
        onTriggered: () => root.products.search = searchField.text.trim()
    }

    Connections {
        target: root.products

        function onLoaded() {
            fetchLater.restart();
        }
    }

    Connections {
        target: root.cart

        function onItemAdded() {
            root.pendingProductId = "";
        }

        function onErrorOccurred() {
            root.pendingProductId = "";
        }
    }

    header: Pane {
        padding: Theme.spacing
        background: Rectangle {
            color: Theme.surface
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.border
            }
        }

        GridLayout {
            anchors.fill: parent
            columns: root.compact ? 2 : 4
            columnSpacing: Theme.spacing
            rowSpacing: Theme.smallSpacing

            TextField {
                id: searchField

                objectName: "searchField"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                Layout.columnSpan: root.compact ? 2 : 1
                placeholderText: qsTr("Search products")
                // Material's hint colour is 2.6:1 on white; placeholders must be readable too (WCAG AA).
                placeholderTextColor: Theme.mutedText
                Accessible.name: qsTr("Search products")
                selectByMouse: true
                inputMethodHints: Qt.ImhNoPredictiveText
                onTextEdited: () => searchDelay.restart()
                onAccepted: () => {
                    searchDelay.stop();
                    root.products.search = searchField.text.trim();
                }
                Keys.onEscapePressed: () => {
                    searchField.clear();
                    searchDelay.stop();
                    root.products.search = "";
                }
            }

            ComboBox {
                id: categoryBox

                objectName: "categoryBox"
                Layout.fillWidth: root.compact
                Layout.preferredWidth: root.compact ? -1 : 200
                Accessible.name: qsTr("Category")
                textRole: "name"
                valueRole: "slug"
                model: root.categoryChoices
                onActivated: () => root.products.category = categoryBox.currentValue
            }

            Button {
                objectName: "layoutToggle"
                visible: !root.compact
                text: root.listMode ? qsTr("Grid") : qsTr("List")
                flat: true
                Accessible.name: root.listMode ? qsTr("Show as grid") : qsTr("Show as list")
                onClicked: () => root.listMode = !root.listMode
            }

            Label {
                objectName: "resultCount"
                Layout.alignment: Qt.AlignVCenter | Qt.AlignRight
                color: Theme.mutedText
                text: root.products.loading && root.products.count === 0 ? qsTr("Loading…") : qsTr("%n product(s)", "", Math.max(root.products.totalCount, root.products.count))
            }
        }
    }

    GridView {
        id: grid

        objectName: "productGrid"
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        readonly property int columns: root.effectiveList ? 1 : Math.max(1, Math.floor(width / 300))
        cellWidth: Math.floor(width / grid.columns)
        cellHeight: root.effectiveList ? (root.compact ? 196 : 148) + Theme.spacing : 372 + Theme.spacing
        currentIndex: -1
        model: root.products
        clip: true
        keyNavigationEnabled: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {
        }
        onAtYEndChanged: () => root.fetchMoreIfNeeded()
        onHeightChanged: () => fetchLater.restart()

        // Qt 6.4's qmllint has no `pragma ComponentBehavior: Bound` (6.5) and reports every use
        // of the page's ids inside a delegate as unqualified; they resolve fine at run time.
        // qmllint disable unqualified
        delegate: Item {
            id: cell

            required property var model
            required property int index

            width: grid.cellWidth
            height: grid.cellHeight

            ProductCard {
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                horizontal: root.effectiveList
                compact: root.compact
                inCart: root.cartQuantities[variation ? String(variation.id) : productId] || 0
                productId: String(cell.model.productId)
                name: cell.model.name
                priceText: cell.model.priceText
                regularPriceText: cell.model.regularPriceText
                sale: cell.model.onSale
                image: cell.model.image
                stockStatus: cell.model.stockStatus
                stockQuantity: cell.model.stockQuantity
                purchasable: cell.model.purchasable
                maxQuantity: cell.model.maxQuantity
                productType: cell.model.type
                shortDescription: cell.model.shortDescription
                variations: cell.model.variations
                adding: root.pendingProductId === productId && root.cart.loading
                onAddRequested: (itemId, quantity, attributes, label) => {
                    root.pendingProductId = String(cell.model.productId);
                    root.addRequested(itemId, quantity, attributes, label);
                }
                onOpenRequested: () => root.productRequested(cell.index)
            }
        }

        footer: Item {
            width: grid.width
            height: root.products.loading && root.products.count > 0 ? 56 : 0

            BusyIndicator {
                objectName: "moreBusy"
                anchors.centerIn: parent
                running: root.products.loading && root.products.count > 0
                visible: running
            }
        }
    }

    // qmllint enable unqualified
    BusyIndicator {
        objectName: "shopBusy"
        anchors.centerIn: parent
        running: root.products.loading && root.products.count === 0
        visible: running
    }

    EmptyState {
        objectName: "shopEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, 420)
        visible: !root.products.loading && root.products.count === 0
        symbol: "?"
        title: root.products.lastError.isError ? qsTr("The shop could not be loaded") : root.products.search !== "" ? qsTr("Nothing matches “%1”").arg(root.products.search) : qsTr("No products here yet")
        // One plain sentence from the error's kind (Messages.qml), the same the rest of the app uses.
        message: root.products.lastError.isError ? Messages.describe(root.products.lastError, root.noStoreText) : qsTr("Try another search or category.")
        actionText: root.products.lastError.isError ? qsTr("Try again") : ""
        actionObjectName: "shopRetryButton"
        onActionTriggered: () => root.products.reload()
    }
}
