#include <CoCart/Error.h>

#include <QHash>
#include <QMetaEnum>
#include <QRegularExpression>

namespace CoCart {

class ErrorData : public QSharedData
{
public:
    Error::Kind kind = Error::NoError;
    QString code;
    QString message;
    QString rawMessage;
    int httpStatus = 0;
    int retryAfter = -1;
};

namespace {

const QSharedDataPointer<ErrorData> &sharedNoError()
{
    static const QSharedDataPointer<ErrorData> none(new ErrorData);
    return none;
}

QString decodeEntities(const QString &text)
{
    static const QHash<QString, QString> named {
            {QStringLiteral("amp"), QStringLiteral("&")},
            {QStringLiteral("lt"), QStringLiteral("<")},
            {QStringLiteral("gt"), QStringLiteral(">")},
            {QStringLiteral("quot"), QStringLiteral("\"")},
            {QStringLiteral("apos"), QStringLiteral("'")},
            {QStringLiteral("nbsp"), QStringLiteral(" ")},
            {QStringLiteral("mdash"), QStringLiteral("—")},
            {QStringLiteral("ndash"), QStringLiteral("–")},
            {QStringLiteral("hellip"), QStringLiteral("…")},
            {QStringLiteral("lsquo"), QStringLiteral("‘")},
            {QStringLiteral("rsquo"), QStringLiteral("’")},
            {QStringLiteral("ldquo"), QStringLiteral("“")},
            {QStringLiteral("rdquo"), QStringLiteral("”")},
            {QStringLiteral("laquo"), QStringLiteral("«")},
            {QStringLiteral("raquo"), QStringLiteral("»")},
            {QStringLiteral("pound"), QStringLiteral("£")},
            {QStringLiteral("euro"), QStringLiteral("€")},
            {QStringLiteral("times"), QStringLiteral("×")},
    };
    static const QRegularExpression entity(
            QStringLiteral("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        QString replacement = match.captured(0); // unknown: kept as written
        if (name.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = (name.size() > 1 &&
                               (name.at(1) == QLatin1Char('x') || name.at(1) == QLatin1Char('X')))
                    ? name.mid(2).toUInt(&ok, 16)
                    : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
                const char32_t c = code;
                replacement = QString::fromUcs4(&c, 1);
            }
        } else if (const auto found = named.constFind(name); found != named.constEnd()) {
            replacement = found.value();
        }
        out += replacement;
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

//! C0 and C1 controls but tab and line feed, DEL, and the bidirectional overrides and isolates
//! that reorder what a terminal or a label shows (a store's text must not move the cursor, clear
//! the screen or flip a price around).
bool isControlCharacter(char32_t c)
{
    return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) ||
            (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e ||
            c == 0x200f || c == 0x061c;
}

bool hasControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (isControlCharacter(c.unicode()))
            return true;
    }
    return false;
}

QString withoutControlCharacters(const QString &text)
{
    if (!hasControlCharacters(text))
        return text;
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!isControlCharacter(c.unicode()))
            out += c;
    }
    return out;
}

} // namespace

Error::Error() : d(sharedNoError()) { }

Error::Error(Kind kind, const QString &message, const QString &code, int httpStatus,
             int retryAfterSeconds)
    : d(new ErrorData)
{
    d->kind = kind;
    d->code = code;
    d->rawMessage = message;
    d->message = plainText(message);
    d->httpStatus = httpStatus;
    d->retryAfter = retryAfterSeconds;
}

Error::Error(const Error &other) = default;
Error &Error::operator=(const Error &other) = default;
Error::~Error() = default;

Error::Kind Error::kind() const
{
    return d->kind;
}

QString Error::code() const
{
    return d->code;
}

QString Error::message() const
{
    return d->message;
}

QString Error::rawMessage() const
{
    return d->rawMessage;
}

int Error::httpStatus() const
{
    return d->httpStatus;
}

int Error::retryAfter() const
{
    return d->retryAfter;
}

bool operator==(const Error &a, const Error &b)
{
    return a.d->kind == b.d->kind && a.d->code == b.d->code && a.d->message == b.d->message &&
            a.d->httpStatus == b.d->httpStatus && a.d->retryAfter == b.d->retryAfter;
}

Error Error::cancelled(const QString &why)
{
    return Error(Cancelled, why.isEmpty() ? QStringLiteral("The call was cancelled.") : why,
                 QStringLiteral("cancelled"));
}

QString Error::plainText(const QString &html)
{
    if (!html.contains(QLatin1Char('<')) && !html.contains(QLatin1Char('&')) &&
        !html.contains(QLatin1String("View ")) && !hasControlCharacters(html))
        return html;
    // WooCommerce prefixes notices with a "View cart" button link: a control, not the message.
    static const QRegularExpression buttonLink(
            QStringLiteral("<a\\b[^>]*class\\s*=\\s*[\"'][^\"']*\\b(?:button|wc-forward)\\b[^>]*>"
                           ".*?</a\\s*>"),
            QRegularExpression::CaseInsensitiveOption |
                    QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression lineBreak(QStringLiteral("<\\s*(?:br|/p|/li|/div)\\b[^>]*>"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    // CoCart strips the tags itself on some routes and leaves the button's text in: in front on
    // WooCommerce 9.1 ("View cart You cannot add another …"), at the end on WooCommerce 10
    // ("… to your cart. View cart"), transcripts-3 section 3. Only where it cannot be part of the
    // sentence: before a capital that starts it, or after the punctuation that ends it.
    static const QRegularExpression buttonText(
            QStringLiteral("^View (?:cart|basket)\\s+(?=\\p{Lu})|"
                           "(?<=[.!?\u2026\"\u201d)])\\s+View (?:cart|basket)$"));
    QString text = html;
    text.remove(buttonLink);
    text.replace(lineBreak, QStringLiteral(" "));
    text.remove(tag);
    // Entities decode to anything (`&#27;` is ESC): control characters go after decoding.
    text = withoutControlCharacters(decodeEntities(text)).simplified();
    text.remove(buttonText);
    return text;
}

QString Error::kindName() const
{
    return kindName(d->kind);
}

QString Error::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(kind));
}

QString Error::toString() const
{
    if (!isError())
        return QStringLiteral("NoError");
    QString text = kindName() + QStringLiteral(": ") + d->message;
    QStringList details;
    if (!d->code.isEmpty())
        details << d->code;
    if (d->httpStatus > 0)
        details << QStringLiteral("HTTP %1").arg(d->httpStatus);
    if (d->retryAfter >= 0)
        details << QStringLiteral("retry after %1 s").arg(d->retryAfter);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

} // namespace CoCart
