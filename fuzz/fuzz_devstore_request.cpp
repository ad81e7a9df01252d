// The devstore's request pipeline in-process, no socket: authentication (Bearer JWT, Basic,
// username/password parameters), routing, JSON/form body parsing, permissions, every route
// handler and the response decoration, on a request built the way DevStorePrivate::makeRequest
// builds it from QHttpServer's parse.
//
// Input: "METHOD /path?query" on the first line, "Name: value" header lines up to an empty
// line, then the body. "$JWT" and "$REFRESH" in a header or the body are replaced by a real
// access / refresh token of the demo customer, so the signed-in routes are reached.
#include "devstore_p.h"

#include <CoCartDevStore/DevStore.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <cstdint>
#include <memory>

namespace CoCartDevStore {

struct DevStoreFuzzAccess
{
    static Internal::Response run(DevStorePrivate &d, Internal::Request &request)
    {
        Internal::Response response = d.process(request);
        d.decorate(request, response);
        return response;
    }
};

} // namespace CoCartDevStore

using CoCartDevStore::DevStore;
using CoCartDevStore::DevStoreFuzzAccess;
using CoCartDevStore::DevStorePrivate;
using CoCartDevStore::Internal::Request;

namespace {

struct Store
{
    DevStore owner;
    std::unique_ptr<DevStorePrivate> d;
    QByteArray jwt;
    QByteArray refresh;
    int uses = 0;

    void reset()
    {
        d = std::make_unique<DevStorePrivate>(&owner);
        d->accounts.add(DevStore::demoCustomer());
        Request login;
        login.method = "POST";
        login.path = login.rawPath = QStringLiteral("/wp-json/cocart/v2/login");
        login.headers = {
                {"Authorization", "Basic " + QByteArray("customer1:customer-pass-123").toBase64()},
                {"User-Agent", "fuzz"}};
        login.userAgent = QStringLiteral("fuzz");
        login.clientIp = QStringLiteral("127.0.0.1");
        const auto response = DevStoreFuzzAccess::run(*d, login);
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        jwt = body.value(QLatin1String("extras"))
                      .toObject()
                      .value(QLatin1String("jwt_token"))
                      .toString()
                      .toUtf8();
        refresh = body.value(QLatin1String("extras"))
                          .toObject()
                          .value(QLatin1String("jwt_refresh"))
                          .toString()
                          .toUtf8();
        uses = 0;
    }
};

Store *store = nullptr;

QByteArray substitute(QByteArray text)
{
    return text.replace("$JWT", store->jwt).replace("$REFRESH", store->refresh);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.warning=false"));
    store = new Store;
    store->reset();
    if (store->jwt.isEmpty())
        qFatal("fuzz_devstore_request: the demo customer could not sign in");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (++store->uses > 2000)
        store->reset(); // carts and sessions pile up otherwise
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype lineEnd = input.indexOf('\n');
    const QByteArray requestLine = lineEnd < 0 ? input : input.left(lineEnd);
    const QByteArray rest = lineEnd < 0 ? QByteArray() : input.mid(lineEnd + 1);
    const qsizetype split = rest.indexOf("\n\n");
    const QByteArray head = split < 0 ? rest : rest.left(split);

    Request request;
    const qsizetype space = requestLine.indexOf(' ');
    request.method = (space < 0 ? requestLine : requestLine.left(space)).trimmed().toUpper();
    const QUrl url(QString::fromUtf8(space < 0 ? QByteArray("/") : requestLine.mid(space + 1)));
    request.rawPath = url.path();
    request.path = request.rawPath;
    while (request.path.size() > 1 && request.path.endsWith(QLatin1Char('/')))
        request.path.chop(1);
    request.query = QUrlQuery(url);
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            request.headers.append(
                    {line.left(colon).trimmed(), substitute(line.mid(colon + 1).trimmed())});
    }
    request.body = split < 0 ? QByteArray() : substitute(rest.mid(split + 2));
    request.clientIp = QStringLiteral("127.0.0.1");
    request.userAgent = QString::fromUtf8(request.header("user-agent")).trimmed();

    const auto response = DevStoreFuzzAccess::run(*store->d, request);
    if (response.status < 100 || response.status > 599)
        abort();
    return 0;
}
