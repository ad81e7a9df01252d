// The C++ blocks of docs/getting-started.md (see readme.cpp).
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

namespace DocSnippets {

void showMessage(const QString &text)
{
    qInfo() << text;
}

class MyApp : public QObject
{
public:
    void start();
    void showShop() { }

private:
    CoCart::Session *session = new CoCart::Session(this);
    QString username;
    QString password;
};

void MyApp::start()
{
    //! [restore]
    session->restore()->then(this, [this](CoCart::Reply &restore) {
        if (!restore.error())
            return showShop(); // restored: SignedIn, user() is set
        CoCart::Reply *login = session->login(username, password);
        connect(login, &CoCart::Reply::finished, this, &MyApp::showShop);
        connect(login, &CoCart::Reply::failed, this, [](const CoCart::Error &error) {
            showMessage(error.message()); // plain text, safe to show
        });
    });
    //! [restore]
}

} // namespace DocSnippets
