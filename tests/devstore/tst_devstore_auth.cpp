// The devstore's authentication behaviour against the recorded CoCart 4.3.6 + JWT 3.0.3
// transcripts (shared/cocart/transcripts.md). Talks raw HTTP (QNetworkAccessManager, or a bare
// QTcpSocket where QNAM cannot express the request); never uses the SDK, so the SDK and the
// store cannot be wrong together.

#include "devstore_http.h"

#include <CoCartDevStore/DevStore.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace CoCartDevStore;
using namespace DevStoreTest;

namespace {

const QByteArray kOtherUa = "SomeOtherAgent/2.0";
const QByteArray kSecret = "tst-devstore-secret";
const QString kLogin = QStringLiteral("/wp-json/cocart/v2/login");
const QString kLogout = QStringLiteral("/wp-json/cocart/v2/logout");
const QString kStore = QStringLiteral("/wp-json/cocart/v2/store");
const QString kRefresh = QStringLiteral("/wp-json/cocart/jwt/refresh-token");
const QString kValidate = QStringLiteral("/wp-json/cocart/jwt/validate-token");
const QString kAvatarHash = QStringLiteral("cc9a2323677f6a23f66535d434c02661"); // from 01

const QStringList kErrorKeys = {QStringLiteral("code"), QStringLiteral("data"),
                                QStringLiteral("message")};
const QStringList kLoginKeys = {
        QStringLiteral("avatar_urls"), QStringLiteral("dev_note"), QStringLiteral("display_name"),
        QStringLiteral("email"),       QStringLiteral("extras"),   QStringLiteral("first_name"),
        QStringLiteral("last_name"),   QStringLiteral("role"),     QStringLiteral("user_id")};
const QStringList kRefreshKeys = {QStringLiteral("refresh_token"), QStringLiteral("token")};
const QStringList kValidKeys = {QStringLiteral("message")};
const QStringList kStoreKeys = {QStringLiteral("_links"),        QStringLiteral("description"),
                                QStringLiteral("gmt_offset"),    QStringLiteral("home_url"),
                                QStringLiteral("language"),      QStringLiteral("routes"),
                                QStringLiteral("store_address"), QStringLiteral("timezone_string"),
                                QStringLiteral("title"),         QStringLiteral("version")};

const QString kAuthFailed = QStringLiteral("Authentication failed.");
const QString kAuthError = QStringLiteral("cocart_authentication_error");

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray unb64url(const QByteArray &data)
{
    return QByteArray::fromBase64(data, QByteArray::Base64UrlEncoding);
}

// The test's own HS256, independent of the store's code.
QByteArray signToken(const QByteArray &headerJson, const QByteArray &payloadJson,
                     const QByteArray &secret = kSecret)
{
    const QByteArray input = b64url(headerJson) + '.' + b64url(payloadJson);
    return input + '.' +
            b64url(QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256));
}

QJsonObject tokenPayload(const QByteArray &token)
{
    return QJsonDocument::fromJson(unb64url(token.split('.').value(1))).object();
}

QJsonObject tokenUser(const QByteArray &token)
{
    return tokenPayload(token)
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("user"))
            .toObject();
}

QByteArray bearer(const QByteArray &token)
{
    return "Authorization: Bearer " + token;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

//! Re-signs a token's payload after \a edit, with the right secret unless told otherwise.
QByteArray forge(const QByteArray &token, const std::function<void(QJsonObject &)> &edit,
                 const QByteArray &secret = kSecret,
                 const QByteArray &header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}")
{
    QJsonObject payload = tokenPayload(token);
    edit(payload);
    return signToken(header, compact(payload), secret);
}

void editUser(QJsonObject &payload, const QString &key, const QJsonValue &value)
{
    QJsonObject data = payload.value(QLatin1String("data")).toObject();
    QJsonObject user = data.value(QLatin1String("user")).toObject();
    user.insert(key, value);
    data.insert(QStringLiteral("user"), user);
    payload.insert(QStringLiteral("data"), data);
}

} // namespace

class TestDevStoreAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void login_data();
    void login();
    void bearerChecks_data();
    void bearerChecks();
    void refresh_data();
    void refresh();

    void jwtClaimsAndRefreshTokenFormat();
    void rotationKillsOldPair();
    void loginWithBearerReturnsSamePair();
    void refreshBindsNewUserAgent();
    void accessTokenExpiresOnRealClock();
    void clockOffsetMovesExpiry();
    void logoutRevokesEverySession();
    void ipBinding();
    void validateIsNotRateLimited();
    void responseHeaders();
    void unknownRoutesAnd404();
    void countersAndRecording();
    void faultStatus();
    void faultHang();
    void faultDelay();
    void noSecretsInLogs();
    void avatarsAreServedByTheStore();

private:
    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArrayList &headers = {}, const QByteArray &body = {},
                    int timeoutMs = 5000)
    {
        return m_client->send(method, pathAndQuery, headers, body, timeoutMs);
    }
    //! Bare socket request: exactly the headers given (no default User-Agent, unlike QNAM).
    HttpResult rawSend(const QByteArray &method, const QString &path, const QByteArrayList &headers,
                       const QByteArray &body = {});
    //! Logs customer1 in with Basic auth; returns {jwt_token, jwt_refresh}.
    QPair<QByteArray, QByteArray> loginPair(const QByteArray &userAgent = kUa)
    {
        return m_client->loginPair(userAgent);
    }
    HttpResult refreshWith(const QByteArray &refreshToken, const QByteArray &userAgent = kUa,
                           const QByteArrayList &extraHeaders = {});
    int validateStatus(const QByteArray &token, const QByteArray &userAgent = kUa);

    std::unique_ptr<DevStore> m_store;
    std::unique_ptr<Client> m_client;
};

void TestDevStoreAuth::init()
{
    m_store = std::make_unique<DevStore>();
    m_store->seedDemoData();
    m_store->setSecret(kSecret);
    m_store->setRequestHistoryLimit(100);
    QVERIFY(m_store->listen());
    QVERIFY(m_store->port() != 0);
    m_client = std::make_unique<Client>(m_store.get());
}

void TestDevStoreAuth::cleanup()
{
    m_client.reset();
    m_store.reset();
}

HttpResult TestDevStoreAuth::rawSend(const QByteArray &method, const QString &path,
                                     const QByteArrayList &headers, const QByteArray &body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_store->port());
    QByteArray request = method + ' ' + path.toUtf8() +
            " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_store->port()) + "\r\n";
    for (const QByteArray &line : headers)
        request += line + "\r\n";
    if (!body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);

    HttpResult result;
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        QTest::qWait(5);
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        const QList<QByteArray> lines = data.left(end).split('\n');
        result.status = lines.value(0).split(' ').value(1).toInt();
        result.headers.clear();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                result.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        const qsizetype length = result.header("Content-Length").toLongLong();
        if (data.size() - end - 4 >= length) {
            result.body = data.mid(end + 4, length);
            break;
        }
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

