// Every C++ block in README.md and docs/*.md is code this folder builds: the line above the
// block names it, <!-- snippet: FILE REGION [REGION...] -->, and the block is exactly those
// regions of docs/snippets/FILE (the lines between two `//! [REGION]` lines, indentation
// removed, regions joined by a blank line). A block that is not built, or that differs from
// what is built, fails here; what is built fails the build when the API moves on.

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

//! The lines between the two `//! [region]` lines of \a text, less their common indentation;
//! a null string when the region is not there exactly once.
QString region(const QString &text, const QString &name)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QString marker = QStringLiteral("//! [") + name + QLatin1Char(']');
    QList<int> at;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed() == marker)
            at << i;
    }
    if (at.size() != 2)
        return {};
    QStringList body = lines.mid(at.at(0) + 1, at.at(1) - at.at(0) - 1);
    qsizetype indent = -1;
    for (const QString &line : qAsConst(body)) {
        if (line.trimmed().isEmpty())
            continue;
        qsizetype leading = 0;
        while (leading < line.size() && line.at(leading) == QLatin1Char(' '))
            ++leading;
        indent = indent < 0 ? leading : qMin(indent, leading);
    }
    for (QString &line : body)
        line = line.mid(qMax<qsizetype>(indent, 0));
    return body.join(QLatin1Char('\n'));
}

} // namespace

class TestDocSnippets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocks_data()
    {
        QTest::addColumn<QString>("marker");
        QTest::addColumn<QString>("block");
        const QDir root(QStringLiteral(COCART_SOURCE_DIR));
        QStringList files {QStringLiteral("README.md")};
        for (const QString &name :
             root.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
            if (name != QLatin1String("README.md") && name != QLatin1String("CHANGELOG.md") &&
                name != QLatin1String("CONTRIBUTING.md"))
                files << name;
        }
        for (const QString &name :
             QDir(root.filePath(QStringLiteral("docs")))
                     .entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name))
            files << QStringLiteral("docs/") + name;
        files << QStringLiteral("CONTRIBUTING.md");
        int blocks = 0;
        for (const QString &file : qAsConst(files)) {
            const QStringList lines = readFile(root.filePath(file)).split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                if (lines.at(i).trimmed() != QLatin1String("```cpp"))
                    continue;
                const int start = i;
                QStringList block;
                while (++i < lines.size() && lines.at(i).trimmed() != QLatin1String("```"))
                    block << lines.at(i);
                const QString marker = start > 0 ? lines.at(start - 1).trimmed() : QString();
                QTest::newRow(qPrintable(QStringLiteral("%1:%2").arg(file).arg(start + 1)))
                        << marker << block.join(QLatin1Char('\n'));
                ++blocks;
            }
        }
        QVERIFY2(blocks >= 10, "the guides' C++ blocks were not found");
    }

    void blocks()
    {
        QFETCH(QString, marker);
        QFETCH(QString, block);
        static const QRegularExpression form(
                QStringLiteral("^<!-- snippet: ([\\w.-]+) ([\\w -]+) -->$"));
        const QRegularExpressionMatch match = form.match(marker);
        QVERIFY2(match.hasMatch(),
                 "a C++ block must be built: put it in docs/snippets/ between //! [name] lines "
                 "and name it on the line above the block: <!-- snippet: FILE NAME -->");
        const QString path =
                QStringLiteral(COCART_SOURCE_DIR "/docs/snippets/") + match.captured(1);
        const QString text = readFile(path);
        QVERIFY2(!text.isEmpty(), qPrintable(path + QStringLiteral(" is missing")));
        QStringList expected;
        for (const QString &name : match.captured(2).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString body = region(text, name);
            QVERIFY2(!body.isNull(),
                     qPrintable(QStringLiteral("no region [%1] (two //! [%1] lines) in %2")
                                        .arg(name, path)));
            expected << body;
        }
        QCOMPARE(block, expected.join(QStringLiteral("\n\n")));
    }
};

QTEST_GUILESS_MAIN(TestDocSnippets)
#include "tst_doc_snippets.moc"
