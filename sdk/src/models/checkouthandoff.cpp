// Where a Cart's shopper pays: the store's own checkout on its website, reached by a URL that
// hands the cart over (Cart::checkoutUrl). A guest's hand-off depends on the store's WooCommerce:
// version 10 discards a `cocart-load-cart` web session on the next request but answers its own
// checkout links (`/checkout-link/?products=ID:QTY,…`), which 9.x does not have (a 404)
// (shared/cocart/transcripts-3.md, sections 1 and 2). Which one a store takes is learnt once per
// store URL, by asking its website for a checkout link with no products.

#include "cart_p.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <cmath>

namespace CoCart {

namespace {

//! A store whose website could not be asked is asked again on the next cart change after this.
constexpr qint64 kRetryAfterFailureMs = 60 * 1000;

QUrl page(const QUrl &store, const QString &path)
{
    QUrl url = store;
    url.setPath(store.path() + path);
    return url;
}

//! A positive integer from a JSON number or numeric string; 0 otherwise.
qint64 positiveInteger(const QJsonValue &value)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return 0;
    } else {
        return 0;
    }
    if (!std::isfinite(number) || number < 1 || number > 1e15 || std::floor(number) != number)
        return 0;
    return qint64(number);
}

bool isEmptyJson(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull() ||
            (value.isArray() && value.toArray().isEmpty()) ||
            (value.isObject() && value.toObject().isEmpty());
}

QString pinOf(QString pin)
{
    if (pin.startsWith(QLatin1String("sha256//")))
        pin.remove(0, 8);
    return pin.trimmed();
}

} // namespace

