-- Draft expiry reminders (issue 3) and recurring jobs.

alter table applications
  -- When the citizen was last reminded that this draft is about to expire. The reminder
  -- sweep sets it with a conditional UPDATE … RETURNING, so however many instances sweep,
  -- each reminder window (the last APPLICATION_DRAFT_REMINDER_DAYS before expires_at) gets
  -- one message; a later save moves expires_at, and so opens a new window.
  add column reminded_at timestamptz;

alter table jobs
  -- One job per key: recurring jobs use "<kind>@<slot start>", so every instance may
  -- schedule the next run and only one row is ever written for it.
  add column dedupe_key text unique;
