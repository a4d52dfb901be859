-- The organisation register kept from a spreadsheet (issue 12): short name, unified social credit
-- code, whether the organisation accepts applications, disabling; two more kinds; staff phone numbers.
alter table orgs add column short_name text check (short_name is null or length(short_name) between 1 and 50);
comment on column orgs.short_name is '简称';
alter table orgs add column credit_code text check (credit_code is null or credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$');
comment on column orgs.credit_code is '统一社会信用代码 (GB 32100-2015), 18 characters; the check character is verified by the application';
create unique index orgs_credit_code_key on orgs (credit_code) where credit_code is not null;
alter table orgs add column accepts_requests boolean not null default true;
comment on column orgs.accepts_requests is '是否受理依申请公开: listed as 受理机关 on the portal form';
alter table orgs add column disabled boolean not null default false;
comment on column orgs.disabled is '停用: left out of pickers and the portal, records kept';

alter table orgs drop constraint orgs_kind_check;
alter table orgs add constraint orgs_kind_check
  check (kind in ('government', 'department', 'county', 'town', 'institution', 'enterprise'));
comment on column orgs.kind is 'government 人民政府, department 政府部门, county 县级人民政府, town 乡镇街道, institution 事业单位, enterprise 公共企事业单位';

alter table users add column phone text check (phone is null or phone ~ '^[0-9+() -]{5,30}$');
comment on column users.phone is '手机 (or office telephone)';
