CREATE OR REPLACE VIEW figure_series AS
SELECT
    coalesce(m.la_name, d.source_local_authority)                   AS local_authority,
    f.metric,
    CASE
        WHEN regexp_full_match(f.as_of, '\d{4}-\d{2}-\d{2}') THEN CAST(f.as_of AS DATE)
        WHEN regexp_full_match(f.as_of, '\d{4}-\d{2}') THEN CAST(f.as_of || '-01' AS DATE)
        ELSE coalesce(m.meeting_date, m.end_date, m.letter_date, d.source_document_date)
    END                                                             AS date,
    f.as_of IS NOT NULL AND regexp_full_match(f.as_of, '\d{4}-\d{2}(-\d{2})?') AS dated_by_text,
    f.value,
    f.unit,
    f.per,
    f.role,
    f.qualifier,
    f.measure,
    f.text,
    coalesce(m.kind, d.source_kind)                                 AS document_kind,
    d.source                                                        AS document,
    f.page,
    f.doc_id,
    f.figure_no
FROM figures f
JOIN documents d USING (doc_id)
LEFT JOIN document_meta m ON m.doc_id = f.doc_id;
COMMENT ON VIEW figure_series IS 'Figures as time series: authority, metric, date (the figure''s own date when the text gives a month or day, else the document''s meeting, visit or letter date), value and unit, with document and page. E.g. SELECT date, value, role, document, page FROM figure_series WHERE local_authority = ''Middlesbrough'' AND metric = ''children_looked_after'' ORDER BY date.';
