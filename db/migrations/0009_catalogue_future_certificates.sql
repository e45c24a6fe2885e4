-- A certificate may be recorded before its date (issued_on after today). catalogue_entries keeps a
-- product's latest certificate by issue date; the triggers cannot know "today", so the catalogue's
-- queries (catalogue.repository.ts) treat an entry whose certificate is dated after the day they run
-- as not current yet: they show the product's latest certificate issued by then, or leave it out.
-- Those entries are rare; this index finds them without reading every entry.
CREATE INDEX catalogue_entries_issued_on_idx ON catalogue_entries (issued_on);
