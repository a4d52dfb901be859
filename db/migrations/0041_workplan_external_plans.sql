-- 上下级计划衔接 (province → city → county): a plan imported from an issuer outside the platform's tree (the
-- province's 政务公开工作要点, imported by the city like any other table) is owned by the importing organisation
-- and names its issuer here; its units are kept verbatim (they are not the platform's organisations). A plan of
-- the platform then links to it (work_plans.parent_plan_id) and each of its tasks to the parent's task it carries
-- out (work_tasks.parent_task_id), as the office confirms them; the parent's tasks roll their children up.
alter table work_plans add column external_issuer text;
comment on column work_plans.external_issuer is '外部发文机关（如省政府办公厅）：该计划为导入的上级外部计划，单位名称照录、不分解到本平台机构';
