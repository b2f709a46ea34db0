CREATE OR REPLACE VIEW passages_cited AS
SELECT
    coalesce(m.la_name, d.source_local_authority) AS local_authority,
    coalesce(m.kind, d.source_kind) AS document_kind,
    coalesce(m.start_date, m.meeting_date, m.letter_date, d.source_document_date) AS document_date,
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
LEFT JOIN document_meta m ON m.doc_id = p.doc_id
LEFT JOIN sections s ON s.doc_id = p.doc_id AND s.section_no = p.section_no;
COMMENT ON VIEW passages_cited IS 'Every passage with its authority, kind and date (extracted; the manifest''s where nothing was extracted), section, document and page: the citation a researcher quotes.';
