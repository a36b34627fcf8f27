-- Schema version 3: customer-experience measurement. KPIs on touchpoints with dated values, the
-- ranked top touchpoints, feedback attached to stages, customers gained and lost per period, and
-- the ten-pillar self-assessment. Dates are ISO YYYY-MM-DD.

CREATE TABLE kpis (
    id            TEXT PRIMARY KEY NOT NULL,
    touchpoint_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name          TEXT NOT NULL,
    unit          TEXT NOT NULL DEFAULT '',
    direction     TEXT NOT NULL CHECK (direction IN ('higherIsBetter', 'lowerIsBetter')),
    target        REAL NOT NULL,
    tolerance     REAL NOT NULL DEFAULT 0 CHECK (tolerance >= 0)
);
CREATE INDEX kpis_touchpoint ON kpis (touchpoint_id);

CREATE TABLE kpi_measurements (
    kpi_id TEXT NOT NULL REFERENCES kpis (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date   TEXT NOT NULL,
    value  REAL NOT NULL,
    PRIMARY KEY (kpi_id, date)
);

CREATE TABLE top_touchpoints (
    position      INTEGER PRIMARY KEY NOT NULL,
    touchpoint_id TEXT NOT NULL UNIQUE REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE feedback (
    id            TEXT PRIMARY KEY NOT NULL,
    map_id        TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id      TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    touchpoint_id TEXT REFERENCES touchpoints (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    date          TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('survey', 'review', 'social', 'call', 'employee')),
    text          TEXT NOT NULL,
    sentiment     INTEGER NOT NULL CHECK (sentiment BETWEEN -2 AND 2),
    rating        INTEGER CHECK (rating BETWEEN 0 AND 10)
);
CREATE INDEX feedback_stage ON feedback (stage_id);
CREATE INDEX feedback_touchpoint ON feedback (touchpoint_id);

CREATE TABLE customer_periods (
    id                 TEXT PRIMARY KEY NOT NULL,
    start_date         TEXT NOT NULL,
    label              TEXT NOT NULL,
    customers_at_start INTEGER CHECK (customers_at_start >= 0),
    gained             INTEGER NOT NULL CHECK (gained >= 0),
    lost               INTEGER NOT NULL CHECK (lost >= 0)
);

CREATE TABLE customer_reasons (
    period_id TEXT NOT NULL REFERENCES customer_periods (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq       INTEGER NOT NULL,
    flow      TEXT NOT NULL CHECK (flow IN ('in', 'out')),
    reason    TEXT NOT NULL,
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (period_id, seq)
);

CREATE TABLE pillar_scores (
    pillar TEXT PRIMARY KEY NOT NULL,
    score  INTEGER CHECK (score BETWEEN 1 AND 5),
    notes  TEXT NOT NULL DEFAULT ''
);