HttpResult TestDevStoreAuth::refreshWith(const QByteArray &refreshToken,
                                         const QByteArray &userAgent,
                                         const QByteArrayList &extraHeaders)
{
    return send("POST", kRefresh,
                QByteArrayList {"Content-Type: application/json", "User-Agent: " + userAgent} +
                        extraHeaders,
                "{\"refresh_token\":\"" + refreshToken + "\"}");
}

int TestDevStoreAuth::validateStatus(const QByteArray &token, const QByteArray &userAgent)
{
    return send("POST", kValidate, {bearer(token), "User-Agent: " + userAgent}).status;
}

// --- 01-06: login -----------------------------------------------------------------------------

void TestDevStoreAuth::login_data()
{
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("keys");

    const QString notAuthorized = QStringLiteral("cocart_rest_not_authorized");
    const QString notAuthorizedMsg = QStringLiteral("Sorry, you are not authorized.");
    const QString wrongPassword =
            QStringLiteral("The password you entered for the username \"customer1\" is incorrect.");
    const QByteArray form = "Content-Type: application/x-www-form-urlencoded";

    QTest::newRow("01 basic") << QByteArrayList {"Authorization: " + kBasicCustomer} << QString()
                              << QByteArray() << 200 << QString() << QString() << kLoginKeys;
    QTest::newRow("02 json body is not read")
            << QByteArrayList {"Content-Type: application/json"} << QString()
            << QByteArray(R"({"username":"customer1","password":"customer-pass-123"})") << 401
            << notAuthorized << notAuthorizedMsg << kErrorKeys;
    QTest::newRow("03 form body") << QByteArrayList {form} << QString()
                                  << QByteArray("username=customer1&password=customer-pass-123")
                                  << 200 << QString() << QString() << kLoginKeys;
    QTest::newRow("03 query string")
            << QByteArrayList {} << QStringLiteral("?username=customer1&password=customer-pass-123")
            << QByteArray() << 200 << QString() << QString() << kLoginKeys;
    QTest::newRow("04 wrong password (basic)")
            << QByteArrayList {"Authorization: Basic Y3VzdG9tZXIxOndyb25n"} << QString()
            << QByteArray() << 401 << kAuthError << wrongPassword << kErrorKeys;
    QTest::newRow("04 wrong password (form)")
            << QByteArrayList {form} << QString() << QByteArray("username=customer1&password=wrong")
            << 401 << kAuthError << wrongPassword << kErrorKeys;
    QTest::newRow("05 no credentials") << QByteArrayList {} << QString() << QByteArray() << 401
                                       << notAuthorized << notAuthorizedMsg << kErrorKeys;
    QTest::newRow("06 email as username (basic)")
            << QByteArrayList {"Authorization: Basic "
                               "Y3VzdG9tZXIxQGV4YW1wbGUudGVzdDpjdXN0b21lci1wYXNzLTEyMw=="}
            << QString() << QByteArray() << 200 << QString() << QString() << kLoginKeys;
    QTest::newRow("06 email as username (form)")
            << QByteArrayList {form} << QString()
            << QByteArray("username=customer1%40example.test&password=customer-pass-123") << 200
            << QString() << QString() << kLoginKeys;
    QTest::newRow("unknown user")
            << QByteArrayList {"Authorization: Basic " + QByteArray("nobody:secret").toBase64()}
            << QString() << QByteArray() << 401 << kAuthError
            << QStringLiteral("Authentication is invalid. Please check your login details are "
                              "correct and try again.")
            << kErrorKeys;
    QTest::newRow("username without password")
            << QByteArrayList {form} << QString() << QByteArray("username=customer1") << 401
            << kAuthError << QStringLiteral("Authentication invalid!") << kErrorKeys;
    QTest::newRow("garbage bearer is a guest")
            << QByteArrayList {"Authorization: Bearer not-a-jwt"} << QString() << QByteArray()
            << 401 << notAuthorized << notAuthorizedMsg << kErrorKeys;
    QTest::newRow("malformed basic is a guest")
            << QByteArrayList {"Authorization: Basic !!!"} << QString() << QByteArray() << 401
            << notAuthorized << notAuthorizedMsg << kErrorKeys;
}

void TestDevStoreAuth::login()
{
    QFETCH(QByteArrayList, headers);
    QFETCH(QString, query);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QStringList, keys);

    const qint64 before = m_store->now();
    const HttpResult r = send("POST", kLogin + query, headers, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.keys(), keys);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=UTF-8"));

    if (status != 200) {
        QCOMPARE(r.code(), code);
        QCOMPARE(r.message(), message);
        QCOMPARE(r.json().value(QLatin1String("data")).toObject().value(QLatin1String("status")),
                 QJsonValue(status));
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
        QVERIFY(!r.hasHeader("CoCart-Version"));
        QCOMPARE(m_store->activeSessionCount(2), 0);
        return;
    }

    const QJsonObject json = r.json();
    QCOMPARE(json.value(QLatin1String("user_id")), QJsonValue(QStringLiteral("2")));
    QCOMPARE(json.value(QLatin1String("first_name")).toString(), QStringLiteral("Jane"));
    QCOMPARE(json.value(QLatin1String("last_name")).toString(), QStringLiteral("Doe"));
    QCOMPARE(json.value(QLatin1String("display_name")).toString(), QStringLiteral("Jane Doe"));
    QCOMPARE(json.value(QLatin1String("role")).toString(), QStringLiteral("Customer"));
    QCOMPARE(json.value(QLatin1String("email")).toString(),
             QStringLiteral("customer1@example.test"));
    QCOMPARE(json.value(QLatin1String("dev_note")).toString(),
             QStringLiteral("Don't forget to store the users login information in order to "
                            "authenticate all other routes with CoCart."));
    const QJsonObject avatars = json.value(QLatin1String("avatar_urls")).toObject();
    QCOMPARE(avatars.keys(),
             (QStringList {QStringLiteral("24"), QStringLiteral("48"), QStringLiteral("96")}));
    QCOMPARE(avatars.value(QLatin1String("48")).toString(),
             m_store->url().toString() + QStringLiteral("/avatar/") + kAvatarHash +
                     QStringLiteral("?s=48&d=mm&r=g"));
    const QJsonObject extras = json.value(QLatin1String("extras")).toObject();
    QCOMPARE(extras.keys(),
             (QStringList {QStringLiteral("jwt_refresh"), QStringLiteral("jwt_token")}));
    QCOMPARE(extras.value(QLatin1String("jwt_token")).toString().count(QLatin1Char('.')), 2);
    QVERIFY(r.body.contains("http:\\/\\/127.0.0.1:")); // wp_json_encode escapes '/'
    QVERIFY(!r.body.contains("gravatar")); // the store never sends clients to the internet

    QCOMPARE(r.header("CoCart-Version"), QByteArray("4.3.6"));
    const qint64 stamp = r.header("CoCart-Timestamp").toLongLong();
    QVERIFY(stamp >= before && stamp <= m_store->now());
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    QCOMPARE(r.header("Cache-Control"),
             QByteArray("no-cache, must-revalidate, max-age=0, no-store, private"));
    QCOMPARE(r.header("Expires"), QByteArray("Wed, 11 Jan 1984 05:00:00 GMT"));
    QVERIFY(!r.hasHeader("CoCart-API-Cart-Key"));
    QCOMPARE(m_store->activeSessionCount(2), 1);
}

