// Session's properties: configuration (store URL, User-Agent, timeouts, stores, clock) and the
// state the UI binds to. The calls are in session.cpp.

#include "session_p.h"

#include "logging_p.h"

#include <CoCart/version.h>

#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>

namespace CoCart {

QUrl Session::storeUrl() const
{
    return d->storeUrl;
}

namespace {

//! The text \a url was made from, as far as QUrl kept it.
QString sourceOf(const QUrl &url)
{
    if (url.isValid())
        return url.toString();
    // A leading blank makes the whole text a (relative) path; a blank after the host or port
    // leaves the text only in the error string (`…; source was "http://shop.example:8080 "; …`).
    if (url.scheme().isEmpty())
        return url.path(QUrl::FullyDecoded);
    static const QRegularExpression source(QStringLiteral("source was \"(.*)\";"),
                                           QRegularExpression::DotMatchesEverythingOption);
    QString text = QUrl::fromPercentEncoding(source.match(url.errorString()).captured(1).toUtf8());
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text = url.scheme() + QStringLiteral("://") + text; // only the authority was kept
    return text;
}

//! \a url without the blanks a pasted or typed address brings along (" https://shop.example"):
//! QUrl refuses them (the URL is invalid) or keeps them in the path, where they would make every
//! route a 404.
QUrl withoutBlanks(const QUrl &url)
{
    const QString text = sourceOf(url);
    const QString trimmed = text.trimmed();
    if (trimmed == text || trimmed.isEmpty())
        return url;
    const QUrl again(trimmed);
    return again.isValid() ? again : url;
}

} // namespace

void Session::setStoreUrl(const QUrl &given)
{
    const QUrl url = withoutBlanks(given);
    if (d->storeUrl == url)
        return;
    if (status() != Status::SignedOut) {
        qCWarning(lcSession) << "storeUrl cannot change while signed in; sign out first";
        Q_EMIT storeUrlChanged(); // a binding that set it reads the unchanged value back
        return;
    }
    d->storeUrl = url;
    d->transport->setBaseUrl(url);
    d->storage->setStoreUrl(url);
    d->updateConfiguration();
    d->setStoreInfo({}); // another store: nothing is known about it yet
    Q_EMIT storeUrlChanged();
}

QString Session::userAgent() const
{
    return d->userAgent;
}

void Session::setUserAgent(const QString &userAgent)
{
    const QString value = userAgent.isEmpty() ? defaultUserAgent() : userAgent;
    if (d->userAgent == value)
        return;
    if (status() != Status::SignedOut) {
        // Tokens are bound to the User-Agent they were issued to.
        qCWarning(lcSession) << "userAgent cannot change while signed in; sign out first";
        Q_EMIT userAgentChanged(); // a binding that set it reads the unchanged value back
        return;
    }
    d->userAgent = value;
    d->transport->setUserAgent(value.toUtf8());
    d->core.setUserAgent(value);
    Q_EMIT userAgentChanged();
}

QString Session::defaultUserAgent()
{
    return QStringLiteral("CoCartQt/%1 (Qt %2; %3)")
            .arg(QStringLiteral(COCARTQT_VERSION_STRING), QString::fromLatin1(qVersion()),
                 QSysInfo::productType());
}

bool Session::allowInsecureHttp() const
{
    return d->allowInsecureHttp;
}

void Session::setAllowInsecureHttp(bool allow)
{
    if (d->allowInsecureHttp == allow)
        return;
    d->allowInsecureHttp = allow;
    d->transport->setAllowInsecureHttp(allow);
    d->updateConfiguration();
    Q_EMIT allowInsecureHttpChanged();
}

int Session::requestTimeout() const
{
    return d->requestTimeout;
}

void Session::setRequestTimeout(int msecs)
{
    if (msecs <= 0)
        msecs = DefaultRequestTimeout;
    if (d->requestTimeout == msecs)
        return;
    d->requestTimeout = msecs;
    d->transport->setTimeout(msecs);
    d->core.setRequestTimeout(msecs);
    Q_EMIT requestTimeoutChanged();
}

TokenStore *Session::tokenStore() const
{
    return d->storage->current();
}

void Session::setTokenStore(TokenStore *store)
{
    if (d->storage->current() == store)
        return;
    d->storage->setStore(store);
    Q_EMIT tokenStoreChanged();
}

void Session::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d->networkManagerSet = manager != nullptr;
    d->transport->setNetworkAccessManager(manager);
}

QVariantMap Session::storeInfo() const
{
    return d->storeInfo;
}

QString Session::storeName() const
{
    return d->storeInfo.value(QStringLiteral("title")).toString();
}

QList<QPair<QByteArray, QByteArray>> Session::extraHeaders() const
{
    return d->extraHeaders;
}

namespace {

//! False (with a warning) for a header the session sends itself or one that could split a request.
bool isAllowedExtraHeader(const QByteArray &name, const QByteArray &value)
{
    static const QList<QByteArray> own {
            "authorization", "proxy-authorization", "cookie",         "user-agent",
            "host",          "content-type",        "content-length", "cocart-api-cart-key"};
    const QByteArray lower = name.trimmed().toLower();
    const bool broken = lower.isEmpty() || name.contains(':') || name.contains('\r') ||
            name.contains('\n') || value.contains('\r') || value.contains('\n');
    if (broken || own.contains(lower)) {
        qCWarning(lcSession).noquote()
                << "refusing the extra header" << QString::fromLatin1(name)
                << (broken ? "(not a valid header)" : "(the session sends it itself)");
        return false;
    }
    return true;
}

} // namespace

