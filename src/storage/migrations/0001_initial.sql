-- Schema version 1 of the .journey project file.
-- Ids are UUID strings; every child row names the map it belongs to.

CREATE TABLE project (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT NOT NULL,
    intent_statement TEXT NOT NULL DEFAULT '',
    brand_promise    TEXT NOT NULL DEFAULT '',
    target_customers TEXT NOT NULL DEFAULT ''
);

CREATE TABLE personas (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    goals       TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE journey_maps (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('asIs', 'toBe')),
    persona_id  TEXT REFERENCES personas (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE stages (
    id          TEXT PRIMARY KEY NOT NULL,
    map_id      TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    width       REAL NOT NULL
);
CREATE INDEX stages_map ON stages (map_id);

CREATE TABLE lanes (
    id       TEXT PRIMARY KEY NOT NULL,
    map_id   TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name     TEXT NOT NULL,
    kind     TEXT NOT NULL,
    position INTEGER NOT NULL,
    height   REAL NOT NULL
);
CREATE INDEX lanes_map ON lanes (map_id);

CREATE TABLE touchpoints (
    id                   TEXT PRIMARY KEY NOT NULL,
    map_id               TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id             TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    lane_id              TEXT NOT NULL REFERENCES lanes (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    title                TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    channel              TEXT NOT NULL DEFAULT '',
    owner                TEXT NOT NULL DEFAULT '',
    x                    REAL NOT NULL,
    y                    REAL NOT NULL,
    width                REAL NOT NULL,
    height               REAL NOT NULL,
    emotion              INTEGER NOT NULL CHECK (emotion BETWEEN -3 AND 3),
    expectation          INTEGER NOT NULL CHECK (expectation BETWEEN 1 AND 5),
    performance          INTEGER NOT NULL CHECK (performance BETWEEN 1 AND 5),
    reliability          TEXT NOT NULL CHECK (reliability IN ('broken', 'reliable', 'differentiating')),
    moment_of_truth      INTEGER NOT NULL CHECK (moment_of_truth IN (0, 1)),
    moment_of_truth_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoints_stage ON touchpoints (stage_id);
CREATE INDEX touchpoints_lane ON touchpoints (lane_id);
CREATE INDEX touchpoints_map ON touchpoints (map_id);

CREATE TABLE connectors (
    id      TEXT PRIMARY KEY NOT NULL,
    map_id  TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    from_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    to_id   TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    label   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX connectors_from ON connectors (from_id);
CREATE INDEX connectors_to ON connectors (to_id);
CREATE INDEX connectors_map ON connectors (map_id);

CREATE TABLE notes (
    id       TEXT PRIMARY KEY NOT NULL,
    map_id   TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id TEXT REFERENCES stages (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    lane_id  TEXT REFERENCES lanes (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    text     TEXT NOT NULL,
    x        REAL NOT NULL,
    y        REAL NOT NULL,
    width    REAL NOT NULL,
    height   REAL NOT NULL,
    color    TEXT NOT NULL,
    votes    INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0)
);
CREATE INDEX notes_map ON notes (map_id);
CREATE INDEX notes_stage ON notes (stage_id);
CREATE INDEX notes_lane ON notes (lane_id);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY NOT NULL,
    map_id     TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id   TEXT NOT NULL REFERENCES stages (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    persona_id TEXT REFERENCES personas (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX stories_stage ON stories (stage_id);
CREATE INDEX stories_persona ON stories (persona_id);
