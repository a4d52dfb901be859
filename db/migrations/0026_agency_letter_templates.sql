-- Issue 12: every agency runs its own applications.
-- 1. Letter templates per agency: a row with org_id overrides, for the cases addressed to that agency, the
--    shared row (org_id null) and the built-in default of its kind (src/modules/requests/letters/).
alter table request_letter_templates drop constraint request_letter_templates_pkey;
alter table request_letter_templates
  add column org_id integer references orgs(id) deferrable initially immediate;
create unique index request_letter_templates_shared_uq on request_letter_templates (kind) where org_id is null;
create unique index request_letter_templates_agency_uq on request_letter_templates (kind, org_id)
  where org_id is not null;
comment on column request_letter_templates.org_id is 'null = the shared template; otherwise the agency whose cases use this text';
