-- 政府文件库 search: synonyms and abbreviations mined from the library's own wording (以下简称“X”,
-- title words spelt out in the same documents), proposed to the office; accepted pairs expand queries
-- alongside the fixed list (documents/domain/synonyms.ts). Mining updates the evidence, never a decision.
create table search_synonym_candidates (
  id serial primary key,
  short_form text not null check (length(short_form) between 2 and 12),
  long_form text not null check (length(long_form) between 3 and 40),
  source text not null check (source in ('definition', 'subsequence')),
  documents integer not null default 1 check (documents >= 0),
  example_document_id integer references documents(id) on delete set null deferrable initially immediate,
  example text not null default '',
  status text not null default 'proposed' check (status in ('proposed', 'accepted', 'rejected')),
  reviewed_by integer references users(id) deferrable initially immediate,
  reviewed_at timestamptz,
  mined_at timestamptz not null default now(),
  unique (short_form, long_form),
  check (short_form <> long_form)
);
create index search_synonym_candidates_status on search_synonym_candidates (status, documents desc, id);
comment on table search_synonym_candidates is '文件检索同义词、简称候选：从文件库中挖掘，经公开办审核后用于检索扩展';
