import Foundation
import HTTPKit
import Logging
import NIOCore
import ServiceRuntime

// Identity: users, sign-in and tokens (port 4001). Configuration: see ServiceConfiguration, plus
// IDENTITY_TOKEN_TTL_SECONDS (3600), PASSWORD_HASH_OPS / PASSWORD_HASH_MEMORY_BYTES (libsodium's
// interactive Argon2id cost: 2 / 67108864), IDENTITY_ADMIN_EMAIL + IDENTITY_ADMIN_PASSWORD (an
// admin created at start when absent).
let host = try await ServiceHost.start(name: "identity", defaultPort: 4001, migrations: IdentityMigrations.all, producesEvents: true)
let environment = host.configuration.environment
let ttl = TimeInterval(environment["IDENTITY_TOKEN_TTL_SECONDS"].flatMap(Int.init) ?? 3600)
let hasher = PasswordHasher(
    operations: environment["PASSWORD_HASH_OPS"].flatMap(UInt64.init) ?? PasswordHasher.interactive.operations,
    memoryBytes: environment["PASSWORD_HASH_MEMORY_BYTES"].flatMap(Int.init) ?? PasswordHasher.interactive.memoryBytes)
let issuer = try await TokenIssuer.load(pool: host.pool, issuer: host.configuration.authIssuer, lifetime: ttl)
let store = IdentityStore(pool: host.pool, hasher: hasher, issuer: issuer)
let verifier = TokenVerifier(keys: issuer.keySet, issuer: issuer.issuer, logger: host.logger)

if let email = environment["IDENTITY_ADMIN_EMAIL"], let password = environment["IDENTITY_ADMIN_PASSWORD"] {
    let exists = try await host.pool.query("SELECT 1 FROM users WHERE lower(email) = lower(\(email))").count == 1
    if !exists {
        _ = try await store.register(.init(email: email, password: password, firstName: "Admin", lastName: "User", role: "ADMIN"), allowAdmin: true)
        host.logger.info("created the admin user", metadata: ["identity.admin": "\(email)"])
    }
}

let jwks = issuer.keySet.encoded()
host.addRoute("/.well-known/jwks.json", methods: [.GET], responder: ClosureResponder { _, context in
    var body = context.allocator.buffer(capacity: jwks.count)
    body.writeBytes(jwks)
    var response = HTTPResponse(status: .ok, contentType: "application/jwk-set+json", body: body)
    response.headers.add(name: "cache-control", value: "max-age=300")
    return .response(response)
})
host.mountGraphQL(try IdentitySchema.make(store: store)) { request in
    try await IdentityContext.make(request, verifier: verifier, store: store)
}
host.serveEvents(snapshots: [UserEvents.snapshot])
try await host.run()
