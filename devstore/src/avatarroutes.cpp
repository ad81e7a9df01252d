// GET /avatar/<md5 or sha256 of email>?s=SIZE: the avatars the login answer points at. WordPress
// links to Gravatar; a store for offline demos and hermetic tests must not send clients to the
// internet, so it draws a plain silhouette itself, on a background colour picked from the hash.

#include "devstore_p.h"
#include "routes_p.h"

#include <QBuffer>
#include <QImage>

namespace CoCartDevStore::Internal {

namespace {

//! A head and shoulders in white on \a background, 4×4 supersampled (no QPainter: the store runs
//! in plain QCoreApplication processes too).
QImage silhouette(int size, const QColor &background)
{
    QImage image(size, size, QImage::Format_RGB32);
    const double s = size;
    const auto inside = [s](double x, double y) {
        const double hx = (x - 0.5 * s) / (0.19 * s);
        const double hy = (y - 0.39 * s) / (0.19 * s);
        if (hx * hx + hy * hy <= 1.0)
            return true;
        const double bx = (x - 0.5 * s) / (0.36 * s);
        const double by = (y - 1.0 * s) / (0.38 * s);
        return bx * bx + by * by <= 1.0;
    };
    const QColor foreground(250, 250, 250);
    for (int y = 0; y < size; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size; ++x) {
            int covered = 0;
            for (int sy = 0; sy < 4; ++sy) {
                for (int sx = 0; sx < 4; ++sx)
                    covered += inside(x + (sx + 0.5) / 4.0, y + (sy + 0.5) / 4.0) ? 1 : 0;
            }
            const auto mix = [covered](int back, int front) {
                return (back * (16 - covered) + front * covered) / 16;
            };
            line[x] = qRgb(mix(background.red(), foreground.red()),
                           mix(background.green(), foreground.green()),
                           mix(background.blue(), foreground.blue()));
        }
    }
    return image;
}

} // namespace

void registerAvatarRoutes(RouteTable &routes, DevStorePrivate &)
{
    routes.add("GET", QStringLiteral("/avatar/([0-9a-f]{32}|[0-9a-f]{64})"), [](Request &request) {
        bool ok = false;
        int size = request.query.queryItemValue(QStringLiteral("s")).toInt(&ok);
        if (!ok || size <= 0)
            size = 80; // Gravatar's default
        size = qBound(16, size, 512);
        const QString hash = request.captures.value(0);
        const QColor background =
                QColor::fromHsv(int(hash.left(4).toUInt(nullptr, 16) % 360), 90, 170);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        silhouette(size, background).save(&buffer, "PNG");

        Response response;
        response.body = png;
        response.contentType = "image/png";
        response.setHeader("Cache-Control", "max-age=300");
        return response;
    });
}

} // namespace CoCartDevStore::Internal
