-- 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): per reporting agency and year, the report record, the
-- figures of table 二 entered by hand, and the register of 行政复议/行政诉讼 cases behind table 四.

create table reports (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null check (year between 2000 and 2100),
  state text not null default 'draft' check (state in ('draft', 'submitted', 'accepted', 'published')),
  -- the narrative sections 一、总体情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项
  overview text not null default '',
  problems text not null default '',
  other text not null default '',
  -- the figures (tables 二, 三, 四) and their checks, frozen at submission; null while a draft
  figures jsonb,
  checks jsonb,
  submitted_at timestamptz,
  submitted_by integer references users(id) deferrable initially immediate,
  accepted_at timestamptz,
  accepted_by integer references users(id) deferrable initially immediate,
  published_at timestamptz,
  published_by integer references users(id) deferrable initially immediate,
  updated_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, year)
);
comment on table reports is '政府信息公开工作年度报告：每个报告机关每年一份（草稿→已报送→已审核→已公开）';

create table report_figures (
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null check (year between 2000 and 2100),
  -- licensing / penalty / enforcement (本年处理决定数量), fees (本年收费金额，万元)
  key text not null check (key in ('licensing', 'penalty', 'enforcement', 'fees')),
  value numeric(16, 4) not null check (value >= 0),
  entered_by integer references users(id) deferrable initially immediate,
  entered_at timestamptz not null default now(),
  primary key (org_id, year, key)
);
comment on table report_figures is '年度报告表二中人工填报的数据（行政许可、行政处罚、行政强制、行政事业性收费），含填报人和时间';

create table report_reviews (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  -- review = 行政复议, direct-suit = 未经复议直接起诉, suit-after-review = 复议后起诉
  kind text not null check (kind in ('review', 'direct-suit', 'suit-after-review')),
  -- the case number of the review or lawsuit (复议/诉讼案号), and the application it concerns (申请编号)
  case_no text,
  request_case_no text,
  filed_on date not null,
  -- 复议机关 or 人民法院
  organ text not null,
  result text not null default 'pending' check (result in ('upheld', 'corrected', 'other', 'pending')),
  decided_on date,
  note text not null default '',
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  check ((result = 'pending') = (decided_on is null)),
  check (decided_on is null or decided_on >= filed_on)
);
create index report_reviews_org_idx on report_reviews (org_id, filed_on);
comment on table report_reviews is '因政府信息公开工作被申请行政复议、提起行政诉讼的案件登记（年度报告表四）';
