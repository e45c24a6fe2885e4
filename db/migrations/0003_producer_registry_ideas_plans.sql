-- Issue 4: the producer registry (legal representative, registration, certificates, duplicates and
-- merges), product ideas (cycle step 2), business plans (step 3) and per-province settings.
-- Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18): no newer features.

-- ---------------------------------------------------------------------------------------------
-- Producers: the registry
-- ---------------------------------------------------------------------------------------------

-- The key duplicate detection compares (src/features/producers/producer-name.ts, which is the source
-- of truth and writes producers.normalized_name): vn_unaccent(), punctuation to spaces, the words of a
-- legal form removed ("Hợp tác xã", "HTX", "Công ty TNHH", "Tổ hợp tác", …). Kept here to backfill the
-- rows that existed before this migration; a test checks that both give the same key.
CREATE OR REPLACE FUNCTION producer_name_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT coalesce(nullif(stripped, ''), folded)
      FROM (SELECT trim(regexp_replace(regexp_replace(' ' || folded || ' ',
                   ' (lien hiep hop tac xa|hop tac xa|htx|to hop tac|tht|cong ty trach nhiem huu han|cong ty tnhh|cong ty co phan|cong ty|cty|ctcp|tnhh|co phan|hai thanh vien tro len|mot thanh vien|mtv|doanh nghiep tu nhan|dntn|ho kinh doanh|hkd|ho san xuat|ho gia dinh|co so san xuat|co so|trang trai)(?= )',
                   ' ', 'g'), ' +', ' ', 'g')) AS stripped, folded
              FROM (SELECT trim(regexp_replace(vn_unaccent(value), '[^a-z0-9]+', ' ', 'g')) AS folded) AS f) AS s
  $$;

ALTER TABLE producers
  ADD COLUMN representative_name       text,
  -- QĐ 26/2026 criterion 3.2: a female or ethnic-minority legal representative scores a point.
  ADD COLUMN representative_gender     text CHECK (representative_gender IN ('female', 'male')),
  ADD COLUMN representative_ethnicity  text,
  ADD COLUMN representative_position   text,
  ADD COLUMN email                     text,
  ADD COLUMN website                   text,
  -- Giấy chứng nhận đăng ký doanh nghiệp / hợp tác xã / hộ kinh doanh.
  ADD COLUMN registration_number       text,
  ADD COLUMN registration_date         date,
  -- The tax code's owner: its first 10 digits (a branch's 13 share them), or a 12-digit personal ID.
  ADD COLUMN tax_code_root             text,
  ADD COLUMN normalized_name           text NOT NULL DEFAULT '',
  ADD COLUMN merged_into_id            uuid REFERENCES producers (id),
  ADD COLUMN merged_at                 timestamptz,
  ADD CONSTRAINT producers_not_merged_into_itself CHECK (merged_into_id IS NULL OR merged_into_id <> id),
  ADD CONSTRAINT producers_merge_complete CHECK ((merged_into_id IS NULL) = (merged_at IS NULL)),
  ADD CONSTRAINT producers_tax_code_shape CHECK (tax_code IS NULL OR tax_code ~ '^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$'),
  ADD CONSTRAINT producers_tax_code_root CHECK ((tax_code IS NULL) = (tax_code_root IS NULL));

-- Tax codes were only shape-checked before: bring "0314409058002" to the written form "0314409058-002"
-- (unless that would collide with another row, which the duplicate list then shows).
UPDATE producers p SET tax_code = left(p.tax_code, 10) || '-' || right(p.tax_code, 3)
 WHERE p.tax_code ~ '^[0-9]{13}$'
   AND NOT EXISTS (SELECT 1 FROM producers o WHERE o.tax_code = left(p.tax_code, 10) || '-' || right(p.tax_code, 3));
UPDATE producers SET tax_code = NULL WHERE tax_code IS NOT NULL AND tax_code !~ '^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$';
UPDATE producers SET tax_code_root = CASE WHEN tax_code ~ '^[0-9]{12}$' THEN tax_code ELSE left(tax_code, 10) END
 WHERE tax_code IS NOT NULL;
UPDATE producers SET normalized_name = producer_name_key(name);

