-- Issue 7: training (tập huấn), annual OCOP plans with indicators and progress (kế hoạch), fairs, sales
-- points and e-commerce listings (xúc tiến thương mại).
-- Runs on PostgreSQL 15 (CI server) and PGlite (PostgreSQL 18): no newer features.

-- ---------------------------------------------------------------------------------------------
-- Training
-- ---------------------------------------------------------------------------------------------

-- The catalogue of topics a course covers. Codes are stable; names may be reworded.
CREATE TABLE training_topics (
  code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z_]*$'),
  name_vi     text NOT NULL CHECK (length(trim(name_vi)) > 0),
  name_en     text NOT NULL CHECK (length(trim(name_en)) > 0),
  sort_order  integer NOT NULL UNIQUE,
  is_active   boolean NOT NULL DEFAULT true
);
INSERT INTO training_topics (code, name_vi, name_en, sort_order) VALUES
  ('ocop_overview',        'Tổng quan Chương trình OCOP',                     'OCOP programme overview',         10),
  ('criteria_and_ranking', 'Bộ tiêu chí và phân hạng sản phẩm OCOP',          'Criteria and star ranking',       20),
  ('policies',             'Chính sách hỗ trợ phát triển sản phẩm OCOP',      'Support policies',                30),
  ('business_plan',        'Xây dựng phương án, dự án sản xuất kinh doanh',   'Writing a business plan',         40),
  ('product_story',        'Xây dựng câu chuyện sản phẩm',                    'Writing the product story',       50),
  ('first_dossier',        'Chuẩn bị hồ sơ đánh giá, phân hạng lần đầu',      'Preparing a first dossier',       60),
  ('quality_management',   'Quản lý chất lượng, an toàn thực phẩm',           'Quality management',              70),
  ('trade_promotion',      'Xúc tiến thương mại, tiêu thụ sản phẩm',          'Trade promotion',                 80);

-- A course or conference organised by a unit: the province (commune_code null) or one commune.
CREATE TABLE trainings (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organiser_level       text NOT NULL CHECK (organiser_level IN ('province', 'commune')),
  province_code         text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code          text CHECK (commune_code ~ '^[0-9]{5}$'),
  -- The office that runs it, as officials write it ("Phòng Kinh tế xã …", "Văn phòng Điều phối NTM tỉnh").
  organiser_name        text NOT NULL CHECK (length(trim(organiser_name)) > 0),
  kind                  text NOT NULL DEFAULT 'course' CHECK (kind IN ('course', 'conference')),
  title                 text NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 300),
  starts_on             date NOT NULL,
  ends_on               date NOT NULL,
  place                 text NOT NULL CHECK (length(trim(place)) > 0),
  target_audiences      text[] NOT NULL CHECK (cardinality(target_audiences) >= 1
                          AND target_audiences <@ ARRAY['province_officials', 'commune_officials', 'producers', 'other']::text[]),
  trainers              text,
  materials             text,
  planned_participants  integer CHECK (planned_participants BETWEEN 1 AND 100000),
  created_by            uuid REFERENCES users (id),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((organiser_level = 'commune') = (commune_code IS NOT NULL))
);
CREATE INDEX trainings_scope_idx ON trainings (province_code, commune_code, starts_on);
CREATE INDEX trainings_starts_on_idx ON trainings (starts_on);
CREATE INDEX trainings_created_by_idx ON trainings (created_by);

CREATE TABLE training_topic_links (
  training_id  uuid NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
  topic_code   text NOT NULL REFERENCES training_topics (code),
  PRIMARY KEY (training_id, topic_code)
);
CREATE INDEX training_topic_links_topic_idx ON training_topic_links (topic_code);

-- A half-day or day of a course: attendance is taken per session.
CREATE TABLE training_sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  training_id  uuid NOT NULL REFERENCES trainings (id),
  held_on      date NOT NULL,
  title        text NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (training_id, held_on, title),
  -- Lets attendance rows prove that session and participant belong to the same training.
  UNIQUE (id, training_id)
);
CREATE INDEX training_sessions_created_by_idx ON training_sessions (created_by);

