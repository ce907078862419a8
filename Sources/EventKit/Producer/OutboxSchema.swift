import Logging
import Postgres

/// The producer's tables: `event_outbox` (the events, served by the feed) and
/// `event_outbox_horizon` (the newest `(txid, position)` the retention job deleted; a cursor
/// before it is "too old"). Applied with their own migration table, `event_outbox_migrations`,
/// so a service's own migration numbers stay its own.
///
/// ```swift
/// try await OutboxSchema.migrate(pool, logger: logger)      // at service start, with the service's migrations
/// ```
public enum OutboxSchema {
    /// The outbox migrations, in order.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "create event_outbox and event_outbox_horizon", sql: """
            CREATE TABLE event_outbox (
                position bigserial PRIMARY KEY,
                event_id uuid NOT NULL UNIQUE,
                aggregate_type text NOT NULL CHECK (aggregate_type <> ''),
                aggregate_id text NOT NULL CHECK (aggregate_id <> ''),
                version bigint NOT NULL CHECK (version > 0),
                type text NOT NULL CHECK (type <> ''),
                payload jsonb NOT NULL,
                txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
                created_at timestamptz NOT NULL DEFAULT clock_timestamp()
            );
            -- The feed reads in (txid, position) order; retention deletes a prefix of it.
            CREATE INDEX event_outbox_txid_position ON event_outbox (txid, position);
            CREATE INDEX event_outbox_aggregate ON event_outbox (aggregate_type, aggregate_id, version);
            CREATE TABLE event_outbox_horizon (
                id int PRIMARY KEY CHECK (id = 1),
                txid xid8 NOT NULL,
                position bigint NOT NULL
            );
            INSERT INTO event_outbox_horizon (id, txid, position) VALUES (1, '0', 0);
            -- The feed serves rows with txid below this bound (see OutboxReader): the oldest
            -- transaction still in progress in the caller's snapshot that may belong to THIS
            -- database, or the snapshot's xmax if there is none. In-progress transactions that
            -- pg_stat_activity shows connected to another database cannot write this outbox, so
            -- they do not hold the feed back; anything not proven elsewhere (finished meanwhile,
            -- hidden, prepared) counts, which is the plain pg_snapshot_xmin rule at worst.
            CREATE FUNCTION event_outbox_visibility_bound() RETURNS xid8
            LANGUAGE sql STABLE AS $$
                SELECT coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
                FROM pg_snapshot_xip(pg_current_snapshot()) AS x
                WHERE NOT EXISTS (
                    SELECT 1 FROM pg_stat_activity AS a
                    WHERE a.backend_xid IS NOT NULL
                      AND a.datid IS DISTINCT FROM (SELECT oid FROM pg_database WHERE datname = current_database())
                      AND a.backend_xid::text::bigint = (x::text::numeric % 4294967296)::bigint
                )
            $$;
            """),
    ]

    /// The migration table these use.
    public static let migrationTable = "event_outbox_migrations"

    /// Applies the pending outbox migrations (one transaction, advisory-locked; see `MigrationRunner`).
    @discardableResult
    public static func migrate(_ pool: PostgresPool, logger: Logger = Logger(label: "events.outbox")) async throws -> MigrationRunner.Report {
        try await MigrationRunner(migrations: migrations, tableName: migrationTable, logger: logger).migrate(pool)
    }
}
