-- 工作台账 考核: scoring rules per plan-owning organisation, assessments of a plan for a period (月度 /
-- 半年 / 年度) with their approval workflow, and the ranking rows computed for each assessment.
-- Reminders need no table of their own: notifications' unique key makes them once per assignment,
-- kind (incl. the day count) and deadline.
create table work_score_rules (
  org_id integer primary key references orgs(id) deferrable initially immediate,
  base double precision not null default 100 check (base >= 0),
  on_time_points double precision not null default 2 check (on_time_points >= 0),
  evidence_points double precision not null default 1 check (evidence_points >= 0),
  overdue_penalty double precision not null default 3 check (overdue_penalty >= 0),
  returned_penalty double precision not null default 1 check (returned_penalty >= 0),
  bonus_cap double precision check (bonus_cap is null or bonus_cap >= 0),
  penalty_cap double precision check (penalty_cap is null or penalty_cap >= 0),
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);

create table work_assessments (
  id serial primary key,
  plan_id integer not null references work_plans(id) deferrable initially immediate,
  -- the plan's owner organisation (whose 负责人 approves)
  org_id integer not null references orgs(id) deferrable initially immediate,
  period_kind text not null check (period_kind in ('monthly', 'midyear', 'annual')),
  period_label text not null,
  starts_on date not null,
  ends_on date not null,
  check (starts_on <= ends_on),
  -- the day the scores were computed
  as_of date not null,
  state text not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'published')),
  -- the rules the scores were computed with (a snapshot: later rule changes do not alter it)
  rules jsonb not null,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  submitted_by integer references users(id) deferrable initially immediate,
  submitted_at timestamptz,
  approved_by integer references users(id) deferrable initially immediate,
  approved_at timestamptz,
  returned_comment text,
  published_by integer references users(id) deferrable initially immediate,
  published_at timestamptz,
  unique (plan_id, period_kind, starts_on, ends_on)
);
create index work_assessments_published_idx on work_assessments (plan_id) where state = 'published';

create table work_assessment_rows (
  assessment_id integer not null references work_assessments(id) on delete cascade deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  rank integer not null check (rank > 0),
  score double precision not null,
  on_time integer not null,
  evidence integer not null,
  overdue integer not null,
  returned integer not null,
  bonus double precision not null,
  penalty double precision not null,
  primary key (assessment_id, org_id)
);
