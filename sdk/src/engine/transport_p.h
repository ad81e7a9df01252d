#pragma once

#include <CoCart/Error.h>
#include <CoCart/Reply.h>

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace CoCart {

struct PinPolicy;
struct Exchange;

/*!
    \internal One call to the store's REST API: the Request as built (its path relative to
    `{storeUrl}/wp-json`, with its leading slash; its timeout, -1 for the transport's) and what
    the session adds on the wire.
*/
struct ApiRequest
{
    Request call;
    QByteArray authorization; //!< the whole Authorization header value, or empty for none
    //! -1: the transport's limit. A login or refresh answer can be bounded much lower (a few
    //! KiB of JSON and two tokens, see tokenlimits_p.h), so a giant token is refused on arrival.
    qint64 maxResponseBytes = -1;
};

/*! \internal The answer, parsed once: a JSON document or an Error, never both. */
struct ApiResponse
{
    int httpStatus = 0;
    QJsonValue json; //!< the top-level value (CoCart answers bare `true` or `2` on some routes)
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    Error error;
    bool bearerSent = false;

    QByteArray header(const QByteArray &name) const;
    QJsonObject object() const;
};

/*!
    \internal
    Every HTTP call of the SDK: builds the URL, adds the fixed User-Agent, Accept and the given
    Authorization, enforces the timeout, keeps no cookies and parses the reply once into JSON or
    an Error. Knows nothing about tokens or sessions.
*/
class Transport : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiResponse &)>;

    explicit Transport(QObject *parent = nullptr);
    ~Transport() override;

    void setNetworkAccessManager(QNetworkAccessManager *manager);
    QNetworkAccessManager *networkAccessManager();

    void setBaseUrl(const QUrl &url)
    {
        m_baseUrl = url;
        m_templateValid = false;
    }
    QUrl baseUrl() const { return m_baseUrl; }
    void setUserAgent(const QByteArray &userAgent)
    {
        m_userAgent = userAgent;
        m_templateValid = false;
    }
    void setTimeout(int msecs)
    {
        m_timeoutMs = msecs;
        m_templateValid = false;
    }
    int timeout() const { return m_timeoutMs; }
    void setAllowInsecureHttp(bool allow) { m_allowInsecure = allow; }
    //! Answers larger than this fail with Error::BadResponse; 0: no limit.
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    //! The only CAs trusted for https:// requests when not empty (see Session::caCertificates).
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }
    //! A verified chain must hold one of these keys (see Session::pinnedPublicKeys).
    void setPinnedPublicKeys(const QStringList &pins);
    QStringList pinnedPublicKeys() const { return m_pins; }
    //! Base64 SHA-256 of \a certificate's SubjectPublicKeyInfo.
    static QString publicKeyPin(const QSslCertificate &certificate);

    static Error checkUrl(const QUrl &url, bool allowInsecureHttp);

    //! Parses a finished \a reply as send() does (for the fuzzer: no limit, no pins).
    static ApiResponse parseAnswer(QNetworkReply *reply, int timeoutMs);

    /*!
        Sends \a request; \a done is called exactly once, unless cancel() or the transport's
        destruction comes first. A request that gets no byte for its timeout fails with
        Error::Timeout.
    */
    QNetworkReply *send(const ApiRequest &request, Callback done);
    //! Stops \a reply (from send()) with no outcome: its callback is never called.
    void cancel(QNetworkReply *reply);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void watch(QNetworkReply *reply, const std::shared_ptr<Exchange> &exchange, int timeoutMs);
    void unwatch(const Exchange *exchange);
    static int sweepTick(int timeoutMs);

    static Error checkUrlUncached(const QUrl &url, bool allowInsecureHttp);
    void updatePinPolicy();
    void buildTemplate();
    //! The URL of \a path (relative to `/wp-json`), without a query.
    QUrl routeUrl(const QString &path);

    QPointer<QNetworkAccessManager> m_nam;
    QNetworkAccessManager *m_ownNam = nullptr;
    QUrl m_baseUrl;
    QByteArray m_userAgent;
    int m_timeoutMs = 30000;
    bool m_allowInsecure = false;
    qint64 m_maxResponseBytes = 32 * 1024 * 1024;
    QList<QSslCertificate> m_caCertificates;
    QStringList m_pins; //!< as set
    QList<QByteArray> m_pinDigests; //!< the decoded SHA-256 digests of m_pins
    std::shared_ptr<PinPolicy> m_pinPolicy; //!< null while no pin is set
    //! What every request has in common (headers, attributes, TLS, timeout): each request is a
    //! copy of it (one detach) instead of a dozen setters and header conversions.
    QNetworkRequest m_template;
    QUrl m_apiUrl; //!< the base URL, its path ending before the route (".../wp-json")
    QString m_apiPath;
    QHash<QString, QUrl> m_routeUrls; //!< path → URL, see routeUrl()
    bool m_templateValid = false;
    //! The requests that have a timeout, checked by m_sweep (see watch()).
    std::vector<std::shared_ptr<Exchange>> m_watched;
    QBasicTimer m_sweep;
    int m_sweepTick = 0;
    QElapsedTimer m_clock;
};

} // namespace CoCart
