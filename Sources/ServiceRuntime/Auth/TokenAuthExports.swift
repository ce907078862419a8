// Tokens, key sets, Ed25519 keys and the JWKS-backed verifier live in the small `TokenAuth` module
// (shared with the gateway); services keep reaching them through `import ServiceRuntime`.
@_exported import TokenAuth
