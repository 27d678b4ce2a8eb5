-- Check-in 签到 and tasks 任务 (docs/growth.md "Check-in and tasks"). One check-in per member per local day
-- (the tenant's calendar): the primary key makes a second one impossible, and the streak is yesterday's
-- plus one (a missed day starts again at 1). A task rewards a custom event (activity.recorded of its
-- activity type) once per member per period: the completion's primary key is that promise.
CREATE TABLE checkin_settings (
  tenant_id text PRIMARY KEY,
  enabled boolean NOT NULL DEFAULT false,
  rewards jsonb NOT NULL,                  -- day 1..n of a streak: a Rewards list each; after day n the cycle starts again
  updated_at timestamptz NOT NULL
);

CREATE TABLE checkins (
  tenant_id text NOT NULL,
  member_id text NOT NULL,
  local_date date NOT NULL,                -- the day in the tenant's time zone
  streak integer NOT NULL CHECK (streak >= 1),
  grant_id text,
  reward_problem text,                     -- why nothing was given (a template's own limit…): the check-in stands
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, member_id, local_date)
);
CREATE INDEX checkins_day ON checkins (tenant_id, local_date);

CREATE TABLE tasks (
  tenant_id text NOT NULL,
  id text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  activity_type text NOT NULL,             -- the custom event that completes it: shared, reviewed, profile_completed, …
  rewards jsonb NOT NULL,
  period text NOT NULL CHECK (period IN ('once', 'day', 'week', 'month')),
  status text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'paused')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, activity_type)
);

CREATE TABLE task_completions (
  tenant_id text NOT NULL,
  task_id text NOT NULL,
  member_id text NOT NULL,
  period_key text NOT NULL,                -- once | 2026-12-07 | 2026-W50 | 2026-12, on the tenant's calendar
  activity_id text,
  grant_id text,
  reward_problem text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, task_id, member_id, period_key)
);
CREATE INDEX task_completions_member ON task_completions (tenant_id, member_id, created_at);
