-- Producer self-assessments (Mẫu số 02, Part III of QĐ 26/2026): a draft score sheet on the criteria
-- sheet of a product set under a named rule set. Later attached to a dossier (issue 4).
CREATE TABLE self_assessments (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  producer_id         uuid NOT NULL REFERENCES producers (id),
  -- Copied from the producer when created, so scope filters need no join.
  province_code       text NOT NULL,
  commune_code        text NOT NULL,
  -- The rule set it is scored under, kept for ever even when a newer rule set comes into force.
  rule_set_id         text NOT NULL,
  product_set_number  integer NOT NULL CHECK (product_set_number BETWEEN 1 AND 26),
  product_name        text NOT NULL CHECK (length(product_name) BETWEEN 2 AND 200),
  choices             jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Derived from choices by the scoring engine at each save; null while the sheet is incomplete.
  total_points        numeric(6, 2) CHECK (total_points BETWEEN 0 AND 100),
  stars               smallint CHECK (stars BETWEEN 1 AND 5),
  status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'attached')),
  created_by          uuid REFERENCES users (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX self_assessments_producer_idx ON self_assessments (producer_id, updated_at DESC);
CREATE INDEX self_assessments_scope_idx ON self_assessments (province_code, commune_code);
CREATE INDEX self_assessments_created_by_idx ON self_assessments (created_by);
