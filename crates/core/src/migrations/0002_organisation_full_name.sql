-- The organisation's name as a sentence uses it ("Ban Tuyên giáo Thành uỷ Hà Nội"),
-- for the body text of documents; the header keeps the upper-case lines.
ALTER TABLE organisation ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
