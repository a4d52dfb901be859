-- 年度报告更正: a published report is corrected by a new version of the same agency and year, which goes
-- through 草稿 → 已报送 → 已审核 → 已公开 again; once it is published the earlier version stays reachable,
-- marked 已更正 (superseded_at).
alter table reports add column version integer not null default 1 check (version >= 1);
alter table reports add column corrects_id integer references reports(id) deferrable initially immediate;
alter table reports add column correction_reason text;
alter table reports add column superseded_at timestamptz;
alter table reports drop constraint reports_org_id_year_key;
alter table reports add constraint reports_org_id_year_version_key unique (org_id, year, version);
-- at most one version of an agency's year not yet published (the first draft or the open correction)
create unique index reports_one_open on reports (org_id, year) where state <> 'published';
comment on column reports.version is '版本：1 为首次公开的报告，更正后依次递增';
comment on column reports.correction_reason is '更正说明';
comment on column reports.superseded_at is '被更正的时间（该版本已由新版本更正）';
