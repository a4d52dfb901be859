-- Adjustments of a published 重大行政决策事项目录 (《重大行政决策程序暂行条例》 Art. 3(3): the catalogue is
-- published and "根据实际情况调整"; the plans ask for the adjustments and their reasons to be published).
-- Once an item has been on the portal, every change to it (an edit, its withdrawal from the catalogue) and
-- every item added to a catalogue published on an earlier day carries a reason and keeps the item's values
-- before and after the change: one row per adjustment, written in the transaction of the change.

alter table decision_items add column first_published_at timestamptz;
update decision_items set first_published_at = coalesce(updated_at, created_at) where published;

create table decision_item_versions (
  id serial primary key,
  item_id integer not null references decision_items(id) on delete cascade deferrable initially immediate,
  org_id integer not null references orgs(id) deferrable initially immediate,
  year integer not null,
  version integer not null check (version >= 1),
  change text not null check (change in ('add', 'edit', 'withdraw', 'restore')),
  reason text not null check (length(btrim(reason)) > 0),
  before jsonb,
  after jsonb not null,
  changed_on date not null,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  unique (item_id, version)
);
create index decision_item_versions_catalogue on decision_item_versions (org_id, year, id);
comment on table decision_item_versions is '重大行政决策事项目录的调整记录：公布后新增、修改、撤销事项的原因，调整前后的事项内容（旧版本保留）';

-- The portal's consultation page lists the published comments a page at a time, copies of one text (a
-- group) once with their number: read in the order of their group, by this index, whatever the number of
-- comments.
create index consultation_comments_published_unit
  on consultation_comments (consultation_id, (coalesce(group_id, id)), id)
  where status = 'published';

-- The number of published comment units of a consultation (a comment alone, or a group of copies once),
-- which the portal page shows and pages by, kept on the consultation by a trigger so that every writer
-- (the portal form, entry, import, moderation, grouping, demo seeds, restore) keeps it and the page reads
-- it with the consultation instead of counting thousands of comments per visit.
alter table consultations add column published_units integer not null default 0;

create function consultation_published_units(consultation integer) returns integer
  language sql stable as $$
    select count(distinct coalesce(group_id, id))::integer from consultation_comments
    where consultation_id = consultation and status = 'published'
  $$;

create function consultation_comments_units() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    update consultations c set published_units = consultation_published_units(c.id)
    where c.id in (select distinct consultation_id from new_rows where status = 'published');
  elsif tg_op = 'DELETE' then
    update consultations c set published_units = consultation_published_units(c.id)
    where c.id in (select distinct consultation_id from old_rows where status = 'published');
  else
    update consultations c set published_units = consultation_published_units(c.id)
    where c.id in (
      select n.consultation_id from new_rows n join old_rows o on o.id = n.id
      where n.status is distinct from o.status or n.group_id is distinct from o.group_id
         or n.consultation_id is distinct from o.consultation_id
      union select o.consultation_id from new_rows n join old_rows o on o.id = n.id
      where n.consultation_id is distinct from o.consultation_id
    );
  end if;
  return null;
end $$;

create trigger consultation_comments_units_insert after insert on consultation_comments
  referencing new table as new_rows for each statement execute function consultation_comments_units();
create trigger consultation_comments_units_update after update on consultation_comments
  referencing old table as old_rows new table as new_rows for each statement execute function consultation_comments_units();
create trigger consultation_comments_units_delete after delete on consultation_comments
  referencing old table as old_rows for each statement execute function consultation_comments_units();

update consultations c set published_units = consultation_published_units(c.id);
