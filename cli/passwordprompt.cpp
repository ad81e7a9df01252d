#include "passwordprompt.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#endif

bool readPasswordFromTerminal(const QString &prompt, QString *password)
{
#ifdef Q_OS_UNIX
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return false;
    const QByteArray promptBytes = prompt.toLocal8Bit();
    if (::write(fd, promptBytes.constData(), size_t(promptBytes.size())) < 0) {
        ::close(fd);
        return false;
    }
    termios saved {};
    const bool haveTermios = ::tcgetattr(fd, &saved) == 0;
    if (haveTermios) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        silent.c_lflag |= ICANON;
        ::tcsetattr(fd, TCSAFLUSH, &silent);
    }
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n' && c != '\r')
        line.append(c);
    if (haveTermios)
        ::tcsetattr(fd, TCSAFLUSH, &saved);
    if (::write(fd, "\n", 1) < 0) { }
    ::close(fd);
    *password = QString::fromLocal8Bit(line);
    line.fill('\0');
    return true;
#else
    Q_UNUSED(prompt)
    Q_UNUSED(password)
    return false;
#endif
}
