// The SDK's reading of a store answer, without a network: a QNetworkReply that replays the
// fuzzer's status, headers and body goes through Transport::parseReply (JSON or scalar, error
// object, Retry-After, redirect, HTML page), then the JSON through the models the SDK builds
// from it (Product, ProductVariation, Currency, CartLine, User) and Error::plainText.
//
// Input: byte 0 picks the status; then "Name: value" header lines up to an empty line; the
// rest is the body.
#include "core/sessioncore_p.h"
#include "engine/transport_p.h"

#include <CoCart/CartItemModel.h>
#include <CoCart/Error.h>
#include <CoCart/Money.h>
#include <CoCart/ProductModel.h>
#include <CoCart/User.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>

#include <algorithm>

#include <cstdint>
#include <cstring>

namespace {

class ReplayReply : public QNetworkReply
{
public:
    ReplayReply(int status, const QList<QPair<QByteArray, QByteArray>> &headers,
                const QByteArray &body)
        : m_body(body)
    {
        if (status > 0)
            setAttribute(QNetworkRequest::HttpStatusCodeAttribute, status);
        else
            setError(QNetworkReply::RemoteHostClosedError, QStringLiteral("closed"));
        for (const auto &header : headers) {
            setRawHeader(header.first, header.second);
            if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
                setHeader(QNetworkRequest::ContentTypeHeader, header.second);
        }
        setOpenMode(QIODevice::ReadOnly);
        setFinished(true);
    }
    void abort() override { }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_offset + QNetworkReply::bytesAvailable();
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, m_body.size() - m_offset);
        if (n <= 0)
            return m_offset >= m_body.size() ? -1 : 0;
        std::memcpy(data, m_body.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_offset = 0;
};

void models(const QJsonObject &object)
{
    const CoCart::Currency currency =
            CoCart::Currency::fromJson(object.value(QLatin1String("currency")).toObject());
    (void)currency.format(12345);
    (void)CoCart::Product::fromJson(object);
    (void)CoCart::ProductVariation::fromJson(object,
                                             object.value(QLatin1String("attributes")).toObject());
    (void)CoCart::User::fromJson(object);
    for (const QJsonValue &item : object.value(QLatin1String("items")).toArray())
        (void)CoCart::CartLine::fromJson(item.toObject(), currency);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int statuses[] = {200, 201, 204, 0,   301, 302, 307, 400,
                                   401, 403, 404, 408, 429, 500, 502, 503};
    if (size < 1)
        return 0;
    const int status = data[0] < 240 ? statuses[data[0] % 16] : 100 + (data[0] - 240) * 37;
    const QByteArray rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = rest.indexOf("\n\n");
    const QByteArray head = split < 0 ? QByteArray() : rest.left(split);
    const QByteArray body = split < 0 ? rest : rest.mid(split + 2);
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        // The target is the SDK's parser, not Qt's own header code, which reads past the buffer
        // (strlen) for some malformed values (NUL bytes, a broken Date/Last-Modified) in 6.4.2:
        // only printable headers the SDK reads are fed; the body is anything.
        static const QByteArrayList read = {"content-type",
                                            "retry-after",
                                            "location",
                                            "x-wp-total",
                                            "x-wp-totalpages",
                                            "cocart-api-cart-key",
                                            "cocart-api-cart-expiring",
                                            "cocart-api-cart-expiration"};
        if (std::any_of(line.cbegin(), line.cend(),
                        [](char c) { return uchar(c) < 0x20 || uchar(c) > 0x7e; }) ||
            colon <= 0 || !read.contains(line.left(colon).trimmed().toLower()))
            continue;
        if (colon > 0)
            headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    ReplayReply reply(status, headers, body);
    const CoCart::ApiResponse response = CoCart::Transport::parseAnswer(&reply, 30000);
    CoCart::Core::Answer answer;
    answer.httpStatus = response.httpStatus;
    answer.json = response.json;
    answer.error = response.error;
    (void)answer.isAuthRejection();
    (void)CoCart::Error::plainText(response.error.rawMessage());
    (void)response.error.toString();
    if (response.json.isObject())
        models(response.json.toObject());
    for (const QJsonValue &value : response.json.toArray())
        models(value.toObject());
    return 0;
}
