import Postgres

/// Identity's tables (DOMAIN.md), compiled in; applied at start by `ServiceHost`.
enum IdentityMigrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "users, profiles, sessions, tokens, signing keys", sql: """
            CREATE TABLE users (
                id uuid PRIMARY KEY,
                email text NOT NULL,
                first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
                last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
                role text NOT NULL CHECK (role IN ('STUDENT', 'TUTOR', 'ADMIN')),
                status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED')),
                password_hash text NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                version bigint NOT NULL DEFAULT 1 CHECK (version > 0)
            );
            CREATE UNIQUE INDEX users_email_key ON users (lower(email));
            CREATE INDEX users_created_at ON users (created_at, id);
            CREATE TABLE user_profiles (
                user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
                bio text CHECK (length(bio) <= 4000),
                preferences jsonb NOT NULL DEFAULT '{}',
                settings jsonb NOT NULL DEFAULT '{}',
                updated_at timestamptz NOT NULL DEFAULT now()
            );
            CREATE TABLE user_sessions (
                session_id uuid PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                revoked_at timestamptz
            );
            CREATE INDEX user_sessions_user ON user_sessions (user_id);
            CREATE TABLE auth_tokens (
                id bigserial PRIMARY KEY,
                user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                token_hash bytea NOT NULL UNIQUE,
                type text NOT NULL CHECK (type IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION')),
                created_at timestamptz NOT NULL DEFAULT now(),
                expires_at timestamptz NOT NULL,
                used_at timestamptz
            );
            CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
            -- Token signing keys (Ed25519 seeds). The newest active key signs; all listed keys verify.
            CREATE TABLE signing_keys (
                kid text PRIMARY KEY,
                seed bytea NOT NULL CHECK (length(seed) = 32),
                created_at timestamptz NOT NULL DEFAULT now(),
                retired_at timestamptz
            );
            """),
    ]
}
