-- 政策问答库: question–answer pairs written by departments, each linked to a document (and a clause),
-- reviewed before publication (draft → submitted → published). A pair whose document is no longer in
-- force is flagged and withdrawn from the portal until it is reviewed again.

create table qa_pairs (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  question text not null check (length(question) between 1 and 200),
  answer text not null check (length(answer) between 1 and 4000),
  document_id integer not null references documents(id) on delete cascade deferrable initially immediate,
  clause text,
  topics text[] not null default '{}',
  status text not null default 'draft' check (status in ('draft', 'submitted', 'published')),
  flagged boolean not null default false,
  question_terms text[] not null default '{}',
  answer_terms text[] not null default '{}',
  created_by integer references users(id) deferrable initially immediate,
  submitted_at timestamptz,
  reviewed_by integer references users(id) deferrable initially immediate,
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index qa_pairs_document on qa_pairs (document_id);
comment on table qa_pairs is '政策问答库：部门编写、审核后发布的问答，关联政策文件';
