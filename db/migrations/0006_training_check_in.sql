-- QR self check-in of a training session (issue 7): the organiser opens check-in and shows a QR code whose
-- URL carries a random token; only its SHA-256 is stored, so a database read does not reveal live links.
ALTER TABLE training_sessions ADD COLUMN check_in_token_hash text UNIQUE;
ALTER TABLE training_sessions ADD COLUMN check_in_opened_at timestamptz;
ALTER TABLE training_sessions ADD COLUMN check_in_closed_at timestamptz;

-- Failed check-ins per token, to throttle guessing phone numbers (kept in the database so the limit holds
-- across app processes, as login throttling does).
CREATE TABLE training_check_in_failures (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash   text NOT NULL,
  failed_at    timestamptz NOT NULL
);
CREATE INDEX training_check_in_failures_token_idx ON training_check_in_failures (token_hash, failed_at);
