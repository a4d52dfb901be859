-- Working-day calendar: one row per year, from the State Council holiday notice.
create table calendar_years (
  year integer primary key check (year between 2000 and 2100),
  notice_title text not null,
  notice_number text,
  notice_date date,
  notice_url text,
  days_off jsonb not null,
  makeup_workdays jsonb not null,
  names jsonb not null default '{}',
  source text not null check (source in ('bundled', 'admin')),
  updated_at timestamptz not null default now(),
  updated_by integer references users(id) deferrable initially immediate
);
