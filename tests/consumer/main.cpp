// Builds against the installed CoCartQt package; refuses an insecure store without the network.
#include <CoCart/Session.h>

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    CoCart::Session session;
    session.setStoreUrl(QUrl(QStringLiteral("http://shop.example")));
    int code = 1;
    QObject::connect(&session, &CoCart::Session::loginFailed, &app,
                     [&code](const CoCart::Error &error) {
                         std::printf("%s\n", qPrintable(error.toString()));
                         code = error.kind() == CoCart::Error::InsecureTransport ? 0 : 1;
                     });
    session.login(QStringLiteral("user"), QStringLiteral("password"));
    return code;
}
