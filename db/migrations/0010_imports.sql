-- Issue 12: bringing a province's existing programme in. An import batch is one committed file; its
-- records say which producers, products, certificates and sales points it created (and so may remove on undo) and which
-- existing ones it only linked to.

CREATE TABLE import_batches (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code  text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('provincial_list', 'national_register', 'sales_points')),
  file_name      text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256    text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes     integer NOT NULL CHECK (file_bytes > 0),
  mapping        jsonb NOT NULL,
  counts         jsonb NOT NULL,
  status         text NOT NULL CHECK (status IN ('committed', 'undone')),
  created_by     uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  undone_by      uuid REFERENCES users (id),
  undone_at      timestamptz,
  CHECK ((status = 'undone') = (undone_at IS NOT NULL)),
  CHECK ((undone_by IS NULL) = (undone_at IS NULL))
);
-- The same file committed twice for a province is one batch (idempotent by content).
CREATE UNIQUE INDEX import_batches_file_key ON import_batches (province_code, file_sha256) WHERE status = 'committed';
CREATE INDEX import_batches_scope_idx ON import_batches (province_code, created_at DESC);
CREATE INDEX import_batches_created_by_idx ON import_batches (created_by);
CREATE INDEX import_batches_undone_by_idx ON import_batches (undone_by);

CREATE TABLE import_batch_records (
  batch_id     uuid NOT NULL REFERENCES import_batches (id),
  entity_type  text NOT NULL CHECK (entity_type IN ('producer', 'product', 'certificate', 'sales_point')),
  entity_id    uuid NOT NULL,
  action       text NOT NULL CHECK (action IN ('created', 'linked')),
  row_number   integer NOT NULL CHECK (row_number > 0),
  PRIMARY KEY (batch_id, entity_type, entity_id)
);
CREATE INDEX import_batch_records_entity_idx ON import_batch_records (entity_type, entity_id);

-- A column mapping a province saved to reuse for its next lists.
CREATE TABLE import_mappings (
  province_code  text NOT NULL,
  name           text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  mapping        jsonb NOT NULL,
  updated_by     uuid NOT NULL REFERENCES users (id),
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (province_code, name)
);
CREATE INDEX import_mappings_updated_by_idx ON import_mappings (updated_by);

-- The product code as printed on an earlier list (the old five-part code or the current form): kept as
-- written; a code of this system's sequence is assigned when the product is next recognised here.
ALTER TABLE products ADD COLUMN printed_code text CHECK (length(printed_code) <= 60);

-- Undoing an import deletes the certificates it created: the catalogue row that shows such a certificate
-- goes first (it references it), and the product's row is rebuilt from any certificate left.
CREATE FUNCTION catalogue_entries_forget_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalogue_entries WHERE certificate_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER catalogue_entries_forget_certificate BEFORE DELETE ON certificates
  FOR EACH ROW EXECUTE FUNCTION catalogue_entries_forget_certificate();

CREATE FUNCTION catalogue_entries_after_certificate_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_catalogue_entry(OLD.product_id);
  RETURN NULL;
END $$;
CREATE TRIGGER catalogue_entries_after_certificate_delete AFTER DELETE ON certificates
  FOR EACH ROW EXECUTE FUNCTION catalogue_entries_after_certificate_delete();
