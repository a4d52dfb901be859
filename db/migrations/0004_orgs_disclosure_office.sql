-- Which agency an organisation serves as its disclosure office (e.g. 市政府办公室 for 济宁市人民政府).
alter table orgs add column serves_org_id integer references orgs(id) deferrable initially immediate;
comment on column orgs.serves_org_id is 'This organisation is the disclosure office (政府信息公开工作机构) of that agency';
