-- Issue 13 point 5: the national lists page by index (core/db/query-builder.ts#selectKeysetPage,
-- decision 016). Each index is the sort key of a list, with the equality filter it is scoped by first,
-- so a page (or the page after a cursor) reads its 50 rows from the index instead of sorting them all.

-- GET /api/dossiers: last changed first, for the ministry, a province, a status.
CREATE INDEX dossiers_recent_idx ON dossiers (updated_at DESC, id DESC);
-- The ministry sees forwarded dossiers only (dossiers.policy.ts, stage 'forwarded').
CREATE INDEX dossiers_forwarded_recent_idx ON dossiers (updated_at DESC, id DESC) WHERE forwarded_at IS NOT NULL;
CREATE INDEX dossiers_province_recent_idx ON dossiers (province_code, updated_at DESC, id DESC);
CREATE INDEX dossiers_status_recent_idx ON dossiers (status, updated_at DESC, id DESC);

-- The province and commune queues: what waits, by deadline.
CREATE INDEX dossiers_province_queue_idx ON dossiers (province_code, status, due_at, submitted_at, updated_at);

-- Open data: products and producers by province, then name.
CREATE INDEX products_listing_idx ON products (province_code, name, id);
CREATE INDEX producers_listing_idx ON producers (province_code, name, id) WHERE merged_into_id IS NULL;

-- GET /api/certificates and open-data certificates: newest first.
CREATE INDEX certificates_recent_idx ON certificates (issued_on DESC, number DESC, id DESC);