QUrl CartPrivate::storeBase() const
{
    if (!session)
        return {};
    QUrl store = session->storeUrl().adjusted(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo |
                                              QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (store.isEmpty() || !store.isValid())
        return {};
    return store;
}

QUrl CartPrivate::checkoutLinkUrl(const QUrl &store) const
{
    // The cart as the store last answered it for this very guest key.
    const QString key = guestKey();
    if (!appliedValid || !appliedAsGuest || key.isEmpty() || shownGuestKey != key)
        return {};
    const QJsonArray items = appliedAnswer.value(QLatin1String("items")).toArray();
    if (items.isEmpty())
        return {};
    QStringList products;
    for (const auto &value : items) {
        const QJsonObject item = value.toObject();
        // A variation's line carries the variation's own id, which the link takes as it is.
        const qint64 id = positiveInteger(item.value(QLatin1String("id")));
        const QJsonValue quantityValue = item.value(QLatin1String("quantity"));
        const qint64 quantity = positiveInteger(
                quantityValue.isObject() ? quantityValue.toObject().value(QLatin1String("value"))
                                         : quantityValue);
        // A link is ids and whole quantities: a fractional quantity or a plugin's item data
        // (engraving, gift message, …) would be lost on the way.
        if (id <= 0 || quantity <= 0 || !isEmptyJson(item.value(QLatin1String("cart_item_data"))))
            return {};
        products << QString::number(id) + QLatin1Char(':') + QString::number(quantity);
    }
    QUrl url = page(store, QStringLiteral("/checkout-link/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("products"), products.join(QLatin1Char(',')));
    url.setQuery(query);
    return url;
}

CartPrivate::Checkout CartPrivate::computeCheckout() const
{
    Checkout checkout;
    const QUrl store = storeBase();
    if (store.isEmpty())
        return checkout;
    if (session->isSignedIn()) {
        // A customer's cart cannot be loaded by key: sign in on the website, then check out.
        QUrl login = page(store, QStringLiteral("/wp-login.php"));
        QUrlQuery query;
        query.addQueryItem(
                QStringLiteral("redirect_to"),
                QString::fromLatin1(QUrl::toPercentEncoding(
                        page(store, QStringLiteral("/checkout/")).toString(QUrl::FullyEncoded))));
        login.setQuery(query);
        checkout.url = login;
        checkout.handoff = Cart::CheckoutHandoff::SignIn;
        return checkout;
    }
    const QString key = guestKey();
    if (key.isEmpty())
        return checkout;
    if (linkSupportStore != store || linkSupport == LinkSupport::Unknown ||
        linkSupport == LinkSupport::Learning) {
        checkout.handoff = Cart::CheckoutHandoff::Pending;
        return checkout;
    }
    if (linkSupport == LinkSupport::Yes) {
        checkout.url = checkoutLinkUrl(store);
        if (!checkout.url.isEmpty()) {
            checkout.handoff = Cart::CheckoutHandoff::CheckoutLink;
            return checkout;
        }
    }
    // Straight into the checkout, not the cart page.
    QUrl loadCart = page(store, QStringLiteral("/checkout/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cocart-load-cart"),
                       QString::fromLatin1(QUrl::toPercentEncoding(key)));
    loadCart.setQuery(query);
    checkout.url = loadCart;
    checkout.handoff = Cart::CheckoutHandoff::LoadCart;
    return checkout;
}

void CartPrivate::updateCheckout()
{
    if (session && !session->isSignedIn() && !guestKey().isEmpty())
        learnCheckoutLinks();
    const Checkout now = computeCheckout();
    if (now.url == shownCheckout.url && now.handoff == shownCheckout.handoff)
        return;
    shownCheckout = now;
    Q_EMIT q->checkoutUrlChanged();
}

void CartPrivate::learnCheckoutLinks()
{
    const QUrl store = storeBase();
    if (store.isEmpty())
        return;
    if (linkSupportStore == store) {
        const bool retry =
                linkProbeFailed.isValid() && linkProbeFailed.elapsed() >= kRetryAfterFailureMs;
        if (linkSupport == LinkSupport::Learning || (linkSupport != LinkSupport::Unknown && !retry))
            return;
    }
    if (linkProbe) {
        // Another store's question: its answer is of no use now.
        QObject::disconnect(linkProbe, nullptr, q, nullptr);
        linkProbe->abort();
        linkProbe->deleteLater();
    }
    linkSupportStore = store;
    linkProbeFailed.invalidate();

    const QString host = store.host();
    const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
    if (store.scheme() != QLatin1String("https") && !loopback && !session->allowInsecureHttp()) {
        // The session refuses this store; so does this question.
        linkSupport = LinkSupport::No;
        return;
    }

    linkSupport = LinkSupport::Learning;
    QNetworkRequest request(page(store, QStringLiteral("/checkout-link/")));
    request.setHeader(QNetworkRequest::UserAgentHeader, session->userAgent());
    // Nothing of anybody's is sent or kept: no cookie (no web cart is touched), no credentials,
    // and the redirect is the answer, not something to follow.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(session->requestTimeout());
    const QList<QSslCertificate> cas = session->caCertificates();
    if (!cas.isEmpty() && store.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(cas);
        request.setSslConfiguration(tls);
    }
    QNetworkReply *reply = session->networkAccessManager()->get(request);
    reply->setParent(q); // a Cart that goes away takes its question with it
    linkProbe = reply;
    QStringList pins;
    for (const QString &pin : session->pinnedPublicKeys())
        pins << pinOf(pin);
    if (!pins.isEmpty()) {
        QObject::connect(reply, &QNetworkReply::encrypted, q, [reply, pins] {
            const QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
            for (const QSslCertificate &certificate : chain) {
                if (pins.contains(pinOf(Session::publicKeyPin(certificate))))
                    return;
            }
            reply->abort();
        });
    }
    qCDebug(lcCart) << "asking the store's website whether it takes checkout links";
    QObject::connect(reply, &QNetworkReply::finished, q, [this, reply, store] {
        reply->deleteLater();
        if (linkProbe != reply || linkSupportStore != store)
            return;
        linkProbe.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl target = store.resolved(
                QUrl(QString::fromUtf8(reply->rawHeader("Location")), QUrl::StrictMode));
        if (status >= 300 && status < 400 && target.host() == store.host() &&
            (QUrlQuery(target).hasQueryItem(QStringLiteral("wc_error")) ||
             target.path().contains(QLatin1String("/checkout")))) {
            // WooCommerce 10: no products in the link, so it sends the shopper to the cart
            // (`wc_error`) or the checkout.
            linkSupport = LinkSupport::Yes;
            qCInfo(lcCart).noquote() << "the store's website takes WooCommerce checkout links "
                                        "(WooCommerce 10 or later): guests check out with "
                                        "/checkout-link/";
        } else if (status == 0 || status >= 500 || status == 429) {
            // Not an answer about checkout links: load-cart for now, asked again later.
            linkSupport = LinkSupport::No;
            linkProbeFailed.start();
            qCInfo(lcCart).noquote()
                    << "could not ask the store's website about checkout links (HTTP" << status
                    << reply->errorString()
                    << "): guests check out with /checkout/?cocart-load-cart";
        } else {
            linkSupport = LinkSupport::No;
            qCInfo(lcCart).noquote() << "the store's website has no WooCommerce checkout links "
                                        "(HTTP"
                                     << status
                                     << "; WooCommerce 9 or earlier): guests check out "
                                        "with /checkout/?cocart-load-cart";
        }
        updateCheckout();
    });
}

QUrl Cart::checkoutUrl() const
{
    return d->computeCheckout().url;
}

Cart::CheckoutHandoff Cart::checkoutHandoff() const
{
    return d->computeCheckout().handoff;
}

} // namespace CoCart
