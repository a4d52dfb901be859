-- A relation takes effect only when the document that makes it is published, on its effective date: a
-- draft that amends a 规章 keeps the consolidated new text here until then, and the published 规章 keeps
-- its text (and its validity) meanwhile.
alter table document_relations add column new_target_body_html text;
comment on column document_relations.new_target_body_html is 'For an amended 规章: its consolidated new text, put in force when the relation is applied';
