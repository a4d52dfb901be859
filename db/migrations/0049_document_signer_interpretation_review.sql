-- Who signed a document's publication (签发人), recorded when it is published after a confirmation.
alter table documents add column published_by integer references users(id) deferrable initially immediate;

-- 三同步: interpretations added after a document is published (后续解读) wait for review before the
-- public sees them; the review is recorded and the interpretation carries the date it was published.
alter table interpretations
  add column review_status text not null default 'published' check (review_status in ('pending', 'published')),
  add column reviewed_by integer references users(id) deferrable initially immediate,
  add column reviewed_at timestamptz;
create index interpretations_pending_idx on interpretations (document_id) where review_status = 'pending';
