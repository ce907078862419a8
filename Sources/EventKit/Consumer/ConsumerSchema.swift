import Logging
import Postgres

/// The consumer's bookkeeping tables, applied with their own migration table
/// (`event_consumer_migrations`):
/// - `event_consumer_cursors` — the feed cursor per (consumer, producer), written in the same
///   transaction as the batch it follows;
/// - `event_processed` — ids of applied events (duplicates are skipped), pruned after the
///   configured retention;
/// - `event_dead_letters` — poison events with their error, until replayed.
///
/// Reference tables themselves belong to the service (see ``ReferenceTable``).
///
/// ```swift
/// try await ConsumerSchema.migrate(pool, logger: logger)
/// ```
public enum ConsumerSchema {
    /// The consumer migrations, in order.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "create event consumer cursors, processed events and dead letters", sql: """
            CREATE TABLE event_consumer_cursors (
                consumer text NOT NULL,
                producer text NOT NULL,
                cursor text NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer, producer)
            );
            CREATE TABLE event_processed (
                consumer text NOT NULL,
                producer text NOT NULL,
                event_id uuid NOT NULL,
                processed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer, producer, event_id)
            );
            CREATE INDEX event_processed_processed_at ON event_processed (processed_at);
            CREATE TABLE event_dead_letters (
                id bigserial PRIMARY KEY,
                consumer text NOT NULL,
                producer text NOT NULL,
                event_id uuid NOT NULL,
                event_type text NOT NULL,
                aggregate_type text NOT NULL,
                aggregate_id text NOT NULL,
                version bigint NOT NULL,
                payload jsonb NOT NULL,
                event_created_at timestamptz NOT NULL,
                error text NOT NULL,
                attempts int NOT NULL,
                failed_at timestamptz NOT NULL DEFAULT now(),
                replayed_at timestamptz,
                UNIQUE (consumer, producer, event_id)
            );
            CREATE INDEX event_dead_letters_pending ON event_dead_letters (consumer, producer) WHERE replayed_at IS NULL;
            """),
    ]

    /// The migration table these use.
    public static let migrationTable = "event_consumer_migrations"

    /// Applies the pending consumer migrations.
    @discardableResult
    public static func migrate(_ pool: PostgresPool, logger: Logger = Logger(label: "events.consumer")) async throws -> MigrationRunner.Report {
        try await MigrationRunner(migrations: migrations, tableName: migrationTable, logger: logger).migrate(pool)
    }
}
