-- Loss Doctor store, schema version 3: charts are deleted by age (retention), so index their age.
CREATE INDEX IF NOT EXISTS charts_by_age ON charts (created_at);
