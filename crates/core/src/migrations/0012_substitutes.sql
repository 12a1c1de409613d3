-- "Dự thay": an invited delegate who cannot come sends someone in their
-- place. The seat counts as attended (the invitee's own attendance events
-- record when it was taken); these say who sat in it, for the attendance
-- list and the biên bản. Empty: the invitee came in person.
ALTER TABLE participant ADD COLUMN substitute_name TEXT NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN substitute_title TEXT NOT NULL DEFAULT '';
