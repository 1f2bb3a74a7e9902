#include "passphrase.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t caught = 0;
static void note_signal(int sig) { caught = sig; }

long marac_read_passphrase(const char *prompt, char *buffer, size_t size) {
    if (size == 0) return -2;
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct termios saved, quiet;
    int have_termios = tcgetattr(fd, &saved) == 0;
    struct sigaction action, old_int, old_quit, old_term, old_tstp, old_hup;
    memset(&action, 0, sizeof action);
    action.sa_handler = note_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int);
    sigaction(SIGQUIT, &action, &old_quit);
    sigaction(SIGTERM, &action, &old_term);
    sigaction(SIGTSTP, &action, &old_tstp);
    sigaction(SIGHUP, &action, &old_hup);
    caught = 0;
    if (have_termios) {
        quiet = saved;
        quiet.c_lflag &= ~(ECHO | ECHONL);
        quiet.c_lflag |= ICANON;
        tcsetattr(fd, TCSAFLUSH, &quiet);
    }
    (void)!write(fd, prompt, strlen(prompt));
    size_t length = 0;
    long result = -2;
    for (;;) {
        char c;
        ssize_t n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) { if (caught) break; continue; }
        if (n <= 0) break;
        if (c == '\n' || c == '\r') { result = (long)length; break; }
        if (length + 1 < size) buffer[length++] = c;
    }
    buffer[length < size ? length : size - 1] = '\0';
    if (have_termios) tcsetattr(fd, TCSAFLUSH, &saved);
    (void)!write(fd, "\n", 1);
    close(fd);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGTSTP, &old_tstp, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    if (caught) {
        memset(buffer, 0, size);
        raise(caught);
        return -2;
    }
    return result;
}