// --- 10-19, 33, 34, 40: the global Bearer check ------------------------------------------------

void TestDevStoreAuth::bearerChecks_data()
{
    QTest::addColumn<QString>("variant"); // how the Authorization header is made
    QTest::addColumn<QString>("ua"); // same | other | absent | empty
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("keys");

    const auto failed = [](const char *name, const QString &variant, const QString &ua,
                           const QString &path) {
        QTest::newRow(name) << variant << ua << QByteArray(path == kStore ? "GET" : "POST") << path
                            << 403 << kAuthError << kAuthFailed << kErrorKeys;
    };
    const QString same = QStringLiteral("same");
    const QString valid = QStringLiteral("valid");

    QTest::newRow("16 validate ok") << valid << same << QByteArray("POST") << kValidate << 200
                                    << QString() << QStringLiteral("Token is valid.") << kValidKeys;
    QTest::newRow("valid bearer on store") << valid << same << QByteArray("GET") << kStore << 200
                                           << QString() << QString() << kStoreKeys;
    failed("10 different UA (store)", valid, QStringLiteral("other"), kStore);
    failed("17 different UA (validate)", valid, QStringLiteral("other"), kValidate);
    // The recorded plugin skips the device check without a User-Agent (11, 12); the devstore
    // does not: a token bound to a device is not usable by a client that hides its own.
    failed("11 no UA header fails (devstore is stricter)", valid, QStringLiteral("absent"),
           kValidate);
    failed("12 empty UA header fails (devstore is stricter)", valid, QStringLiteral("empty"),
           kValidate);
    QTest::newRow("11 no UA header, different IP still fails")
            << QStringLiteral("wrong-ip") << QStringLiteral("absent") << QByteArray("POST")
            << kValidate << 403 << kAuthError << kAuthFailed << kErrorKeys;
    failed("13 tampered signature", QStringLiteral("tampered-signature"), same, kStore);
    failed("14 tampered payload", QStringLiteral("tampered-payload"), same, kStore);
    QTest::newRow("15 garbage bearer is a guest (store)")
            << QStringLiteral("garbage") << same << QByteArray("GET") << kStore << 200 << QString()
            << QString() << kStoreKeys;
    QTest::newRow("15 garbage bearer is a guest (validate)")
            << QStringLiteral("garbage") << same << QByteArray("POST") << kValidate << 401
            << QStringLiteral("rest_forbidden")
            << QStringLiteral("Sorry, you are not allowed to do that.") << kErrorKeys;
    QTest::newRow("18 validate without token")
            << QStringLiteral("none") << same << QByteArray("POST") << kValidate << 401
            << QStringLiteral("rest_forbidden")
            << QStringLiteral("Sorry, you are not allowed to do that.") << kErrorKeys;
    QTest::newRow("19 validate with GET")
            << valid << same << QByteArray("GET") << kValidate << 404
            << QStringLiteral("rest_no_route")
            << QStringLiteral("No route was found matching the URL and request method.")
            << kErrorKeys;
    failed("33/40 expired token on a public route", QStringLiteral("expired"), same, kStore);
    failed("34 expired token on validate", QStringLiteral("expired"), same, kValidate);
    QTest::newRow("re-signed unchanged token is valid (forging sanity check)")
            << QStringLiteral("resigned") << same << QByteArray("POST") << kValidate << 200
            << QString() << QStringLiteral("Token is valid.") << kValidKeys;
    QTest::newRow("scheme is case-insensitive")
            << QStringLiteral("lowercase-scheme") << same << QByteArray("POST") << kValidate << 200
            << QString() << QStringLiteral("Token is valid.") << kValidKeys;
    failed("wrong secret", QStringLiteral("wrong-secret"), same, kValidate);
    failed("alg none", QStringLiteral("alg-none"), same, kValidate);
    failed("typ not JWT", QStringLiteral("typ-jws"), same, kValidate);
    failed("no exp claim", QStringLiteral("no-exp"), same, kValidate);
    failed("wrong issuer", QStringLiteral("wrong-iss"), same, kValidate);
    failed("unknown user id", QStringLiteral("unknown-user"), same, kValidate);
    failed("token bound to another IP", QStringLiteral("wrong-ip"), same, kValidate);
    failed("unknown PAT", QStringLiteral("unknown-pat"), same, kValidate);
    failed("invalid bearer also fails login", QStringLiteral("tampered-signature"), same, kLogin);
    failed("invalid bearer also fails refresh", QStringLiteral("tampered-signature"), same,
           kRefresh);
    failed("invalid bearer also fails logout", QStringLiteral("tampered-signature"), same, kLogout);
    QTest::newRow("invalid bearer fails even unknown routes")
            << QStringLiteral("tampered-signature") << same << QByteArray("GET")
            << QStringLiteral("/wp-json/cocart/v2/nope") << 403 << kAuthError << kAuthFailed
            << kErrorKeys;
}

