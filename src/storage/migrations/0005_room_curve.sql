-- Schema version 5: the live room's emotion curve is kept with the map, so the canvas, the report
-- and the exports can draw it after the room has closed. Per stage: the mean of the participants'
-- ratings (-2..+2), the lowest and highest, and how many rated it; all NULL when nobody did.

ALTER TABLE stages ADD COLUMN room_mean REAL;
ALTER TABLE stages ADD COLUMN room_low INTEGER CHECK (room_low BETWEEN -2 AND 2);
ALTER TABLE stages ADD COLUMN room_high INTEGER CHECK (room_high BETWEEN -2 AND 2);
ALTER TABLE stages ADD COLUMN room_count INTEGER CHECK (room_count > 0);
