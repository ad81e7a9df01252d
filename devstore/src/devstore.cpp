// DevStore, the public class, and DevStorePrivate's set-up (route groups, catalogue), clock and
// URLs. The rest of DevStorePrivate: the request pipeline in pipeline.cpp, counting and the
// request history in requestlog.cpp, faults in faultinjector.cpp, the state file in statefile.cpp.

#include <CoCartDevStore/DevStore.h>

#include "devstore_p.h"
#include "httpguard_p.h"
#include "logging_p.h"
#include "routes_p.h"
#include "wire_p.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <mutex>

namespace CoCartDevStore {

using namespace Internal;

namespace {

constexpr qint64 kHousekeepingSeconds = 60;

//! Qt's own qt.httpserver* categories print whole requests (Bearer and Basic credentials
//! included) at debug level: they stay off whatever the logging rules say.
QLoggingCategory::CategoryFilter previousCategoryFilter = nullptr;

void categoryFilter(QLoggingCategory *category)
{
    if (previousCategoryFilter)
        previousCategoryFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

void silenceQtHttpServer()
{
    static std::once_flag once;
    std::call_once(
            once, [] { previousCategoryFilter = QLoggingCategory::installFilter(categoryFilter); });
}

} // namespace

// --- DevStorePrivate -------------------------------------------------------------------------

DevStorePrivate::DevStorePrivate(DevStore *q) : q(q), tokens([this] { return now(); })
{
    silenceQtHttpServer();
    tokens.setSecret(randomBytes(32));
    saveTimer.setSingleShot(true);
    QObject::connect(&saveTimer, &QTimer::timeout, q, [this] { writeState(); });
    server.setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                handle(request, std::move(responder));
            });
    registerAuthRoutes(routes, *this);
    registerStoreRoutes(routes, *this);
    registerAvatarRoutes(routes, *this);
    QString error;
    if (!catalog.load(QStringLiteral(":/cocart-devstore/catalog/catalog.json"), &error))
        qCWarning(lcDevStore).noquote() << "demo catalogue not loaded:" << error;
    registerProductRoutes(routes, *this);
    registerCartRoutes(routes, *this);
    registerIndexRoutes(routes, *this);
    registerWebRoutes(routes, *this);
}

DevStorePrivate::~DevStorePrivate()
{
    writeState(); // what the save timer had not written yet
    hung.clear(); // before the server (and its sockets) go away
}

void DevStorePrivate::housekeep()
{
    const qint64 t = now();
    if (t - lastHousekeeping < kHousekeepingSeconds && t >= lastHousekeeping)
        return;
    lastHousekeeping = t;
    const int sessions = tokens.pruneExpired(t);
    const int guestCarts = carts.pruneExpired(t);
    if (sessions > 0 || guestCarts > 0) {
        qCDebug(lcDevStore) << "dropped" << sessions << "expired sessions and" << guestCarts
                            << "expired guest carts";
        saveState();
    }
}

qint64 DevStorePrivate::now() const
{
    return QDateTime::currentSecsSinceEpoch() + clockOffset;
}

QString DevStorePrivate::baseUrl() const
{
    QString host;
    if (address.isNull() || address.isLoopback() || address == QHostAddress::Any ||
        address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6) {
        host = address == QHostAddress::LocalHostIPv6 ? QStringLiteral("[::1]")
                                                      : QStringLiteral("127.0.0.1");
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        host = QLatin1Char('[') + address.toString() + QLatin1Char(']');
    } else {
        host = address.toString();
    }
    return (tlsCertificate.isNull() ? QStringLiteral("http://") : QStringLiteral("https://")) +
            host + QLatin1Char(':') + QString::number(port);
}

QString DevStorePrivate::restUrl(const QString &route) const
{
    return baseUrl() + QStringLiteral("/wp-json") + route;
}

// --- DevStore --------------------------------------------------------------------------------

DevStore::DevStore(QObject *parent)
    : QObject(parent), d(std::make_unique<DevStorePrivate>(this)) { }

DevStore::~DevStore() = default;

void DevStore::setStack(Stack stack)
{
    d->stack = stack;
}

DevStore::Stack DevStore::stack() const
{
    return d->stack;
}

bool DevStore::parseStack(const QString &text, Stack *stack)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("9") || t == QLatin1String("9.1")) {
        *stack = Stack::WooCommerce9;
        return true;
    }
    if (t == QLatin1String("10") || t == QLatin1String("10.0")) {
        *stack = Stack::WooCommerce10;
        return true;
    }
    return false;
}

QString DevStore::stackName(Stack stack)
{
    return stack == Stack::WooCommerce10 ? QStringLiteral("WordPress 7.1 + WooCommerce 10.0")
                                         : QStringLiteral("WordPress 6.6 + WooCommerce 9.1");
}

bool DevStore::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(d->limits);
    if (!d->tlsCertificate.isNull()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(d->tlsCertificate);
        tls.setPrivateKey(d->tlsKey);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients send no certificate
        tcp->setTlsConfiguration(tls);
    }
    if (!tcp->listen(address, port)) {
        qCWarning(lcDevStore).noquote()
                << "cannot listen on" << address.toString() << port << ":" << tcp->errorString();
        delete tcp;
        return false;
    }
    d->server.bind(tcp); // owns it from now on
    d->tcpServer = tcp;
    d->address = address;
    d->port = tcp->serverPort();
    if (d->tokens.issuer().isEmpty()) { // a state file may have fixed it
        d->tokens.setIssuer(d->baseUrl());
        d->saveState();
    }
    qCDebug(lcDevStore).noquote() << "listening on" << d->baseUrl();
    return true;
}

