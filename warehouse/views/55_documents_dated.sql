CREATE OR REPLACE VIEW documents_dated AS
WITH from_file_name AS (
    -- a date in the file name: 2021-03-04, else 2021-q1 (the quarter's first day), else 2022-06 (the month's)
    SELECT doc_id, coalesce(
        CAST(try_strptime(regexp_extract(file_name, '(?:19|20)\d\d-\d\d-\d\d'), '%Y-%m-%d') AS DATE),
        CASE WHEN regexp_matches(file_name, '(?:19|20)\d\d-[qQ][1-4]') THEN make_date(
            CAST(regexp_extract(file_name, '((?:19|20)\d\d)-[qQ]([1-4])', 1) AS INTEGER),
            3 * CAST(regexp_extract(file_name, '((?:19|20)\d\d)-[qQ]([1-4])', 2) AS INTEGER) - 2, 1) END,
        CAST(try_strptime(regexp_extract(file_name, '((?:19|20)\d\d-\d\d)(?:[^0-9-]|$)', 1), '%Y-%m') AS DATE)
    ) AS file_date
    FROM documents
),
dated AS (
    SELECT
        d.doc_id,
        coalesce(a.name, m.la_name, d.source_local_authority)                    AS local_authority,
        coalesce(m.end_date, m.letter_date, m.meeting_date, d.source_document_date, f.file_date) AS date,
        CASE
            WHEN coalesce(m.end_date, m.letter_date, m.meeting_date) IS NOT NULL THEN 'text'
            WHEN d.source_document_date IS NOT NULL THEN 'manifest'
            WHEN f.file_date IS NOT NULL THEN 'file name'
        END                                                                      AS date_basis,
        coalesce(m.kind, d.source_kind)                                          AS document_kind,
        d.source                                                                 AS document
    FROM documents d
    LEFT JOIN document_meta m USING (doc_id)
    LEFT JOIN authorities a ON a.la_code = m.la_code
    LEFT JOIN from_file_name f USING (doc_id)
)
SELECT doc_id, local_authority, date, year(date) AS year, document_kind, document, date_basis FROM dated;
COMMENT ON VIEW documents_dated IS 'Each document with its authority, its date, year and kind: the spine of the theme views. The date is the visit end, letter or meeting date the text states (date_basis ''text''), else the manifest''s date (''manifest''), else a date in the file name (''file name'': 2021-03-04; 2021-q1 reads as the quarter''s first day and 2022-06 as the month''s, so such a date places the document, it does not date it exactly); NULL when undated.';
