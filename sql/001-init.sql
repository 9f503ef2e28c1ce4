-- smp-protocol store, migration 1: plans, their events, and the outbox.
-- Applied by migrate(client) from 'smp-protocol/postgres', statement by statement, in this order.
-- Plain DDL only (no PL/pgSQL), so PostgreSQL-compatible engines accept it.

CREATE TABLE IF NOT EXISTS smp_migrations (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS smp_plans (
  id text PRIMARY KEY,
  version integer NOT NULL,
  protocol_id text NOT NULL,
  protocol_version integer NOT NULL,
  plan jsonb NOT NULL,
  initial jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS smp_events (
  plan_id text NOT NULL REFERENCES smp_plans (id),
  version integer NOT NULL,
  event_id text NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, version),
  UNIQUE (plan_id, event_id)
);

CREATE TABLE IF NOT EXISTS smp_outbox (
  id text PRIMARY KEY,
  plan_id text NOT NULL REFERENCES smp_plans (id),
  kind text NOT NULL,
  due_at timestamptz NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  claimed_by text,
  lease_until timestamptz,
  last_error text,
  updated_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS smp_outbox_due ON smp_outbox (status, due_at);

CREATE INDEX IF NOT EXISTS smp_outbox_plan ON smp_outbox (plan_id);

INSERT INTO smp_migrations (version) VALUES (1) ON CONFLICT (version) DO NOTHING;