void TestDevStoreAuth::bearerChecks()
{
    QFETCH(QString, variant);
    QFETCH(QString, ua);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QStringList, keys);

    const QByteArray token = loginPair().first;
    QVERIFY(!token.isEmpty());

    QByteArray authorization;
    if (variant == QLatin1String("valid")) {
        authorization = bearer(token);
    } else if (variant == QLatin1String("garbage")) {
        authorization = "Authorization: Bearer not-a-jwt";
    } else if (variant == QLatin1String("lowercase-scheme")) {
        authorization = "Authorization: bearer " + token;
    } else if (variant == QLatin1String("tampered-signature")) { // 13: last character changed
        QByteArray t = token;
        t.back() = t.back() == 'A' ? 'B' : 'A';
        authorization = bearer(t);
    } else if (variant == QLatin1String("tampered-payload")) { // 14: id 2 -> 1, not re-signed
        QList<QByteArray> parts = token.split('.');
        QByteArray payload = unb64url(parts.at(1));
        QVERIFY(payload.contains("\"id\":2,"));
        payload.replace("\"id\":2,", "\"id\":1,");
        parts[1] = b64url(payload);
        authorization = bearer(parts.join('.'));
    } else if (variant == QLatin1String("expired")) {
        authorization = bearer(token);
        m_store->setClockOffset(864000 + 5); // past exp, refresh token still alive
    } else if (variant == QLatin1String("resigned")) {
        authorization = bearer(forge(token, [](QJsonObject &) {}));
    } else if (variant == QLatin1String("wrong-secret")) {
        authorization = bearer(forge(
                token, [](QJsonObject &) {}, "another-secret"));
    } else if (variant == QLatin1String("alg-none")) {
        authorization = bearer(forge(
                token, [](QJsonObject &) {}, kSecret, "{\"alg\":\"none\",\"typ\":\"JWT\"}"));
    } else if (variant == QLatin1String("typ-jws")) {
        authorization = bearer(forge(
                token, [](QJsonObject &) {}, kSecret, "{\"alg\":\"HS256\",\"typ\":\"JWS\"}"));
    } else if (variant == QLatin1String("no-exp")) {
        authorization =
                bearer(forge(token, [](QJsonObject &p) { p.remove(QStringLiteral("exp")); }));
    } else if (variant == QLatin1String("wrong-iss")) {
        authorization = bearer(forge(token, [](QJsonObject &p) {
            p.insert(QStringLiteral("iss"), QStringLiteral("http://shop.example"));
        }));
    } else if (variant == QLatin1String("unknown-user")) {
        authorization =
                bearer(forge(token, [](QJsonObject &p) { editUser(p, QStringLiteral("id"), 99); }));
    } else if (variant == QLatin1String("wrong-ip")) {
        authorization = bearer(forge(token, [](QJsonObject &p) {
            editUser(p, QStringLiteral("ip"), QStringLiteral("10.0.0.9"));
        }));
    } else if (variant == QLatin1String("unknown-pat")) {
        authorization = bearer(forge(token, [](QJsonObject &p) {
            editUser(p, QStringLiteral("pat"), QStringLiteral("pat_000000000000000000000000"));
        }));
    } else {
        QCOMPARE(variant, QStringLiteral("none"));
    }

    QByteArrayList headers;
    if (!authorization.isEmpty())
        headers.append(authorization);
    HttpResult r;
    if (ua == QLatin1String("absent") || ua == QLatin1String("empty")) {
        if (ua == QLatin1String("empty"))
            headers.append("User-Agent:");
        r = rawSend(method, path, headers);
        // Make sure the request really went out as intended.
        const RecordedRequest seen = m_store->requests().constLast();
        QCOMPARE(seen.hasHeader("User-Agent"), ua == QLatin1String("empty"));
        QVERIFY(seen.header("User-Agent").isEmpty());
    } else {
        headers.append("User-Agent: " + (ua == QLatin1String("other") ? kOtherUa : kUa));
        r = send(method, path, headers);
    }

    QCOMPARE(r.status, status);
    QCOMPARE(r.keys(), keys);
    if (!code.isEmpty())
        QCOMPARE(r.code(), code);
    if (!message.isEmpty())
        QCOMPARE(r.message(), message);
    if (status == 403)
        QCOMPARE(
                r.body,
                QByteArray(
                        R"({"code":"cocart_authentication_error","data":{"status":403},"message":"Authentication failed."})"));
}

// --- 21-26, 28, 35, 37, 38, 49: refresh-token ---------------------------------------------------

void TestDevStoreAuth::refresh_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QStringList>("keys");

    const QString missing = QStringLiteral("cocart_jwt_auth_missing_refresh_token");
    const QString missingMsg = QStringLiteral("Refresh token is required.");
    const QString invalid = QStringLiteral("Invalid refresh token.");

    QTest::newRow("21 json body") << QStringLiteral("json") << 200 << QString() << QString()
                                  << kRefreshKeys;
    QTest::newRow("28 form body") << QStringLiteral("form") << 200 << QString() << QString()
                                  << kRefreshKeys;
    QTest::newRow("query string") << QStringLiteral("query") << 200 << QString() << QString()
                                  << kRefreshKeys;
    QTest::newRow("22 reuse of a used refresh token")
            << QStringLiteral("reused") << 403 << kAuthError << invalid << kErrorKeys;
    QTest::newRow("25 missing ({})")
            << QStringLiteral("empty-json") << 403 << missing << missingMsg << kErrorKeys;
    QTest::newRow("25 missing (no body)")
            << QStringLiteral("no-body") << 403 << missing << missingMsg << kErrorKeys;
    QTest::newRow("25 missing (empty string)")
            << QStringLiteral("empty-string") << 403 << missing << missingMsg << kErrorKeys;
    QTest::newRow("26 garbage") << QStringLiteral("garbage") << 403 << kAuthError << invalid
                                << kErrorKeys;
    QTest::newRow("35 expired refresh token")
            << QStringLiteral("expired") << 403 << kAuthError
            << QStringLiteral("Refresh token expired.") << kErrorKeys;
    QTest::newRow("49 after logout")
            << QStringLiteral("after-logout") << 403 << kAuthError << invalid << kErrorKeys;
    QTest::newRow("37 expired bearer attached")
            << QStringLiteral("expired-bearer") << 403 << kAuthError << kAuthFailed << kErrorKeys;
    QTest::newRow("38 access expired, no bearer attached")
            << QStringLiteral("access-expired") << 200 << QString() << QString() << kRefreshKeys;
    QTest::newRow("valid bearer attached")
            << QStringLiteral("valid-bearer") << 200 << QString() << QString() << kRefreshKeys;
    QTest::newRow("refresh does not check IP")
            << QStringLiteral("other-ip") << 200 << QString() << QString() << kRefreshKeys;
}

void TestDevStoreAuth::refresh()
{
    QFETCH(QString, mode);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QStringList, keys);

    const auto [token, refreshToken] = loginPair();
    QVERIFY(!refreshToken.isEmpty());

    const QByteArray json = "Content-Type: application/json";
    const QByteArray jsonBody = "{\"refresh_token\":\"" + refreshToken + "\"}";
    HttpResult r;
    if (mode == QLatin1String("json") || mode == QLatin1String("other-ip")) {
        if (mode == QLatin1String("other-ip"))
            m_store->setClientIpOverride(QStringLiteral("198.51.100.23"));
        r = send("POST", kRefresh, {json}, jsonBody);
    } else if (mode == QLatin1String("form")) {
        r = send("POST", kRefresh, {"Content-Type: application/x-www-form-urlencoded"},
                 "refresh_token=" + refreshToken);
    } else if (mode == QLatin1String("query")) {
        r = send("POST",
                 kRefresh + QStringLiteral("?refresh_token=") + QString::fromLatin1(refreshToken));
    } else if (mode == QLatin1String("reused")) {
        QCOMPARE(send("POST", kRefresh, {json}, jsonBody).status, 200);
        r = send("POST", kRefresh, {json}, jsonBody);
    } else if (mode == QLatin1String("empty-json")) {
        r = send("POST", kRefresh, {json}, "{}");
    } else if (mode == QLatin1String("no-body")) {
        r = send("POST", kRefresh);
    } else if (mode == QLatin1String("empty-string")) {
        r = send("POST", kRefresh, {json}, R"({"refresh_token":""})");
    } else if (mode == QLatin1String("garbage")) {
        r = send("POST", kRefresh, {json}, R"({"refresh_token":"deadbeef"})");
    } else if (mode == QLatin1String("expired")) {
        m_store->setClockOffset(2592000 + 5);
        r = send("POST", kRefresh, {json}, jsonBody);
    } else if (mode == QLatin1String("after-logout")) {
        QCOMPARE(send("POST", kLogout, {bearer(token)}).status, 200);
        r = send("POST", kRefresh, {json}, jsonBody);
    } else if (mode == QLatin1String("expired-bearer")) {
        m_store->setClockOffset(864000 + 5);
        r = send("POST", kRefresh, {json, bearer(token)}, jsonBody);
    } else if (mode == QLatin1String("access-expired")) {
        m_store->setClockOffset(864000 + 5);
        r = send("POST", kRefresh, {json}, jsonBody);
    } else if (mode == QLatin1String("valid-bearer")) {
        r = send("POST", kRefresh, {json, bearer(token)}, jsonBody);
    } else {
        QFAIL("unknown mode");
    }

    QCOMPARE(r.status, status);
    QCOMPARE(r.keys(), keys);
    if (status != 200) {
        QCOMPARE(r.code(), code);
        QCOMPARE(r.message(), message);
        return;
    }
    const QByteArray newToken = r.json().value(QLatin1String("token")).toString().toLatin1();
    const QByteArray newRefresh =
            r.json().value(QLatin1String("refresh_token")).toString().toLatin1();
    QVERIFY(newToken != token);
    QVERIFY(newRefresh != refreshToken);
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{128}$"))
                    .match(QString::fromLatin1(newRefresh))
                    .hasMatch());
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    QCOMPARE(validateStatus(newToken), 200); // 24/39: the new token works from this client
    QCOMPARE(validateStatus(token), 403); // 23: the old one is dead
    QCOMPARE(m_store->activeSessionCount(2), 1);
}

