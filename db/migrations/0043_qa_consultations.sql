-- 咨询记录 (C4): questions put to the 12345 hotline (转办), the service hall and 一号答, entered or imported
-- with their answers; frequent ones are suggested into 政策问答库 (pair_id), topics counted per month.

create table qa_consultations (
  id serial primary key,
  channel text not null check (channel in ('hotline', 'hall', 'yihaoda')),
  asked_on date not null,
  question text not null check (length(question) between 1 and 500),
  answer text not null default '' check (length(answer) <= 4000),
  org_id integer references orgs(id) deferrable initially immediate,
  topic text not null default '' check (length(topic) <= 20),
  question_terms text[] not null default '{}',
  pair_id integer references qa_pairs(id) on delete set null deferrable initially immediate,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index qa_consultations_asked_on on qa_consultations (asked_on);
comment on table qa_consultations is '咨询记录：12345热线转办、政务服务大厅、一号答的咨询及答复';
