// The C++ blocks of docs/getting-started.md (see readme.cpp).
#include <CoCart/Reply.h>
#include <CoCart/Session.h>

namespace DocSnippets {

void showMessage(const QString &text)
{
    qInfo() << text;
}

void showAddressForm(const QString &text)
{
    qInfo() << text;
}

//! [errors]
// What a screen shows for a failed call: the SDK's message is plain text and safe to show;
// the kind says what the user can do about it.
QString errorText(const CoCart::Error &error)
{
    switch (error.kind()) {
    case CoCart::Error::Cancelled:
        return {}; // the app (or a newer call) abandoned it: show nothing
    case CoCart::Error::Network:
    case CoCart::Error::Timeout:
        return QStringLiteral("You seem to be offline. Try again.");
    case CoCart::Error::InvalidCredentials:
        return QStringLiteral("Wrong username or password.");
    case CoCart::Error::SessionExpired:
        return QStringLiteral("Please sign in again.");
    case CoCart::Error::RateLimited:
        return QStringLiteral("Too many tries: wait %1 s.").arg(qMax(1, error.retryAfter()));
    default:
        // `cocart_no_store` (NotFound or BadResponse): "No CoCart store at … — check the
        // address"; Tls, Configuration, InsecureTransport: a wrong or unsafe address; Server,
        // InvalidRequest, Forbidden, NotFound: the store's own sentence.
        return error.message();
    }
}
//! [errors]

class MyApp : public QObject
{
public:
    void start();
    void check();
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

void MyApp::check()
{
    //! [check]
    // Before the sign-in form: is there a CoCart store (with CoCart JWT Authentication) here?
    session->setStoreUrl(QUrl(QStringLiteral("https://shop.example")));
    session->checkStore()->then(this, [this](CoCart::Reply &check) {
        if (check.error().code() == QLatin1String("cocart_no_store"))
            return showAddressForm(check.error().message()); // "No CoCart store at … — check …"
        if (check.error())
            return showMessage(errorText(check.error()));
        showMessage(QStringLiteral("Welcome to %1").arg(session->storeName()));
    });
    //! [check]
}

} // namespace DocSnippets
