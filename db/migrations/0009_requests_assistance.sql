-- 协助调查 / 会商: a case's handler asks another organisation's unit for assistance, with a due date; that
-- unit answers with a text and files. The case's log carries 'assist-request' and 'assist-reply' events.
create table request_assistance (
  id serial primary key,
  -- the id carried by the case's events (assistanceId)
  public_id text not null unique,
  request_id integer not null references requests(id) deferrable initially immediate,
  unit_id integer not null references orgs(id) deferrable initially immediate,
  kind text not null check (kind in ('investigation', 'meeting')),
  question text not null,
  asked_on date not null,
  due_on date not null,
  asked_by integer references users(id) deferrable initially immediate,
  status text not null default 'open' check (status in ('open', 'answered')),
  reply_text text,
  reply_file_ids integer[] not null default '{}',
  replied_on date,
  replied_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  check (due_on >= asked_on),
  check ((status = 'answered') = (replied_on is not null))
);
create index request_assistance_unit_idx on request_assistance (unit_id, status, due_on, id);
create index request_assistance_request_idx on request_assistance (request_id, id);
