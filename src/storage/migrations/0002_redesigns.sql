-- Schema version 2: the redesign tracker. A project-wide work calendar and redesign template,
-- and redesigns of touchpoints with their phases and status history. Dates are ISO YYYY-MM-DD.

CREATE TABLE work_calendar (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    weekmask TEXT NOT NULL DEFAULT '1111100' CHECK (length(weekmask) = 7)
);
INSERT INTO work_calendar (id) VALUES (1);

CREATE TABLE holidays (
    date TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE template_phases (
    position INTEGER PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,
    days     INTEGER NOT NULL CHECK (days BETWEEN 1 AND 250)
);
INSERT INTO template_phases (position, name, days) VALUES
    (0, 'Brainstorm', 5),
    (1, 'Propose change & execution methods', 5),
    (2, 'Send proposal to corporate', 1),
    (3, 'Corporate response', 4),
    (4, 'Put into motion', 5);

CREATE TABLE redesigns (
    id            TEXT PRIMARY KEY NOT NULL,
    touchpoint_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    start_date    TEXT NOT NULL
);
CREATE INDEX redesigns_touchpoint ON redesigns (touchpoint_id);

CREATE TABLE redesign_phases (
    redesign_id  TEXT NOT NULL REFERENCES redesigns (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 250),
    status       TEXT NOT NULL CHECK (status IN ('notStarted', 'inProgress', 'waiting', 'done')),
    actual_start TEXT,
    actual_end   TEXT,
    owner        TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (redesign_id, position)
);

CREATE TABLE redesign_history (
    redesign_id TEXT NOT NULL REFERENCES redesigns (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq         INTEGER NOT NULL,
    date        TEXT NOT NULL,
    phase       INTEGER NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (redesign_id, seq)
);