CREATE INDEX producers_duplicate_name_idx ON producers (commune_code, normalized_name) WHERE merged_into_id IS NULL;
CREATE INDEX producers_tax_code_root_idx ON producers (tax_code_root) WHERE tax_code_root IS NOT NULL;
CREATE INDEX producers_merged_into_idx ON producers (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- Certificates a producer holds (food-safety eligibility, production licence, quality declaration,
-- trademark, geographical indication, …): evidence for the criteria of the score sheet.
CREATE TABLE producer_certificates (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  producer_id  uuid NOT NULL REFERENCES producers (id),
  kind         text NOT NULL CHECK (kind IN ('food_safety', 'production_licence', 'quality_declaration',
                 'trademark', 'geographical_indication', 'other')),
  number       text NOT NULL CHECK (length(trim(number)) > 0),
  issued_on    date,
  expires_on   date,
  issuer       text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX producer_certificates_producer_idx ON producer_certificates (producer_id);
CREATE INDEX producer_certificates_expiry_idx ON producer_certificates (expires_on) WHERE expires_on IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Product ideas (phiếu đăng ký ý tưởng sản phẩm), cycle step 2 (QĐ 490/2018)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE product_ideas (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  producer_id     uuid NOT NULL REFERENCES producers (id),
  -- Copied from the producer, so scope filters and funnel counts need no join.
  province_code   text NOT NULL,
  commune_code    text NOT NULL,
  year            integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  product_name    text NOT NULL CHECK (length(trim(product_name)) >= 2),
  product_set     smallint NOT NULL CHECK (product_set BETWEEN 1 AND 26),
  description     text NOT NULL,
  raw_materials   text,
  market          text,
  status          text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'passed', 'rejected')),
  -- 1 for the first submission; each resubmission after a return adds one ("trượt lần 1/2/3").
  round           integer NOT NULL DEFAULT 1 CHECK (round >= 1),
  submitted_at    timestamptz NOT NULL,
  decided_at      timestamptz,
  registered_by   uuid REFERENCES users (id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status IN ('passed', 'rejected')) = (decided_at IS NOT NULL))
);
CREATE INDEX product_ideas_producer_idx ON product_ideas (producer_id);
CREATE INDEX product_ideas_scope_idx ON product_ideas (province_code, commune_code, year);
CREATE INDEX product_ideas_year_status_idx ON product_ideas (year, status);
CREATE INDEX product_ideas_registered_by_idx ON product_ideas (registered_by);

CREATE TABLE idea_appraisals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idea_id       uuid NOT NULL REFERENCES product_ideas (id),
  round         integer NOT NULL CHECK (round >= 1),
  outcome       text NOT NULL CHECK (outcome IN ('passed', 'returned', 'rejected')),
  reasons       text,
  -- Which level appraised: the commune (since July 2025) or the province.
  level         text NOT NULL CHECK (level IN ('commune', 'province', 'national')),
  appraised_by  uuid REFERENCES users (id),
  appraised_at  timestamptz NOT NULL,
  UNIQUE (idea_id, round),
  CHECK (outcome = 'passed' OR length(trim(coalesce(reasons, ''))) > 0)
);
CREATE INDEX idea_appraisals_appraised_by_idx ON idea_appraisals (appraised_by);

-- ---------------------------------------------------------------------------------------------
-- Province settings: rules a province sets in its own OCOP plan
-- ---------------------------------------------------------------------------------------------
CREATE TABLE province_settings (
  province_code                text PRIMARY KEY CHECK (province_code ~ '^[0-9]{2}$'),
  -- Days the commune has to forward a business plan it received to the province (none by default:
  -- a provincial-plan rule, not national law; see ocop-domain.md §2.2), how they are counted and
  -- what happens when the commune misses it.
  plan_forwarding_days         integer CHECK (plan_forwarding_days BETWEEN 1 AND 90),
  plan_forwarding_day_kind     text CHECK (plan_forwarding_day_kind IN ('calendar', 'working')),
  plan_forwarding_consequence  text CHECK (plan_forwarding_consequence IN ('no_product_this_year', 'flag_late')),
  version                      integer NOT NULL DEFAULT 1,
  updated_at                   timestamptz NOT NULL DEFAULT now(),
  updated_by                   uuid REFERENCES users (id),
  CHECK ((plan_forwarding_days IS NULL) = (plan_forwarding_day_kind IS NULL)
     AND (plan_forwarding_days IS NULL) = (plan_forwarding_consequence IS NULL))
);
CREATE INDEX province_settings_updated_by_idx ON province_settings (updated_by);

