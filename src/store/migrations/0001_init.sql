-- Loss Doctor store, schema version 1. Runs unchanged on PGlite and PostgreSQL.
CREATE TABLE IF NOT EXISTS deliveries (
  id          text PRIMARY KEY,
  event       text NOT NULL,
  received_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS diagnoses (
  repo       text NOT NULL,
  ref        text NOT NULL,
  sha        text NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('training', 'config')),
  summary    jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (repo, sha, kind, ref)
);
CREATE INDEX IF NOT EXISTS diagnoses_by_ref ON diagnoses (repo, ref, kind, created_at DESC);

CREATE TABLE IF NOT EXISTS charts (
  id           text PRIMARY KEY,
  repo         text NOT NULL,
  format       text NOT NULL,
  content_type text NOT NULL,
  body         bytea NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS comments (
  repo         text NOT NULL,
  issue_number integer NOT NULL,
  key          text NOT NULL,
  comment_id   bigint NOT NULL,
  PRIMARY KEY (repo, issue_number, key)
);

CREATE TABLE IF NOT EXISTS experiments (
  id           text PRIMARY KEY,
  repo         text NOT NULL,
  sha          text NOT NULL,
  check_run_id bigint,
  status       text NOT NULL,
  plan         jsonb NOT NULL,
  result       jsonb,
  requested_by text NOT NULL,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS experiments_by_sha ON experiments (repo, sha, created_at DESC);