// --- Token format ---------------------------------------------------------------------------

void TestDevStoreAuth::jwtClaimsAndRefreshTokenFormat()
{
    m_store->setAccessTokenTtl(600);
    const qint64 before = m_store->now();
    const auto [token, refreshToken] = loginPair();
    const qint64 after = m_store->now();

    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    for (const QByteArray &part : parts)
        QVERIFY2(!part.contains('='), "base64url without padding");
    QCOMPARE(unb64url(parts.at(0)), QByteArray(R"({"alg":"HS256","typ":"JWT"})"));

    // The signature checks out with the test's own HMAC and the configured secret.
    QCOMPARE(parts.at(2),
             b64url(QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1), kSecret,
                                                     QCryptographicHash::Sha256)));

    const QByteArray rawPayload = unb64url(parts.at(1));
    QVERIFY2(rawPayload.startsWith("{\"iss\":\"http:\\/\\/127.0.0.1:"), rawPayload.constData());
    const QJsonObject payload = tokenPayload(token);
    QStringList keys = payload.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList {QStringLiteral("data"), QStringLiteral("exp"), QStringLiteral("iat"),
                           QStringLiteral("iss"), QStringLiteral("nbf")}));
    QCOMPARE(payload.value(QLatin1String("iss")).toString(), m_store->url().toString());
    QCOMPARE(m_store->url().toString(),
             QStringLiteral("http://127.0.0.1:") + QString::number(m_store->port()));
    const qint64 iat = payload.value(QLatin1String("iat")).toInteger();
    QVERIFY(iat >= before && iat <= after);
    QCOMPARE(payload.value(QLatin1String("nbf")).toInteger(), iat);
    QCOMPARE(payload.value(QLatin1String("exp")).toInteger(), iat + 600);

    const QJsonObject user = tokenUser(token);
    keys = user.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList {QStringLiteral("device"), QStringLiteral("id"), QStringLiteral("ip"),
                           QStringLiteral("pat"), QStringLiteral("username")}));
    QVERIFY(user.value(QLatin1String("id")).isDouble());
    QCOMPARE(user.value(QLatin1String("id")).toInteger(), qint64(2));
    QCOMPARE(user.value(QLatin1String("username")).toString(), QStringLiteral("customer1"));
    QCOMPARE(user.value(QLatin1String("ip")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(user.value(QLatin1String("device")).toString(), QString::fromLatin1(kUa));
    const QRegularExpression patFormat(QStringLiteral("^pat_[0-9a-f]{24}$"));
    QVERIFY(patFormat.match(user.value(QLatin1String("pat")).toString()).hasMatch());

    QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{128}$"))
                    .match(QString::fromLatin1(refreshToken))
                    .hasMatch());

    // A second login is a second session: new PAT, new refresh token; the first still works.
    const auto [token2, refresh2] = loginPair();
    QVERIFY(tokenUser(token2).value(QLatin1String("pat")) != user.value(QLatin1String("pat")));
    QVERIFY(refresh2 != refreshToken);
    QCOMPARE(m_store->activeSessionCount(2), 2);
    QCOMPARE(validateStatus(token), 200);
    QCOMPARE(validateStatus(token2), 200);

    // Default lifetime: 10 days. A login without User-Agent binds device "".
    m_store->setAccessTokenTtl(864000);
    const HttpResult r = rawSend("POST", kLogin, {"Authorization: " + kBasicCustomer});
    QCOMPARE(r.status, 200);
    const QByteArray noUaToken = r.json().value(QLatin1String("extras"))
                                         .toObject()
                                         .value(QLatin1String("jwt_token"))
                                         .toString()
                                         .toLatin1();
    const QJsonObject p = tokenPayload(noUaToken);
    QCOMPARE(p.value(QLatin1String("exp")).toInteger() - p.value(QLatin1String("iat")).toInteger(),
             qint64(864000));
    QCOMPARE(tokenUser(noUaToken).value(QLatin1String("device")), QJsonValue(QString()));
}

// --- 21-24: rotation ------------------------------------------------------------------------

void TestDevStoreAuth::rotationKillsOldPair()
{
    const auto [token, refreshToken] = loginPair();
    QCOMPARE(validateStatus(token), 200);

    const HttpResult r = refreshWith(refreshToken);
    QCOMPARE(r.status, 200);
    const QByteArray newToken = r.json().value(QLatin1String("token")).toString().toLatin1();

    QCOMPARE(validateStatus(token), 403); // 23
    QCOMPARE(refreshWith(refreshToken).message(), QStringLiteral("Invalid refresh token.")); // 22
    QCOMPARE(validateStatus(newToken), 200); // 24
    QCOMPARE(m_store->activeSessionCount(2), 1);
    QVERIFY(tokenUser(newToken).value(QLatin1String("pat")) !=
            tokenUser(token).value(QLatin1String("pat")));
}

// --- 27 ---------------------------------------------------------------------------------------

void TestDevStoreAuth::loginWithBearerReturnsSamePair()
{
    const auto [firstToken, firstRefresh] = loginPair();
    const HttpResult refreshed = refreshWith(firstRefresh);
    const QByteArray token = refreshed.json().value(QLatin1String("token")).toString().toLatin1();
    const QByteArray refreshToken =
            refreshed.json().value(QLatin1String("refresh_token")).toString().toLatin1();

    const HttpResult r = send("POST", kLogin, {bearer(token)});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.keys(), kLoginKeys);
    const QJsonObject extras = r.json().value(QLatin1String("extras")).toObject();
    QCOMPARE(extras.value(QLatin1String("jwt_token")).toString().toLatin1(), token);
    QCOMPARE(extras.value(QLatin1String("jwt_refresh")).toString().toLatin1(), refreshToken);
    QCOMPARE(m_store->activeSessionCount(2), 1); // no new session
    QCOMPARE(refreshWith(refreshToken).status, 200); // and the pair is still the live one
}

