-- Keys for the other two orders a list can be shown and printed in (the
-- `listOrder` setting): by given name ("tên", then họ and đệm) and by unit.
-- Like `sort_key`, their byte order is Vietnamese alphabetical order; the
-- store computes them (`text::given_name_key`, `text::sort_key`).
ALTER TABLE person ADD COLUMN given_key TEXT NOT NULL DEFAULT '';
ALTER TABLE person ADD COLUMN unit_key TEXT NOT NULL DEFAULT '';

-- A new order changes every list: the kept lists are read again.
CREATE TRIGGER settings_changed AFTER UPDATE ON meta WHEN NEW.key = 'format_settings'
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER settings_added AFTER INSERT ON meta WHEN NEW.key = 'format_settings'
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
