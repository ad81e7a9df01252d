#include <CoCart/Jwt.h>

#include <QTest>

#include <limits>

using CoCart::Jwt;

namespace {

// Recorded from a real CoCart 4.3.6 + JWT 3.0.3 store (transcripts.md, 01-login-basic).
const QByteArray realToken = QByteArrayLiteral(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJpc3MiOiJodHRwOlwvXC8xMjcuMC4wLjE6ODA4OCIsImlhdCI6MTc5NTY5MDkxMSwibmJmIjoxNzk1NjkwOTEx"
        "LCJleHAiOjE3OTY1NTQ5MTEsImRhdGEiOnsidXNlciI6eyJpZCI6MiwidXNlcm5hbWUiOiJjdXN0b21lcjEiLCJp"
        "cCI6IjEyNy4wLjAuMSIsImRldmljZSI6IlF0Q29DYXJ0VGVzdFwvMS4wIiwicGF0IjoicGF0XzM2MjJhMTFhMDAw"
        "YWEzZmEyNTI5MTI1NyJ9fX0.d3VyZgyQsgY2eiRU2cVJF-MyVU7mbs2-ASpQigEQFFc");

QByteArray b64(const QByteArray &raw, bool padded = false)
{
    return raw.toBase64(padded ? QByteArray::Base64UrlEncoding
                               : QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

const QByteArray hs256Header = R"({"alg":"HS256","typ":"JWT"})";

QByteArray makeToken(const QByteArray &payloadJson, const QByteArray &headerJson = hs256Header)
{
    return b64(headerJson) + '.' + b64(payloadJson) + '.' + b64("signature-bytes");
}

} // namespace

class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realToken_data();
    void realToken();
    void malformed_data();
    void malformed();
    void numericClaims_data();
    void numericClaims();
    void timeClaimsInRange_data();
    void timeClaimsInRange();
    void paddingTolerated();
    void errorClearedOnSuccess();
    void defaultIsInvalid();
};

void TestJwt::realToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("01-login-basic") << ::realToken;
    // The same token with its segments padded: padding is optional but allowed.
    QList<QByteArray> parts = ::realToken.split('.');
    for (QByteArray &part : parts) {
        while (part.size() % 4)
            part += '=';
    }
    QVERIFY(parts.join('.') != ::realToken); // else the row tests nothing new
    QTest::newRow("01-login-basic, padded") << parts.join('.');
}

