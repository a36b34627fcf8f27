-- Schema version 4: the live workshop room. A note remembers who wrote it (a participant's name;
-- empty for the facilitator's own), and cards take dot votes as notes do.

ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE touchpoints ADD COLUMN votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0);
