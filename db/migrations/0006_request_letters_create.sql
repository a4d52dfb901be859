-- 依申请公开: the outgoing letters of a case (补正告知书, 延期答复告知书, 收费通知书, 征求意见函, 答复书).
-- A template row overrides the built-in default text of its kind (src/modules/requests/letters/templates.ts).
create table request_letter_templates (
  kind text primary key,
  title text not null,
  body text not null,
  updated_at timestamptz not null default now(),
  updated_by integer references users(id) deferrable initially immediate
);

-- The letters kept in the case file: one per event that produced one, its .docx stored in files.
create table request_letters (
  id serial primary key,
  request_id integer not null references requests(id) deferrable initially immediate,
  event_id bigint not null unique references request_events(id) deferrable initially immediate,
  kind text not null,
  title text not null,
  file_id integer not null references files(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index request_letters_request_idx on request_letters (request_id, id);
