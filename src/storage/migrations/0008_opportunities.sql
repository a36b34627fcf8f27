-- Schema version 8: opportunities, the ideas a workshop scores for value and effort before one
-- becomes a redesign. Each links to the touchpoints it concerns and to its evidence (feedback,
-- notes, KPIs); a link goes when what it points to is deleted, as in the app's memory.

CREATE TABLE opportunities (
    id          TEXT PRIMARY KEY NOT NULL,
    map_id      TEXT NOT NULL REFERENCES journey_maps (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stage_id    TEXT REFERENCES stages (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    value       INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    effort      INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
    status      TEXT NOT NULL CHECK (status IN ('idea', 'chosen', 'inRedesign', 'done', 'dropped')),
    raised_by   TEXT NOT NULL DEFAULT '',
    redesign_id TEXT REFERENCES redesigns (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX opportunities_map ON opportunities (map_id);
CREATE INDEX opportunities_stage ON opportunities (stage_id);
CREATE INDEX opportunities_redesign ON opportunities (redesign_id);

-- One row per link, in the opportunity's order; exactly one target column is set.
CREATE TABLE opportunity_links (
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL,
    touchpoint_id  TEXT REFERENCES touchpoints (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    feedback_id    TEXT REFERENCES feedback (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    note_id        TEXT REFERENCES notes (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kpi_id         TEXT REFERENCES kpis (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (opportunity_id, position),
    CHECK ((touchpoint_id IS NOT NULL) + (feedback_id IS NOT NULL) + (note_id IS NOT NULL)
           + (kpi_id IS NOT NULL) = 1)
);
CREATE INDEX opportunity_links_touchpoint ON opportunity_links (touchpoint_id);
CREATE INDEX opportunity_links_feedback ON opportunity_links (feedback_id);
CREATE INDEX opportunity_links_note ON opportunity_links (note_id);
CREATE INDEX opportunity_links_kpi ON opportunity_links (kpi_id);