void TestJwt::realToken()
{
    QFETCH(QByteArray, token);
    QString error = QStringLiteral("stale");
    const Jwt jwt = Jwt::decode(token, &error);
    QVERIFY2(jwt.isValid(), qPrintable(error));
    QVERIFY(error.isEmpty());

    QCOMPARE(jwt.algorithm(), QStringLiteral("HS256"));
    QCOMPARE(jwt.header().value(QLatin1String("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(jwt.issuer(), QStringLiteral("http://127.0.0.1:8088"));
    QCOMPARE(jwt.issuedAt(), std::optional<qint64>(1795690911));
    QCOMPARE(jwt.notBefore(), std::optional<qint64>(1795690911));
    QCOMPARE(jwt.expiresAt(), std::optional<qint64>(1795690911 + 864000));
    QCOMPARE(jwt.userId(), std::optional<qint64>(2));
    QCOMPARE(jwt.username(), QStringLiteral("customer1"));
    QCOMPARE(jwt.ip(), QStringLiteral("127.0.0.1"));
    QCOMPARE(jwt.device(), QStringLiteral("QtCoCartTest/1.0"));
    QCOMPARE(jwt.pat(), QStringLiteral("pat_3622a11a000aa3fa25291257"));

    const QDateTime expiry = jwt.expiry();
    QVERIFY(expiry.isValid());
    QCOMPARE(expiry.timeSpec(), Qt::UTC);
    QCOMPARE(expiry, QDateTime(QDate(2026, 12, 6), QTime(11, 1, 51), Qt::UTC));
    QCOMPARE(expiry.toSecsSinceEpoch(), qint64(1796554911));
}

void TestJwt::malformed_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expectedError");

    const QList<QByteArray> real = ::realToken.split('.');
    const QByteArray h = real.at(0);
    const QByteArray p = real.at(1);
    const QByteArray s = real.at(2);

    QTest::newRow("empty") << QByteArray() << QStringLiteral("token is empty");
    QTest::newRow("0 dots") << QByteArray(h + p + s)
                            << QStringLiteral("token has 1 segments, expected 3");
    QTest::newRow("1 dot") << QByteArray(h + '.' + p)
                           << QStringLiteral("token has 2 segments, expected 3");
    QTest::newRow("3 dots") << QByteArray(h + '.' + p + '.' + s + '.' + s)
                            << QStringLiteral("token has 4 segments, expected 3");
    QTest::newRow("4 dots") << QByteArray(h + '.' + p + '.' + s + ".." + s)
                            << QStringLiteral("token has 5 segments, expected 3");
    QTest::newRow("only dots") << QByteArrayLiteral("..")
                               << QStringLiteral("header is not valid JSON");

    QTest::newRow("header: '+' (base64, not base64url)")
            << QByteArray(h.left(10) + '+' + h.mid(11) + '.' + p + '.' + s)
            << QStringLiteral("header is not valid base64url");
    QTest::newRow("payload: '/' (base64, not base64url)")
            << QByteArray(h + '.' + p.left(20) + '/' + p.mid(21) + '.' + s)
            << QStringLiteral("payload is not valid base64url");
    QTest::newRow("payload: '*'") << QByteArray(h + '.' + p.left(20) + '*' + p.mid(21) + '.' + s)
                                  << QStringLiteral("payload is not valid base64url");
    QTest::newRow("payload: space") << QByteArray(h + '.' + p.left(20) + ' ' + p.mid(20) + '.' + s)
                                    << QStringLiteral("payload is not valid base64url");
    QTest::newRow("payload: '=' inside")
            << QByteArray(h + '.' + p.left(20) + '=' + p.mid(21) + '.' + s)
            << QStringLiteral("payload is not valid base64url");
    QTest::newRow("payload: short padding") << QByteArray(h + '.' + b64(R"({"x":1})") + "=." + s)
                                            << QStringLiteral("payload is not valid base64url");
    QTest::newRow("header: padding where none is due")
            << QByteArray(h + "==." + p + '.' + s)
            << QStringLiteral("header is not valid base64url");
    QTest::newRow("signature: '!'") << QByteArray(h + '.' + p + '.' + s + '!')
                                    << QStringLiteral("signature is not valid base64url");

    QTest::newRow("header not JSON") << QByteArray(b64("not json at all") + '.' + p + '.' + s)
                                     << QStringLiteral("header is not valid JSON");
    QTest::newRow("payload not JSON") << QByteArray(h + '.' + b64("{\"exp\":") + '.' + s)
                                      << QStringLiteral("payload is not valid JSON");
    QTest::newRow("payload empty")
            << QByteArray(h + ".." + s) << QStringLiteral("payload is not valid JSON");
    QTest::newRow("header JSON array") << QByteArray(b64("[\"HS256\"]") + '.' + p + '.' + s)
                                       << QStringLiteral("header is not a JSON object");
    QTest::newRow("payload JSON array") << QByteArray(h + '.' + b64("[1,2,3]") + '.' + s)
                                        << QStringLiteral("payload is not a JSON object");
}

void TestJwt::malformed()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, expectedError);

    QString error;
    const Jwt jwt = Jwt::decode(token, &error);
    QVERIFY(!jwt.isValid());
    QVERIFY(jwt.payload().isEmpty());
    QVERIFY(jwt.header().isEmpty());
    QVERIFY(!jwt.expiresAt());
    QVERIFY2(error.startsWith(expectedError), qPrintable(error));

    // The token is a credential: no part of it may leak into a message that gets logged.
    for (const QByteArray &segment : token.split('.')) {
        if (segment.size() >= 4)
            QVERIFY2(!error.contains(QString::fromLatin1(segment.left(8))), qPrintable(error));
    }
    QVERIFY(!Jwt::decode(token).isValid()); // and without an error pointer
}

