-- Each staff user's language for the staff pages (issue 15): English unless they choose Spanish.
ALTER TABLE staff_users ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));