// --- 28-30 ------------------------------------------------------------------------------------

void TestDevStoreAuth::refreshBindsNewUserAgent()
{
    const auto [token, refreshToken] = loginPair(kUa);
    const HttpResult r =
            send("POST", kRefresh,
                 {"Content-Type: application/x-www-form-urlencoded", "User-Agent: Other/9"},
                 "refresh_token=" + refreshToken);
    QCOMPARE(r.status, 200);
    const QByteArray newToken = r.json().value(QLatin1String("token")).toString().toLatin1();
    QCOMPARE(tokenUser(newToken).value(QLatin1String("device")).toString(),
             QStringLiteral("Other/9"));
    QCOMPARE(validateStatus(newToken, "Other/9"), 200); // 29
    QCOMPARE(validateStatus(newToken, kUa), 403); // 30
    // No UA: the plugin skips the check; the devstore refuses (see bearerChecks 11).
    QCOMPARE(rawSend("POST", kValidate, {bearer(newToken)}).status, 403);
}

// --- 31-34, 38, 39 on the real clock ----------------------------------------------------------

void TestDevStoreAuth::accessTokenExpiresOnRealClock()
{
    m_store->setAccessTokenTtl(1);
    const auto [token, refreshToken] = loginPair();
    QCOMPARE(validateStatus(token), 200); // 32: now <= exp
    QTest::qWait(2100); // now >= iat + 2 > exp
    QCOMPARE(validateStatus(token), 403); // 34
    QCOMPARE(send("GET", kStore, {bearer(token)}).status, 403); // 33/40

    m_store->setAccessTokenTtl(864000);
    const HttpResult r = refreshWith(refreshToken); // 38
    QCOMPARE(r.status, 200);
    QCOMPARE(validateStatus(r.json().value(QLatin1String("token")).toString().toLatin1()),
             200); // 39
}

void TestDevStoreAuth::clockOffsetMovesExpiry()
{
    // A store clock 2 hours ahead or behind issues tokens in its own time and accepts them.
    for (const qint64 offset : {qint64(7200), qint64(-7200)}) {
        m_store->setClockOffset(offset);
        const qint64 expected = QDateTime::currentSecsSinceEpoch() + offset;
        QVERIFY(qAbs(m_store->now() - expected) <= 1);
        const QByteArray token = loginPair().first;
        QVERIFY(qAbs(tokenPayload(token).value(QLatin1String("iat")).toInteger() - expected) <= 1);
        QCOMPARE(validateStatus(token), 200);
    }

    m_store->setClockOffset(0);
    m_store->setAccessTokenTtl(60);
    m_store->setRefreshTokenTtl(120);
    const auto [token, refreshToken] = loginPair();
    m_store->setClockOffset(30);
    QCOMPARE(validateStatus(token), 200);
    m_store->setClockOffset(62);
    QCOMPARE(validateStatus(token), 403);
    m_store->setClockOffset(122);
    const HttpResult r = refreshWith(refreshToken);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.message(), QStringLiteral("Refresh token expired."));
}

// --- 47-49 ------------------------------------------------------------------------------------

void TestDevStoreAuth::logoutRevokesEverySession()
{
    Account bob;
    bob.username = QStringLiteral("bob");
    bob.password = QStringLiteral("bob-pass");
    bob.email = QStringLiteral("bob@example.test");
    bob.firstName = QStringLiteral("Bob");
    const qint64 bobId = m_store->addAccount(bob);
    QVERIFY(bobId != 2);

    const auto [tokenA, refreshA] = loginPair(kUa);
    const auto [tokenB, refreshB] = loginPair("Other/9");
    const HttpResult formLogin =
            send("POST", kLogin,
                 {"Content-Type: application/x-www-form-urlencoded", "User-Agent: Third/3"},
                 "username=customer1&password=customer-pass-123");
    const QByteArray tokenC = formLogin.json()
                                      .value(QLatin1String("extras"))
                                      .toObject()
                                      .value(QLatin1String("jwt_token"))
                                      .toString()
                                      .toLatin1();
    const HttpResult bobLogin =
            send("POST", kLogin, {"Authorization: Basic " + QByteArray("bob:bob-pass").toBase64()});
    QCOMPARE(bobLogin.status, 200);
    QCOMPARE(bobLogin.json().value(QLatin1String("user_id")).toString(), QString::number(bobId));
    const QByteArray bobToken = bobLogin.json()
                                        .value(QLatin1String("extras"))
                                        .toObject()
                                        .value(QLatin1String("jwt_token"))
                                        .toString()
                                        .toLatin1();
    QCOMPARE(m_store->activeSessionCount(2), 3);
    QCOMPARE(m_store->activeSessionCount(bobId), 1);

    const HttpResult r = send("POST", kLogout, {bearer(tokenA)}); // 47
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("true"));
    const QByteArrayList cookies = r.headerValues("Set-Cookie");
    QVERIFY2(cookies.size() >= 12, QByteArray::number(cookies.size()).constData());
    for (const QByteArray &cookie : cookies) {
        QVERIFY2(cookie.startsWith("wordpress") || cookie.startsWith("wp-"), cookie.constData());
        QVERIFY2(cookie.contains("Max-Age=0"), cookie.constData());
    }
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QCOMPARE(r.header("Allow"), QByteArray("POST"));

    QCOMPARE(m_store->activeSessionCount(2), 0);
    QCOMPARE(validateStatus(tokenA, kUa), 403); // 48
    QCOMPARE(validateStatus(tokenB, "Other/9"), 403);
    QCOMPARE(validateStatus(tokenC, "Third/3"), 403);
    QCOMPARE(refreshWith(refreshB, "Other/9").message(),
             QStringLiteral("Invalid refresh token.")); // 49
    QCOMPARE(refreshWith(refreshA).message(), QStringLiteral("Invalid refresh token."));

    // Other users keep their sessions.
    QCOMPARE(m_store->activeSessionCount(bobId), 1);
    QCOMPARE(validateStatus(bobToken), 200);

    // Logging out as a guest is harmless.
    const HttpResult guest = send("POST", kLogout);
    QCOMPARE(guest.status, 200);
    QCOMPARE(guest.body, QByteArray("true"));
    QCOMPARE(m_store->activeSessionCount(bobId), 1);
}

void TestDevStoreAuth::ipBinding()
{
    m_store->setClientIpOverride(QStringLiteral("203.0.113.7"));
    const auto [token, refreshToken] = loginPair();
    QCOMPARE(tokenUser(token).value(QLatin1String("ip")).toString(), QStringLiteral("203.0.113.7"));
    QCOMPARE(validateStatus(token), 200);

    m_store->setClientIpOverride(QStringLiteral("198.51.100.1")); // mobile network hop
    QCOMPARE(validateStatus(token), 403);
    QCOMPARE(rawSend("POST", kValidate, {bearer(token)}).status, 403); // no UA: IP still checked

    const HttpResult r = refreshWith(refreshToken); // refresh does not check the IP...
    QCOMPARE(r.status, 200);
    const QByteArray newToken = r.json().value(QLatin1String("token")).toString().toLatin1();
    QCOMPARE(tokenUser(newToken).value(QLatin1String("ip")).toString(),
             QStringLiteral("198.51.100.1")); // ...and binds the new token to the new one
    QCOMPARE(validateStatus(newToken), 200);

    m_store->setClientIpOverride(QString()); // back to the real peer, 127.0.0.1
    QCOMPARE(validateStatus(newToken), 403);
}

