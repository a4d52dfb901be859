-- 公众参与 beyond comment on drafts (《重大行政决策程序暂行条例》 Art. 16–17; 国办发〔2016〕80号 and the
-- 全面推进政务公开 rules on 决策公开): hearings (听证会), government meetings open to public representatives
-- (列席政府会议), open days (政府开放日), each with sign-up on the portal; and the evaluation of policies
-- in force (政策执行效果评估).
--
-- One table for the three kinds of event: they share the date, the place, the sign-up window, the number
-- of places and the way participants are chosen. A draw records its seed and the candidate list, so that
-- anyone can re-draw and get the same names.

create table decision_events (
  id serial primary key,
  kind text not null check (kind in ('hearing', 'meeting', 'open_day')),
  org_id integer not null references orgs(id) deferrable initially immediate,
  item_id integer references decision_items(id) on delete set null deferrable initially immediate,
  title text not null,
  description text not null default '',
  held_on date not null,
  starts_at text not null default '',
  place text not null default '',
  signup_closes_on date,
  places integer not null check (places between 1 and 10000),
  selection text not null default 'draw' check (selection in ('draw', 'criteria', 'first_come')),
  selection_note text not null default '',
  draw_seed text,
  draw_candidates jsonb,
  drawn_at timestamptz,
  list_published boolean not null default false,
  materials_sent_on date,
  record text not null default '',
  record_confirmed_on date,
  stream_url text not null default '',
  recording_url text not null default '',
  summary text not null default '',
  status text not null default 'draft' check (status in ('draft', 'published')),
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index decision_events_org_held on decision_events (org_id, held_on);
comment on table decision_events is '听证会、公众代表列席政府会议、政府开放日：时间地点、报名期限、名额、遴选方式（抽签种子和候选名单）、材料送达、听证笔录确认、直播和回放链接、结果和反馈';

-- Who signed up. Name and contact are personal data: only the names of the selected participants are
-- published (the law asks for the participant list), nothing else ever.
create table decision_event_signups (
  id serial primary key,
  event_id integer not null references decision_events(id) on delete cascade deferrable initially immediate,
  name text not null,
  contact text not null,
  identity text not null default '',
  reason text not null default '',
  selected boolean not null default false,
  opinion text not null default '',
  answer text not null default '',
  created_at timestamptz not null default now()
);
create index decision_event_signups_event on decision_event_signups (event_id, id);
comment on table decision_event_signups is '报名参加听证会、列席会议、开放日的公众：姓名和联系方式不公开，仅公布入选人员姓名；列席代表的意见和答复';

-- The survey after an open day: a rating and a remark, anonymous.
create table decision_event_surveys (
  id serial primary key,
  event_id integer not null references decision_events(id) on delete cascade deferrable initially immediate,
  rating integer not null check (rating between 1 and 5),
  remark text not null default '',
  created_at timestamptz not null default now()
);
create index decision_event_surveys_event on decision_event_surveys (event_id);
comment on table decision_event_surveys is '政府开放日活动后的满意度调查（匿名）';

create table policy_evaluations (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  policy text not null,
  evaluator text not null,
  method text not null,
  findings text not null,
  result text not null check (result in ('continue', 'amend', 'repeal')),
  evaluated_on date not null,
  published boolean not null default false,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index policy_evaluations_org_date on policy_evaluations (org_id, evaluated_on);
comment on table policy_evaluations is '政策执行效果评估：评估的政策、评估主体、方式、发现的问题和结论（继续施行、修改、废止），公开发布';

-- The yearly targets (local rules, hence settings): meetings with public representatives, evaluations
-- per government and per unit.
alter table decision_settings
  add column meeting_target integer not null default 10 check (meeting_target between 0 and 1000),
  add column evaluation_target_government integer not null default 5 check (evaluation_target_government between 0 and 1000),
  add column evaluation_target_unit integer not null default 2 check (evaluation_target_unit between 0 and 1000);
