-- 转主动公开: replied applications (予以公开 / 部分公开) proposed for proactive publication (条例第四十四条),
-- one entry per application, decided by the disclosure office.
create table request_release_queue (
  id serial primary key,
  request_id integer not null unique references requests(id) deferrable initially immediate,
  flagged_by integer references users(id) deferrable initially immediate,
  flagged_at timestamptz not null default now(),
  note text,
  status text not null default 'pending' check (status in ('pending', 'published', 'rejected')),
  decided_by integer references users(id) deferrable initially immediate,
  decided_at timestamptz,
  decision_note text,
  check ((status = 'pending') = (decided_at is null))
);
create index request_release_queue_status_idx on request_release_queue (status, flagged_at);

-- Analytics of the same feature: the reply date of each case, and the cases whose clock was stopped
-- (correction, consultation), without scanning the whole event log.
create index request_events_analytics_idx on request_events (type, request_id, on_date)
  where type in ('reply', 'request-correction', 'consult-send');
