-- What the public sees of a plan's progress: the office publishes a snapshot of every task's state as of a
-- day (落实情况), and the portal shows the latest one with its date, never the live internal state
-- (reports not yet reviewed, a returned report, a deadline passed this morning).
create table work_plan_progress (
  id serial primary key,
  plan_id integer not null references work_plans(id) on delete cascade deferrable initially immediate,
  -- the day the states were taken (the office's today)
  as_of date not null,
  -- [{ "taskId", "status" (rollup), "overdue" (bool) }] in task order
  tasks jsonb not null,
  -- { "tasks", "done", "overdueTasks", "overdueParts" }
  totals jsonb not null,
  published_at timestamptz not null default now(),
  published_by integer references users(id) deferrable initially immediate
);
create index work_plan_progress_plan_idx on work_plan_progress (plan_id, id desc);
comment on table work_plan_progress is 'Published snapshots of a work plan''s task progress (落实情况) shown on the portal';
