-- Schema version 9: personas as first-class records (a quote, needs, pains and context beside
-- the goals), the other personas a map follows (up to four, in the legend's order), and how a
-- card feels to each of them where that differs from the card's own emotion.

ALTER TABLE personas ADD COLUMN quote TEXT NOT NULL DEFAULT '';
ALTER TABLE personas ADD COLUMN needs TEXT NOT NULL DEFAULT '';
ALTER TABLE personas ADD COLUMN pains TEXT NOT NULL DEFAULT '';
ALTER TABLE personas ADD COLUMN context TEXT NOT NULL DEFAULT '';

CREATE TABLE map_personas (
    map_id     TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,
    persona_id TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (map_id, position),
    UNIQUE (map_id, persona_id)
);
CREATE INDEX map_personas_persona ON map_personas (persona_id);

CREATE TABLE touchpoint_feelings (
    touchpoint_id TEXT NOT NULL REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    persona_id    TEXT NOT NULL REFERENCES personas (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position      INTEGER NOT NULL,
    emotion       INTEGER NOT NULL CHECK (emotion BETWEEN -3 AND 3),
    PRIMARY KEY (touchpoint_id, persona_id)
);
CREATE INDEX touchpoint_feelings_persona ON touchpoint_feelings (persona_id);
