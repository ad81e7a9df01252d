// Request counting and the request history (DevStore::requests()): records are redacted (no
// password, token, refresh token, Authorization or Cookie value is kept) and bodies cut at
// 4 KiB. The pipeline (pipeline.cpp) counts and records every request before anything else.

#include "devstore_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace CoCartDevStore {

using namespace Internal;

namespace {

constexpr qsizetype kRecordedBodyBytes = 4096;
const QByteArray kRedacted = "<redacted>";

//! Fields whose values never go into a RecordedRequest.
bool isSecretField(const QString &name)
{
    static const QStringList secrets = {QStringLiteral("password"), QStringLiteral("refresh_token"),
                                        QStringLiteral("jwt_refresh"), QStringLiteral("jwt_token"),
                                        QStringLiteral("token")};
    return secrets.contains(name, Qt::CaseInsensitive);
}

QString redactQuery(const QString &query)
{
    QUrlQuery items(query);
    bool changed = false;
    QList<QPair<QString, QString>> pairs = items.queryItems(QUrl::FullyEncoded);
    for (auto &pair : pairs) {
        if (isSecretField(pair.first)) {
            pair.second = QString::fromLatin1(kRedacted);
            changed = true;
        }
    }
    if (!changed)
        return query;
    items.setQueryItems(pairs);
    return items.query(QUrl::FullyEncoded);
}

//! A form body's secret fields redacted; a JSON object's top-level secret fields redacted (any
//! value type); then, in any body, anything that looks like a quoted secret field (nested JSON,
//! broken JSON); then cut to kRecordedBodyBytes.
QByteArray redactBody(const Request &request)
{
    if (request.isForm())
        return redactQuery(QString::fromUtf8(request.body)).toUtf8().left(kRecordedBodyBytes);
    QByteArray body = request.body;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        QJsonObject object = document.object();
        bool changed = false;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretField(it.key())) {
                it.value() = QString::fromLatin1(kRedacted);
                changed = true;
            }
        }
        if (changed)
            body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    static const QRegularExpression quoted(
            QStringLiteral("(\"(?:password|refresh_token|jwt_refresh|jwt_token|token)"
                           "\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\"|$)"),
            QRegularExpression::CaseInsensitiveOption);
    return QString::fromUtf8(body.left(kRecordedBodyBytes * 2))
            .replace(quoted, QStringLiteral("\\1<redacted>\\2"))
            .toUtf8()
            .left(kRecordedBodyBytes);
}

QByteArray redactHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.compare("Authorization", Qt::CaseInsensitive) == 0 ||
        name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0) {
        const QByteArray trimmed = value.trimmed();
        const qsizetype space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.left(space) + ' ' + kRedacted : kRedacted;
    }
    if (name.compare("Cookie", Qt::CaseInsensitive) == 0)
        return kRedacted;
    return value;
}

} // namespace

// --- RecordedRequest -------------------------------------------------------------------------

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// --- DevStorePrivate -------------------------------------------------------------------------

qint64 DevStorePrivate::record(const QHttpServerRequest &httpRequest, const Request &request)
{
    if (historyLimit <= 0)
        return -1;
    RecordedRequest record;
    record.method = request.method;
    record.path = request.rawPath;
    record.query = redactQuery(httpRequest.url().query());
    for (const auto &header : request.headers)
        record.headers.append({header.first, redactHeader(header.first, header.second)});
    record.body = redactBody(request);
    record.bodySize = request.body.size();
    records.append(record);
    while (records.size() > historyLimit) {
        records.removeFirst();
        ++firstRecordSeq;
    }
    return nextRecordSeq++;
}

// --- DevStore --------------------------------------------------------------------------------

int DevStore::requestCount(const QString &methodAndPath) const
{
    return d->counters.value(methodAndPath);
}

int DevStore::totalRequestCount() const
{
    return d->total;
}

void DevStore::setRequestHistoryLimit(int records)
{
    d->historyLimit = qMax(records, 0);
    while (d->records.size() > d->historyLimit) {
        d->records.removeFirst();
        ++d->firstRecordSeq;
    }
}

int DevStore::requestHistoryLimit() const
{
    return d->historyLimit;
}

QList<RecordedRequest> DevStore::requests() const
{
    return d->records;
}

void DevStore::resetCounters()
{
    d->counters.clear();
    d->total = 0;
    d->records.clear();
    d->firstRecordSeq = d->nextRecordSeq; // answers still pending update nothing
}

} // namespace CoCartDevStore
