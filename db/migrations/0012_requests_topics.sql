-- 依申请公开 analytics, topics of the year: the year's most recent applications are read from this narrow
-- copy (receipt year, id, scope, stage, outcome, and a key of the text) instead of the wide case rows.
-- text_key = md5(subject || chr(1) || left(description, 120)): 120 is TOPIC_DESCRIPTION_CHARS
-- (analytics.service.ts); the texts themselves are fetched by id only when not segmented yet.
create table request_stats.topics (
  id integer primary key,
  year integer not null,
  org_id integer not null,
  unit_id integer,
  stage text not null,
  outcome text,
  text_key text not null
);
create index topics_year_id_idx on request_stats.topics (year, id);

create function request_stats.topics_sql(new_src text, old_src text) returns text[] language sql immutable as $$
  select array_remove(array[
    case when old_src is not null then format($q$
      delete from request_stats.topics t using (%s) o
      where t.id = o.id
        and not exists (select 1 from (%s) n where n.id = o.id and n.received_on is not null)$q$, old_src,
        coalesce(new_src, 'select null::int as id, null::date as received_on where false')) end,
    case when new_src is not null then format($q$
      insert into request_stats.topics as t (id, year, org_id, unit_id, stage, outcome, text_key)
      select n.id, extract(year from n.received_on)::int, n.org_id, n.unit_id, n.stage, n.outcome,
        md5(n.subject || chr(1) || left(n.description, 120))
      from (%s) n where n.received_on is not null
      order by n.id
      on conflict (id) do update set year = excluded.year, org_id = excluded.org_id, unit_id = excluded.unit_id,
        stage = excluded.stage, outcome = excluded.outcome, text_key = excluded.text_key
      where (t.year, t.org_id, t.unit_id, t.stage, t.outcome, t.text_key) is distinct from
        (excluded.year, excluded.org_id, excluded.unit_id, excluded.stage, excluded.outcome, excluded.text_key)$q$,
      new_src) end
  ], null)
$$;

create or replace function request_stats.on_requests() returns trigger language plpgsql as $$
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
      || request_stats.paused_sql('select * from new_rows', null)
      || request_stats.topics_sql('select * from new_rows', null);
  elsif tg_op = 'DELETE' then
    statements := request_stats.apply_sql('select o.*, -1 as d from old_rows o')
      || request_stats.paused_sql(null, 'select * from old_rows')
      || request_stats.topics_sql(null, 'select * from old_rows');
  else
    statements := request_stats.apply_sql('select n.*, 1 as d from new_rows n union all select o.*, -1 as d from old_rows o')
      || request_stats.paused_sql('select * from new_rows', 'select * from old_rows')
      || request_stats.topics_sql('select * from new_rows', 'select * from old_rows');
  end if;
  foreach q in array statements loop
    execute q;
  end loop;
  return null;
end $$;

create or replace function request_stats.on_requests_truncate() returns trigger language plpgsql as $$
begin
  truncate request_stats.cases, request_stats.reply_days, request_stats.applicants,
    request_stats.applicant_years, request_stats.paused, request_stats.topics;
  return null;
end $$;

do $$
declare
  q text;
begin
  foreach q in array request_stats.topics_sql('select * from requests', null) loop
    execute q;
  end loop;
end $$;
