-- Past years and migration (issue 13.6): applications imported from an office's existing ledger (台账)
-- are marked and read-only; past years' annual-report figures entered or imported as numbers only.

alter table requests add column imported boolean not null default false;
comment on column requests.imported is '从原有申请台账导入的历史申请：只读，计入列表和统计';

create table report_history (
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null check (year between 2000 and 2100),
  -- tables 二, 三, 四 in the shape of reports.figures (ReportFigures)
  figures jsonb not null,
  source text not null check (source in ('entered', 'imported')),
  entered_by integer references users(id) deferrable initially immediate,
  entered_at timestamptz not null default now(),
  primary key (org_id, year)
);
comment on table report_history is '以往年度的年度报告数据（仅数字，人工录入或从表格导入），用于历年报告列表和“上年结转”核对';
