-- Why each person is on a meeting's list: the chair, the host body's own
-- leaders and units, a guest, the press, or staff. Only guests and the press
-- are sent a giấy mời; the biên bản lists đại biểu chính thức, đại biểu mời and
-- báo chí apart. `Db::migrate` gives the people already listed their default
-- role (see `store::attendance::DEFAULT_ROLE`).
ALTER TABLE participant ADD COLUMN role TEXT NOT NULL DEFAULT 'guest'
    CHECK (role IN ('chair', 'host', 'guest', 'press', 'staff'));
