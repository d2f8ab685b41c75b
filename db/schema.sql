-- The one schema of slowfast. Every app applies this file, unchanged, at start-up (and again when
-- the database first answers if it was down at start-up). It is ONE statement, a DO block, so that
-- it runs atomically in any driver (simple or extended protocol, inside or outside a transaction)
-- and a failure leaves no half-open transaction on a pooled connection. It must stay idempotent
-- and safe when several processes apply it at once: CREATE TABLE IF NOT EXISTS is not safe against
-- itself running concurrently, so the block first takes a transaction-scoped advisory lock
-- (5103735 is slowfast's lock number; nothing else in the database should use it).
DO $schema$
BEGIN
    PERFORM pg_advisory_xact_lock(5103735);
    -- "relation already exists, skipping" is the normal case here, not worth a notice in the logs.
    PERFORM set_config('client_min_messages', 'warning', true);
    -- `seq` gives creation order and backs the keyset-pagination cursor; `id` is what clients see.
    CREATE TABLE IF NOT EXISTS contacts (
        id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name       varchar(200) NOT NULL,
        email      varchar(254),
        phone      varchar(40),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
    );
END
$schema$
