-- Sign-in attempts, counted before the password is checked, per name typed (whether an account has it
-- or not), per name and address, and per address, in 15-minute windows (`orgs/domain/throttle.ts`).
-- A count over its limit refuses further attempts until the window ends, with one message for all:
-- nothing tells whether the account exists, and nobody at another address can lock a person out by
-- the name-and-address count. Replaces the per-account lockout (users.failed_logins, locked_until).
create table login_throttle (
  key text primary key,
  attempts integer not null,
  window_start timestamptz not null
);
comment on table login_throttle is '登录尝试计数：按用户名、用户名和地址、地址分别计数，15分钟为一个时段';
