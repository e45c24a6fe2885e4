-- Issue 4: products, product dossiers (QĐ 26/2026/QĐ-TTg Điều 6–7: Mẫu 01 registration form, the
-- Mẫu 02 self-assessment, evidence files), the commune's check (Mẫu 03) and its 15-working-day clock.
-- Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18): no newer features.

-- ---------------------------------------------------------------------------------------------
-- Products and their codes
-- ---------------------------------------------------------------------------------------------

-- The code (T)-(X)-(STT)-YYYY (QĐ 26/2026: province code, commune code, a sequence number kept by the
-- commune, year) draws its STT from here, under a row lock, so a number is handed out once and never
-- again, even when the product's dossier is later withdrawn.
CREATE TABLE product_code_sequences (
  rule_set_id    text NOT NULL,
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code   text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  year           integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  last_number    integer NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (rule_set_id, province_code, commune_code, year)
);

CREATE TABLE products (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  producer_id         uuid NOT NULL REFERENCES producers (id),
  -- Copied from the producer when created, so scope filters need no join.
  province_code       text NOT NULL,
  commune_code        text NOT NULL,
  name                text NOT NULL CHECK (length(trim(name)) BETWEEN 2 AND 200),
  product_set_number  integer NOT NULL CHECK (product_set_number BETWEEN 1 AND 26),
  -- The rule set the product is registered under (its code format and sequence belong to it).
  rule_set_id         text NOT NULL,
  product_code        text UNIQUE,
  code_year           integer,
  code_number         integer,
  code_assigned_at    timestamptz,
  created_by          uuid REFERENCES users (id),
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((product_code IS NULL) = (code_assigned_at IS NULL)),
  CHECK ((product_code IS NULL) = (code_year IS NULL) AND (product_code IS NULL) = (code_number IS NULL))
);
CREATE INDEX products_producer_idx ON products (producer_id);
CREATE INDEX products_scope_idx ON products (province_code, commune_code);
CREATE INDEX products_created_by_idx ON products (created_by);
-- One number of one sequence names one product, whatever the code text looks like.
CREATE UNIQUE INDEX products_code_number_key ON products (rule_set_id, province_code, commune_code, code_year, code_number)
  WHERE code_number IS NOT NULL;

-- ---------------------------------------------------------------------------------------------
-- Dossiers (hồ sơ sản phẩm)
-- ---------------------------------------------------------------------------------------------

-- The receipt number the commune writes on Mẫu 01: NNN/PĐK-(Mã tỉnh)-(Mã xã)-(Năm).
CREATE TABLE dossier_form_number_sequences (
  province_code  text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code   text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  year           integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  last_number    integer NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (province_code, commune_code, year)
);

