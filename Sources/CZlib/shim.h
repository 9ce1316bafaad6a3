#ifndef NOISESTEP_CZLIB_SHIM_H
#define NOISESTEP_CZLIB_SHIM_H

#include <zlib.h>

/// inflateInit2 is a macro in zlib.h, which Swift cannot import; this wrapper
/// passes the version and struct size the macro would.
static inline int noisestep_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
