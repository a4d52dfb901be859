-- 决策公开、公众参与: public comment on draft decisions (《重大行政决策程序暂行条例》 Art. 14–15, 18).
-- A consultation (意见征集) belongs to a government or agency; its draft text is split into numbered
-- articles on the portal so a comment may point at one. Comments arrive on the portal or are entered
-- by staff (letter, e-mail, phone, spreadsheet import); near-duplicate comments (a circulated text) are
-- grouped; each comment or group gets its feedback (采纳/部分采纳/未采纳) for the published report.

create table consultations (
  id serial primary key,
  org_id integer not null references orgs(id) deferrable initially immediate,
  title text not null,
  -- the draft (plain text; lines starting 第…条 or numbered paragraphs become articles)
  draft text not null default '',
  -- 起草说明
  explanation text not null default '',
  -- how to comment besides the portal form (address, e-mail, phone)
  channels text not null default '',
  opens_on date not null,
  -- the last day as entered, and the last day after the 民法典 Art. 203 roll-over
  planned_last_day date not null,
  closes_on date not null,
  -- 713 Art. 15: a period shorter than 30 days needs a reason stated publicly
  short_reason text,
  status text not null default 'draft' check (status in ('draft', 'published', 'closed')),
  published_at timestamptz,
  closed_at timestamptz,
  -- the feedback report (公众意见采纳情况) and when it was published
  feedback_summary text not null default '',
  feedback_published_at timestamptz,
  created_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index consultations_org on consultations (org_id);
comment on table consultations is '意见征集：决策草案、起草说明、征求意见期限（不少于30日，缩短须说明理由）';

create table consultation_comments (
  id serial primary key,
  consultation_id integer not null references consultations(id) on delete cascade deferrable initially immediate,
  channel text not null check (channel in ('portal', 'letter', 'email', 'phone', 'import')),
  -- personal data: never shown on the portal
  name text,
  contact text,
  content text not null,
  -- the article number the comment points at
  article integer,
  received_on date not null,
  status text not null default 'pending' check (status in ('pending', 'published', 'hidden')),
  moderation_reason text,
  -- near-duplicate group: the id of the group's first comment; manual = split out or merged by staff
  group_id integer,
  group_manual boolean not null default false,
  feedback text check (feedback in ('adopted', 'partly', 'rejected')),
  feedback_reason text,
  entered_by integer references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index consultation_comments_consultation on consultation_comments (consultation_id, id);
comment on table consultation_comments is '征集到的意见：网上提交或工作人员录入（信件、电子邮件、电话、表格导入），含审核、分组和采纳情况';

-- The local policy on the feedback report: published within N working days after the comment period
-- closes (a local rule, not 713's, hence a setting; 10 by default).
create table decision_settings (
  id integer primary key default 1 check (id = 1),
  feedback_working_days integer not null default 10 check (feedback_working_days between 1 and 60),
  updated_at timestamptz not null default now()
);
comment on table decision_settings is '决策公开设置：意见采纳情况反馈期限（征求意见结束后的工作日数）';
