// The store's state on disk (DevStore::setStatePath): the signing secret, the issuer, the token
// sessions, the carts and the stock, as one JSON file. Changes are coalesced: saveState() arms a
// 200 ms timer and writeState() rewrites the file (atomically) only if its bytes changed, so a
// burst of requests costs one write. Accounts and the catalogue are not part of it: they come
// from code (seedDemoData, --user, loadCatalog) on every start. The file holds the signing secret
// and SHA-256 hashes of refresh tokens (never a token itself), so it is created readable by its
// owner only, and nothing from it is ever logged.

#include "devstore_p.h"
#include "logging_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace CoCartDevStore {

using namespace Internal;

namespace {

constexpr int kStateVersion = 2; // 1 held access and refresh tokens in clear (still read)
constexpr int kSaveDelayMs = 200;

QJsonObject lineToJson(const CartLine &line)
{
    QJsonArray variation;
    for (const auto &attribute : line.variation)
        variation.append(QJsonArray {attribute.first, attribute.second});
    return QJsonObject {
            {QStringLiteral("key"), line.key},
            {QStringLiteral("product_id"), line.productId},
            {QStringLiteral("variation_id"), line.variationId},
            {QStringLiteral("variation"), variation},
            {QStringLiteral("quantity"), line.quantity},
    };
}

std::optional<CartLine> lineFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    CartLine line;
    line.key = object.value(QLatin1String("key")).toString();
    line.productId = object.value(QLatin1String("product_id")).toInteger();
    line.variationId = object.value(QLatin1String("variation_id")).toInteger();
    line.quantity = object.value(QLatin1String("quantity")).toDouble();
    const QJsonArray variation = object.value(QLatin1String("variation")).toArray();
    for (const QJsonValue &attribute : variation) {
        const QJsonArray pair = attribute.toArray();
        line.variation.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    if (line.key.isEmpty() || line.productId <= 0 || line.quantity <= 0)
        return std::nullopt;
    return line;
}

QJsonArray linesToJson(const QList<CartLine> &lines)
{
    QJsonArray array;
    for (const CartLine &line : lines)
        array.append(lineToJson(line));
    return array;
}

QList<CartLine> linesFromJson(const QJsonValue &value)
{
    QList<CartLine> lines;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (std::optional<CartLine> line = lineFromJson(item))
            lines.append(*line);
    }
    return lines;
}

} // namespace

QByteArray DevStorePrivate::stateJson() const
{
    // QJsonObject keeps its keys sorted: the same state always gives the same bytes, so
    // saveState() can tell "changed" from "unchanged" by comparing them.
    QJsonObject sessions;
    for (const Session &session : tokens.sessions()) {
        sessions.insert(session.pat,
                        QJsonObject {
                                {QStringLiteral("user_id"), session.userId},
                                {QStringLiteral("refresh_token_sha256"),
                                 QString::fromLatin1(session.refreshTokenHash)},
                                {QStringLiteral("refresh_expires_at"), session.refreshExpiresAt},
                        });
    }

    QJsonObject cartsJson;
    const QStringList keys = carts.keys();
    for (const QString &key : keys) {
        const Cart *cart = carts.find(key);
        if (cart->isEmpty() && !Carts::isCustomerKey(key))
            continue; // an empty guest cart is the same as none
        cartsJson.insert(key,
                         QJsonObject {
                                 {QStringLiteral("items"), linesToJson(cart->items)},
                                 {QStringLiteral("removed"), linesToJson(cart->removed)},
                                 {QStringLiteral("expiring"), cart->expiring},
                                 {QStringLiteral("expires_at"), cart->expiresAt},
                         });
    }

    QJsonObject stock;
    const auto addStock = [&stock](const Product *product) {
        stock.insert(QString::number(product->id),
                     product->stock ? QJsonValue(*product->stock) : QJsonValue(QJsonValue::Null));
    };
    for (const Product *product : catalog.products()) {
        addStock(product);
        for (const Product *variation : catalog.variationsOf(product->id))
            addStock(variation);
    }

    const QJsonObject state {
            {QStringLiteral("version"), kStateVersion},
            {QStringLiteral("secret"), QString::fromLatin1(tokens.secret().toBase64())},
            {QStringLiteral("issuer"), tokens.issuer()},
            {QStringLiteral("sessions"), sessions},
            {QStringLiteral("carts"), cartsJson},
            {QStringLiteral("stock"), stock},
    };
    return QJsonDocument(state).toJson(QJsonDocument::Indented);
}

