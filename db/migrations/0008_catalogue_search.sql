-- Issue 6: the public catalogue's read model. One narrow row per product that has a certificate: the
-- product and producer names (as registered today) folded by vn_unaccent() for search, its place and
-- product set, and its current certificate (the latest issued) with the dates its validity depends on.
-- Validity itself is never stored: queries compute it with certificate_status() on the day they run,
-- so a certificate turns expired at midnight without any job. Triggers keep the rows in step with
-- certificates, products and producers in the same transaction (docs/decisions/008).
-- Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18): no newer features.

CREATE TABLE catalogue_entries (
  product_id              uuid PRIMARY KEY REFERENCES products (id),
  producer_id             uuid NOT NULL REFERENCES producers (id),
  province_code           text NOT NULL,
  commune_code            text NOT NULL,
  product_set_number      integer NOT NULL,
  name                    text NOT NULL,
  producer_name           text NOT NULL,
  name_folded             text NOT NULL,
  producer_name_folded    text NOT NULL,
  -- "product name producer name", folded: one trigram-indexed column, so a query's words may come
  -- from either ("gao muong than").
  search_text             text NOT NULL,
  certificate_id          uuid NOT NULL REFERENCES certificates (id),
  stars                   integer NOT NULL,
  issued_on               date NOT NULL,
  expires_on              date NOT NULL,
  revoked_on              date,
  superseded_on           date,
  re_evaluation_filed_on  date,
  updated_at              timestamptz NOT NULL
);
CREATE INDEX catalogue_entries_search_idx ON catalogue_entries USING gin (search_text gin_trgm_ops);
CREATE INDEX catalogue_entries_scope_idx ON catalogue_entries (province_code, commune_code);
CREATE INDEX catalogue_entries_producer_idx ON catalogue_entries (producer_id);
CREATE INDEX catalogue_entries_certificate_idx ON catalogue_entries (certificate_id);
CREATE INDEX catalogue_entries_stars_idx ON catalogue_entries (stars DESC, name_folded);

-- A product's current certificate is its latest issued one.
CREATE INDEX certificates_product_latest_idx ON certificates (product_id, issued_on DESC, created_at DESC);

-- The public photos of a product come from its latest forwarded dossier.
CREATE INDEX dossiers_product_forwarded_idx ON dossiers (product_id, forwarded_at DESC) WHERE status = 'forwarded_to_province';

CREATE FUNCTION refresh_catalogue_entry(target uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_entries AS e (product_id, producer_id, province_code, commune_code, product_set_number, name, producer_name,
      name_folded, producer_name_folded, search_text, certificate_id, stars, issued_on, expires_on, revoked_on, superseded_on,
      re_evaluation_filed_on, updated_at)
  SELECT p.id, p.producer_id, p.province_code, p.commune_code, p.product_set_number, p.name, pr.name,
         vn_unaccent(p.name), vn_unaccent(pr.name), vn_unaccent(p.name) || ' ' || vn_unaccent(pr.name),
         c.id, c.stars, c.issued_on, c.expires_on, c.revoked_on, c.superseded_on, c.re_evaluation_filed_on,
         greatest(p.updated_at, pr.updated_at, c.updated_at)
    FROM products p
    JOIN producers pr ON pr.id = p.producer_id
    JOIN LATERAL (SELECT * FROM certificates c WHERE c.product_id = p.id ORDER BY c.issued_on DESC, c.created_at DESC LIMIT 1) c ON true
   WHERE p.id = target
  ON CONFLICT (product_id) DO UPDATE SET
    producer_id = excluded.producer_id, province_code = excluded.province_code, commune_code = excluded.commune_code,
    product_set_number = excluded.product_set_number, name = excluded.name, producer_name = excluded.producer_name,
    name_folded = excluded.name_folded, producer_name_folded = excluded.producer_name_folded, search_text = excluded.search_text,
    certificate_id = excluded.certificate_id, stars = excluded.stars, issued_on = excluded.issued_on,
    expires_on = excluded.expires_on, revoked_on = excluded.revoked_on, superseded_on = excluded.superseded_on,
    re_evaluation_filed_on = excluded.re_evaluation_filed_on, updated_at = excluded.updated_at;
END $$;

CREATE FUNCTION catalogue_entries_follow_certificates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_catalogue_entry(NEW.product_id);
  IF TG_OP = 'UPDATE' AND OLD.product_id <> NEW.product_id THEN
    PERFORM refresh_catalogue_entry(OLD.product_id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER catalogue_entries_follow_certificates AFTER INSERT OR UPDATE ON certificates
  FOR EACH ROW EXECUTE FUNCTION catalogue_entries_follow_certificates();

CREATE FUNCTION catalogue_entries_follow_products() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM catalogue_entries WHERE product_id = NEW.id) THEN
    PERFORM refresh_catalogue_entry(NEW.id);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER catalogue_entries_follow_products AFTER UPDATE OF name, producer_id, province_code, commune_code, product_set_number
  ON products FOR EACH ROW EXECUTE FUNCTION catalogue_entries_follow_products();

CREATE FUNCTION catalogue_entries_follow_producers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_catalogue_entry(e.product_id) FROM catalogue_entries e WHERE e.producer_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER catalogue_entries_follow_producers AFTER UPDATE OF name ON producers
  FOR EACH ROW EXECUTE FUNCTION catalogue_entries_follow_producers();

-- Products certified before this migration (imported registers).
SELECT refresh_catalogue_entry(p.id) FROM products p WHERE EXISTS (SELECT 1 FROM certificates c WHERE c.product_id = p.id);
