CREATE OR REPLACE VIEW documents_dated AS
SELECT
    d.doc_id,
    coalesce(a.name, m.la_name, d.source_local_authority)                    AS local_authority,
    coalesce(m.end_date, m.letter_date, m.meeting_date, d.source_document_date) AS date,
    year(coalesce(m.end_date, m.letter_date, m.meeting_date, d.source_document_date)) AS year,
    coalesce(m.kind, d.source_kind)                                          AS document_kind,
    d.source                                                                 AS document
FROM documents d
LEFT JOIN document_meta m USING (doc_id)
LEFT JOIN authorities a ON a.la_code = m.la_code;
COMMENT ON VIEW documents_dated IS 'Each document with its authority, its date (visit end, letter or meeting date; else the manifest''s date; NULL when undated), year and kind: the spine of the theme views.';
