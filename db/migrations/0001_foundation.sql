-- OCOP Hub foundation: text search helpers, administrative units (versioned), users and sessions,
-- producers (the registry grows in later migrations) and the hash-chained audit log.
-- Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18): no newer features.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Folds Vietnamese text for search: no tone marks, đ → d, lower case. Must match foldVietnamese()
-- in src/core/text.ts. IMMUTABLE (with the dictionary named) so it can back an index.
CREATE OR REPLACE FUNCTION vn_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(regexp_replace(translate(public.unaccent('public.unaccent'::regdictionary, value), 'đĐ', 'dd'), '\s+', ' ', 'g')) $$;

-- Administrative units: each official list is a version with its period of validity. Records keep
-- the code of the version they were made under (Nghị quyết 202/2025/QH15, QĐ 19/2025/QĐ-TTg).
CREATE TABLE admin_unit_versions (
  id           text PRIMARY KEY,
  name         text NOT NULL,
  valid_from   date,
  valid_to     date,
  legal_basis  text NOT NULL,
  source       jsonb NOT NULL,
  loaded_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);

CREATE TABLE admin_units (
  version_id     text NOT NULL REFERENCES admin_unit_versions (id),
  level          text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code           text NOT NULL,
  name           text NOT NULL,
  full_name      text NOT NULL,
  type_name      text NOT NULL,
  name_en        text,
  parent_code    text,
  province_code  text NOT NULL,
  -- "unit, parent, province" folded by vn_unaccent(), filled at load: one indexable column to search.
  search_text    text NOT NULL DEFAULT '',
  PRIMARY KEY (version_id, level, code)
);
-- Official codes differ in length by level (2, 3 and 5 digits), so a code alone names a unit in a version.
CREATE UNIQUE INDEX admin_units_code_key ON admin_units (version_id, code);
CREATE INDEX admin_units_parent_idx ON admin_units (version_id, parent_code);
CREATE INDEX admin_units_province_idx ON admin_units (version_id, province_code, level);
CREATE INDEX admin_units_search_idx ON admin_units USING gin (search_text gin_trgm_ops);

-- Which units of one version became which units of the next. A unit split between several
-- successors has several rows; is_partial marks "a part of" in the merger descriptions.
CREATE TABLE admin_unit_successions (
  from_version  text NOT NULL,
  from_level    text NOT NULL,
  from_code     text NOT NULL,
  to_version    text NOT NULL,
  to_level      text NOT NULL,
  to_code       text NOT NULL,
  is_partial    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (from_version, from_level, from_code, to_version, to_level, to_code),
  FOREIGN KEY (from_version, from_level, from_code) REFERENCES admin_units (version_id, level, code),
  FOREIGN KEY (to_version, to_level, to_code) REFERENCES admin_units (version_id, level, code)
);
CREATE INDEX admin_unit_successions_to_idx ON admin_unit_successions (to_version, to_level, to_code);

-- Producers (chủ thể OCOP). Only what the foundation needs for ownership and scope; the registry
-- (issue 4) extends this table.
CREATE TABLE producers (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  legal_form     text NOT NULL CHECK (legal_form IN (
                   'cooperative', 'cooperative_group', 'enterprise', 'farm', 'household', 'association')),
  tax_code       text UNIQUE,
  province_code  text NOT NULL,
  commune_code   text NOT NULL,
  address        text,
  phone          text,
  is_demo        boolean NOT NULL DEFAULT false,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX producers_scope_idx ON producers (province_code, commune_code);
CREATE INDEX producers_search_idx ON producers USING gin (vn_unaccent(name) gin_trgm_ops);

CREATE TABLE users (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username               text NOT NULL,
  display_name           text NOT NULL,
  email                  text,
  password_hash          text NOT NULL,
  role                   text NOT NULL CHECK (role IN ('producer', 'commune_officer', 'province_office',
                           'council_member', 'advisory_member', 'ministry_officer', 'system_admin')),
  scope_province_code    text,
  scope_commune_code     text,
  producer_id            uuid REFERENCES producers (id),
  is_active              boolean NOT NULL DEFAULT true,
  is_demo                boolean NOT NULL DEFAULT false,
  must_change_password   boolean NOT NULL DEFAULT false,
  locale                 text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en')),
  version                integer NOT NULL DEFAULT 1,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  -- The last defence for the scope rules of src/core/auth/roles.ts.
  CHECK (role <> 'commune_officer' OR (scope_province_code IS NOT NULL AND scope_commune_code IS NOT NULL)),
  CHECK (role <> 'province_office' OR (scope_province_code IS NOT NULL AND scope_commune_code IS NULL)),
  CHECK (role <> 'producer' OR producer_id IS NOT NULL),
  CHECK (role NOT IN ('system_admin', 'ministry_officer') OR (scope_province_code IS NULL AND scope_commune_code IS NULL)),
  CHECK (scope_commune_code IS NULL OR scope_province_code IS NOT NULL)
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_producer_idx ON users (producer_id);
CREATE INDEX users_scope_idx ON users (scope_province_code, scope_commune_code);

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- sha256 of the cookie token; the token itself is never stored
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

CREATE TABLE login_attempts (
  id            bigserial PRIMARY KEY,
  username      text NOT NULL,
  ip            text NOT NULL,
  succeeded     boolean NOT NULL,
  attempted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (lower(username), attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

-- Append-only, hash-chained audit log (src/core/audit.ts). Each event's hash covers its content and
-- the previous event's hash, so editing, deleting or inserting an event breaks the chain.
CREATE TABLE audit_events (
  seq            bigserial PRIMARY KEY,
  id             uuid NOT NULL UNIQUE,
  occurred_at    timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_label    text NOT NULL,
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  before         jsonb,
  after          jsonb,
  request_id     text,
  prev_hash      text NOT NULL,
  hash           text NOT NULL UNIQUE
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);

CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