CREATE TABLE training_participants (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  training_id     uuid NOT NULL REFERENCES trainings (id),
  -- Registration order in the training; the certificate of attendance is numbered with it.
  number          integer NOT NULL CHECK (number >= 1),
  full_name       text NOT NULL CHECK (length(trim(full_name)) BETWEEN 2 AND 120),
  kind            text NOT NULL CHECK (kind IN ('official', 'producer', 'other')),
  official_level  text CHECK (official_level IN ('province', 'commune')),
  producer_id     uuid REFERENCES producers (id),
  phone           text CHECK (phone ~ '^\+?[0-9]{8,15}$'),
  organisation    text,
  source          text NOT NULL DEFAULT 'registered' CHECK (source IN ('registered', 'imported')),
  created_by      uuid REFERENCES users (id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'official') = (official_level IS NOT NULL)),
  CHECK ((kind = 'producer') = (producer_id IS NOT NULL)),
  UNIQUE (training_id, number),
  UNIQUE (id, training_id)
);
CREATE INDEX training_participants_producer_idx ON training_participants (producer_id) WHERE producer_id IS NOT NULL;
CREATE INDEX training_participants_created_by_idx ON training_participants (created_by);
-- One person registers once per training: same folded name and same phone (or both without phone).
CREATE UNIQUE INDEX training_participants_person_key ON training_participants (training_id, vn_unaccent(full_name), coalesce(phone, ''));

CREATE TABLE training_attendance (
  session_id      uuid NOT NULL,
  participant_id  uuid NOT NULL,
  training_id     uuid NOT NULL,
  present         boolean NOT NULL,
  recorded_by     uuid REFERENCES users (id),
  recorded_at     timestamptz NOT NULL,
  PRIMARY KEY (session_id, participant_id),
  FOREIGN KEY (session_id, training_id) REFERENCES training_sessions (id, training_id),
  FOREIGN KEY (participant_id, training_id) REFERENCES training_participants (id, training_id)
);
CREATE INDEX training_attendance_participant_idx ON training_attendance (participant_id, training_id);
CREATE INDEX training_attendance_session_training_idx ON training_attendance (session_id, training_id);
CREATE INDEX training_attendance_training_idx ON training_attendance (training_id) WHERE present;
CREATE INDEX training_attendance_recorded_by_idx ON training_attendance (recorded_by);

-- ---------------------------------------------------------------------------------------------
-- Annual OCOP plans (kế hoạch thực hiện Chương trình OCOP năm …) and their indicators
-- ---------------------------------------------------------------------------------------------
CREATE TABLE annual_plans (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  level            text NOT NULL CHECK (level IN ('province', 'commune')),
  province_code    text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code     text CHECK (commune_code ~ '^[0-9]{5}$'),
  year             integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  title            text NOT NULL CHECK (length(trim(title)) BETWEEN 3 AND 300),
  -- As the document cites itself, e.g. "Kế hoạch 90/KH-UBND ngày 11/3/2024".
  legal_reference  text NOT NULL CHECK (length(trim(legal_reference)) BETWEEN 3 AND 300),
  issued_on        date,
  -- The province plan a commune plan carries out (province → commune cascade).
  parent_plan_id   uuid REFERENCES annual_plans (id),
  created_by       uuid REFERENCES users (id),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'commune') = (commune_code IS NOT NULL)),
  CHECK (parent_plan_id IS NULL OR level = 'commune'),
  CHECK (parent_plan_id IS NULL OR parent_plan_id <> id)
);
CREATE INDEX annual_plans_scope_idx ON annual_plans (province_code, commune_code, year);
CREATE INDEX annual_plans_parent_idx ON annual_plans (parent_plan_id);
CREATE INDEX annual_plans_created_by_idx ON annual_plans (created_by);

CREATE TABLE plan_indicators (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id              uuid NOT NULL REFERENCES annual_plans (id),
  kind                 text NOT NULL CHECK (kind IN ('products_developed', 'star_target', 'production_area',
                         'production_yield', 'production_output', 'producers_trained_percent', 'new_cooperatives',
                         'linkage_projects', 'fairs')),
  -- The product a production line is about ("Khoai sọ Phì Nhừ"); production lines of one product are
  -- checked together (area × yield = output).
  product_name         text CHECK (length(trim(product_name)) BETWEEN 2 AND 200),
  -- For star targets: the rank aimed at (3, 4 or 5 stars).
  star_rating          smallint CHECK (star_rating BETWEEN 3 AND 5),
  target_value         numeric(16, 3) NOT NULL CHECK (target_value >= 0),
  -- As the plan writes it: ha, tạ/ha, tấn, %, sản phẩm, …; src/features/plans/units.ts converts.
  unit                 text NOT NULL CHECK (length(trim(unit)) BETWEEN 1 AND 30),
  note                 text,
  -- The province indicator a commune indicator contributes to.
  parent_indicator_id  uuid REFERENCES plan_indicators (id),
  sort_order           integer NOT NULL DEFAULT 0,
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind IN ('production_area', 'production_yield', 'production_output')) = (product_name IS NOT NULL)
         OR kind IN ('products_developed', 'star_target')),
  CHECK ((kind = 'star_target') = (star_rating IS NOT NULL)),
  CHECK (kind <> 'producers_trained_percent' OR target_value <= 100)
);
CREATE INDEX plan_indicators_plan_idx ON plan_indicators (plan_id, sort_order);
CREATE INDEX plan_indicators_parent_idx ON plan_indicators (parent_indicator_id);

