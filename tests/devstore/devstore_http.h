#pragma once

// Raw HTTP helpers shared by the devstore's catalogue and cart tests: QNetworkAccessManager
// only, never the SDK, so the SDK and the store cannot be wrong together.

#include <CoCartDevStore/DevStore.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QStringList>

#include <memory>

namespace DevStoreTest {

inline const QByteArray kUa = "QtCoCartTest/1.0";
inline const QByteArray kBasicCustomer = "Basic Y3VzdG9tZXIxOmN1c3RvbWVyLXBhc3MtMTIz";

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonDocument doc() const { return QJsonDocument::fromJson(body); }
    QJsonObject json() const { return doc().object(); }
    QJsonArray array() const { return doc().array(); }
    QString code() const { return json().value(QLatin1String("code")).toString(); }
    QString message() const { return json().value(QLatin1String("message")).toString(); }
    QStringList keys() const
    {
        QStringList k = json().keys();
        k.sort();
        return k;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

class Client
{
public:
    explicit Client(CoCartDevStore::DevStore *store) : m_store(store) { }

    //! \a headers as "Name: value" lines. A body without a Content-Type header is sent as JSON.
    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArrayList &headers = {}, const QByteArray &body = {})
    {
        QNetworkRequest request(QUrl(m_store->url().toString() + pathAndQuery));
        bool hasType = false;
        for (const QByteArray &line : headers) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed();
            hasType = hasType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
            request.setRawHeader(name, line.mid(colon + 1).trimmed());
        }
        if (!body.isEmpty() && !hasType)
            request.setRawHeader("Content-Type", "application/json");
        request.setRawHeader("User-Agent", kUa);
        request.setTransferTimeout(5000);
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(8000);
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        return result;
    }

    //! Logs customer1 in with Basic auth; returns "Authorization: Bearer <token>".
    QByteArray loginBearer()
    {
        const HttpResult login = send("POST", QStringLiteral("/wp-json/cocart/v2/login"),
                                      {"Authorization: " + kBasicCustomer});
        const QByteArray token = login.json()
                                         .value(QLatin1String("extras"))
                                         .toObject()
                                         .value(QLatin1String("jwt_token"))
                                         .toString()
                                         .toLatin1();
        return "Authorization: Bearer " + token;
    }

private:
    CoCartDevStore::DevStore *m_store;
    QNetworkAccessManager m_nam;
};

inline QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace DevStoreTest
