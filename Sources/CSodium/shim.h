// libsodium for ServiceRuntime (the only importer of CSodium): Argon2id password hashing
// (crypto_pwhash_str_alg) and Ed25519 signatures (crypto_sign_detached) for service tokens.
#ifndef CSODIUM_SHIM_H
#define CSODIUM_SHIM_H

#include <sodium.h>

#endif