bool DevStorePrivate::applyState(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not an object");
        return false;
    }
    const QJsonObject state = document.object();
    const int version = state.value(QLatin1String("version")).toInt();
    if (version != 1 && version != kStateVersion) {
        *error = QStringLiteral("unknown version %1")
                         .arg(state.value(QLatin1String("version")).toInt());
        return false;
    }
    const QByteArray secret =
            QByteArray::fromBase64(state.value(QLatin1String("secret")).toString().toLatin1());
    if (secret.isEmpty()) {
        *error = QStringLiteral("no secret");
        return false;
    }

    QList<Session> sessions;
    const QJsonObject sessionsJson = state.value(QLatin1String("sessions")).toObject();
    for (auto it = sessionsJson.begin(); it != sessionsJson.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        Session session;
        session.pat = it.key();
        session.userId = object.value(QLatin1String("user_id")).toInteger();
        session.refreshTokenHash = version == 1
                ? TokenIssuer::hashRefreshToken(
                          object.value(QLatin1String("refresh_token")).toString().toLatin1())
                : object.value(QLatin1String("refresh_token_sha256")).toString().toLatin1();
        session.refreshExpiresAt = object.value(QLatin1String("refresh_expires_at")).toInteger();
        if (session.userId > 0)
            sessions.append(session);
    }

    tokens.setSecret(secret);
    // The issuer is the store's site URL, fixed when the file was made: tokens stay valid when
    // the store comes back on another port (version 1 files had none: listen() picks one).
    const QString issuer = state.value(QLatin1String("issuer")).toString();
    if (!issuer.isEmpty())
        tokens.setIssuer(issuer);
    tokens.restoreSessions(sessions);

    carts.clear();
    const QJsonObject cartsJson = state.value(QLatin1String("carts")).toObject();
    for (auto it = cartsJson.begin(); it != cartsJson.end(); ++it) {
        const QJsonObject object = it.value().toObject();
        Cart &cart = carts.ensure(it.key());
        cart.items = linesFromJson(object.value(QLatin1String("items")));
        cart.removed = linesFromJson(object.value(QLatin1String("removed")));
        cart.expiring = object.value(QLatin1String("expiring")).toInteger();
        cart.expiresAt = object.value(QLatin1String("expires_at")).toInteger();
    }

    const QJsonObject stock = state.value(QLatin1String("stock")).toObject();
    for (auto it = stock.begin(); it != stock.end(); ++it) {
        const qint64 id = it.key().toLongLong();
        if (!catalog.byId(id))
            continue; // a product of another catalogue
        catalog.setStock(
                id, it.value().isDouble() ? std::optional<int>(it.value().toInt()) : std::nullopt);
    }
    return true;
}

void DevStorePrivate::saveState()
{
    if (statePath.isEmpty() || saveTimer.isActive())
        return;
    saveTimer.start(kSaveDelayMs);
}

void DevStorePrivate::writeState()
{
    saveTimer.stop();
    if (statePath.isEmpty())
        return;
    const QByteArray json = stateJson();
    if (json == savedState)
        return;
    // QSaveFile writes a temporary file beside the target and renames it over the target on
    // commit(): a crash leaves the old state or the new one, never half of either.
    QSaveFile file(statePath);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcDevStore).noquote()
                << "cannot save the state to" << statePath << ":" << file.errorString();
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(json);
    if (!file.commit()) {
        qCWarning(lcDevStore).noquote()
                << "cannot save the state to" << statePath << ":" << file.errorString();
        return;
    }
    savedState = json;
    ++stateWrites;
}

bool DevStore::setStatePath(const QString &file)
{
    if (file.isEmpty()) {
        d->writeState(); // what is pending goes to the old file
        d->statePath.clear();
        d->savedState.clear();
        return true;
    }
    const QFileInfo info(file);
    if (!QDir().mkpath(info.absolutePath())) {
        qCWarning(lcDevStore).noquote() << "cannot create the folder of" << file;
        return false;
    }
    if (info.exists()) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            qCWarning(lcDevStore).noquote()
                    << "cannot read the state file" << file << ":" << in.errorString();
            return false;
        }
        QString error;
        if (!d->applyState(in.readAll(), &error)) {
            qCWarning(lcDevStore).noquote()
                    << QStringLiteral("the state file %1 is not usable (%2): it is left alone")
                               .arg(file, error);
            return false;
        }
        qCInfo(lcDevStore).noquote() << "state loaded from" << file;
    }
    d->statePath = info.absoluteFilePath();
    d->savedState.clear();
    d->writeState(); // a new file now, so the secret survives even if nothing else happens
    return QFileInfo::exists(d->statePath);
}

QString DevStore::statePath() const
{
    return d->statePath;
}

void DevStore::flushState()
{
    d->writeState();
}

int DevStore::stateWriteCount() const
{
    return d->stateWrites;
}

} // namespace CoCartDevStore