-- What was achieved, as of a day, with the evidence (for what the registry cannot compute).
CREATE TABLE plan_indicator_progress (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id  uuid NOT NULL REFERENCES plan_indicators (id),
  value         numeric(16, 3) NOT NULL CHECK (value >= 0),
  as_of         date NOT NULL,
  evidence      text NOT NULL CHECK (length(trim(evidence)) BETWEEN 3 AND 2000),
  recorded_by   uuid REFERENCES users (id),
  recorded_at   timestamptz NOT NULL
);
CREATE INDEX plan_indicator_progress_indicator_idx ON plan_indicator_progress (indicator_id, as_of DESC, recorded_at DESC);
CREATE INDEX plan_indicator_progress_recorded_by_idx ON plan_indicator_progress (recorded_by);

-- ---------------------------------------------------------------------------------------------
-- Trade promotion: fairs, sales points, e-commerce listings
-- ---------------------------------------------------------------------------------------------
CREATE TABLE fairs (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The unit that sends its producers and reports the results.
  organiser_level      text NOT NULL CHECK (organiser_level IN ('province', 'commune')),
  province_code        text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code         text CHECK (commune_code ~ '^[0-9]{5}$'),
  name                 text NOT NULL CHECK (length(trim(name)) BETWEEN 3 AND 300),
  scope                text NOT NULL CHECK (scope IN ('in_province', 'out_of_province', 'international')),
  starts_on            date NOT NULL,
  ends_on              date NOT NULL,
  place                text NOT NULL CHECK (length(trim(place)) > 0),
  organiser_name       text,
  created_by           uuid REFERENCES users (id),
  version              integer NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK ((organiser_level = 'commune') = (commune_code IS NOT NULL))
);
CREATE INDEX fairs_scope_idx ON fairs (province_code, commune_code, starts_on);
CREATE INDEX fairs_starts_on_idx ON fairs (starts_on);
CREATE INDEX fairs_created_by_idx ON fairs (created_by);

CREATE TABLE fair_participants (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fair_id            uuid NOT NULL REFERENCES fairs (id),
  producer_id        uuid NOT NULL REFERENCES producers (id),
  product_names      text[] NOT NULL DEFAULT '{}'::text[] CHECK (cardinality(product_names) <= 50),
  booth              text,
  visitors           integer CHECK (visitors BETWEEN 0 AND 100000000),
  sales_revenue_vnd  bigint CHECK (sales_revenue_vnd BETWEEN 0 AND 1000000000000000),
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fair_id, producer_id)
);
CREATE INDEX fair_participants_producer_idx ON fair_participants (producer_id);

-- Điểm giới thiệu và bán sản phẩm OCOP: the address is an administrative unit plus the street.
CREATE TABLE sales_points (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name            text NOT NULL CHECK (length(trim(name)) BETWEEN 3 AND 200),
  province_code   text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  commune_code    text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
  street_address  text NOT NULL CHECK (length(trim(street_address)) > 0),
  operator_name   text,
  phone           text CHECK (phone ~ '^\+?[0-9]{8,15}$'),
  opened_on       date,
  is_active       boolean NOT NULL DEFAULT true,
  created_by      uuid REFERENCES users (id),
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sales_points_scope_idx ON sales_points (province_code, commune_code) WHERE is_active;
CREATE INDEX sales_points_created_by_idx ON sales_points (created_by);

CREATE TABLE sales_point_products (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sales_point_id  uuid NOT NULL REFERENCES sales_points (id),
  producer_id     uuid NOT NULL REFERENCES producers (id),
  product_name    text NOT NULL CHECK (length(trim(product_name)) BETWEEN 2 AND 200),
  UNIQUE (sales_point_id, producer_id, product_name)
);
CREATE INDEX sales_point_products_producer_idx ON sales_point_products (producer_id);

CREATE TABLE ecommerce_listings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  producer_id    uuid NOT NULL REFERENCES producers (id),
  -- Copied from the producer, so scope filters need no join.
  province_code  text NOT NULL,
  commune_code   text NOT NULL,
  product_name   text NOT NULL CHECK (length(trim(product_name)) BETWEEN 2 AND 200),
  platform       text NOT NULL CHECK (platform IN ('shopee', 'lazada', 'tiktok_shop', 'tiki', 'postmart', 'voso', 'own_website', 'other')),
  url            text NOT NULL CHECK (url ~ '^https?://[^\s]+$' AND length(url) <= 1000),
  is_active      boolean NOT NULL DEFAULT true,
  created_by     uuid REFERENCES users (id),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (producer_id, url)
);
CREATE INDEX ecommerce_listings_scope_idx ON ecommerce_listings (province_code, commune_code);
CREATE INDEX ecommerce_listings_created_by_idx ON ecommerce_listings (created_by);