CREATE TABLE dossiers (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  product_id               uuid NOT NULL REFERENCES products (id),
  producer_id              uuid NOT NULL REFERENCES producers (id),
  province_code            text NOT NULL,
  commune_code             text NOT NULL,
  -- Mẫu 01: Lần đầu / Nâng hạng / Đánh giá lại.
  type                     text NOT NULL CHECK (type IN ('first', 'upgrade', 're_evaluation')),
  rule_set_id              text NOT NULL,
  -- Mẫu 01 fields: the unit, its legal representative and contacts, samples, the signed commitment.
  applicant_name           text NOT NULL DEFAULT '',
  representative_name      text NOT NULL DEFAULT '',
  representative_position  text NOT NULL DEFAULT '',
  address                  text NOT NULL DEFAULT '',
  phone                    text NOT NULL DEFAULT '',
  email                    text,
  sample_count             integer CHECK (sample_count BETWEEN 0 AND 1000),
  commitment_accepted      boolean NOT NULL DEFAULT false,
  product_story            text NOT NULL DEFAULT '',
  -- Mẫu 02, the producer's self-assessment report.
  self_assessment_id       uuid REFERENCES self_assessments (id),
  status                   text NOT NULL DEFAULT 'draft' CHECK (status IN (
                             'draft', 'submitted', 'commune_reviewing', 'returned_for_supplement',
                             'resubmitted', 'forwarded_to_province', 'withdrawn')),
  form_number              text UNIQUE,
  submitted_at             timestamptz,
  received_at              timestamptz,
  -- The day the commune received the dossier: day 0 of its 15 working days (QĐ 26/2026 Đ.7.2).
  received_on              date,
  received_by              uuid REFERENCES users (id),
  -- The end of the last day of the commune's period (core/clock endOfLocalDate), recomputed at each
  -- transition from received_on and the suspensions; null before receipt and while the clock is paused.
  due_at                   timestamptz,
  forwarded_at             timestamptz,
  forwarded_by             uuid REFERENCES users (id),
  withdrawn_at             timestamptz,
  created_by               uuid REFERENCES users (id),
  version                  integer NOT NULL DEFAULT 1,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK ((received_on IS NULL) = (received_at IS NULL) AND (received_on IS NULL) = (form_number IS NULL)),
  CHECK (status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL),
  CHECK (status IN ('draft', 'submitted', 'withdrawn') OR received_on IS NOT NULL),
  CHECK ((status = 'forwarded_to_province') = (forwarded_at IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX dossiers_product_idx ON dossiers (product_id, created_at);
CREATE INDEX dossiers_producer_idx ON dossiers (producer_id, updated_at DESC);
CREATE INDEX dossiers_scope_idx ON dossiers (province_code, commune_code, status);
CREATE INDEX dossiers_self_assessment_idx ON dossiers (self_assessment_id);
CREATE INDEX dossiers_due_idx ON dossiers (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX dossiers_forwarded_idx ON dossiers (forwarded_at) WHERE forwarded_at IS NOT NULL;
CREATE INDEX dossiers_received_by_idx ON dossiers (received_by);
CREATE INDEX dossiers_forwarded_by_idx ON dossiers (forwarded_by);
CREATE INDEX dossiers_created_by_idx ON dossiers (created_by);
-- A product has at most one dossier in progress at the commune.
CREATE UNIQUE INDEX dossiers_one_open_per_product ON dossiers (product_id)
  WHERE status IN ('draft', 'submitted', 'commune_reviewing', 'returned_for_supplement', 'resubmitted');
-- A self-assessment report belongs to one dossier that is still alive.
CREATE UNIQUE INDEX dossiers_one_per_self_assessment ON dossiers (self_assessment_id)
  WHERE self_assessment_id IS NOT NULL AND status <> 'withdrawn';

-- A request for supplements (yêu cầu bổ sung hồ sơ) stops the commune's clock from the end of from_on
-- until to_on, the day the supplements arrived (core/clock Suspension). Only the latest may be open.
CREATE TABLE dossier_clock_suspensions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id       uuid NOT NULL REFERENCES dossiers (id),
  from_on          date NOT NULL,
  to_on            date,
  -- What the producer is asked to supply, item by item (shown to them as is).
  reasons          jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array' AND jsonb_array_length(reasons) >= 1),
  requested_by     uuid REFERENCES users (id),
  requested_at     timestamptz NOT NULL,
  supplemented_by  uuid REFERENCES users (id),
  supplemented_at  timestamptz,
  supplement_note  text,
  CHECK (to_on IS NULL OR to_on >= from_on),
  CHECK ((to_on IS NULL) = (supplemented_at IS NULL))
);
CREATE INDEX dossier_clock_suspensions_dossier_idx ON dossier_clock_suspensions (dossier_id, from_on);
CREATE UNIQUE INDEX dossier_clock_suspensions_one_open ON dossier_clock_suspensions (dossier_id) WHERE to_on IS NULL;
CREATE INDEX dossier_clock_suspensions_requested_by_idx ON dossier_clock_suspensions (requested_by);
CREATE INDEX dossier_clock_suspensions_supplemented_by_idx ON dossier_clock_suspensions (supplemented_by);

-- The dossier's history as its producer and officers see it (the audit log keeps the full record).
CREATE TABLE dossier_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Insertion order: several events may share one instant (a fixed clock, one request).
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  dossier_id     uuid NOT NULL REFERENCES dossiers (id),
  action         text NOT NULL CHECK (action IN ('created', 'edited', 'submitted', 'received', 'returned_for_supplement',
                   'supplemented', 'forwarded_to_province', 'withdrawn', 'commune_check_recorded', 'files_added',
                   'files_reused', 'file_removed')),
  from_status    text,
  to_status      text,
  note           text,
  actor_user_id  uuid REFERENCES users (id),
  occurred_at    timestamptz NOT NULL
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, seq);
CREATE INDEX dossier_events_actor_idx ON dossier_events (actor_user_id);

-- ---------------------------------------------------------------------------------------------
-- Files: one stored blob per content (sha256), referenced by as many dossiers as reuse it
-- ---------------------------------------------------------------------------------------------
CREATE TABLE stored_files (
  sha256       text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
  -- Detected from the content (file-type), never taken from the client.
  mime_type    text NOT NULL,
  storage_key  text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dossier_files (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id       uuid NOT NULL REFERENCES dossiers (id),
  sha256           text NOT NULL REFERENCES stored_files (sha256),
  -- The criterion of the score sheet the file is evidence for (e.g. "1.2"); null for the others.
  criterion_code   text CHECK (criterion_code ~ '^[0-9]+(\.[0-9]+)*$'),
  kind             text NOT NULL CHECK (kind IN ('evidence', 'story', 'packaging', 'label', 'lab_report', 'other')),
  original_name    text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  mime_type        text NOT NULL,
  size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
  -- Set when copied from an earlier dossier of the same product (upgrade, re-evaluation).
  reused_from_id   uuid REFERENCES dossier_files (id),
  uploaded_by      uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id, created_at);
CREATE INDEX dossier_files_sha256_idx ON dossier_files (sha256);
CREATE INDEX dossier_files_reused_from_idx ON dossier_files (reused_from_id);
CREATE INDEX dossier_files_uploaded_by_idx ON dossier_files (uploaded_by);
-- The same content filed twice for the same purpose in one dossier is one file.
CREATE UNIQUE INDEX dossier_files_same_content_key ON dossier_files (dossier_id, sha256, kind, coalesce(criterion_code, ''));

-- ---------------------------------------------------------------------------------------------
-- The commune's check (Mẫu 03, QĐ 26/2026 Đ.7.2): four items, each assessed in words and passed or not
-- ---------------------------------------------------------------------------------------------
CREATE TABLE commune_checks (
  dossier_id                 uuid PRIMARY KEY REFERENCES dossiers (id),
  dossier_complete           boolean NOT NULL,
  origin_assessment          text NOT NULL CHECK (length(trim(origin_assessment)) > 0),
  origin_passed              boolean NOT NULL,
  local_labour_assessment    text NOT NULL CHECK (length(trim(local_labour_assessment)) > 0),
  local_labour_passed        boolean NOT NULL,
  idea_origin_assessment     text NOT NULL CHECK (length(trim(idea_origin_assessment)) > 0),
  idea_origin_passed         boolean NOT NULL,
  local_identity_assessment  text NOT NULL CHECK (length(trim(local_identity_assessment)) > 0),
  local_identity_passed      boolean NOT NULL,
  conclusion                 text NOT NULL DEFAULT '',
  checked_by                 uuid REFERENCES users (id),
  checked_at                 timestamptz NOT NULL,
  updated_at                 timestamptz NOT NULL
);
CREATE INDEX commune_checks_checked_by_idx ON commune_checks (checked_by);
