#pragma once

// "No CoCart store at … — check the address": one diagnosis for every call on one of CoCart's own
// routes (login, checkStore(), Cart, ProductModel). A developer's first wrong address (a typo, the
// shop's marketing site, a plain web server, WordPress without CoCart) should read as that, not as
// an HTTP status with an excerpt of somebody's HTML page.

#include <CoCart/Error.h>

#include <QJsonValue>
#include <QString>

namespace CoCart::NoStore {

/*!
    \internal
    Why \a error, the answer to a call on one of CoCart's own routes, says that no CoCart store
    answers at the address: Error::NotFound for a 404 that is no CoCart error (WordPress's
    `rest_no_route`, a web server's page), Error::BadResponse for a page or anything else that is
    not JSON where CoCart always answers JSON. Error::NoError when the answer is CoCart's own
    (a CoCart error code, a 5xx, a 401/403/429, a network error). \a json is the answer's body as
    parsed (null or undefined when it was not JSON).
*/
inline Error::Kind reason(const Error &error, const QJsonValue &json)
{
    if (!error)
        return Error::NoError;
    const int status = error.httpStatus();
    const QString code = error.code();
    if (status == 404 && (code.isEmpty() || code == QLatin1String("rest_no_route")))
        return Error::NotFound;
    const bool isJson = !json.isNull() && !json.isUndefined();
    if (isJson || (!code.isEmpty() && code != QLatin1String("bad_response")))
        return Error::NoError;
    // Not JSON: a 2xx page (a web server, a site's front page), a 400/405 page (a server that does
    // not take the request) or a 501 (one that does not know the method). A 401/403/429 page may
    // be a firewall in front of a real store and a 500/502/503 a broken one: those keep their
    // words.
    const bool page =
            (status >= 200 && status < 300) || status == 400 || status == 405 || status == 501;
    return page ? Error::BadResponse : Error::NoError;
}

//! \internal The one message, code `cocart_no_store`, with \a kind saying why (see reason()).
inline Error error(Error::Kind kind, const QString &storeDisplay, int httpStatus)
{
    return Error(kind,
                 QStringLiteral("No CoCart store at %1 — check the address.").arg(storeDisplay),
                 QStringLiteral("cocart_no_store"), httpStatus);
}

//! \internal \a error as the no-store error when reason() finds one, else unchanged.
inline Error diagnose(const Error &error, const QJsonValue &json, const QString &storeDisplay)
{
    const Error::Kind kind = reason(error, json);
    return kind == Error::NoError ? error : NoStore::error(kind, storeDisplay, error.httpStatus());
}

} // namespace CoCart::NoStore
