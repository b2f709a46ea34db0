CREATE OR REPLACE VIEW passages_cited AS
SELECT
    d.source_local_authority AS local_authority,
    d.source_kind           AS document_kind,
    d.source_document_date  AS document_date,
    s.title                 AS section,
    p.kind,
    p.text,
    d.source                AS document,
    p.page,
    p.page_end,
    p.char_start,
    p.char_end,
    p.doc_id,
    p.passage_no
FROM passages p
JOIN documents d USING (doc_id)
LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.section_no = p.section_no;
COMMENT ON VIEW passages_cited IS 'Every passage with its document, section and page: the citation a researcher quotes.';
