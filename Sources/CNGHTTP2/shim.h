// libnghttp2's public C API, exposed to Swift as the CNGHTTP2 module.
// Only HTTPKit imports CNGHTTP2; everything else talks HTTP through HTTPKit.
#ifndef CNGHTTP2_SHIM_H
#define CNGHTTP2_SHIM_H
#include <nghttp2/nghttp2.h>
#endif
