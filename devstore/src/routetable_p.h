#pragma once

// The devstore's own router. QHttpServer only hands every request to one entry point
// (DevStorePrivate::handle); the pipeline there applies, in one place, fault injection, the
// global Bearer/Basic check, the 404 rest_no_route, permissions, header decoration, counting,
// recording and logging. Route groups (auth, store, later catalogue and cart) only register
// handlers here: see routes_p.h.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <vector>

namespace CoCartDevStore::Internal {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

//! One request as a route handler sees it. Handlers may change the auth state (logout).
struct Request
{
    enum class Auth { None, Bearer, Basic, Params };

    QByteArray method; //!< "GET", "POST", ...
    QString path; //!< decoded, without query, trailing slash removed
    QString rawPath; //!< as received (counters, recording)
    QUrlQuery query;
    HeaderList headers;
    QByteArray body;
    QString clientIp;
    QString userAgent; //!< trimmed; empty when absent or empty
    QStringList captures; //!< regex captures of the matched route pattern

    qint64 userId = 0; //!< the authenticated customer, 0 for a guest
    Auth auth = Auth::None;
    QString pat; //!< the session of a valid Bearer token
    QByteArray bearerToken; //!< that token

    QByteArray header(const QByteArray &name) const; //!< case-insensitive, empty if absent
    bool hasHeader(const QByteArray &name) const;
    bool isJson() const; //!< Content-Type application/json
    bool isForm() const; //!< Content-Type application/x-www-form-urlencoded
    QJsonObject jsonBody() const; //!< empty unless isJson() and the body is an object
    QUrlQuery formBody() const; //!< empty unless isForm()
    //! A request parameter the way WP_REST_Request::get_param finds it: JSON body, then form
    //! body, then query string. Non-string JSON values are returned as their JSON text.
    std::optional<QString> param(const QString &name) const;
};

struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=UTF-8";
    HeaderList headers; //!< route-specific; the pipeline adds the common ones unless set here
    bool cocartHeaders = false; //!< set by the pipeline from the route's flags
    //! No Expires/Cache-Control/Pragma/Vary (wp_send_json_error answers, transcripts-2 11b).
    bool plainHeaders = false;

    void setHeader(const QByteArray &name, const QByteArray &value);
    void addHeader(const QByteArray &name, const QByteArray &value);
    bool hasHeader(const QByteArray &name) const;
    QByteArray header(const QByteArray &name) const;

    static Response json(const QJsonValue &value, int status = 200);
    static Response error(const QString &code, const QString &message, int status);
};

using Handler = std::function<Response(Request &)>;
//! Returns an error response when the request may not run the handler (WordPress
//! permission_callback). Such responses carry no Allow header.
using Permission = std::function<std::optional<Response>(Request &)>;

enum RouteFlag {
    NoFlags = 0,
    CoCartHeaders = 1, //!< CoCart-Timestamp + CoCart-Version on success (login, cart routes)
};

struct Route
{
    QByteArray method;
    QRegularExpression pattern; //!< anchored, case-insensitive
    Handler handler;
    Permission permission;
    int flags = NoFlags;
};

class RouteTable
{
public:
    //! \a pattern is a regular expression for the whole path, e.g.
    //! "/wp-json/cocart/v2/cart/item/(\\w+)"; captures go to Request::captures.
    void add(const QByteArray &method, const QString &pattern, Handler handler, int flags = NoFlags,
             Permission permission = {});

    struct Match
    {
        const Route *route = nullptr;
        QStringList captures;
        QList<QByteArray> allowedMethods; //!< every method registered for the path
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    std::vector<Route> m_routes;
};

} // namespace CoCartDevStore::Internal
