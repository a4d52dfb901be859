-- One installation, many governments: each government's site is chosen by the request's host name (this
-- list, kept unique across sites by the site module) or by the path prefix /s/{行政区划代码}/.
alter table site_identity add column hosts text[] not null default '{}';
comment on column site_identity.hosts is 'Host names (lower case, no port) that serve this government''s site';
