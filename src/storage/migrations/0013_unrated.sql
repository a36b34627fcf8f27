-- Schema version 13: a touchpoint can be "unrated", which new cards are until someone judges
-- them, so counts and reports no longer call every new card reliable. SQLite cannot change a
-- CHECK constraint in place: the table is rebuilt (SQLite's documented procedure; the caller
-- turns foreign keys off around the migration and checks them before it commits). The columns,
-- their order and the indexes are those of version 12; only the constraint on reliability grows.
CREATE TABLE touchpoints_v13 (
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
    reliability          TEXT NOT NULL CHECK (reliability IN ('unrated', 'broken', 'reliable', 'differentiating')),
    moment_of_truth      INTEGER NOT NULL CHECK (moment_of_truth IN (0, 1)),
    moment_of_truth_note TEXT NOT NULL DEFAULT '',
    votes                INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0)
);
INSERT INTO touchpoints_v13 (
    id, map_id, stage_id, lane_id, title, description, channel, owner, x, y, width, height,
    emotion, expectation, performance, reliability, moment_of_truth, moment_of_truth_note, votes
)
SELECT
    id, map_id, stage_id, lane_id, title, description, channel, owner, x, y, width, height,
    emotion, expectation, performance, reliability, moment_of_truth, moment_of_truth_note, votes
FROM touchpoints ORDER BY rowid;
DROP TABLE touchpoints;
ALTER TABLE touchpoints_v13 RENAME TO touchpoints;
CREATE INDEX touchpoints_stage ON touchpoints (stage_id);
CREATE INDEX touchpoints_lane ON touchpoints (lane_id);
CREATE INDEX touchpoints_map ON touchpoints (map_id);
