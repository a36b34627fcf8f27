-- Schema version 7: how the project presents itself in what managers hand to corporate — the
-- organisation's name, who the reports are for, its colour and logo (PNG or SVG, at most
-- 512 KB) — and the report options last chosen (sections comma-separated; empty for all).

ALTER TABLE project ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN prepared_for TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN accent TEXT NOT NULL DEFAULT ''
    CHECK (accent = '' OR accent GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]');
ALTER TABLE project ADD COLUMN logo_type TEXT CHECK (logo_type IN ('image/png', 'image/svg+xml'));
ALTER TABLE project ADD COLUMN logo BLOB CHECK (logo IS NULL OR length(logo) <= 524288);
ALTER TABLE project ADD COLUMN report_paper TEXT NOT NULL DEFAULT 'a4'
    CHECK (report_paper IN ('a4', 'letter', 'a3'));
ALTER TABLE project ADD COLUMN report_sections TEXT NOT NULL DEFAULT '';
ALTER TABLE project ADD COLUMN report_author TEXT NOT NULL DEFAULT '';
