-- Search (政府文件库): the title, 文号 and issuer lexemes on their own, small enough to stay in the row, so
-- "all query words are in the title" is checked on every match without reading the (large, toasted)
-- search_vector. Both vectors are written by refreshDocumentSearch (src/modules/documents/search.ts).
alter table documents add column search_title tsvector;
create index documents_search_title_idx on documents using gin (search_title);
-- Browsing and the cheap ordering of candidates: newest published first.
create index documents_published_order_idx on documents (published_date desc nulls last, id desc)
  where status = 'published';

-- Facet lexemes (org:12 for every issuer, year:2021, genre:notice) in both vectors, so a filtered
-- search is one GIN lookup ("has the words AND org:12") instead of a visit to every row that has the
-- words. Kept by the database itself whenever a vector or a faceted column is written, whoever
-- writes it; a vector that is still null stays null.
create function documents_search_facets() returns trigger language plpgsql as $$
declare
  facets tsvector;
begin
  facets := array_to_tsvector(array(
    select 'org:' || o from (
      select new.org_id as o
      union select di.org_id from document_issuers di where di.document_id = new.id
    ) issuers
  ) || array['year:' || to_char(new.written_date, 'YYYY'), 'genre:' || new.genre]);
  if new.search_vector is not null then
    new.search_vector := ts_delete(new.search_vector, array(
      select l from unnest(tsvector_to_array(new.search_vector)) l
      where l like 'org:%' or l like 'year:%' or l like 'genre:%')) || facets;
  end if;
  if new.search_title is not null then
    new.search_title := ts_delete(new.search_title, array(
      select l from unnest(tsvector_to_array(new.search_title)) l
      where l like 'org:%' or l like 'year:%' or l like 'genre:%')) || facets;
  end if;
  return new;
end
$$;
create trigger documents_search_facets
  before insert or update of search_vector, search_title, org_id, written_date, genre on documents
  for each row execute function documents_search_facets();
