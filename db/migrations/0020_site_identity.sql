-- First run for a real government: the site's identity (what the portal, the login page, letters and
-- exports say about who runs the site), the government's region code, and first-login password changes.

-- 行政区划代码 of a government (6 digits, or 12 for a town-level code); null for other organisations.
alter table orgs add column region_code text check (region_code ~ '^[0-9]{6}([0-9]{6})?$');
comment on column orgs.region_code is '行政区划代码 (region code) of a government: 6 or 12 digits';

-- The account was given a password by someone else (generated at setup): it must be changed at first login.
alter table users add column must_change_password boolean not null default false;
comment on column users.must_change_password is 'The next sign-in must choose a new password before anything else';

-- One row per government that has a site; today only the root government has one.
create table site_identity (
  org_id integer primary key references orgs(id) deferrable initially immediate,
  site_name text not null check (length(site_name) between 1 and 60),
  -- 主办单位, shown in the footer
  sponsor text check (length(sponsor) <= 100),
  -- the disclosure office (政府信息公开工作机构) whose contact details the guide shows
  office_org_id integer references orgs(id) deferrable initially immediate,
  office_phone text check (length(office_phone) <= 40),
  office_address text check (length(office_address) <= 200),
  office_hours text check (length(office_hours) <= 100),
  -- 网站标识码 (10 characters, 0-9 A-Z)
  site_code text check (site_code ~ '^[0-9A-Z]{10}$'),
  -- ICP备案号, e.g. 鲁ICP备12345678号-1
  icp_record text check (length(icp_record) <= 40),
  -- 公安机关备案号, e.g. 鲁公网安备 37080202000123号
  police_record text check (length(police_record) <= 40),
  logo_file_id integer references files(id) deferrable initially immediate,
  updated_at timestamptz not null default now(),
  updated_by integer references users(id) deferrable initially immediate
);
comment on table site_identity is 'Site identity of a government''s portal: name, 主办单位, office contact, 网站标识码, ICP and 公安 records, logo';
