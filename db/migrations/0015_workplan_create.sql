-- 工作台账: an organisation's annual work plan (task breakdown table), its tasks, the units each task is
-- assigned to (lead / responsible), group names kept verbatim, and the units' progress reports.
create table work_plans (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null check (year between 2000 and 2100),
  title text not null check (length(title) between 1 and 300),
  doc_number text,
  issuer text,
  issued_date date,
  source_name text,
  source_text text,
  parent_plan_id integer references work_plans(id) deferrable initially immediate,
  published boolean not null default false,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  unique (org_id, year, title)
);
create index work_plans_year_idx on work_plans (year, org_id);
create index work_plans_parent_idx on work_plans (parent_plan_id) where parent_plan_id is not null;

create table work_tasks (
  id serial primary key,
  plan_id integer not null references work_plans(id) deferrable initially immediate,
  seq integer not null check (seq > 0),
  section text,
  task text not null,
  requirement text not null default '',
  deadline_raw text,
  due date,
  recurring boolean not null default false,
  due_suggested date,
  parent_task_id integer references work_tasks(id) deferrable initially immediate,
  carried_from_task_id integer references work_tasks(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  unique (plan_id, seq)
);
create index work_tasks_due_idx on work_tasks (plan_id, due, seq);
create index work_tasks_parent_idx on work_tasks (parent_task_id) where parent_task_id is not null;
create index work_tasks_carried_idx on work_tasks (carried_from_task_id) where carried_from_task_id is not null;

create table work_assignments (
  id serial primary key,
  task_id integer not null references work_tasks(id) deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  role text not null check (role in ('lead', 'responsible')),
  status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'done', 'ongoing')),
  review_state text not null default 'none' check (review_state in ('none', 'submitted', 'accepted', 'returned')),
  last_submitted_at timestamptz,
  accepted_at timestamptz,
  -- the unit's name as written in the source table (null: the organisation's own name) and its place there
  unit_text text,
  sort_order integer not null default 0,
  unique (task_id, org_id)
);
create index work_assignments_org_idx on work_assignments (org_id, task_id);
create index work_assignments_review_idx on work_assignments (review_state) where review_state = 'submitted';

create table work_task_groups (
  id serial primary key,
  task_id integer not null references work_tasks(id) deferrable initially immediate,
  name text not null,
  -- the source column the group was named in, and its place there
  role text not null default 'responsible' check (role in ('lead', 'responsible')),
  sort_order integer not null default 0,
  unique (task_id, name)
);

create table work_progress (
  id serial primary key,
  assignment_id integer not null references work_assignments(id) deferrable initially immediate,
  text text not null,
  links jsonb not null default '[]',
  file_ids integer[] not null default '{}',
  status text not null check (status in ('not_started', 'in_progress', 'done', 'ongoing')),
  submitted_by integer references users(id) deferrable initially immediate,
  submitted_at timestamptz not null default now(),
  decision text check (decision in ('accepted', 'returned')),
  review_comment text,
  reviewed_by integer references users(id) deferrable initially immediate,
  reviewed_at timestamptz
);
create index work_progress_assignment_idx on work_progress (assignment_id, id);