quint16 DevStore::port() const
{
    return d->port;
}

void DevStore::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    d->tlsCertificate = certificate;
    d->tlsKey = certificate.isNull() ? QSslKey() : key;
}

bool DevStore::isTls() const
{
    return !d->tlsCertificate.isNull();
}

bool DevStore::generateSelfSignedCertificate(QSslCertificate *certificate, QSslKey *key,
                                             QString *error)
{
    const auto failed = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QTemporaryDir dir;
    if (!dir.isValid())
        return failed(QStringLiteral("no temporary directory: %1").arg(dir.errorString()));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    const QString certFile = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=cocart-devstore"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost"),
                   QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile});
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        return failed(QStringLiteral("openssl failed: %1 %2")
                              .arg(openssl.errorString(),
                                   QString::fromLocal8Bit(openssl.readAll()).simplified()));
    }
    QFile certIn(certFile);
    QFile keyIn(keyFile);
    if (!certIn.open(QIODevice::ReadOnly) || !keyIn.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("openssl wrote no certificate or key"));
    const QSslCertificate cert(&certIn, QSsl::Pem);
    const QSslKey privateKey(&keyIn, QSsl::Ec, QSsl::Pem);
    if (cert.isNull() || privateKey.isNull())
        return failed(QStringLiteral("cannot read the certificate or key openssl wrote"));
    *certificate = cert;
    *key = privateKey;
    return true;
}

void DevStore::setCartCharges(const CartCharges &charges)
{
    d->cartCharges = charges;
}

CartCharges DevStore::cartCharges() const
{
    return d->cartCharges;
}

void DevStore::setServerLimits(const ServerLimits &limits)
{
    d->limits = limits;
    if (d->tcpServer)
        d->tcpServer->setLimits(limits);
}

ServerLimits DevStore::serverLimits() const
{
    return d->limits;
}

int DevStore::openConnectionCount() const
{
    return d->tcpServer ? d->tcpServer->connectionCount() : 0;
}

QUrl DevStore::url() const
{
    return QUrl(d->baseUrl());
}

qint64 DevStore::addAccount(Account account)
{
    return d->accounts.add(std::move(account));
}

void DevStore::seedDemoData()
{
    addAccount(demoCustomer());
}

Account DevStore::demoCustomer()
{
    Account account;
    account.username = QStringLiteral("customer1");
    account.password = QStringLiteral("customer-pass-123");
    account.email = QStringLiteral("customer1@example.test");
    account.firstName = QStringLiteral("Jane");
    account.lastName = QStringLiteral("Doe");
    account.displayName = QStringLiteral("Jane Doe");
    account.id = 2;
    return account;
}

void DevStore::setSecret(const QByteArray &secret)
{
    d->tokens.setSecret(secret);
    d->saveState();
}

void DevStore::setAccessTokenTtl(qint64 seconds)
{
    d->tokens.setAccessTtl(seconds);
}

void DevStore::setRefreshTokenTtl(qint64 seconds)
{
    d->tokens.setRefreshTtl(seconds);
}

void DevStore::setClockOffset(qint64 seconds)
{
    d->clockOffset = seconds;
}

qint64 DevStore::now() const
{
    return d->now();
}

void DevStore::setClientIpOverride(const QString &ip)
{
    d->clientIpOverride = ip;
}

void DevStore::setLogRequests(bool on)
{
    d->logRequests = on;
}

int DevStore::activeSessionCount(qint64 userId) const
{
    return d->tokens.activeSessionCount(userId);
}

bool DevStore::loadCatalog(const QString &path)
{
    QString error;
    if (d->catalog.load(path, &error))
        return true;
    qCWarning(lcDevStore).noquote() << "catalogue not loaded:" << error;
    return false;
}

void DevStore::setStock(qint64 productId, int quantity)
{
    d->catalog.setStock(productId, quantity < 0 ? std::nullopt : std::optional<int>(quantity));
    d->saveState();
}

int DevStore::stock(qint64 productId) const
{
    const Product *product = d->catalog.byId(productId);
    return product && product->stock ? *product->stock : -1;
}

bool DevStore::hasCart(const QString &cartKey) const
{
    return d->carts.find(cartKey) != nullptr;
}

QStringList DevStore::cartKeys() const
{
    return d->carts.keys();
}

QJsonObject DevStore::cartSnapshot(const QString &cartKey) const
{
    return Internal::cartSnapshot(*d, cartKey);
}

int DevStore::cartItemQuantity(const QString &cartKey, qint64 productId) const
{
    const Cart *cart = d->carts.find(cartKey);
    if (!cart)
        return 0;
    double quantity = 0;
    for (const CartLine &line : cart->items) {
        if (line.itemId() == productId || line.productId == productId)
            quantity += line.quantity;
    }
    return static_cast<int>(quantity);
}

void DevStore::clearCarts()
{
    d->carts.clear();
    d->saveState();
}

} // namespace CoCartDevStore