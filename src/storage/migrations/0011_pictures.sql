-- Schema version 11: a picture on a card (one each), PNG or JPEG, already shrunk to at most
-- 1600 pixels a side and 1 MB. It goes with its card.

CREATE TABLE pictures (
    id            TEXT PRIMARY KEY NOT NULL,
    map_id        TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    touchpoint_id TEXT NOT NULL UNIQUE REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    media_type    TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width         INTEGER NOT NULL CHECK (width BETWEEN 1 AND 1600),
    height        INTEGER NOT NULL CHECK (height BETWEEN 1 AND 1600),
    data          BLOB NOT NULL CHECK (length(data) <= 1048576)
);
CREATE INDEX pictures_map ON pictures (map_id);
