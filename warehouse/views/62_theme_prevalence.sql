CREATE OR REPLACE VIEW theme_prevalence AS
WITH done AS (
    SELECT dd.* FROM documents_dated dd
    JOIN document_stages s ON s.doc_id = dd.doc_id AND s.stage = 'themes'
),
totals AS (
    SELECT year, document_kind, count(*) AS documents_total FROM done GROUP BY ALL
)
SELECT
    d.year,
    d.document_kind,
    tl.theme,
    any_value(tl.theme_label)                                   AS theme_label,
    count(DISTINCT tl.doc_id)                                   AS documents,
    any_value(t.documents_total)                                AS documents_total,
    round(count(DISTINCT tl.doc_id) / any_value(t.documents_total), 3) AS share,
    sum(tl.passages)                                            AS passages,
    sum(tl.strengths)                                           AS strengths,
    sum(tl.improvements)                                        AS improvements,
    count(DISTINCT tl.doc_id) FILTER (WHERE tl.improvements > 0) AS documents_raising_improvement
FROM theme_timeline tl
JOIN done d ON d.doc_id = tl.doc_id
JOIN totals t ON t.year IS NOT DISTINCT FROM d.year AND t.document_kind IS NOT DISTINCT FROM d.document_kind
GROUP BY d.year, d.document_kind, tl.theme
ORDER BY d.year, d.document_kind, documents DESC, tl.theme;
COMMENT ON VIEW theme_prevalence IS 'National prevalence of each theme by year and document kind: documents that raise it (and share of all documents of that year and kind the themes stage has read), passages, strengths, improvements, and documents that raise it as an area for improvement. E.g. SELECT year, theme, share FROM theme_prevalence WHERE document_kind = ''ilacs'' ORDER BY year, share DESC.';
