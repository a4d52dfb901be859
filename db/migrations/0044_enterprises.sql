-- 政策找人: 一企一档 (enterprise profiles), eligibility conditions per policy (a public document),
-- pushes (one per policy and enterprise, with the funnel: opened, applied, granted, 免申即享), the
-- outbox of e-mail/SMS messages, one-time codes and access tokens of the enterprise's own portal page,
-- and policy packages (a theme's documents and Q&A pairs).

create table enterprises (
  id serial primary key,
  credit_code text not null unique check (credit_code ~ '^[0-9A-HJ-NP-RTUWXY]{18}$'),
  name text not null check (length(name) between 1 and 200),
  industry text not null check (industry ~ '^[A-T]$'),
  size text not null check (size in ('large', 'medium', 'small', 'micro')),
  region_id integer not null references orgs(id) deferrable initially immediate,
  registered_capital numeric(14, 2) check (registered_capital >= 0),
  founded_on date not null,
  qualifications text[] not null default '{}',
  tags text[] not null default '{}',
  phone text,
  email text,
  source text not null default 'staff' check (source in ('staff', 'import', 'self')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprises_industry on enterprises (industry);
create index enterprises_region on enterprises (region_id);
comment on table enterprises is '一企一档：企业档案（统一社会信用代码、行业、规模、地区、注册资本、成立日期、资质、标签）';

create table policy_conditions (
  document_id integer primary key references documents(id) on delete cascade deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  conditions jsonb not null,
  automatic boolean not null default false,
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
comment on table policy_conditions is '政策找人：政策（政府文件）的申报条件，由制发部门填写；automatic 为免申即享';

create table policy_pushes (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  enterprise_id integer not null references enterprises(id) on delete cascade deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  pushed_at timestamptz not null,
  pushed_by integer references users(id) deferrable initially immediate,
  emailed boolean not null default false,
  opened_at timestamptz,
  applied_at timestamptz,
  granted_at timestamptz,
  without_application boolean not null default false,
  constraint policy_pushes_once unique (document_id, enterprise_id),
  check (not without_application or (granted_at is not null and applied_at is null))
);
create index policy_pushes_enterprise on policy_pushes (enterprise_id);
create index policy_pushes_org on policy_pushes (org_id, pushed_at);
comment on table policy_pushes is '政策推送：每项政策对每户企业只推送一次；漏斗：已触达、已查看、已申报、已兑现、免申即享';

create table enterprise_messages (
  id serial primary key,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text not null,
  body text not null,
  enterprise_id integer references enterprises(id) on delete cascade deferrable initially immediate,
  purpose text not null check (purpose in ('code', 'push')),
  sent boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table enterprise_messages is '政策找人的发件箱：验证码和政策推送的电子邮件、短信';

create table enterprise_codes (
  id serial primary key,
  enterprise_id integer not null references enterprises(id) on delete cascade deferrable initially immediate,
  code_hash text not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index enterprise_codes_enterprise on enterprise_codes (enterprise_id, created_at);

create table enterprise_access (
  token_hash text primary key,
  enterprise_id integer not null references enterprises(id) on delete cascade deferrable initially immediate,
  expires_at timestamptz not null
);
comment on table enterprise_access is '企业专属页面的访问凭据（仅存哈希）';

create table policy_packages (
  id serial primary key,
  theme text not null check (length(theme) between 1 and 50),
  title text not null check (length(title) between 1 and 100),
  summary text not null default '' check (length(summary) <= 2000),
  published boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table policy_packages is '政策包：一个主题（如企业开办、稳岗补贴）的政策文件和问答';

create table policy_package_items (
  package_id integer not null references policy_packages(id) on delete cascade deferrable initially immediate,
  kind text not null check (kind in ('document', 'qa_pair')),
  ref_id integer not null,
  sort_order integer not null default 0,
  primary key (package_id, kind, ref_id)
);
