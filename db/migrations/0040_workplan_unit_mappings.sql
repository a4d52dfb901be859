-- 工作台账导入: the unit mappings an office chose for its own tables, remembered per importing organisation so
-- that a re-import of the same (or next year's) table is mapped the same way: a name → an organisation, or a
-- name kept as a group name (org_id null). Kept apart from org_aliases (one alias for the whole installation):
-- two counties may write 财政局 for their own bureaux.
create table work_unit_mappings (
  id serial primary key,
  owner_org_id integer not null references orgs(id) on delete cascade deferrable initially immediate,
  name text not null,
  -- null: the name is a group name (各县（市、区）政府…, 济宁高新区), kept verbatim and assigned to nobody
  org_id integer references orgs(id) on delete cascade deferrable initially immediate,
  created_by integer references users(id) on delete set null deferrable initially immediate,
  created_at timestamptz not null default now(),
  unique (owner_org_id, name)
);
comment on table work_unit_mappings is '工作台账导入时各机构选定的单位对应关系（按导入机构记忆，再次导入时沿用）';
