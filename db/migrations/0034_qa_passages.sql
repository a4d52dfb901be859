-- 政策问答: the passage index built from the public document library (paragraphs, numbered clauses,
-- task-table rows), the log of questions asked, and the index's state (its generation, so every
-- server process reloads its in-memory copy after a rebuild).

create table qa_documents (
  document_id integer primary key references documents(id) on delete cascade deferrable initially immediate,
  title text not null,
  doc_number text,
  issuer text not null default '',
  government text not null default '',
  in_force boolean not null,
  replaced_by integer,
  title_terms text[] not null default '{}',
  source_updated_at timestamptz not null
);
comment on table qa_documents is '政策问答索引：已公开文件（标题、效力、替代文件）';

create table qa_passages (
  id serial primary key,
  document_id integer not null references qa_documents(document_id) on delete cascade deferrable initially immediate,
  seq integer not null,
  kind text not null check (kind in ('paragraph', 'clause', 'task_row')),
  clause text,
  heading text,
  body text not null,
  lead_units text,
  responsible_units text,
  deadline text,
  heading_terms text[] not null default '{}',
  unit_terms text[] not null default '{}',
  body_terms text[] not null default '{}',
  unique (document_id, seq)
);
comment on table qa_passages is '政策问答索引：文件段落、条款和任务分解表的行';

create table qa_index_state (
  id integer primary key check (id = 1),
  generation integer not null default 0,
  rebuilt_at timestamptz,
  -- the library's state the index was built from (documents' publicDocumentsStamp)
  source_stamp text not null default ''
);
insert into qa_index_state (id, generation) values (1, 0);

create table qa_questions (
  id serial primary key,
  asked_at timestamptz not null default now(),
  question text not null,
  channel text not null check (channel in ('portal', 'console', 'cli')),
  refused boolean not null,
  answers integer not null default 0
);
create index qa_questions_asked_at on qa_questions (asked_at);
comment on table qa_questions is '政策问答：群众提问记录（用于统计）';
