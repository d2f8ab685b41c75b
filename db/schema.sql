-- The one schema of slowfast. Every app applies this file, unchanged, at start-up (and again
-- when the database first answers if it was down at start-up). It must stay idempotent.
-- `seq` gives creation order and backs the keyset-pagination cursor; `id` is what clients see.
CREATE TABLE IF NOT EXISTS contacts (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    name       varchar(200) NOT NULL,
    email      varchar(254),
    phone      varchar(40),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
)