void Session::setExtraHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> kept;
    for (const auto &header : headers) {
        if (isAllowedExtraHeader(header.first, header.second))
            kept.append({header.first.trimmed(), header.second});
    }
    d->extraHeaders = kept;
}

void Session::setExtraHeader(const QString &name, const QString &value)
{
    const QByteArray key = name.toUtf8().trimmed();
    QList<QPair<QByteArray, QByteArray>> headers = d->extraHeaders;
    headers.removeIf([&key](const QPair<QByteArray, QByteArray> &header) {
        return header.first.compare(key, Qt::CaseInsensitive) == 0;
    });
    if (!value.isEmpty())
        headers.append({key, value.toUtf8()});
    setExtraHeaders(headers);
}

qint64 Session::maxResponseSize() const
{
    return d->transport->maxResponseBytes();
}

void Session::setMaxResponseSize(qint64 bytes)
{
    bytes = qMax<qint64>(0, bytes);
    if (d->transport->maxResponseBytes() == bytes)
        return;
    d->transport->setMaxResponseBytes(bytes);
    Q_EMIT maxResponseSizeChanged();
}

QList<QSslCertificate> Session::caCertificates() const
{
    return d->transport->caCertificates();
}

void Session::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    if (d->transport->caCertificates() == certificates)
        return;
    d->transport->setCaCertificates(certificates);
    Q_EMIT tlsTrustChanged();
}

bool Session::setCaCertificatesFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcSession).noquote()
                << "cannot read the CA file" << path << ":" << file.errorString();
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromDevice(&file, QSsl::Pem);
    if (certificates.isEmpty()) {
        qCWarning(lcSession).noquote() << "no PEM certificate in the CA file" << path;
        return false;
    }
    setCaCertificates(certificates);
    return true;
}

QStringList Session::pinnedPublicKeys() const
{
    return d->transport->pinnedPublicKeys();
}

void Session::setPinnedPublicKeys(const QStringList &pins)
{
    if (d->transport->pinnedPublicKeys() == pins)
        return;
    d->transport->setPinnedPublicKeys(pins);
    Q_EMIT tlsTrustChanged();
}

QString Session::publicKeyPin(const QSslCertificate &certificate)
{
    return Transport::publicKeyPin(certificate);
}

QNetworkAccessManager *Session::networkAccessManager() const
{
    return d->transport->networkAccessManager();
}

void Session::setClock(const Clock *clock)
{
    QObject::disconnect(d->clockConnection);
    d->clock = clock ? clock : d->systemClock;
    d->clockConnection = connect(d->currentClock(), &Clock::jumped, this, [this] {
        // Woke from sleep, or a test moved the clock: an overdue refresh runs now.
        d->now();
        d->updateSecondsUntilExpiry();
        d->core.clockJumped();
        d->run();
    });
    d->now();
    d->updateSecondsUntilExpiry();
    d->core.clockJumped();
    d->run();
    Q_EMIT accessTokenExpiryChanged();
}

Session::Status Session::status() const
{
    return Status(int(d->core.status()));
}

bool Session::isSignedIn() const
{
    const Status s = status();
    return s == Status::SignedIn || s == Status::Refreshing;
}

bool Session::isBusy() const
{
    return d->core.isBusy();
}

User Session::user() const
{
    return d->core.user();
}

QDateTime Session::accessTokenExpiry() const
{
    const qint64 exp = d->core.accessExpiryServerMs();
    if (exp == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(exp - d->core.clockOffsetMs(), Qt::UTC);
}

qint64 Session::serverClockOffset() const
{
    return d->core.clockOffsetMs();
}

Error Session::lastError() const
{
    return d->core.lastError();
}

bool Session::hasValidAccessToken() const
{
    d->now();
    return d->core.hasValidAccessToken();
}

int Session::secondsUntilExpiry() const
{
    return d->lastSecondsUntilExpiry;
}

bool Session::autoRefresh() const
{
    return d->core.autoRefresh();
}

void Session::setAutoRefresh(bool on)
{
    if (d->core.autoRefresh() == on)
        return;
    d->now();
    d->core.setAutoRefresh(on);
    d->run();
    Q_EMIT autoRefreshChanged();
}

int Session::refreshLead() const
{
    return d->core.refreshLead();
}

void Session::setRefreshLead(int seconds)
{
    seconds = qMax(0, seconds);
    if (d->core.refreshLead() == seconds)
        return;
    d->now();
    d->core.setRefreshLead(seconds);
    d->run();
    Q_EMIT refreshLeadChanged();
}

QDateTime Session::nextRefresh() const
{
    if (d->core.nextRefreshLocalMs() == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(d->core.nextRefreshLocalMs(), Qt::UTC);
}

bool Session::isOffline() const
{
    return d->core.offline();
}

TokenStore::State Session::storageState() const
{
    return d->storage->state();
}

bool Session::isNetworkReachable() const
{
    return d->core.networkReachable();
}

void Session::setNetworkReachable(bool reachable)
{
    d->setNetworkReachableFromSystem(reachable);
}

void Session::setRetryDelays(int minimumMs, int maximumMs)
{
    d->core.setRetryDelays(minimumMs, maximumMs);
}

void Session::setRefreshLockDirectory(const QString &directory)
{
    d->storage->lockDirectory = directory;
}

} // namespace CoCart
