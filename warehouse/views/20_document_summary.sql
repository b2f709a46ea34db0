CREATE OR REPLACE VIEW document_summary AS
SELECT
    d.source                AS document,
    d.source_kind           AS document_kind,
    d.source_local_authority AS local_authority,
    d.source_document_date  AS document_date,
    d.media_type,
    d.n_pages,
    (SELECT count(*) FROM sections s WHERE s.doc_id = d.doc_id) AS n_sections,
    (SELECT count(*) FROM passages p WHERE p.doc_id = d.doc_id) AS n_passages,
    d.doc_id
FROM documents d;
COMMENT ON VIEW document_summary IS 'One line per document: kind, authority, date, pages, and how many sections and passages were found.';
