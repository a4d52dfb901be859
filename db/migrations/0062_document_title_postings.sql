-- 政府文件库 search: the title lexemes of every public document (published, 主动公开) in date order, as a
-- search engine keeps its postings, so "the newest documents with this word in the title" is read
-- newest first from a B-tree and stopped after the first hundred, instead of fetching every title
-- match from the GIN index to sort it by date (documents/search/store.ts, titleMatches). Derived from
-- documents.search_title by the trigger below, whoever writes; left out of backups (the manifest's
-- derivedTables) and rebuilt on restore. The facet lexemes (org:, year:, genre:) are not kept.
create table document_title_postings (
  lexeme text not null,
  published_date date,
  document_id integer not null
);
create unique index document_title_postings_order on document_title_postings
  (lexeme, published_date desc nulls last, document_id desc);
comment on table document_title_postings is '文件检索标题词序：公开文件标题中的词，按发布日期排列（由文件标题索引派生）';

create function document_title_postings_lexemes(v tsvector) returns text[] language sql immutable as $$
  select coalesce(array_agg(l), '{}') from unnest(tsvector_to_array(v)) l
  where l not like 'org:%' and l not like 'year:%' and l not like 'genre:%'
$$;

create function documents_title_postings() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' and old.status = 'published' and old.attribute = 'proactive'
      and old.search_title is not null then
    -- The old rows by their full key (lexeme, date, document), through the index.
    if old.published_date is null then
      delete from document_title_postings p
      where p.lexeme = any(document_title_postings_lexemes(old.search_title))
        and p.published_date is null and p.document_id = old.id;
    else
      delete from document_title_postings p
      where p.lexeme = any(document_title_postings_lexemes(old.search_title))
        and p.published_date = old.published_date and p.document_id = old.id;
    end if;
  end if;
  if tg_op <> 'DELETE' and new.status = 'published' and new.attribute = 'proactive'
      and new.search_title is not null then
    insert into document_title_postings (lexeme, published_date, document_id)
    select l, new.published_date, new.id from unnest(document_title_postings_lexemes(new.search_title)) l;
  end if;
  return null;
end
$$;
create trigger documents_title_postings
  after insert or update of search_title, status, attribute, published_date or delete on documents
  for each row execute function documents_title_postings();

insert into document_title_postings (lexeme, published_date, document_id)
select l, d.published_date, d.id
from documents d, unnest(document_title_postings_lexemes(d.search_title)) l
where d.status = 'published' and d.attribute = 'proactive' and d.search_title is not null;
