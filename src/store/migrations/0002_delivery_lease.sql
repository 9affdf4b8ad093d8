-- Loss Doctor store, schema version 2: delivery claims become leases, so a webhook redelivered after
-- a crash mid-delivery is processed instead of skipped. Rows from version 1 keep both columns NULL
-- and are never reclaimed (whether they completed is unknown).
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS claimed_until timestamptz;
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS completed_at timestamptz;