void TestJwt::numericClaims_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("hasExp");
    QTest::addColumn<qint64>("exp");

    QTest::newRow("integer") << QByteArray(R"({"exp":1796554911})") << true << qint64(1796554911);
    QTest::newRow("integral double")
            << QByteArray(R"({"exp":1796554911.0})") << true << qint64(1796554911);
    QTest::newRow("exponent") << QByteArray(R"({"exp":1.7e9})") << true << qint64(1700000000);
    QTest::newRow("zero") << QByteArray(R"({"exp":0})") << true << qint64(0);
    QTest::newRow("beyond 32 bits")
            << QByteArray(R"({"exp":253402300799})") << true << qint64(253402300799);
    QTest::newRow("missing") << QByteArray(R"({"iat":1795690911})") << false << qint64(0);
    QTest::newRow("string") << QByteArray(R"({"exp":"1796554911"})") << false << qint64(0);
    QTest::newRow("fraction") << QByteArray(R"({"exp":1796554911.5})") << false << qint64(0);
    QTest::newRow("null") << QByteArray(R"({"exp":null})") << false << qint64(0);
    QTest::newRow("bool") << QByteArray(R"({"exp":true})") << false << qint64(0);
    QTest::newRow("object") << QByteArray(R"({"exp":{"t":1}})") << false << qint64(0);
    QTest::newRow("huge") << QByteArray(R"({"exp":1e300})") << false << qint64(0);
}

void TestJwt::numericClaims()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, hasExp);
    QFETCH(qint64, exp);

    QString error;
    const Jwt jwt = Jwt::decode(makeToken(payload), &error);
    QVERIFY2(jwt.isValid(), qPrintable(error)); // a bad claim is not a bad token
    QCOMPARE(jwt.expiresAt().has_value(), hasExp);
    QCOMPARE(jwt.expiry().isValid(), hasExp);
    if (hasExp) {
        QCOMPARE(*jwt.expiresAt(), exp);
        QCOMPARE(jwt.expiry().toSecsSinceEpoch(), exp);
        QCOMPARE(jwt.expiry().timeSpec(), Qt::UTC);
    }
    QVERIFY(!jwt.userId());
    QVERIFY(jwt.username().isEmpty());

    // The same rules for data.user.id.
    const QByteArray idPayload = QByteArray(R"({"data":{"user":{"id":)") +
            payload.mid(payload.indexOf(':') + 1).chopped(1) + "}}}";
    const Jwt withId = Jwt::decode(makeToken(idPayload), &error);
    QVERIFY2(withId.isValid(), qPrintable(error));
    if (payload.contains("\"exp\"")) {
        QCOMPARE(withId.userId().has_value(), hasExp);
        if (hasExp)
            QCOMPARE(*withId.userId(), exp);
    }
}

