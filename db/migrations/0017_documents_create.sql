-- 政府文件库: documents, joint issuers, themes, confidentiality reviews, attachments, interpretations,
-- validity relations, historical versions (规章), periodic attribute reviews and library settings.
create table documents (
  id serial primary key,
  title text not null check (length(title) between 1 and 500),
  doc_number text,
  doc_number_key text,
  index_number text not null unique,
  org_id integer not null references orgs(id) deferrable initially immediate,
  genre text not null,
  topic text,
  keywords text[] not null default '{}',
  summary text,
  body_html text not null default '',
  body_text text not null default '',
  written_date date not null,
  published_date date,
  effective_date date,
  validity text not null default 'valid' check (validity in ('valid', 'amended', 'repealed', 'expired')),
  validity_changed_on date,
  attribute text check (attribute in ('proactive', 'on_request', 'not_public')),
  attribute_ground text,
  attribute_reason text,
  status text not null default 'draft' check (status in ('draft', 'in_review', 'returned', 'approved', 'published')),
  attribute_review_due date,
  converted_on date,
  historical boolean not null default false,
  search_vector tsvector,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index documents_search_idx on documents using gin (search_vector);
create index documents_doc_number_key_idx on documents (doc_number_key);
create index documents_status_published_idx on documents (status, published_date);
create index documents_org_idx on documents (org_id, written_date);
create index documents_review_due_idx on documents (attribute_review_due) where attribute_review_due is not null;

create table document_issuers (
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  primary key (document_id, org_id)
);
create index document_issuers_org_idx on document_issuers (org_id);

create table document_themes (
  id serial primary key,
  name text not null unique check (length(name) between 1 and 50),
  description text not null default '',
  sort_order integer not null default 0
);

create table document_theme_links (
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  theme_id integer not null references document_themes(id) on delete cascade deferrable initially immediate,
  primary key (document_id, theme_id)
);
create index document_theme_links_theme_idx on document_theme_links (theme_id);

create table document_reviews (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  reviewer_id integer not null references users(id) deferrable initially immediate,
  decision text not null check (decision in ('approved', 'returned')),
  notes text not null default '',
  reviewed_at timestamptz not null default now()
);
create index document_reviews_doc_idx on document_reviews (document_id);

create table document_attachments (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  file_id integer not null references files(id) deferrable initially immediate,
  name text not null,
  text_content text not null default '',
  sort_order integer not null default 0
);
create index document_attachments_doc_idx on document_attachments (document_id);

create table interpretations (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  kind text not null check (kind in ('text', 'graphic', 'video', 'qa', 'followup')),
  title text not null check (length(title) between 1 and 300),
  body_html text not null default '',
  image_file_id integer references files(id) deferrable initially immediate,
  video_url text,
  qa jsonb not null default '[]',
  published_date date,
  created_at timestamptz not null default now()
);
create index interpretations_doc_idx on interpretations (document_id);

create table document_relations (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  target_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  kind text not null check (kind in ('amends', 'repeals', 'replaces')),
  effective_date date not null,
  applied boolean not null default false,
  created_at timestamptz not null default now(),
  check (document_id <> target_id),
  unique (document_id, target_id)
);
create index document_relations_target_idx on document_relations (target_id);
create index document_relations_pending_idx on document_relations (effective_date) where not applied;

create table document_versions (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  version_no integer not null check (version_no > 0),
  title text not null,
  body_html text not null default '',
  valid_from date,
  valid_to date,
  unique (document_id, version_no)
);

create table document_attribute_reviews (
  id serial primary key,
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  decision text not null check (decision in ('converted', 'confirmed')),
  reviewer_id integer references users(id) deferrable initially immediate,
  notes text not null default '',
  source text not null default 'periodic' check (source in ('periodic', 'request')),
  reviewed_at timestamptz not null default now()
);
create index document_attribute_reviews_doc_idx on document_attribute_reviews (document_id);

create table document_settings (
  id integer primary key default 1 check (id = 1),
  index_pattern text not null default '{orgCode}-{category}-{year}-{serial:5}',
  review_interval_months integer not null default 12 check (review_interval_months between 1 and 120)
);
insert into document_settings (id) values (1);

-- Per organisation and year, the last serial handed out for index numbers (索引号); locked row per key.
create table document_index_serials (
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null,
  last_serial integer not null default 0,
  primary key (org_id, year)
);
