-- Schema version 12: a persona's portrait, PNG or JPEG, already shrunk to at most 512 pixels a
-- side and 256 KB; initials stand in without one. All four columns are set, or none.

ALTER TABLE personas ADD COLUMN picture_type TEXT CHECK (picture_type IN ('image/png', 'image/jpeg'));
ALTER TABLE personas ADD COLUMN picture_width INTEGER CHECK (picture_width BETWEEN 1 AND 512);
ALTER TABLE personas ADD COLUMN picture_height INTEGER CHECK (picture_height BETWEEN 1 AND 512);
ALTER TABLE personas ADD COLUMN picture BLOB CHECK (
    (picture IS NULL AND picture_type IS NULL AND picture_width IS NULL AND picture_height IS NULL)
    OR (picture_type IS NOT NULL AND picture_width IS NOT NULL AND picture_height IS NOT NULL
        AND length(picture) <= 262144));