void TestJwt::timeClaimsInRange_data()
{
    // exp/iat/nbf are multiplied by 1000 and offset by the Session: an absurd claim must come
    // out as no claim (the Session then rejects a token without exp), never as a number whose
    // milliseconds overflow. Years 1 to 9999 are kept (QDateTime's and the store's range).
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("kept");
    QTest::addColumn<qint64>("seconds");

    QTest::newRow("now") << QByteArray("1796554911") << true << qint64(1796554911);
    QTest::newRow("last second of 9999")
            << QByteArray("253402300799") << true << qint64(253402300799);
    QTest::newRow("first second of year 1")
            << QByteArray("-62135596800") << true << qint64(-62135596800);
    QTest::newRow("year 10000") << QByteArray("253402300800") << false << qint64(0);
    QTest::newRow("before year 1") << QByteArray("-62135596801") << false << qint64(0);
    QTest::newRow("ms overflow 9.3e15") << QByteArray("9300000000000000") << false << qint64(0);
    QTest::newRow("9e18") << QByteArray("9000000000000000000") << false << qint64(0);
    QTest::newRow("-9e18") << QByteArray("-9000000000000000000") << false << qint64(0);
    QTest::newRow("2^63-1") << QByteArray("9223372036854775807") << false << qint64(0);
    QTest::newRow("2^63") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("-2^63") << QByteArray("-9223372036854775808") << false << qint64(0);
    QTest::newRow("2^64") << QByteArray("18446744073709551616") << false << qint64(0);
    QTest::newRow("1e300") << QByteArray("1e300") << false << qint64(0);
    QTest::newRow("-1e300") << QByteArray("-1e300") << false << qint64(0);
    QTest::newRow("1e400 (inf)") << QByteArray("1e400") << false << qint64(0);
    QTest::newRow("string 9e18") << QByteArray("\"9000000000000000000\"") << false << qint64(0);
    QTest::newRow("string 1e300") << QByteArray("\"1e300\"") << false << qint64(0);
}

void TestJwt::timeClaimsInRange()
{
    QFETCH(QByteArray, value);
    QFETCH(bool, kept);
    QFETCH(qint64, seconds);

    const QByteArray payload =
            "{\"exp\":" + value + ",\"iat\":" + value + ",\"nbf\":" + value + '}';
    QString error;
    const Jwt jwt = Jwt::decode(makeToken(payload), &error);
    if (!jwt.isValid()) {
        // Qt's JSON parser may refuse a literal it cannot hold: the claim is gone either way.
        QVERIFY(!kept);
        return;
    }
    for (const std::optional<qint64> &claim : {jwt.expiresAt(), jwt.issuedAt(), jwt.notBefore()}) {
        QCOMPARE(claim.has_value(), kept);
        if (kept) {
            QCOMPARE(*claim, seconds);
            // What the Session does with it: milliseconds, plus or minus a clock offset.
            QVERIFY(qAbs(*claim) < std::numeric_limits<qint64>::max() / 1000 / 4);
        }
    }
    QCOMPARE(jwt.expiry().isValid(), kept);
}

void TestJwt::paddingTolerated()
{
    // A payload whose encoding needs padding, sent with and without it.
    const QByteArray payload = R"({"exp":1796554911,"x":12})";
    QVERIFY(b64(payload, true).endsWith('='));
    const QByteArray unpadded = b64(hs256Header) + '.' + b64(payload) + '.' + b64("sig");
    const QByteArray padded =
            b64(hs256Header, true) + '.' + b64(payload, true) + '.' + b64("sig", true);
    QVERIFY(padded != unpadded);

    QString error;
    const Jwt a = Jwt::decode(unpadded, &error);
    QVERIFY2(a.isValid(), qPrintable(error));
    const Jwt b = Jwt::decode(padded, &error);
    QVERIFY2(b.isValid(), qPrintable(error));
    QCOMPARE(a.payload(), b.payload());
    QCOMPARE(b.expiresAt(), std::optional<qint64>(1796554911));
}

void TestJwt::errorClearedOnSuccess()
{
    QString error = QStringLiteral("left over from an earlier call");
    QVERIFY(Jwt::decode(::realToken, &error).isValid());
    QVERIFY(error.isEmpty());
}

void TestJwt::defaultIsInvalid()
{
    const Jwt jwt;
    QVERIFY(!jwt.isValid());
    QVERIFY(!jwt.expiresAt());
    QVERIFY(!jwt.expiry().isValid());
    QVERIFY(!jwt.userId());
    QVERIFY(jwt.issuer().isEmpty());
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
