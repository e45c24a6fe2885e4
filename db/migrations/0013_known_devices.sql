-- Sign-in throttling that cannot lock an official out (issue 16, finding 1; docs/decisions/018).
-- A browser that signed in to an account gets a random device cookie; only its SHA-256 is kept here.
-- Failures are counted per username and address (or known device), per address, and per username
-- from devices the account has not used before; a known device is not slowed down by others' failures.
CREATE TABLE known_devices (
  id            text NOT NULL,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  first_seen_at timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  PRIMARY KEY (id, user_id)
);
CREATE INDEX known_devices_user_idx ON known_devices (user_id);
CREATE INDEX known_devices_last_seen_idx ON known_devices (last_seen_at);

ALTER TABLE login_attempts ADD COLUMN device_id text;
