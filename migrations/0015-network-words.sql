-- Words that belong to a network, not to the code (so another network needs no code change):
-- the area it serves and a line about its specialists for the home page, names for its clinics'
-- time zones ("Arizona time"; otherwise the zone's standard name), and the visit types a
-- self-check result leads to (same day / a first visit).
ALTER TABLE network ADD COLUMN area jsonb;
ALTER TABLE network ADD COLUMN highlight jsonb;
ALTER TABLE network ADD COLUMN time_zone_names jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE network ADD COLUMN self_check_visit_types jsonb NOT NULL DEFAULT '{}'::jsonb;

-- A database loaded with the demo network before this migration keeps the words it showed.
UPDATE network SET
  area = '{"en": "the Phoenix area", "es": "el área de Phoenix"}'::jsonb,
  highlight = '{"en": "Pain management with a specialist, including Dr. Ben Evans in Scottsdale.", "es": "Manejo del dolor con un especialista, incluido el Dr. Ben Evans en Scottsdale."}'::jsonb,
  time_zone_names = '{"America/Phoenix": {"en": "Arizona time", "es": "hora de Arizona"}}'::jsonb,
  self_check_visit_types = '{"sameDay": "back-pain-visit", "visit": "new-patient-pain-consultation"}'::jsonb
WHERE name = 'Carepath Clinics' AND EXISTS (SELECT 1 FROM locations WHERE is_demo);