// --- 20 ---------------------------------------------------------------------------------------

void TestDevStoreAuth::validateIsNotRateLimited()
{
    const QByteArray token = loginPair().first;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(validateStatus(token), 200);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kValidate), 3);
}

void TestDevStoreAuth::responseHeaders()
{
    const HttpResult guest = send("GET", kStore);
    QCOMPARE(guest.status, 200);
    QCOMPARE(guest.keys(), kStoreKeys);
    QCOMPARE(guest.json().value(QLatin1String("version")).toString(), QStringLiteral("4.3.6"));
    QCOMPARE(guest.json().value(QLatin1String("home_url")).toString(), m_store->url().toString());
    QCOMPARE(guest.json().value(QLatin1String("routes")).toObject().size(), 23);
    QCOMPARE(guest.json()
                     .value(QLatin1String("routes"))
                     .toObject()
                     .value(QLatin1String("login"))
                     .toString(),
             m_store->url().toString() + kLogin);
    QCOMPARE(guest.header("Content-Type"), QByteArray("application/json; charset=UTF-8"));
    QCOMPARE(guest.header("X-Robots-Tag"), QByteArray("noindex"));
    QCOMPARE(guest.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(guest.header("Access-Control-Expose-Headers").contains("CoCart-API-Cart-Key"));
    QCOMPARE(guest.header("Allow"), QByteArray("GET"));
    QVERIFY(!guest.hasHeader("CoCart-Version")); // store routes carry no CoCart-* headers
    QVERIFY(!guest.hasHeader("CoCart-Timestamp"));
    QCOMPARE(guest.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QCOMPARE(guest.header("Expires"), QByteArray("Thu, 01-Jan-70 00:00:01 GMT"));
    QCOMPARE(guest.header("Vary"), QByteArray("Origin"));

    const QByteArray token = loginPair().first;
    const HttpResult user = send("GET", kStore, {bearer(token)});
    QCOMPARE(user.status, 200);
    QCOMPARE(user.header("Cache-Control"),
             QByteArray("no-cache, must-revalidate, max-age=0, no-store, private"));
    QCOMPARE(user.header("Expires"), QByteArray("Wed, 11 Jan 1984 05:00:00 GMT"));
    QVERIFY(!user.hasHeader("Vary"));

    const HttpResult bad = send("GET", kStore, {bearer(token), "User-Agent: " + kOtherUa});
    QCOMPARE(bad.status, 403);
    QVERIFY(!bad.hasHeader("Allow")); // rejected before routing
    QCOMPARE(bad.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QCOMPARE(bad.header("Content-Type"), QByteArray("application/json; charset=UTF-8"));

    // Refresh without a Bearer is a guest response (21).
    const HttpResult refresh = refreshWith(loginPair().second);
    QCOMPARE(refresh.status, 200);
    QCOMPARE(refresh.header("Cache-Control"), QByteArray("no-store, no-cache, must-revalidate"));
    QVERIFY(!refresh.hasHeader("CoCart-Version"));
}

void TestDevStoreAuth::unknownRoutesAnd404()
{
    const QString noRoute = QStringLiteral("rest_no_route");
    for (const auto &[method, path] :
         {qMakePair(QByteArray("GET"), QStringLiteral("/wp-json/cocart/v2/nope")),
          qMakePair(QByteArray("GET"), kLogin), qMakePair(QByteArray("DELETE"), kStore),
          qMakePair(QByteArray("PUT"), kRefresh),
          qMakePair(QByteArray("GET"), QStringLiteral("/"))}) {
        const HttpResult r = send(method, path);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), noRoute);
        QCOMPARE(r.keys(), kErrorKeys);
        QVERIFY(!r.hasHeader("Allow"));
    }
    // WordPress strips a trailing slash before matching.
    QCOMPARE(send("GET", kStore + QLatin1Char('/')).status, 200);
}

void TestDevStoreAuth::countersAndRecording()
{
    QSignalSpy handled(m_store.get(), &DevStore::requestHandled);
    const auto [token, refreshToken] = loginPair();
    const HttpResult refreshed = refreshWith(refreshToken);
    QCOMPARE(refreshed.status, 200);
    const QByteArray newToken =
            refreshed.json().value(QLatin1String("token")).toString().toLatin1();
    QCOMPARE(send("POST", kValidate + QStringLiteral("?x=1"), {bearer(newToken)}).status, 200);
    QCOMPARE(send("GET", QStringLiteral("/wp-json/cocart/v2/nope")).status, 404);

    QCOMPARE(m_store->totalRequestCount(), 4);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kRefresh), 1);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kLogin), 1);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kValidate), 1);
    QCOMPARE(m_store->requestCount(QStringLiteral("GET /wp-json/cocart/v2/nope")), 1);
    QCOMPARE(m_store->requestCount(QStringLiteral("GET ") + kStore), 0);

    const QList<RecordedRequest> seen = m_store->requests();
    QCOMPARE(seen.size(), 4);
    QCOMPARE(seen.at(0).method, QByteArray("POST"));
    QCOMPARE(seen.at(0).path, kLogin);
    QVERIFY(seen.at(0).header("authorization").startsWith("Basic "));
    QCOMPARE(seen.at(0).status, 200);
    QCOMPARE(seen.at(1).path, kRefresh);
    QVERIFY(!seen.at(1).hasHeader("Authorization")); // the client sent none
    // Recorded with its secret redacted (the value is never kept).
    QVERIFY(!seen.at(1).body.contains(refreshToken));
    QCOMPARE(QJsonDocument::fromJson(seen.at(1).body).object().value(u"refresh_token"),
             QJsonValue(QStringLiteral("<redacted>")));
    QCOMPARE(seen.at(0).header("authorization"), QByteArray("Basic <redacted>"));
    QCOMPARE(seen.at(1).header("User-Agent"), kUa);
    QCOMPARE(seen.at(2).query, QStringLiteral("x=1"));
    QCOMPARE(seen.at(2).path, kValidate);
    QVERIFY(seen.at(2).hasHeader("Authorization"));
    QCOMPARE(seen.at(3).status, 404);

    QCOMPARE(handled.size(), 4);
    QCOMPARE(handled.at(1).at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(handled.at(1).at(1).toString(), kRefresh);
    QCOMPARE(handled.at(1).at(2).toInt(), 200);

    m_store->resetCounters();
    QCOMPARE(m_store->totalRequestCount(), 0);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kRefresh), 0);
    QVERIFY(m_store->requests().isEmpty());
}

