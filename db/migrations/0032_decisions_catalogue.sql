-- 重大行政决策事项目录 and each decision's statutory steps (《重大行政决策程序暂行条例》 Art. 3(3), 14–37).
-- A catalogue item belongs to a government and a year; it records whether a hearing, a risk assessment
-- and an expert review are planned and the Party committee's consent (Art. 3(3)). Its steps carry their
-- dates, the unit that did them and the materials (links or notes) published with them.

create table decision_items (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null check (year between 2000 and 2100),
  subject text not null,
  undertaker text not null default '',
  planned_time text not null default '',
  hearing_planned boolean not null default false,
  risk_planned boolean not null default false,
  expert_planned boolean not null default false,
  party_consent_on date,
  party_consent_note text not null default '',
  consultation_id integer references consultations(id) on delete set null deferrable initially immediate,
  status text not null default 'planned' check (status in ('planned', 'decided')),
  decided_on date,
  published boolean not null default false,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index decision_items_org_year on decision_items (org_id, year);
comment on table decision_items is '重大行政决策事项目录：事项、承办单位、计划时间、是否听证/风险评估/专家论证、党委同意情况';

create table decision_steps (
  id serial primary key,
  item_id integer not null references decision_items(id) on delete cascade deferrable initially immediate,
  step text not null check (step in ('participation', 'hearing', 'expert', 'risk', 'legality', 'collective', 'publication', 'implementation')),
  started_on date not null,
  finished_on date,
  unit text not null default '',
  materials text not null default '',
  created_at timestamptz not null default now(),
  unique (item_id, step)
);
comment on table decision_steps is '重大行政决策的法定程序步骤：公众参与、听证、专家论证、风险评估、合法性审查、集体讨论决定、公布、执行和评估';
