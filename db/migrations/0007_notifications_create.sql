-- Notifications (e.g. 答复期限 reminders) with their e-mail delivery, users' e-mail addresses, and the
-- scheduler's claims (one row per job and period: the unique key lets one process of a cluster run it).
alter table users add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$');
comment on column users.email is 'Where notifications are e-mailed when SMTP is configured; null: in-app only';

create table notifications (
  id bigserial primary key,
  user_id integer not null references users(id) on delete cascade deferrable initially immediate,
  -- what it is about, a stable code incl. the milestone, e.g. request.due.5, request.overdue.1
  kind text not null,
  subject_type text not null,
  subject_id text not null,
  title text not null,
  body text not null default '',
  -- the deadline the notification is about (null when there is none)
  due_on date,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- e-mail: claimed/sent at; attempts and the last error when sending failed
  mailed_at timestamptz,
  mail_attempts integer not null default 0,
  mail_error text
);
-- The same notification is never created twice: writers insert with `on conflict do nothing`.
create unique index notifications_once_key
  on notifications (user_id, kind, subject_type, subject_id, coalesce(due_on, '-infinity'::date));
create index notifications_user_idx on notifications (user_id, id desc);
create index notifications_unread_idx on notifications (user_id, id desc) where read_at is null;
create index notifications_unmailed_idx on notifications (id) where mailed_at is null;

create table job_runs (
  name text not null,
  -- start of the period (UTC, ISO 8601) this run was claimed for
  period_key text not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  error text,
  primary key (name, period_key)
);
create index job_runs_started_idx on job_runs (started_at);
