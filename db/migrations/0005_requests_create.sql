-- 依申请公开: one row per application (derived state stored for indexed lists) and its append-only event log.
create table requests (
  id serial primary key,
  case_no text unique,
  org_id integer not null references orgs(id) deferrable initially immediate,
  unit_id integer references orgs(id) deferrable initially immediate,
  handler_id integer references users(id) deferrable initially immediate,
  channel text not null check (channel in ('online', 'in-person', 'post-signed', 'post-confirmed', 'fax', 'email')),
  submitted_on date not null,
  received_on date,
  stage text not null,
  applicant_type text not null,
  applicant_name text not null,
  applicant jsonb not null,
  subject text not null,
  doc_number text,
  description text not null,
  form_wanted text,
  delivery_wanted text,
  outcome text,
  outcome_ground text,
  reply_due date,
  paused boolean not null default false,
  -- set when the deadline reaches a year whose holiday arrangement is not loaded (no guessing)
  clock_missing_year integer,
  tracking_code text unique,
  tracking_password_hash text,
  submission_key text unique,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index requests_due_idx on requests (reply_due, id) where stage in ('registered', 'processing', 'awaiting-correction');
create index requests_unit_due_idx on requests (unit_id, reply_due, id);
create index requests_org_due_idx on requests (org_id, reply_due, id);
create index requests_stage_idx on requests (stage);

create table request_events (
  id bigserial primary key,
  request_id integer not null references requests(id) deferrable initially immediate,
  at timestamptz not null default now(),
  on_date date not null,
  type text not null,
  actor_id integer references users(id) deferrable initially immediate,
  data jsonb not null default '{}'
);
create index request_events_request_idx on request_events (request_id, id);
