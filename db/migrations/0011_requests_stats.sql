-- 依申请公开 analytics from small aggregate tables instead of scans over the year's cases.
--
-- Facts of the reply on the case row (set from the event log by a trigger, so every writer keeps them):
--   replied_on   the day of the 'reply' event;
--   paused_ever  a correction notice or a consultation was logged (the clock stopped at some point).
-- Both may arrive empty in rows restored from a backup made before this migration: inserted cases get
-- them from the events already there (a restore loads request_events before requests).
alter table requests add column replied_on date;
alter table requests add column paused_ever boolean default false;

update requests r set replied_on = e.on_date
from (select request_id, max(on_date) as on_date from request_events where type = 'reply' group by request_id) e
where e.request_id = r.id;
update requests r set paused_ever = true
where exists (select 1 from request_events p where p.request_id = r.id
  and p.type in ('request-correction', 'consult-send'));

-- Identity lookups for the named repeat applicants (only the few most frequent ones are read).
create index requests_applicant_id_idx on requests ((applicant->>'idNumber'));

-- Counters derived from `requests` only. They live in their own schema: a backup (public schema) does not
-- carry them; a restore truncates `requests`, which empties them, and its inserts count every case again.
create schema request_stats;

-- Cases per receipt year × agency × handling unit × month × channel × applicant type × stage × outcome.
create table request_stats.cases (
  year integer not null,
  org_id integer not null,
  unit_id integer,
  month integer not null,
  channel text not null,
  applicant_type text not null,
  stage text not null,
  outcome text,
  outcome_ground text,
  n integer not null,
  unique nulls not distinct (year, org_id, unit_id, month, channel, applicant_type, stage, outcome, outcome_ground)
);

-- Replied cases per receipt day ('received') and per reply day ('replied'), on time or late.
create table request_stats.reply_days (
  year integer not null,
  org_id integer not null,
  unit_id integer,
  side text not null,
  day date not null,
  on_time boolean not null,
  n integer not null,
  unique nulls not distinct (year, org_id, unit_id, side, day, on_time)
);

-- Cases per applicant identity number per year over every agency, and per agency and unit: only the
-- identities with two cases or more in the year (`repeats`, partial index) can repeat within any scope.
create table request_stats.applicant_years (
  year integer not null,
  id_number text not null,
  n integer not null,
  primary key (year, id_number)
);
create table request_stats.applicants (
  year integer not null,
  id_number text not null,
  org_id integer not null,
  unit_id integer,
  n integer not null,
  repeats boolean not null default false,
  unique nulls not distinct (year, id_number, org_id, unit_id)
);
create index applicants_repeat_idx on request_stats.applicants (year) where repeats;

-- Replied cases whose clock stopped: the working days it did not run, computed by the application with
-- the calendar identified by `mark` (null: to be computed, e.g. after a calendar change or a restore).
create table request_stats.paused (
  request_id integer primary key,
  year integer not null,
  org_id integer not null,
  unit_id integer,
  channel text not null,
  received_on date not null,
  replied_on date not null,
  days integer,
  missing_year integer,
  mark text
);
create index paused_year_idx on request_stats.paused (year);

-- The statements that apply the rows of `src` (a query over the transition tables with a column d = +1 / −1)
-- to the counters. The trigger function itself runs them: only it sees its transition tables.
create function request_stats.apply_sql(src text) returns text[] language sql immutable as $$
  select array[format($q$
    insert into request_stats.cases as c
      (year, org_id, unit_id, month, channel, applicant_type, stage, outcome, outcome_ground, n)
    select extract(year from s.received_on)::int, s.org_id, s.unit_id, extract(month from s.received_on)::int,
      s.channel, s.applicant_type, s.stage, s.outcome, s.outcome_ground, sum(s.d)
    from (%s) s where s.received_on is not null
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9 having sum(s.d) <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9
    on conflict (year, org_id, unit_id, month, channel, applicant_type, stage, outcome, outcome_ground)
    do update set n = c.n + excluded.n$q$, src),
  format($q$
    insert into request_stats.reply_days as c (year, org_id, unit_id, side, day, on_time, n)
    select t.year, t.org_id, t.unit_id, t.side, t.day, t.on_time, sum(t.d)
    from (
      select extract(year from s.received_on)::int as year, s.org_id, s.unit_id, v.side, v.day,
        (s.reply_due is null or s.replied_on <= s.reply_due) as on_time, s.d
      from (%s) s
      cross join lateral (values ('received', s.received_on), ('replied', s.replied_on)) v(side, day)
      where s.received_on is not null and s.replied_on is not null
    ) t
    group by 1, 2, 3, 4, 5, 6 having sum(t.d) <> 0 order by 1, 2, 3, 4, 5, 6
    on conflict (year, org_id, unit_id, side, day, on_time) do update set n = c.n + excluded.n$q$, src),
  format($q$
    insert into request_stats.applicant_years as c (year, id_number, n)
    select extract(year from s.received_on)::int, s.applicant->>'idNumber', sum(s.d)
    from (%s) s where s.received_on is not null and s.applicant->>'idNumber' is not null
    group by 1, 2 having sum(s.d) <> 0 order by 1, 2
    on conflict (year, id_number) do update set n = c.n + excluded.n$q$, src),
  format($q$
    insert into request_stats.applicants as c (year, id_number, org_id, unit_id, n)
    select extract(year from s.received_on)::int, s.applicant->>'idNumber', s.org_id, s.unit_id, sum(s.d)
    from (%s) s where s.received_on is not null and s.applicant->>'idNumber' is not null
    group by 1, 2, 3, 4 having sum(s.d) <> 0 order by 1, 2, 3, 4
    on conflict (year, id_number, org_id, unit_id) do update set n = c.n + excluded.n$q$, src),
  format($q$
    update request_stats.applicants c set repeats = (y.n >= 2)
    from request_stats.applicant_years y
    where (y.year, y.id_number) in (
        select extract(year from s.received_on)::int, s.applicant->>'idNumber'
        from (%s) s where s.received_on is not null and s.applicant->>'idNumber' is not null)
      and c.year = y.year and c.id_number = y.id_number and c.repeats is distinct from (y.n >= 2)$q$, src)]
