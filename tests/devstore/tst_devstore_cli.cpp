// The `cocart-devstore` executable itself (issue 18.6, 18.9): --tls writes its certificate into
// a private directory made for the run (not a predictable /tmp name another user could plant a
// symlink or file at), removed at exit; listening beyond loopback warns; the secret and account
// passwords can come from files or the environment instead of argv.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDevStore = QStringLiteral(COCART_BIN_DIR "/cocart-devstore");

//! Starts the devstore with \a arguments and reads its banner up to "listening on" (and the
//! TLS line when \a tls).
bool start(QProcess &process, const QStringList &arguments, QByteArray *banner, bool tls = false)
{
    process.start(kDevStore, arguments);
    if (!process.waitForStarted(10000))
        return false;
    while (process.waitForReadyRead(10000)) {
        *banner += process.readAllStandardOutput();
        if (banner->contains("listening on") && (!tls || banner->contains("TLS certificate: ")) &&
            banner->endsWith('\n'))
            return true;
    }
    return false;
}

void stop(QProcess &process)
{
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
    }
}

} // namespace

class TestDevStoreCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tlsCertificateInPrivateDirectory()
    {
        QProcess process;
        QByteArray banner;
        QVERIFY2(start(process, {QStringLiteral("--tls")}, &banner, true), banner.constData());
        const qsizetype at = banner.indexOf("TLS certificate: ") + 17;
        const QString file = QString::fromLocal8Bit(banner.mid(at, banner.indexOf('\n', at) - at));
        const QFileInfo info(file);
        QVERIFY2(info.isFile(), qPrintable(file));
        const QFileInfo dir(info.absolutePath());
        // Not straight in the shared temp directory, under a name that is not the pid.
        QVERIFY2(dir.absoluteFilePath() != QFileInfo(QDir::tempPath()).absoluteFilePath(),
                 qPrintable(file));
        QVERIFY(!info.fileName().contains(QString::number(process.processId())));
        QCOMPARE(dir.permissions() &
                         (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                          QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
        QCOMPARE(dir.ownerId(), info.ownerId());
        stop(process);
        QVERIFY(!QFileInfo::exists(file)); // made for this run only
        QVERIFY(!QFileInfo::exists(dir.absoluteFilePath()));
    }

    void beyondLoopbackWarns()
    {
        QProcess process;
        QByteArray banner;
        QVERIFY2(start(process, {QStringLiteral("--host"), QStringLiteral("0.0.0.0")}, &banner),
                 banner.constData());
        stop(process);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("warning: listening on 0.0.0.0"), err.constData());

        QProcess loopback;
        banner.clear();
        QVERIFY(start(loopback, {}, &banner));
        stop(loopback);
        QVERIFY(!loopback.readAllStandardError().contains("warning"));
    }

    void secretsOutOfArgv()
    {
        QTemporaryDir dir;
        const QString users = dir.filePath(QStringLiteral("users"));
        QFile file(users);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# one NAME:PASSWORD a line\nfilecustomer:file-pass-1\n");
        file.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COCART_DEVSTORE_USERS"),
                   QStringLiteral("envcustomer:env-pass-1"));
        env.insert(QStringLiteral("COCART_DEVSTORE_SECRET"), QStringLiteral("a-secret-from-env"));
        process.setProcessEnvironment(env);
        QByteArray banner;
        QVERIFY2(start(process, {QStringLiteral("--users-file"), users}, &banner),
                 banner.constData());
        stop(process);
        banner += process.readAllStandardOutput();
        QVERIFY2(banner.contains("Customer: filecustomer"), banner.constData());
        QVERIFY2(banner.contains("Customer: envcustomer"), banner.constData());

        QProcess missing;
        missing.start(kDevStore,
                      {QStringLiteral("--secret-file"), dir.filePath(QStringLiteral("no"))});
        QVERIFY(missing.waitForFinished(10000));
        QVERIFY(missing.exitCode() != 0);
        QVERIFY(missing.readAllStandardError().contains("--secret-file"));
    }
};

QTEST_GUILESS_MAIN(TestDevStoreCli)
#include "tst_devstore_cli.moc"
