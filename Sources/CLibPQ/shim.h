// libpq's client API for the Postgres module (the only importer of CLibPQ).
// Debian's libpq-dev installs the header in /usr/include/postgresql; its libpq.pc adds that folder
// to the search path. The fallback keeps the build working where pkg-config finds no libpq.pc.
#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#endif
