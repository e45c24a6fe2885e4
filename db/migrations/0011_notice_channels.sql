-- Issue 14: notices that reach people outside the app — e-mail (SMTP), Zalo (ZNS template messages)
-- and SMS (brandname, over the provider's HTTP API). See docs/decisions/014-notice-channels.md.

-- Addresses the channels need, on the records that own them.
ALTER TABLE users ADD COLUMN phone text CHECK (phone ~ '^\+84[0-9]{9}$');
ALTER TABLE sales_points ADD COLUMN email text CHECK (email IS NULL OR length(email) <= 254);

-- Who wants what. No row: every channel the subject has an address for, every kind of notice.
-- subject_kind 'user' is an account, 'producer' the producer's own contact (for households without an
-- account), 'sales_point' a stockist told when a star lapses. (An e-commerce listing is the producer's
-- own shop page: the producer is told.)
CREATE TABLE notice_preferences (
  subject_kind     text NOT NULL CHECK (subject_kind IN ('user', 'producer', 'sales_point')),
  subject_id       uuid NOT NULL,
  channels         text[] NOT NULL DEFAULT '{email,zalo,sms}' CHECK (channels <@ ARRAY['email', 'zalo', 'sms']::text[]),
  opted_out_kinds  text[] NOT NULL DEFAULT '{}',
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (subject_kind, subject_id)
);

-- A channel's settings: global (province_code NULL, the system administrator's) or a province's own.
-- The secret part (password, access token, API secret) is sealed with AES-256-GCM and never read back
-- by the API; `settings` holds what may be shown (host, sender, templates).
CREATE TABLE notice_channels (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code    text CHECK (province_code IS NULL OR province_code ~ '^[0-9]{2}$'),
  channel          text NOT NULL CHECK (channel IN ('email', 'zalo', 'sms')),
  enabled          boolean NOT NULL DEFAULT true,
  settings         jsonb NOT NULL DEFAULT '{}'::jsonb,
  sealed_secret    text,
  -- Sends per minute across every app process (the provider's contract).
  per_minute       integer NOT NULL DEFAULT 60 CHECK (per_minute BETWEEN 1 AND 100000),
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL,
  updated_by       uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX notice_channels_scope_key ON notice_channels (COALESCE(province_code, ''), channel);
CREATE INDEX notice_channels_updated_by_idx ON notice_channels (updated_by);

-- A province's wording of a kind of notice, per language (the defaults live in code, notice-kinds.ts).
-- Zalo sends the template Zalo approved, named in the zalo channel's settings.templates.
CREATE TABLE notice_templates (
  province_code    text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  kind             text NOT NULL,
  locale           text NOT NULL CHECK (locale IN ('vi', 'en')),
  subject          text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  sms              text NOT NULL CHECK (length(sms) BETWEEN 1 AND 480),
  updated_at       timestamptz NOT NULL,
  updated_by       uuid REFERENCES users (id),
  PRIMARY KEY (province_code, kind, locale)
);
CREATE INDEX notice_templates_updated_by_idx ON notice_templates (updated_by);

-- The outbox: one row per notice × recipient × channel, written in the transaction of the event.
-- Delivery (features/notifications/deliver-outbox.ts) claims rows, sends, and records the answer:
--   queued → sending → sent | queued again (retry, with backoff) | failed
--   sending whose process died: resent with the same idempotency key where the provider honours one,
--   otherwise 'uncertain' (it may have gone out) — never sent a second time without a person's say.
--   held: no channel configured when written (the admin's outbox shows what would have been sent);
--   undeliverable: no valid address, or the provider refused the address.
CREATE TABLE notice_messages (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id   uuid REFERENCES notifications (id),
  kind              text NOT NULL,
  dedupe_key        text NOT NULL,
  province_code     text,
  subject_kind      text NOT NULL CHECK (subject_kind IN ('user', 'producer', 'sales_point')),
  subject_id        uuid NOT NULL,
  recipient_name    text NOT NULL,
  -- The producer this notice is about (for the commune's "could not be reached" list).
  producer_id       uuid REFERENCES producers (id) ON DELETE SET NULL, -- a merged or undone producer keeps its history
  commune_code      text,
  channel           text NOT NULL CHECK (channel IN ('email', 'zalo', 'sms')),
  channel_id        uuid REFERENCES notice_channels (id),
  address           text,
  locale            text NOT NULL CHECK (locale IN ('vi', 'en')),
  subject           text NOT NULL,
  body              text NOT NULL,
  sms               text NOT NULL,
  params            jsonb NOT NULL DEFAULT '{}'::jsonb,
  link              text,
  status            text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'uncertain', 'held', 'undeliverable')),
  status_reason     text,
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz,
  last_attempt_at   timestamptz,
  lease_until       timestamptz,
  -- Sent to the provider on every attempt (eSMS RequestId, SMTP Message-ID, ZNS tracking_id).
  idempotency_key   uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  provider_message_id text,
  provider_answer   text,
  created_at        timestamptz NOT NULL,
  sent_at           timestamptz,
  updated_at        timestamptz NOT NULL,
  UNIQUE (dedupe_key, subject_kind, subject_id, channel)
);
CREATE INDEX notice_messages_due_idx ON notice_messages (channel_id, next_attempt_at) WHERE status = 'queued';
CREATE INDEX notice_messages_sending_idx ON notice_messages (lease_until) WHERE status = 'sending';
CREATE INDEX notice_messages_recent_idx ON notice_messages (channel_id, last_attempt_at) WHERE last_attempt_at IS NOT NULL;
CREATE INDEX notice_messages_subject_idx ON notice_messages (subject_kind, subject_id, created_at DESC);
CREATE INDEX notice_messages_province_idx ON notice_messages (province_code, created_at DESC);
CREATE INDEX notice_messages_producer_idx ON notice_messages (producer_id) WHERE producer_id IS NOT NULL;
CREATE INDEX notice_messages_notification_idx ON notice_messages (notification_id);
CREATE INDEX notice_messages_created_idx ON notice_messages (created_at DESC);

-- The key that seals channel secrets when OCOP_SECRETS_KEY is not set (a single-machine install).
CREATE TABLE app_keys (
  name        text PRIMARY KEY,
  key_base64  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
