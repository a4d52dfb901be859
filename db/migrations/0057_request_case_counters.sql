-- 依申请公开 case numbers without gaps: one counter per year, taken in the registering transaction
-- (a sequence is not rolled back, so a failed registration left a hole in the numbering).
create table request_case_counters (
  year integer primary key,
  last_no integer not null check (last_no > 0)
);
-- Carry on from the numbers already given (they came from the requests' ids).
insert into request_case_counters (year, last_no)
select substr(case_no, 1, 4)::integer, max(substr(case_no, 6)::integer)
from requests
where case_no ~ '^[0-9]{4}-[0-9]{1,9}$'
group by 1;