void TestDevStoreAuth::faultStatus()
{
    Fault fault;
    fault.kind = Fault::Kind::Status;
    fault.pathSuffix = QStringLiteral("/login");
    fault.status = 500;
    fault.body = "<html><body>There has been a critical error on this website.</body></html>";
    fault.retryAfterSeconds = 30;
    m_store->addFault(fault);

    const HttpResult r = send("POST", kLogin, {"Authorization: " + kBasicCustomer});
    QCOMPARE(r.status, 500);
    QCOMPARE(r.header("Content-Type"), QByteArray("text/html; charset=UTF-8"));
    QCOMPARE(r.header("Retry-After"), QByteArray("30"));
    QVERIFY(r.body.contains("critical error"));
    QVERIFY(r.json().isEmpty());
    QCOMPARE(m_store->activeSessionCount(2), 0); // the route never ran
    QCOMPARE(m_store->requests().constLast().status, 500);
    QCOMPARE(m_store->requestCount(QStringLiteral("POST ") + kLogin), 1);

    // Used up after `times` (1): the next login works.
    QCOMPARE(send("POST", kLogin, {"Authorization: " + kBasicCustomer}).status, 200);

    // times = -1 lasts until cleared; suffixes only match their own paths.
    Fault limited;
    limited.pathSuffix = QStringLiteral("/validate-token");
    limited.status = 429;
    limited.body = R"({"code":"too_many","message":"Slow down.","data":{"status":429}})";
    limited.contentType = "application/json; charset=UTF-8";
    limited.times = -1;
    m_store->addFault(limited);
    QCOMPARE(send("POST", kValidate).status, 429);
    QCOMPARE(send("POST", kValidate).status, 429);
    QVERIFY(!send("POST", kValidate).hasHeader("Retry-After"));
    QCOMPARE(send("GET", kStore).status, 200);
    m_store->clearFaults();
    QCOMPARE(send("POST", kValidate).status, 401);

    // An empty suffix matches every path.
    Fault everything;
    everything.pathSuffix.clear();
    everything.status = 503;
    everything.times = 2;
    m_store->addFault(everything);
    QCOMPARE(send("GET", kStore).status, 503);
    QCOMPARE(send("POST", kRefresh).status, 503);
    QCOMPARE(send("GET", kStore).status, 200);
}

void TestDevStoreAuth::faultHang()
{
    Fault hang;
    hang.kind = Fault::Kind::Hang;
    hang.pathSuffix = kStore;
    m_store->addFault(hang);

    QSignalSpy handled(m_store.get(), &DevStore::requestHandled);
    const HttpResult r = send("GET", kStore, {}, {}, 300);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error == QNetworkReply::OperationCanceledError ||
                     r.error == QNetworkReply::TimeoutError,
             QByteArray::number(r.error).constData());
    QVERIFY2(r.elapsedMs >= 250, QByteArray::number(r.elapsedMs).constData());
    QCOMPARE(handled.size(), 0); // never answered
    QCOMPARE(m_store->requestCount(QStringLiteral("GET ") + kStore), 1);
    QCOMPARE(m_store->requests().constLast().status, 0);

    // The store is still responsive while one request hangs, and the fault is used up.
    QCOMPARE(send("GET", kStore).status, 200);
    QCOMPARE(handled.size(), 1);
}

void TestDevStoreAuth::faultDelay()
{
    Fault delay;
    delay.kind = Fault::Kind::Delay;
    delay.pathSuffix = QStringLiteral("/refresh-token");
    delay.delayMs = 400;
    m_store->addFault(delay);

    const QByteArray refreshToken = loginPair().second;
    const HttpResult r = refreshWith(refreshToken);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.keys(), kRefreshKeys);
    QVERIFY2(r.elapsedMs >= 380, QByteArray::number(r.elapsedMs).constData());
    QCOMPARE(m_store->requests().constLast().status, 200);

    const HttpResult fast =
            refreshWith(r.json().value(QLatin1String("refresh_token")).toString().toLatin1());
    QCOMPARE(fast.status, 200);
    QVERIFY2(fast.elapsedMs < 380, QByteArray::number(fast.elapsedMs).constData());
}

namespace {
QStringList *g_messages = nullptr;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (g_messages)
        g_messages->append(message);
}
} // namespace

void TestDevStoreAuth::noSecretsInLogs()
{
    QLoggingCategory::setFilterRules(QStringLiteral("cocart.devstore.debug=true"));
    QStringList messages;
    g_messages = &messages;
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);

    const auto [token, refreshToken] = loginPair();
    const HttpResult refreshed = refreshWith(refreshToken);
    const QByteArray newToken =
            refreshed.json().value(QLatin1String("token")).toString().toLatin1();
    validateStatus(newToken);
    validateStatus(newToken, kOtherUa); // a rejected token is logged with a reason
    send("POST", kLogin, {"Authorization: Basic " + QByteArray("customer1:wrong-pw").toBase64()});
    send("POST", kLogout, {bearer(newToken)});

    qInstallMessageHandler(previous);
    g_messages = nullptr;

    QVERIFY(messages.size() >= 6); // the category is really on
    const QStringList secrets = {
            QString::fromLatin1(token),          QString::fromLatin1(refreshToken),
            QString::fromLatin1(newToken),       QString::fromLatin1(token.split('.').at(2)),
            QStringLiteral("customer-pass-123"), QStringLiteral("wrong-pw")};
    for (const QString &message : qAsConst(messages)) {
        for (const QString &secret : secrets)
            QVERIFY2(!message.contains(secret), qPrintable(message));
    }
}

// The login answer's avatar_urls point at the store, which draws a PNG of the asked size.
void TestDevStoreAuth::avatarsAreServedByTheStore()
{
    const HttpResult login = send("POST", kLogin, {"Authorization: " + kBasicCustomer});
    QCOMPARE(login.status, 200);
    const QJsonObject avatars = login.json().value(QLatin1String("avatar_urls")).toObject();
    for (const int size : {24, 48, 96}) {
        const QUrl url(avatars.value(QString::number(size)).toString());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(url.port(), int(m_store->port()));
        const HttpResult r = send("GET", url.path() + QLatin1Char('?') + url.query());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("image/png"));
        QImage image;
        QVERIFY(image.loadFromData(r.body, "PNG"));
        QCOMPARE(image.size(), QSize(size, size));
        // A silhouette on a coloured background: not a blank square.
        QVERIFY(image.pixel(0, 0) != image.pixel(size / 2, size * 2 / 5));
    }
    // Without ?s= Gravatar's default size; an unknown hash still gets a picture (d=mm).
    const HttpResult other =
            send("GET", QStringLiteral("/avatar/") + QString(32, QLatin1Char('0')));
    QCOMPARE(other.status, 200);
    QCOMPARE(QImage::fromData(other.body, "PNG").width(), 80);
    QCOMPARE(send("GET", QStringLiteral("/avatar/not-a-hash")).status, 404);
}

QTEST_GUILESS_MAIN(TestDevStoreAuth)
#include "tst_devstore_auth.moc"