$$;

-- Keeps request_stats.paused in step with the cases: one row per replied case whose clock stopped.
create function request_stats.paused_sql(new_src text, old_src text) returns text[] language sql immutable as $$
  select array_remove(array[
    case when old_src is not null then format($q$
      delete from request_stats.paused p using (%s) o
      where p.request_id = o.id
        and not exists (select 1 from (%s) n where n.id = o.id and n.received_on is not null
          and n.replied_on is not null and n.paused_ever)$q$, old_src,
        coalesce(new_src, 'select null::int as id, null::date as received_on, null::date as replied_on, false as paused_ever where false')) end,
    case when new_src is not null then format($q$
      insert into request_stats.paused as p (request_id, year, org_id, unit_id, channel, received_on, replied_on)
      select n.id, extract(year from n.received_on)::int, n.org_id, n.unit_id, n.channel, n.received_on, n.replied_on
      from (%s) n where n.received_on is not null and n.replied_on is not null and n.paused_ever
      order by n.id
      on conflict (request_id) do update set year = excluded.year, org_id = excluded.org_id,
        unit_id = excluded.unit_id, channel = excluded.channel, received_on = excluded.received_on,
        replied_on = excluded.replied_on,
        mark = case when (p.channel, p.received_on, p.replied_on)
          = (excluded.channel, excluded.received_on, excluded.replied_on) then p.mark end$q$, new_src) end
  ], null)
$$;

create function request_stats.on_requests() returns trigger language plpgsql as $$
declare
  q text;
  statements text[];
begin
  if tg_op = 'INSERT' then
    -- Rows restored from an older backup: reply day and stopped clock from the events loaded before them.
    update requests r set replied_on = coalesce(r.replied_on, e.replied_on),
      paused_ever = coalesce(r.paused_ever, false) or e.paused
    from (
      select n.id, max(ev.on_date) filter (where ev.type = 'reply') as replied_on,
        bool_or(ev.type in ('request-correction', 'consult-send')) as paused
      from new_rows n join request_events ev on ev.request_id = n.id
      where n.replied_on is null or n.paused_ever is null
      group by n.id
    ) e
    where r.id = e.id and (r.replied_on is distinct from coalesce(r.replied_on, e.replied_on)
      or r.paused_ever is distinct from (coalesce(r.paused_ever, false) or e.paused));
    statements := request_stats.apply_sql('select n.*, 1 as d from new_rows n')
      || request_stats.paused_sql('select * from new_rows', null);
  elsif tg_op = 'DELETE' then
    statements := request_stats.apply_sql('select o.*, -1 as d from old_rows o')
      || request_stats.paused_sql(null, 'select * from old_rows');
  else
    statements := request_stats.apply_sql('select n.*, 1 as d from new_rows n union all select o.*, -1 as d from old_rows o')
      || request_stats.paused_sql('select * from new_rows', 'select * from old_rows');
  end if;
  foreach q in array statements loop
    execute q;
  end loop;
  return null;
end $$;

create function request_stats.on_requests_truncate() returns trigger language plpgsql as $$
begin
  truncate request_stats.cases, request_stats.reply_days, request_stats.applicants,
    request_stats.applicant_years, request_stats.paused;
  return null;
end $$;

-- The reply day and the stopped clock come from the event log (append-only: inserts only).
create function request_stats.on_events() returns trigger language plpgsql as $$
begin
  update requests r set replied_on = e.on_date
  from (select request_id, max(on_date) as on_date from new_events where type = 'reply' group by request_id) e
  where r.id = e.request_id and r.replied_on is distinct from e.on_date;
  update requests r set paused_ever = true
  where r.id in (select request_id from new_events where type in ('request-correction', 'consult-send'))
    and not r.paused_ever;
  -- A clock event after the reply (not allowed by the rules, but possible in an imported log) changes
  -- the paused days: recompute them.
  update request_stats.paused p set mark = null
  where p.request_id in (select request_id from new_events where type in ('request-correction',
    'receive-correction', 'consult-send', 'consult-deliver', 'consult-reply', 'extend', 'fee-notice', 'fee-paid'))
    and p.mark is not null;
  return null;
end $$;

-- Counters for the cases already stored.
do $$
declare
  q text;
begin
  foreach q in array request_stats.apply_sql('select r.*, 1 as d from requests r')
    || request_stats.paused_sql('select * from requests', null) loop
    execute q;
  end loop;
end $$;

create trigger requests_stats_insert after insert on requests
  referencing new table as new_rows for each statement execute function request_stats.on_requests();
create trigger requests_stats_update after update on requests
  referencing old table as old_rows new table as new_rows for each statement execute function request_stats.on_requests();
create trigger requests_stats_delete after delete on requests
  referencing old table as old_rows for each statement execute function request_stats.on_requests();
create trigger requests_stats_truncate after truncate on requests
  for each statement execute function request_stats.on_requests_truncate();
create trigger request_events_stats_insert after insert on request_events
  referencing new table as new_events for each statement execute function request_stats.on_events();
