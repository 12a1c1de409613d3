-- The agenda as it actually runs: when the secretary started and ended each
-- item (local "YYYY-MM-DDTHH:MM"; NULL: not yet). Planned times stay
-- computed from durations (the printed chương trình); the times expected
-- for later items shift when an item runs late (`store/agenda.rs`).
ALTER TABLE agenda_item ADD COLUMN started_at TEXT;
ALTER TABLE agenda_item ADD COLUMN ended_at TEXT;
