-- Several issuing bodies, and each meeting issues its documents as one of them.
--
-- An office may keep several bodies (a ban and its parent committee, the Đảng
-- uỷ and the UBND of a phường). `header_lines` holds the header exactly as the
-- body issues it ("THÀNH UỶ HÀ NỘI" / "BAN TUYÊN GIÁO VÀ DÂN VẬN" / "*"); empty
-- means "built from parent_name and name". A body is hidden, never deleted
-- (`deleted_at`), because meetings and the register keep pointing at it.
-- `superior` names the body above it as "Nơi nhận" does ("Thường trực Thành uỷ",
-- "UBND Thành phố"); empty: a Party department's is derived from its parent.
ALTER TABLE organisation ADD COLUMN header_lines TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN superior TEXT NOT NULL DEFAULT '';
-- Address, phone, e-mail: the contact block HD05 puts on a document's last page.
ALTER TABLE organisation ADD COLUMN contact TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN deleted_at TEXT;
ALTER TABLE organisation ADD COLUMN deleted_by TEXT;

-- The body a meeting's documents are issued by (NULL: none chosen yet; the
-- app asks before the first document), and who signs for it at this meeting
-- when it is not the body's usual signer (empty: the body's).
ALTER TABLE meeting ADD COLUMN organisation_id TEXT REFERENCES organisation(id);
ALTER TABLE meeting ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting ADD COLUMN signing_prefix TEXT NOT NULL DEFAULT '';

-- Until now one organisation issued everything: its meetings keep it.
UPDATE meeting SET organisation_id =
    (SELECT id FROM organisation ORDER BY updated_at DESC LIMIT 1);

-- The register is kept per body, and a number, once given, keeps the body and
-- signer it was issued with (`issuer`: the body as JSON at that moment), so
-- that editing the body later does not rewrite documents already signed.
ALTER TABLE document_number ADD COLUMN organisation_id TEXT NOT NULL DEFAULT '';
ALTER TABLE document_number ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
UPDATE document_number SET organisation_id = COALESCE(
    (SELECT organisation_id FROM meeting WHERE meeting.id = document_number.meeting_id), '');
DROP INDEX document_number_series;
CREATE INDEX document_number_series ON document_number(organisation_id, series, number);
