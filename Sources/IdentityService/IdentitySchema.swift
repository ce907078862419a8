import Foundation
import GraphQLKit
import ServiceRuntime

/// Identity's subgraph: SDL (`IdentitySchema+SDL.swift`) and resolvers.
enum IdentitySchema {
    static func make(store: IdentityStore) throws -> ExecutableSchema<IdentityContext> {
        var resolvers = Resolvers<IdentityContext>()
        resolvers.query { query in
            query.field("me") { (_: FieldArguments, context: IdentityContext) async throws -> User? in
                guard let principal = context.principal else { return nil }
                return try await store.user(id: principal.userID)
            }
            query.field("user") { (arguments: FieldArguments, _: IdentityContext) async throws -> User? in
                try await store.user(id: try uuid(arguments, "id"))
            }
            query.field("users") { (arguments: FieldArguments, context: IdentityContext) async throws -> UserConnection in
                let caller = try context.principal.required()
                guard caller.isAdmin else { throw AuthError.forbidden("users: admins only").graphQLError }
                return try await store.page(first: arguments.int("first") ?? 20, after: arguments.optionalString("after"))
            }
        }
        resolvers.mutation { mutation in
            mutation.field("register") { (arguments: FieldArguments, _: IdentityContext) async throws -> AuthPayload in
                try await store.register(try arguments.decode(IdentityStore.Registration.self, "input"))
            }
            mutation.field("login") { (arguments: FieldArguments, _: IdentityContext) async throws -> AuthPayload in
                try await store.login(email: try arguments.string("email"), password: try arguments.string("password"))
            }
            mutation.field("logout") { (_: FieldArguments, context: IdentityContext) async throws -> Bool in
                try await store.logout(try context.principal.required())
            }
            mutation.field("updateProfile") { (arguments: FieldArguments, context: IdentityContext) async throws -> User in
                let caller = try context.principal.required()
                return try await store.updateProfile(userID: caller.userID, try arguments.decode(IdentityStore.ProfileChange.self, "input"))
            }
            mutation.field("changeRole") { (arguments: FieldArguments, context: IdentityContext) async throws -> User in
                let caller = try context.principal.required()
                guard caller.isAdmin else { throw AuthError.forbidden("changeRole: admins only").graphQLError }
                return try await store.changeRole(userID: try uuid(arguments, "userId"), role: try arguments.string("role"))
            }
            mutation.field("deactivateUser") { (arguments: FieldArguments, context: IdentityContext) async throws -> User in
                let caller = try context.principal.required()
                let target = try uuid(arguments, "userId")
                try caller.requireSelfOrAdmin(target)
                return try await store.deactivate(userID: target)
            }
        }
        resolvers.type("User", as: User.self) { user in
            user.field("id") { $0.id.uuidString.lowercased() }
            user.field("email") { (user: User, _: FieldArguments, context: IdentityContext) throws -> String in
                if user.disclosedToCaller { return user.email }
                let caller = try context.principal.required()
                try caller.requireSelfOrAdmin(user.id)
                return user.email
            }
            user.field("firstName", \.firstName)
            user.field("lastName", \.lastName)
            user.field("role", \.role)
            user.field("status", \.status)
            user.field("createdAt") { $0.createdAt.iso8601 }
            user.field("profile") { (user: User, _: FieldArguments, _: IdentityContext) async throws -> UserProfile? in
                try await store.profile(userID: user.id)
            }
        }
        resolvers.type("UserProfile", as: UserProfile.self) { profile in
            profile.field("bio", \.bio)
            profile.field("preferences", \.preferences)
            profile.field("settings", \.settings)
        }
        resolvers.type("AuthPayload", as: AuthPayload.self) { payload in
            payload.field("token", \.token)
            payload.field("expiresAt") { $0.expiresAt.iso8601 }
            payload.field("user", \.user)
        }
        resolvers.type("UserConnection", as: UserConnection.self) { connection in
            connection.field("nodes", \.nodes)
            connection.field("endCursor", \.endCursor)
            connection.field("hasNextPage", \.hasNextPage)
        }
        var entities = EntityResolvers<IdentityContext>()
        entities.entity("User") { (representations: [EntityRepresentation], _) async throws -> [ResolvedValue] in
            let ids = representations.map { $0["id"]?.stringValue.flatMap(UUID.init(uuidString:)) }
            let users = try await store.users(ids: ids.compactMap { $0 })
            return ids.map { id in
                guard let id, let user = users[id] else { return .null }
                return .object(ObjectSource(user, typename: "User"))
            }
        }
        return try ExecutableSchema.subgraph(sdl: sdl, resolvers: resolvers, entities: entities)
    }

    static func uuid(_ arguments: FieldArguments, _ name: String) throws -> UUID {
        guard let id = UUID(uuidString: try arguments.string(name)) else { throw ServiceError.badInput("\(name): not an id") }
        return id
    }
}
