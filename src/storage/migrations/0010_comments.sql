-- Schema version 10: threaded comments on cards, sticky notes and opportunities. A thread is a
-- comment without a parent and its replies; whether it is resolved is kept on the first one.
-- A comment goes with what it is about (one target column is set).

CREATE TABLE comments (
    id             TEXT PRIMARY KEY NOT NULL,
    map_id         TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    touchpoint_id  TEXT REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    note_id        TEXT REFERENCES notes (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    opportunity_id TEXT REFERENCES opportunities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    parent_id      TEXT REFERENCES comments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    author         TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL,
    created        TEXT NOT NULL,
    resolved       INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    CHECK ((touchpoint_id IS NOT NULL) + (note_id IS NOT NULL) + (opportunity_id IS NOT NULL) = 1)
);
CREATE INDEX comments_map ON comments (map_id);
CREATE INDEX comments_touchpoint ON comments (touchpoint_id);
CREATE INDEX comments_note ON comments (note_id);
CREATE INDEX comments_opportunity ON comments (opportunity_id);
CREATE INDEX comments_parent ON comments (parent_id);
