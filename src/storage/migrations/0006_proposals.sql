-- Schema version 6: the proposal a redesign sends to corporate, and corporate's answers. The
-- proposal's fields sit on the redesign; answers are kept in order, so a proposal sent back
-- and answered again keeps both. ended_on is the day a rejection ended the redesign.

ALTER TABLE redesigns ADD COLUMN problem TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN proposed_change TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN steps TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN plan_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN cost TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN employees TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN expected_effect TEXT NOT NULL DEFAULT '';
-- Not a foreign key: deleting a KPI leaves the proposal's words, and the link reads as none.
ALTER TABLE redesigns ADD COLUMN effect_kpi_id TEXT;
ALTER TABLE redesigns ADD COLUMN decision_requested TEXT NOT NULL DEFAULT '';
ALTER TABLE redesigns ADD COLUMN ended_on TEXT;

CREATE TABLE redesign_responses (
    redesign_id TEXT NOT NULL REFERENCES redesigns (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq         INTEGER NOT NULL,
    decision    TEXT NOT NULL CHECK (decision IN ('approved', 'changes', 'rejected')),
    date        TEXT NOT NULL,
    by_name     TEXT NOT NULL DEFAULT '',
    comment     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (redesign_id, seq)
);
