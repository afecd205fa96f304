-- A waiting-list entry whose clinic, provider or visit type is retired can never be offered a
-- time (offers go only to active ones), so it is closed and its patient told (issue 15): a fifth
-- way for an entry to end, besides booked, expired and left.
ALTER TABLE waitlist_entries DROP CONSTRAINT waitlist_entries_status_check;
ALTER TABLE waitlist_entries ADD CONSTRAINT waitlist_entries_status_check
  CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'left', 'closed'));
