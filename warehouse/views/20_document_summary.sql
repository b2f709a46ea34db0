CREATE OR REPLACE VIEW document_summary AS
SELECT
    d.source                AS document,
    m.kind,
    m.la_name               AS local_authority,
    m.la_code,
    coalesce(m.start_date, m.meeting_date, m.letter_date) AS date,
    m.end_date,
    d.media_type,
    d.n_pages,
    (SELECT count(*) FROM sections s WHERE s.doc_id = d.doc_id) AS n_sections,
    (SELECT count(*) FROM passages p WHERE p.doc_id = d.doc_id) AS n_passages,
    (SELECT count(*) FROM judgements j WHERE j.doc_id = d.doc_id AND j.source = 'table') AS n_grades,
    (SELECT count(*) FROM extraction_warnings w WHERE w.doc_id = d.doc_id) AS n_warnings,
    d.source_kind,
    d.source_local_authority,
    d.source_document_date,
    d.doc_id
FROM documents d
LEFT JOIN document_meta m USING (doc_id);
COMMENT ON VIEW document_summary IS 'One line per document: extracted kind, authority and date (visit start, meeting or letter date), pages, and how many sections, passages, grades and warnings were found; source_* are the manifest''s values.';
