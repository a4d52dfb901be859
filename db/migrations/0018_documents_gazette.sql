-- 政府公报 (gazette issues and their items), the statutory proactive-disclosure columns (条例第二十条)
-- with their update periods, the documents linked to each column, per-organisation 公开指南 texts and
-- the 公共企事业单位 column (public enterprises and institutions per sector, with links).
create table gazette_issues (
  id serial primary key,
  year integer not null check (year between 1949 and 2200),
  number integer not null check (number between 1 and 999),
  total_number integer check (total_number > 0),
  issue_date date not null,
  title text not null check (length(title) between 1 and 200),
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, number)
);
create index gazette_issues_status_idx on gazette_issues (status, year);

create table gazette_items (
  id serial primary key,
  issue_id integer not null references gazette_issues(id) on delete cascade deferrable initially immediate,
  document_id integer references documents(id) on delete cascade deferrable initially immediate,
  interpretation_id integer references interpretations(id) on delete cascade deferrable initially immediate,
  section text not null default '' check (length(section) <= 50),
  sort_order integer not null,
  check ((document_id is null) <> (interpretation_id is null))
);
create index gazette_items_issue_idx on gazette_items (issue_id, sort_order);
create index gazette_items_document_idx on gazette_items (document_id) where document_id is not null;
create index gazette_items_interpretation_idx on gazette_items (interpretation_id) where interpretation_id is not null;

create table disclosure_columns (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  item integer not null check (item between 1 and 15),
  name text not null check (length(name) between 1 and 100),
  update_period_days integer not null check (update_period_days between 1 and 3660),
  -- documents of the column's organisation in these genres count as updates of the column
  genres text[] not null default '{}',
  manual_updated_on date,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, item)
);

create table disclosure_column_documents (
  column_id integer not null references disclosure_columns(id) on delete cascade deferrable initially immediate,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  primary key (column_id, document_id)
);
create index disclosure_column_documents_doc_idx on disclosure_column_documents (document_id);

create table disclosure_guides (
  org_id integer primary key references orgs(id) deferrable initially immediate,
  body text not null check (length(body) between 1 and 50000),
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);

create table public_enterprises (
  id serial primary key,
  sector text not null check (length(sector) between 1 and 30),
  name text not null check (length(name) between 1 and 100),
  url text not null check (url ~ '^https?://' and length(url) <= 500),
  org_id integer references orgs(id) deferrable initially immediate,
  description text not null default '' check (length(description) <= 500),
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  unique (sector, name)
);
