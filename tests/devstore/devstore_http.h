#pragma once

// Raw HTTP helpers shared by the devstore's tests: QNetworkAccessManager only, never the SDK, so
// the SDK and the store cannot be wrong together.

#include <CoCartDevStore/DevStore.h>

#include <QElapsedTimer>
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
inline const QByteArray kBasicCustomer = "Basic Y3VzdG9tZXIxOmN1c3RvbWVyLXBhc3MtMTIz"; // 01

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    qint64 elapsedMs = 0;

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
    QByteArrayList headerValues(const QByteArray &name) const
    {
        QByteArrayList values;
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                values.append(h.second.split('\n')); // QNAM joins repeated headers with \n
        }
        return values;
    }
};

class Client
{
public:
    explicit Client(CoCartDevStore::DevStore *store) : m_store(store) { }

    //! \a headers as "Name: value" lines. A body without a Content-Type header is sent as JSON;
    //! the User-Agent is kUa unless \a headers name one.
    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArrayList &headers = {}, const QByteArray &body = {},
                    int timeoutMs = 5000)
    {
        QNetworkRequest request(QUrl(m_store->url().toString() + pathAndQuery));
        bool hasType = false;
        bool hasUa = false;
        for (const QByteArray &line : headers) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed();
            hasType = hasType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
            hasUa = hasUa || name.compare("User-Agent", Qt::CaseInsensitive) == 0;
            request.setRawHeader(name, line.mid(colon + 1).trimmed());
        }
        if (!body.isEmpty() && !hasType)
            request.setRawHeader("Content-Type", "application/json");
        if (!hasUa)
            request.setRawHeader("User-Agent", kUa);
        request.setTransferTimeout(timeoutMs);

        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QNetworkReply> reply(m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(timeoutMs + 3000);

        HttpResult result;
        result.elapsedMs = timer.elapsed();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        result.error = reply->error();
        return result;
    }

    //! Logs customer1 in with Basic auth; returns {jwt_token, jwt_refresh}.
    QPair<QByteArray, QByteArray> loginPair(const QByteArray &userAgent = kUa)
    {
        const HttpResult r = send("POST", QStringLiteral("/wp-json/cocart/v2/login"),
                                  {"Authorization: " + kBasicCustomer, "User-Agent: " + userAgent});
        if (r.status != 200)
            qWarning("login failed: %d %s", r.status, r.body.constData());
        const QJsonObject extras = r.json().value(QLatin1String("extras")).toObject();
        return {extras.value(QLatin1String("jwt_token")).toString().toLatin1(),
                extras.value(QLatin1String("jwt_refresh")).toString().toLatin1()};
    }

    //! Logs customer1 in with Basic auth; returns "Authorization: Bearer <token>".
    QByteArray loginBearer() { return "Authorization: Bearer " + loginPair().first; }

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
