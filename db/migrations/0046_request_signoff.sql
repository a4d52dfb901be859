-- 答复的审核签发 (条例第四十五条: 登记、审核、办理、答复、归档): each agency's sign-off chain for replies, and the
-- step a case's reply draft waits for. The reply (and its letter) goes out only on the final signature.
create table request_signoff_chains (
  org_id integer primary key references orgs(id) deferrable initially immediate,
  chain text not null check (chain in ('full', 'sign-only', 'none')),
  updated_by integer references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
comment on table request_signoff_chains is '答复审核签发流程：full 承办人拟稿→公开办审核→负责人签发；sign-only 不经审核；none 直接答复';

-- The agencies that already receive applications get the full chain; an agency without a row replies
-- directly until its office chooses a chain.
insert into request_signoff_chains (org_id, chain) select id, 'full' from orgs where accepts_requests;

alter table requests add column signoff_step text check (signoff_step in ('review', 'sign'));
comment on column requests.signoff_step is '答复草稿等待的环节：review 公开办审核，sign 负责人签发；null 无待签发的草稿';
