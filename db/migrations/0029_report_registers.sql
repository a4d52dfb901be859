-- The two registers behind the annual report (A9, A10): the review/litigation register gains its link to the
-- application (case), the decision document and who changed it last; the complaints register (条例第五十一条)
-- and its setting, the working days an answer is due in.

alter table report_reviews
  -- the application the review or lawsuit is about (resolved from request_case_no when it names a case)
  add column request_id integer references requests(id) deferrable initially immediate,
  -- the decision or judgment (复议决定书 / 判决书), an upload of platform/files
  add column file_id integer references files(id) deferrable initially immediate,
  -- a 纠正 result that orders a new reply (责令重新答复): recording it reopened the case
  add column orders_new_reply boolean not null default false,
  add column updated_by integer references users(id) deferrable initially immediate,
  add column updated_at timestamptz not null default now();
create index report_reviews_request_idx on report_reviews (request_id);

create table complaints (
  id serial primary key,
  -- the agency complained about or reported (被投诉/举报机关)
  org_id integer not null references orgs(id) deferrable initially immediate,
  -- complaint = 投诉, report = 举报
  kind text not null check (kind in ('complaint', 'report')),
  -- letter = 来信, phone = 来电, online = 网上, in-person = 当面
  channel text not null check (channel in ('letter', 'phone', 'online', 'in-person')),
  received_on date not null,
  -- the complainant's personal data: seen by staff only
  complainant_name text not null,
  complainant_phone text not null default '',
  complainant_address text not null default '',
  content text not null,
  request_id integer references requests(id) deferrable initially immediate,
  -- received → assigned → answered → closed
  state text not null default 'received' check (state in ('received', 'assigned', 'answered', 'closed')),
  assignee_org_id integer references orgs(id) deferrable initially immediate,
  assignee_id integer references users(id) deferrable initially immediate,
  -- the answer is due on this day: due_days working days after receipt (complaint_settings at registration),
  -- counted on the calendar and recounted when it changes
  due_days integer not null check (due_days between 1 and 90),
  due_on date not null,
  answer text not null default '',
  answered_on date,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now(),
  check ((state in ('answered', 'closed')) = (answered_on is not null)),
  check (answered_on is null or answered_on >= received_on)
);
create index complaints_org_idx on complaints (org_id, received_on);
comment on table complaints is '政府信息公开工作投诉、举报登记（条例第五十一条）：渠道、投诉人、被投诉机关、办理和答复';

create table complaint_settings (
  id integer primary key default 1 check (id = 1),
  -- working days from receipt within which a complaint or report is answered
  answer_working_days integer not null default 15 check (answer_working_days between 1 and 90)
);
insert into complaint_settings (id) values (1);
