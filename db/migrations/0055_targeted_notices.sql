-- 定点、定向公开 (B12): information published to one village, community or group (e.g. a village's
-- 耕地地力保护补贴 list), with its publication period (公示期) and where it was posted (公开栏). The list is
-- kept masked: identity-number columns dropped, names, phones, accounts and house numbers masked when
-- the list comes in (`standards/domain/masking.ts`); no output can show more than what is stored.

create table targeted_notices (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  title text not null,
  -- the village, community or group it is for, and who it concerns (本村种粮农户)
  place text not null,
  audience text not null default '',
  intro text not null default '',
  columns jsonb not null default '[]',
  kinds jsonb not null default '[]',
  rows jsonb not null default '[]',
  removed_columns jsonb not null default '[]',
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  -- the office's 监督电话 (not a person's)
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'published', 'withdrawn')),
  withdraw_reason text,
  published_at timestamptz,
  published_by integer references users(id) deferrable initially immediate,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index targeted_notices_org on targeted_notices (org_id, period_start);
comment on table targeted_notices is '定点、定向公开：面向特定村（社区）或群体公开的信息及其公示期，名单中的个人信息已脱敏';

create table targeted_postings (
  id serial primary key,
  notice_id integer not null references targeted_notices(id) on delete cascade deferrable initially immediate,
  -- where it was posted (张庄村村务公开栏), when, taken down when, by whom
  location text not null,
  posted_on date not null,
  removed_on date check (removed_on is null or removed_on >= posted_on),
  posted_by text not null default '',
  note text not null default '',
  recorded_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index targeted_postings_notice on targeted_postings (notice_id);
comment on table targeted_postings is '定向公开张贴记录：张贴地点、日期、撤下日期';
