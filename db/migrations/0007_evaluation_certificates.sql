-- Issue 5: evaluation rounds, councils and advisory teams, member score sheets, recognition decisions,
-- certificates (36 months), revocation, post-recognition inspections, notifications and durable jobs.
-- QĐ 26/2026/QĐ-TTg Đ.4–9 and Đ.12. Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18).

-- ---------------------------------------------------------------------------------------------
-- Rounds (đợt đánh giá): the province's (3★/4★) or the ministry's (5★), each with one council
-- and one advisory team, scored under one rule set
-- ---------------------------------------------------------------------------------------------
CREATE TABLE evaluation_rounds (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level                text NOT NULL CHECK (level IN ('province', 'central')),
  -- The province that runs it; null for the ministry's rounds.
  province_code        text,
  year                 integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  -- 'first' and 'second' are the two rounds Đ.5 requires; 'extra' rounds are allowed by the council's
  -- regulation; 're_evaluation' rounds decide by written consultation (Đ.7.6).
  kind                 text NOT NULL CHECK (kind IN ('first', 'second', 'extra', 're_evaluation')),
  title                text NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 200),
  rule_set_id          text NOT NULL,
  proposals_due_on     date NOT NULL,
  complete_by          date NOT NULL,
  -- The council's operating regulation (quy chế hoạt động): spread limit and quorum.
  max_spread           numeric(5, 2) NOT NULL DEFAULT 10 CHECK (max_spread >= 0 AND max_spread <= 100),
  quorum_fraction      numeric(4, 3) NOT NULL DEFAULT 0.75 CHECK (quorum_fraction > 0 AND quorum_fraction <= 1),
  chair_required       boolean NOT NULL DEFAULT true,
  status               text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'decided')),
  -- The council session that closed the scoring (biên bản họp hội đồng).
  session_held_on      date,
  session_place        text,
  closed_at            timestamptz,
  closed_by            uuid REFERENCES users (id),
  opened_by            uuid REFERENCES users (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK ((level = 'central') = (province_code IS NULL)),
  CHECK (complete_by >= proposals_due_on),
  CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX evaluation_rounds_scope_idx ON evaluation_rounds (level, province_code, status, proposals_due_on);
CREATE INDEX evaluation_rounds_opened_by_idx ON evaluation_rounds (opened_by);
CREATE INDEX evaluation_rounds_closed_by_idx ON evaluation_rounds (closed_by);

-- The council (chair and members, with their agencies) and the advisory team of a round.
CREATE TABLE round_members (
  round_id    uuid NOT NULL REFERENCES evaluation_rounds (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  role        text NOT NULL CHECK (role IN ('chair', 'member', 'advisory')),
  agency      text NOT NULL DEFAULT '',
  added_at    timestamptz NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE UNIQUE INDEX round_members_one_chair ON round_members (round_id) WHERE role = 'chair';
CREATE INDEX round_members_user_idx ON round_members (user_id);

-- A product dossier in a round. Central entries point at the province entry that proposed them.
CREATE TABLE round_entries (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id             uuid NOT NULL REFERENCES evaluation_rounds (id),
  dossier_id           uuid NOT NULL REFERENCES dossiers (id),
  product_id           uuid NOT NULL REFERENCES products (id),
  producer_id          uuid NOT NULL REFERENCES producers (id),
  province_code        text NOT NULL,
  commune_code         text NOT NULL,
  product_set_number   integer NOT NULL CHECK (product_set_number BETWEEN 1 AND 26),
  proposed_by_entry_id uuid REFERENCES round_entries (id),
  -- reviewing: the advisory team works on it; scoring: members score; decided: the result is final.
  status               text NOT NULL DEFAULT 'reviewing' CHECK (status IN (
                         'reviewing', 'supplement_requested', 'scoring', 'closed', 'decided', 'withdrawn')),
  -- Re-score number: a spread above the limit starts attempt n+1 (scores of attempt n are kept).
  attempt              integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  -- The scoring engine's result when the session closed (EvaluationScore), frozen with the rule set.
  result               jsonb,
  average_total        numeric(6, 3),
  stars                integer CHECK (stars BETWEEN 1 AND 5),
  outcome              text CHECK (outcome IN ('recognised', 'proposed_to_central', 'not_recognised',
                         'disqualified', 'stopped', 'no_quorum', 'recognised_from_central')),
  advisory_report      text,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  CHECK ((status IN ('closed', 'decided')) = (result IS NOT NULL) OR status = 'withdrawn')
);
CREATE UNIQUE INDEX round_entries_one_per_round ON round_entries (round_id, dossier_id);
-- A dossier is evaluated in one live entry per level at a time.
CREATE UNIQUE INDEX round_entries_one_live_per_dossier ON round_entries (dossier_id, (proposed_by_entry_id IS NULL))
  WHERE status NOT IN ('decided', 'withdrawn');
CREATE INDEX round_entries_round_idx ON round_entries (round_id, status);
CREATE INDEX round_entries_product_idx ON round_entries (product_id);
CREATE INDEX round_entries_producer_idx ON round_entries (producer_id);
CREATE INDEX round_entries_proposed_by_idx ON round_entries (proposed_by_entry_id);

-- What happened to an entry, as officials and the producer see it (the audit log keeps the full record):
-- advisory reviews, supplement and lab-test requests, site visits, the advisory report, conflicts,
-- re-score orders with the pair of members and their difference, closing, decisions.
CREATE TABLE round_entry_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  entry_id       uuid NOT NULL REFERENCES round_entries (id),
  action         text NOT NULL CHECK (action IN ('joined', 'advisory_review', 'supplement_requested',
                   'supplement_received', 'lab_test_requested', 'site_visit', 'advisory_report', 'scoring_opened',
                   'conflict_declared', 'score_submitted', 'rescore_ordered', 'closed', 'decided', 'withdrawn')),
  note           text,
  details        jsonb,
  happened_on    date,
  actor_user_id  uuid REFERENCES users (id),
  occurred_at    timestamptz NOT NULL
);
CREATE INDEX round_entry_events_entry_idx ON round_entry_events (entry_id, seq);
CREATE INDEX round_entry_events_actor_idx ON round_entry_events (actor_user_id);

-- A council member who declares a conflict of interest is excluded from scoring that product.
CREATE TABLE entry_conflicts (
  entry_id     uuid NOT NULL REFERENCES round_entries (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  reason       text NOT NULL CHECK (length(trim(reason)) >= 3),
  declared_at  timestamptz NOT NULL,
  PRIMARY KEY (entry_id, user_id)
);
CREATE INDEX entry_conflicts_user_idx ON entry_conflicts (user_id);

-- Each member's own score sheet for one attempt. A submitted sheet never changes (trigger below):
-- a re-score is a new attempt, a correction after the session is a new, audited act.
CREATE TABLE member_scores (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id           uuid NOT NULL REFERENCES round_entries (id),
  member_user_id     uuid NOT NULL REFERENCES users (id),
  attempt            integer NOT NULL CHECK (attempt >= 1),
  choices            jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(choices) = 'object'),
  disqualification_reason_id text,
  stop_rule_id       text,
  comment            text NOT NULL DEFAULT '',
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  total              numeric(6, 2),
  submitted_at       timestamptz,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE UNIQUE INDEX member_scores_one_per_attempt ON member_scores (entry_id, member_user_id, attempt);
CREATE INDEX member_scores_member_idx ON member_scores (member_user_id);

CREATE FUNCTION member_scores_keep_submitted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'a submitted score sheet cannot be changed or deleted (member_scores %)', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER member_scores_keep_submitted BEFORE UPDATE OR DELETE ON member_scores
  FOR EACH ROW EXECUTE FUNCTION member_scores_keep_submitted();

-- The competent authority's decision (quyết định công nhận): the provincial chair's for 3★/4★,
-- the minister's for 5★ (Đ.4). One decision per round, naming the entries it recognises.
CREATE TABLE recognition_decisions (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id         uuid NOT NULL UNIQUE REFERENCES evaluation_rounds (id),
  number           text NOT NULL CHECK (length(trim(number)) BETWEEN 1 AND 60),
  signed_on        date NOT NULL,
  signer_name      text NOT NULL CHECK (length(trim(signer_name)) >= 2),
  signer_title     text NOT NULL DEFAULT '',
  issuing_body     text NOT NULL,
  recorded_by      uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL
);
CREATE INDEX recognition_decisions_recorded_by_idx ON recognition_decisions (recorded_by);

-- ---------------------------------------------------------------------------------------------
-- Certificates (giấy chứng nhận), valid 36 months (Đ.4.3); revocation (Đ.8); inspections (Đ.9)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE certificate_number_sequences (
  issuer_code  text NOT NULL,
  year         integer NOT NULL,
  last_number  integer NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (issuer_code, year)
);

CREATE TABLE certificates (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The unguessable identifier of the public verification page (the QR target).
  public_token            text NOT NULL UNIQUE CHECK (public_token ~ '^[A-Za-z0-9_-]{20,64}$'),
  number                  text NOT NULL UNIQUE,
  product_id              uuid NOT NULL REFERENCES products (id),
  producer_id             uuid NOT NULL REFERENCES producers (id),
  province_code           text NOT NULL,
  commune_code            text NOT NULL,
  stars                   integer NOT NULL CHECK (stars BETWEEN 3 AND 5),
  rule_set_id             text NOT NULL,
  -- Names as printed on the certificate (the registry may change later).
  product_name            text NOT NULL,
  producer_name           text NOT NULL,
  level                   text NOT NULL CHECK (level IN ('province', 'central')),
  issuing_body            text NOT NULL,
  decision_number         text NOT NULL,
  entry_id                uuid REFERENCES round_entries (id),
  decision_id             uuid REFERENCES recognition_decisions (id),
  issued_on               date NOT NULL,
  expires_on              date NOT NULL,
  -- A re-evaluation dossier filed for this certificate (Đ.7.6.a; Đ.12.3 keeps a late filer's
  -- certificate valid until the result, at most 180 days after expiry).
  re_evaluation_filed_on  date,
  -- Replaced by the certificate of a re-evaluation or an upgrade.
  superseded_by           uuid REFERENCES certificates (id),
  superseded_on           date,
  revoked_on              date,
  -- GS1 GTIN of the product when the producer has one (the QR then follows GS1 Digital Link).
  gtin                    text CHECK (gtin ~ '^[0-9]{8}$|^[0-9]{12,14}$'),
  -- Imported from an earlier system or paper register, not issued here.
  is_imported             boolean NOT NULL DEFAULT false,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  version                 integer NOT NULL DEFAULT 1,
  CHECK (expires_on > issued_on),
  CHECK ((superseded_by IS NULL) = (superseded_on IS NULL))
);
CREATE INDEX certificates_product_idx ON certificates (product_id, issued_on DESC);
CREATE INDEX certificates_producer_idx ON certificates (producer_id);
CREATE INDEX certificates_scope_idx ON certificates (province_code, commune_code);
CREATE INDEX certificates_expires_idx ON certificates (expires_on);
CREATE INDEX certificates_entry_idx ON certificates (entry_id);
CREATE INDEX certificates_decision_idx ON certificates (decision_id);
CREATE INDEX certificates_superseded_by_idx ON certificates (superseded_by);

-- The one definition of a certificate's status on a day, used by every query (public pages, search,
-- open data, back office) so a revoked or expired certificate shows as such everywhere at once.
-- src/features/certificates/certificate-status.ts is the same rule in TypeScript (a test compares them).
--   revoked | superseded | valid | expiring (within the 180-day re-evaluation window before expiry)
--   | extended (expired, re-evaluation filed, ≤ 180 days after expiry: Đ.12.3) | expired
CREATE FUNCTION certificate_status(revoked_on date, superseded_on date, expires_on date,
                                   re_evaluation_filed_on date, on_day date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN revoked_on IS NOT NULL AND revoked_on <= on_day THEN 'revoked'
    WHEN superseded_on IS NOT NULL AND superseded_on <= on_day THEN 'superseded'
    WHEN on_day <= expires_on AND on_day > expires_on - 180 THEN 'expiring'
    WHEN on_day <= expires_on THEN 'valid'
    WHEN re_evaluation_filed_on IS NOT NULL AND on_day <= expires_on + 180 THEN 'extended'
    ELSE 'expired'
  END
$$;

-- Revocation (thu hồi), one of the six grounds of Đ.8, decided within 15 days of the finding.
CREATE TABLE certificate_revocations (
  certificate_id   uuid PRIMARY KEY REFERENCES certificates (id),
  ground           text NOT NULL CHECK (ground IN ('false_information', 'criteria_no_longer_met', 'law_violation',
                     'mark_misuse', 'production_stopped', 'authority_conclusion')),
  finding_on       date NOT NULL,
  decided_on       date NOT NULL,
  decision_number  text NOT NULL CHECK (length(trim(decision_number)) >= 1),
  reason           text NOT NULL CHECK (length(trim(reason)) >= 3),
  inspection_id    uuid,
  late             boolean NOT NULL,
  recorded_by      uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL,
  CHECK (decided_on >= finding_on)
);
CREATE INDEX certificate_revocations_recorded_by_idx ON certificate_revocations (recorded_by);

-- Post-recognition inspections (hậu kiểm, Đ.9): planned and ad hoc, with findings.
CREATE TABLE inspections (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certificate_id     uuid NOT NULL REFERENCES certificates (id),
  province_code      text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('planned', 'ad_hoc')),
  planned_on         date NOT NULL,
  inspected_on       date,
  inspecting_body    text NOT NULL DEFAULT '',
  -- Maintenance of the criteria; use of the OCOP mark and information (Đ.9.2).
  criteria_maintained boolean,
  mark_used_properly boolean,
  findings           text NOT NULL DEFAULT '',
  outcome            text CHECK (outcome IN ('compliant', 'remedy_required', 'violation')),
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            integer NOT NULL DEFAULT 1,
  CHECK ((outcome IS NULL) = (inspected_on IS NULL))
);
CREATE INDEX inspections_certificate_idx ON inspections (certificate_id, planned_on);
CREATE INDEX inspections_scope_idx ON inspections (province_code, planned_on);
CREATE INDEX inspections_created_by_idx ON inspections (created_by);
ALTER TABLE certificate_revocations ADD FOREIGN KEY (inspection_id) REFERENCES inspections (id);
CREATE INDEX certificate_revocations_inspection_idx ON certificate_revocations (inspection_id);

-- Verifications of a certificate through its public page, counted per day.
CREATE TABLE certificate_verifications (
  certificate_id  uuid NOT NULL REFERENCES certificates (id),
  day             date NOT NULL,
  count           integer NOT NULL CHECK (count >= 1),
  PRIMARY KEY (certificate_id, day)
);

-- ---------------------------------------------------------------------------------------------
-- Notifications (in-app) and durable scheduled jobs
-- ---------------------------------------------------------------------------------------------
CREATE TABLE notifications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid NOT NULL REFERENCES users (id),
  kind           text NOT NULL,
  title          text NOT NULL,
  body           text NOT NULL DEFAULT '',
  link           text,
  -- One notice per user per event: a job that runs twice does not notify twice.
  dedupe_key     text NOT NULL,
  created_at     timestamptz NOT NULL,
  read_at        timestamptz
);
CREATE UNIQUE INDEX notifications_dedupe_key ON notifications (user_id, dedupe_key);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);

-- A job runs when due, once, in the transaction that marks it done (core/jobs): two app processes
-- claim rows with FOR UPDATE SKIP LOCKED, and a crash rolls the claim back so the job runs again.
CREATE TABLE scheduled_jobs (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  -- What the job is about (e.g. a certificate id, or a day for a daily sweep); (name, key) is unique.
  key          text NOT NULL,
  run_at       timestamptz NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed', 'cancelled')),
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  finished_at  timestamptz,
  created_at   timestamptz NOT NULL,
  UNIQUE (name, key)
);
CREATE INDEX scheduled_jobs_due_idx ON scheduled_jobs (run_at) WHERE status = 'pending';
