/*
 * The one C header Swift sees for ncursesw.
 *
 * Swift imports curses functions directly, but not the macros and global variables the API is
 * partly made of. Each wrapper below is a static inline function that turns one of those into
 * something Swift can call. Nothing else belongs here: the driver logic lives in Swift.
 */
#ifndef MARAC_CNCURSESW_SHIM_H
#define MARAC_CNCURSESW_SHIM_H

/* The wide-character API (cchar_t, get_wch, addwstr) is hidden unless this is set first. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/* Globals that Swift 6 strict concurrency refuses to import as mutable state. */
static inline WINDOW *marac_stdscr(void) { return stdscr; }
static inline int marac_lines(void) { return LINES; }
static inline int marac_cols(void) { return COLS; }
static inline int marac_colors(void) { return COLORS; }
static inline int marac_color_pairs(void) { return COLOR_PAIRS; }
static inline void marac_set_escdelay(int ms) { set_escdelay(ms); }

/* Macros that take arguments or expand to expressions Swift cannot evaluate. */
static inline void marac_getmaxyx(WINDOW *win, int *y, int *x) {
    int yy, xx;
    getmaxyx(win, yy, xx);
    *y = yy;
    *x = xx;
}
static inline attr_t marac_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }
static inline int marac_key_f(int n) { return KEY_F(n); }

/* Attributes. */
static inline attr_t marac_a_normal(void) { return A_NORMAL; }
static inline attr_t marac_a_bold(void) { return A_BOLD; }
static inline attr_t marac_a_dim(void) { return A_DIM; }
static inline attr_t marac_a_reverse(void) { return A_REVERSE; }
static inline attr_t marac_a_underline(void) { return A_UNDERLINE; }
static inline attr_t marac_a_standout(void) { return A_STANDOUT; }

/* Mouse. */
static inline mmask_t marac_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t marac_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t marac_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t marac_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t marac_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t marac_button5_pressed(void) { return 0; }
#endif

/* Wide line-drawing characters: WACS_* expand to addresses inside a curses global table. */
static inline const cchar_t *marac_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *marac_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *marac_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *marac_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *marac_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *marac_wacs_lrcorner(void) { return WACS_LRCORNER; }

/* The C library's own idea of a character's width under a fixed UTF-8 locale, for tests that
   compare it with the Swift width table. Returns -1 for non-printable characters. */
static inline int marac_wcwidth_utf8(unsigned int scalar) {
    static locale_t utf8 = (locale_t)0;
    if (utf8 == (locale_t)0) {
        utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        if (utf8 == (locale_t)0) return -2;
    }
    locale_t previous = uselocale(utf8);
    int width = wcwidth((wchar_t)scalar);
    uselocale(previous);
    return width;
}


/* Restoring the terminal when the program dies of a signal it cannot survive (a crash, a
   failed precondition): leave curses mode, then die of the same signal as before. Quitting
   signals (SIGINT, SIGTERM, SIGTSTP, SIGWINCH) are left to ncurses, which handles them itself. */
#include <signal.h>
#include <unistd.h>

static void marac_fatal_signal(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void marac_install_crash_handlers(void) {
    int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], marac_fatal_signal);
}

/* A key code with KEY_CODE_YES's meaning, for readability on the Swift side. */
static inline int marac_key_code_yes(void) { return KEY_CODE_YES; }

#endif
