-- 索引号 by the national convention 机构代码-主题分类-年份-流水号, with Chinese placeholder names.
-- Only a pattern still at the old default changes; a pattern an administrator chose keeps its meaning
-- (its English placeholders are still read). Existing documents keep their index numbers.
alter table document_settings alter column index_pattern set default '{机构代码}-{主题分类}-{年份}-{流水号:5}';
update document_settings set index_pattern = '{机构代码}-{主题分类}-{年份}-{流水号:5}'
  where index_pattern = '{orgCode}-{category}-{year}-{serial:5}';