-- ---------------------------------------------------------------------------------------------
-- Business plans (phương án / dự án sản xuất kinh doanh), cycle step 3
-- ---------------------------------------------------------------------------------------------
CREATE TABLE business_plans (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idea_id                  uuid NOT NULL UNIQUE REFERENCES product_ideas (id),
  producer_id              uuid NOT NULL REFERENCES producers (id),
  province_code            text NOT NULL,
  commune_code             text NOT NULL,
  year                     integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  title                    text NOT NULL CHECK (length(trim(title)) >= 2),
  summary                  text NOT NULL,
  total_investment_vnd     bigint CHECK (total_investment_vnd >= 0),
  expected_revenue_vnd     bigint CHECK (expected_revenue_vnd >= 0),
  status                   text NOT NULL DEFAULT 'submitted' CHECK (status IN (
                             'submitted', 'forwarding_overdue', 'forwarded', 'returned', 'approved')),
  round                    integer NOT NULL DEFAULT 1 CHECK (round >= 1),
  -- When the commune received it; the forwarding deadline runs from here.
  received_at              timestamptz NOT NULL,
  due_at                   timestamptz,
  -- The province's rule as it stood at receipt: a later change of the settings does not move this deadline.
  forwarding_days          integer,
  forwarding_day_kind      text CHECK (forwarding_day_kind IN ('calendar', 'working')),
  forwarding_consequence   text CHECK (forwarding_consequence IN ('no_product_this_year', 'flag_late')),
  forwarded_at             timestamptz,
  overdue_at               timestamptz,
  overdue_consequence      text CHECK (overdue_consequence IN ('no_product_this_year', 'flag_late')),
  decided_at               timestamptz,
  submitted_by             uuid REFERENCES users (id),
  version                  integer NOT NULL DEFAULT 1,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK ((due_at IS NULL) = (forwarding_consequence IS NULL)),
  CHECK ((forwarding_days IS NULL) = (forwarding_consequence IS NULL)
     AND (forwarding_days IS NULL) = (forwarding_day_kind IS NULL)),
  CHECK ((overdue_at IS NULL) = (overdue_consequence IS NULL)),
  CHECK (status <> 'forwarding_overdue' OR overdue_at IS NOT NULL),
  CHECK (status NOT IN ('forwarded', 'approved') OR forwarded_at IS NOT NULL)
);
CREATE INDEX business_plans_producer_idx ON business_plans (producer_id);
CREATE INDEX business_plans_scope_idx ON business_plans (province_code, commune_code, year);
CREATE INDEX business_plans_due_idx ON business_plans (due_at) WHERE status = 'submitted' AND due_at IS NOT NULL;
CREATE INDEX business_plans_submitted_by_idx ON business_plans (submitted_by);

CREATE TABLE business_plan_reviews (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES business_plans (id),
  round        integer NOT NULL CHECK (round >= 1),
  outcome      text NOT NULL CHECK (outcome IN ('approved', 'returned')),
  reasons      text,
  reviewed_by  uuid REFERENCES users (id),
  reviewed_at  timestamptz NOT NULL,
  UNIQUE (plan_id, round),
  CHECK (outcome = 'approved' OR length(trim(coalesce(reasons, ''))) > 0)
);
CREATE INDEX business_plan_reviews_reviewed_by_idx ON business_plan_reviews (reviewed_by);

-- State support given to carry out an approved plan (cycle step 4).
CREATE TABLE business_plan_supports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES business_plans (id),
  kind         text NOT NULL CHECK (kind IN ('training', 'consulting', 'credit', 'packaging_label_design', 'technology', 'other')),
  provided_on  date NOT NULL,
  amount_vnd   bigint NOT NULL DEFAULT 0 CHECK (amount_vnd >= 0),
  provider     text NOT NULL CHECK (length(trim(provider)) > 0),
  note         text,
  recorded_by  uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX business_plan_supports_plan_idx ON business_plan_supports (plan_id, provided_on);
CREATE INDEX business_plan_supports_recorded_by_idx ON business_plan_supports (recorded_by);
