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
        session->login(username, password)->then(this, [this](CoCart::Reply &login) {
            if (login.error())
                return showMessage(login.error().message()); // plain text, safe to show
            showShop();
        });
    });
    //! [restore]
}

} // namespace DocSnippets
