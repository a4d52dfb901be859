-- Who receives an agency's applications (issue 12): every 行政机关 is its own disclosure subject
-- (条例第四条、第二十七条), so an agency either receives with its own office-role staff (null) or names
-- the office organisation that receives on its behalf (e.g. 市政府办公室 for a department without staff).
alter table orgs add column receiving_office_id integer references orgs(id) deferrable initially immediate;
alter table orgs add constraint orgs_receiving_office_not_self check (receiving_office_id is null or receiving_office_id <> id);
comment on column orgs.receiving_office_id is '受理方式: null = 本机关公开办受理; otherwise the office organisation whose office-role users receive this agency''s applications';
