-- 政务公开事项标准目录 (B9; 国办发〔2019〕54号 and the 26 areas' standard guidelines): per government or
-- agency and area (领域), each item with what, on what basis, by when, by whom, where and to whom it is
-- disclosed, tied to the statutory column (`disclosure_columns`) or portal page that fulfils it, so its
-- freshness can be checked against its 公开时限.

create table standard_items (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  area text not null,
  -- 公开事项: 一级事项 and 二级事项 (the latter may be empty)
  matter text not null,
  sub_matter text not null default '',
  -- 公开内容（要素）, 公开依据, 公开时限 (as written), 公开主体, 公开渠道和载体
  content text not null default '',
  basis text not null default '',
  time_limit text not null default '',
  publisher text not null default '',
  channels text not null default '',
  audience text not null default '全社会' check (audience in ('全社会', '特定群体')),
  manner text not null default '主动' check (manner in ('主动', '依申请')),
  -- 公开层级: 市级 / 县级 / 乡级, several joined with 、
  level text not null default '',
  -- what fulfils it: a statutory column, else a portal page checked by hand (verified_on)
  column_id integer references disclosure_columns(id) on delete set null deferrable initially immediate,
  link_path text,
  verified_on date,
  sort_order integer not null default 0,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index standard_items_org on standard_items (org_id, area);
create unique index standard_items_unique on standard_items (org_id, area, matter, sub_matter);
comment on table standard_items is '政务公开事项标准目录：按领域列明公开事项、内容、依据、时限、主体、渠道、对象、方式、层级';
