-- 政策问答 (e3): questions the portal could not answer, sent on by the asker to the responsible unit.
-- The office confirms or reassigns the suggested unit, the unit answers, the office reviews and sends the
-- answer; a general answer may be published into 政策问答库 (pair_id). The contact is never shown publicly.

create table qa_routed_questions (
  id serial primary key,
  tracking_code text not null unique,
  question text not null check (length(question) between 1 and 500),
  contact_phone text,
  contact_email text,
  asked_on date not null,
  asked_at timestamptz not null default now(),
  suggested_org_id integer references orgs(id) on delete set null deferrable initially immediate,
  suggestion_reason text,
  org_id integer references orgs(id) deferrable initially immediate,
  status text not null default 'received' check (status in ('received', 'assigned', 'answered', 'sent')),
  due_days integer not null check (due_days between 1 and 60),
  due_on date not null,
  answer text check (answer is null or length(answer) <= 4000),
  cited_document_ids integer[] not null default '{}',
  general boolean not null default false,
  answered_on date,
  answered_by integer references users(id) deferrable initially immediate,
  reviewed_by integer references users(id) deferrable initially immediate,
  review_note text,
  sent_on date,
  pair_id integer references qa_pairs(id) on delete set null deferrable initially immediate,
  updated_at timestamptz not null default now()
);
create index qa_routed_questions_status on qa_routed_questions (status, due_on);
comment on table qa_routed_questions is '政策问答转办：未能自动答复、由提问人转交承办单位答复的问题';

create table qa_settings (
  id integer primary key check (id = 1),
  routed_due_days integer not null default 5 check (routed_due_days between 1 and 60)
);
insert into qa_settings (id) values (1);
comment on table qa_settings is '政策问答设置：转办问题的答复期限（工作日）';
