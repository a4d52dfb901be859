-- 日常工作台账 (issue 17 items 3–6): four registers of duties an office shows evidence of each year, in one
-- table (src/modules/duties): 网站找错 (errata), 舆情回应 (opinions), 建议提案办理 (proposals), 政务新媒体
-- (accounts). The columns every register has are columns; each register's own fields are in `data`,
-- checked by its zod schema (duties/api.schemas.ts) before they are written.
create table duty_records (
  id serial primary key,
  register text not null check (register in ('errata', 'opinions', 'proposals', 'accounts')),
  -- the responsible unit (责任单位); for errata the government whose site was reported on
  org_id integer not null references orgs(id) deferrable initially immediate,
  -- errata: the unit the office assigned the report to
  assignee_org_id integer references orgs(id) deferrable initially immediate,
  -- errata: the page reported on; opinions: the topic; proposals: the title; accounts: the account's name
  title text not null,
  -- errata: received; opinions: the event's date; proposals: assigned to the unit; accounts: opened (开设)
  occurred_on date not null,
  -- errata: the answer is due (working days from receipt); proposals: the reply is due
  due_on date,
  -- the register's state (duties/domain/registers.ts)
  state text not null,
  -- accounts: silent longer than the set period at the last check (the duties.accounts job)
  flagged boolean not null default false,
  -- errata: the tracking code given to the visitor
  code text unique,
  data jsonb not null default '{}',
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
create index duty_records_register_idx on duty_records (register, occurred_on);
create index duty_records_org_idx on duty_records (org_id);
create index duty_records_assignee_idx on duty_records (assignee_org_id);
comment on table duty_records is '日常工作台账：网站找错、舆情回应、建议提案办理、政务新媒体';
