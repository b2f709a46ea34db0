CREATE OR REPLACE VIEW la_inspection_history AS
WITH grades AS (
    SELECT
        doc_id,
        max(grade) FILTER (WHERE area = 'overall_effectiveness')            AS overall_effectiveness,
        max(grade) FILTER (WHERE area = 'impact_of_leaders')                AS impact_of_leaders,
        max(grade) FILTER (WHERE area = 'help_and_protection')              AS help_and_protection,
        max(grade) FILTER (WHERE area = 'children_in_care')                 AS children_in_care,
        max(grade) FILTER (WHERE area = 'care_leavers')                     AS care_leavers,
        max(grade) FILTER (WHERE area = 'children_in_care_and_care_leavers') AS children_in_care_and_care_leavers,
        max(grade) FILTER (WHERE area = 'children_looked_after')            AS children_looked_after,
        max(grade) FILTER (WHERE area = 'adoption_performance')             AS adoption_performance,
        max(grade) FILTER (WHERE area = 'leadership_management_governance') AS leadership_management_governance,
        max(grade) FILTER (WHERE area = 'lscb')                             AS lscb,
        count(*)                                                            AS n_grades
    FROM judgements
    WHERE source = 'table'
    GROUP BY doc_id
)
SELECT
    coalesce(a.name, m.la_name)                              AS local_authority,
    m.la_code,
    coalesce(m.end_date, m.start_date, m.letter_date)        AS date,
    m.start_date,
    m.end_date,
    m.kind,
    v.visit_number,
    coalesce(g.n_grades, 0) > 0                              AS graded,
    g.overall_effectiveness,
    g.impact_of_leaders,
    g.help_and_protection,
    g.children_in_care,
    g.care_leavers,
    g.children_in_care_and_care_leavers,
    g.children_looked_after,
    g.adoption_performance,
    g.leadership_management_governance,
    g.lscb,
    d.source                                                 AS document,
    d.source_document_date                                   AS published,
    m.doc_id
FROM document_meta m
JOIN documents d USING (doc_id)
LEFT JOIN authorities a ON a.la_code = m.la_code
LEFT JOIN visits v ON v.doc_id = m.doc_id
LEFT JOIN grades g ON g.doc_id = m.doc_id
WHERE m.kind IN ('ilacs', 'sif', 'focused_visit', 'monitoring_visit', 'jtai', 'lac_inspection', 'lscb_review')
ORDER BY local_authority, date;
COMMENT ON VIEW la_inspection_history IS 'Every Ofsted inspection and visit of each authority with its dates, kind and every grade (from the judgement table); graded is true for graded inspections. E.g. SELECT * FROM la_inspection_history WHERE local_authority = ''Middlesbrough'' AND graded.';
