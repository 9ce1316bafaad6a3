#ifndef NOISESTEP_CNCURSES_SHIM_H
#define NOISESTEP_CNCURSES_SHIM_H

// Wide-character curses (add_wch, cchar_t) for braille and block glyphs.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <ncurses.h>
#include <term.h>
#include <sys/ioctl.h>

// Swift cannot import function-like macros or macro-named globals; these wrappers give
// it the same values. They hold no logic of their own.

/// The standard screen (`stdscr` is a macro in reentrant builds).
static inline WINDOW *noisestep_stdscr(void) { return stdscr; }

/// The attribute bits that select colour pair `pair`.
static inline attr_t noisestep_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

static inline attr_t noisestep_a_normal(void) { return A_NORMAL; }
static inline attr_t noisestep_a_bold(void) { return A_BOLD; }
static inline attr_t noisestep_a_dim(void) { return A_DIM; }
static inline attr_t noisestep_a_reverse(void) { return A_REVERSE; }
static inline attr_t noisestep_a_underline(void) { return A_UNDERLINE; }

/// Window height and width (`getmaxyx` is a macro that assigns to its arguments).
static inline int noisestep_lines(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int noisestep_columns(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }

/// Whether terminfo knows `term` and it can place the cursor (`cup`), looked up as for
/// output on `fd` without taking the terminal over (`setupterm` installs no signal
/// handlers, unlike `newterm`); the description it loads is freed again.
static inline int noisestep_can_place_cursor(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) != OK) return 0;
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return usable;
}

/// The terminal's size in cells (`ioctl` is variadic, which Swift cannot call); 0 on success.
/// (term.h makes `lines` and `columns` macros, hence the names.)
static inline int noisestep_window_size(int fd, int *height, int *width) {
    struct winsize size = {0};
    int result = ioctl(fd, TIOCGWINSZ, &size);
    *height = size.ws_row;
    *width = size.ws_col;
    return result;
}

#endif
