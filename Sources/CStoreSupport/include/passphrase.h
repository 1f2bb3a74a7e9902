/*
 * Reading a passphrase at the terminal without echoing it, as readpassphrase(3) does: the
 * prompt and the input use /dev/tty (so it works with standard input redirected), and the
 * terminal's echo is restored even when the user presses Ctrl-C, Ctrl-\ or Ctrl-Z.
 */
#ifndef MARAC_PASSPHRASE_H
#define MARAC_PASSPHRASE_H

#include <stddef.h>

/* Reads one line into buffer (without its newline, NUL-terminated). Returns its length,
   -1 when there is no terminal, -2 when the input ended or was interrupted. */
long marac_read_passphrase(const char *prompt, char *buffer, size_t size);

#endif
