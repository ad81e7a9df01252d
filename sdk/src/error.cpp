#include <CoCart/Error.h>

#include <QMetaEnum>

namespace CoCart {

Error::Error(Kind kind, const QString &message, const QString &code, int httpStatus,
             int retryAfterSeconds)
    : m_kind(kind), m_code(code), m_message(message), m_httpStatus(httpStatus),
      m_retryAfter(retryAfterSeconds)
{ }

QString Error::kindName() const
{
    return kindName(m_kind);
}

QString Error::kindName(Kind kind)
{
    return QString::fromLatin1(QMetaEnum::fromType<Kind>().valueToKey(kind));
}

QString Error::toString() const
{
    if (!isError())
        return QStringLiteral("NoError");
    QString text = kindName() + QStringLiteral(": ") + m_message;
    QStringList details;
    if (!m_code.isEmpty())
        details << m_code;
    if (m_httpStatus > 0)
        details << QStringLiteral("HTTP %1").arg(m_httpStatus);
    if (m_retryAfter >= 0)
        details << QStringLiteral("retry after %1 s").arg(m_retryAfter);
    if (!details.isEmpty())
        text += QStringLiteral(" (") + details.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

} // namespace CoCart
