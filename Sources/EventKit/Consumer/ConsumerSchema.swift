import Logging
import Postgres

/// The consumer's bookkeeping tables, applied with their own migration table
/// (`event_consumer_migrations`):
/// - `event_consumer_cursors` — the feed cursor per (consumer, producer), written in the same
///   transaction as the batch it follows;
/// - `event_processed` — ids of applied events (duplicates are skipped), pruned after the
///   configured retention;
/// - `event_dead_letters` — poison events with their error, until replayed;
/// - `event_consumer_claim(consumer, producer, expected, cursor, ids)` — the bookkeeping of a
///   batch in one statement, so a batch of statement handlers commits in one round trip: locks
///   the cursor row, fails with SQLSTATE `EK001` if the stored cursor is not `expected` and with
///   `EK002` if one of the ids was processed already (nothing is written then), else records the
///   ids and stores `cursor`.
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
        Migration(version: 2, name: "create event_consumer_claim", sql: """
            CREATE FUNCTION event_consumer_claim(p_consumer text, p_producer text, p_expected text, p_cursor text, p_ids uuid[])
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                stored text;
                recorded bigint;
            BEGIN
                SELECT cursor INTO stored FROM event_consumer_cursors
                WHERE consumer = p_consumer AND producer = p_producer FOR UPDATE;
                IF coalesce(stored, '') <> p_expected THEN
                    RAISE EXCEPTION 'the stored cursor of % from % moved', p_consumer, p_producer USING ERRCODE = 'EK001';
                END IF;
                INSERT INTO event_processed (consumer, producer, event_id)
                SELECT p_consumer, p_producer, id FROM unnest(p_ids) AS id ON CONFLICT DO NOTHING;
                GET DIAGNOSTICS recorded = ROW_COUNT;
                IF recorded < cardinality(p_ids) THEN
                    RAISE EXCEPTION 'the batch holds events already processed' USING ERRCODE = 'EK002';
                END IF;
                UPDATE event_consumer_cursors SET cursor = p_cursor, updated_at = now()
                WHERE consumer = p_consumer AND producer = p_producer;
            END
            $$;
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
