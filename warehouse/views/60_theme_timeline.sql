CREATE OR REPLACE MACRO theme_timeline_at(min_score) AS TABLE
SELECT
    dd.local_authority,
    dd.date,
    dd.document_kind,
    t.theme_id                                                   AS theme,
    th.label                                                     AS theme_label,
    count(*)                                                     AS passages,
    count(*) FILTER (WHERE f.label = 'strength')                 AS strengths,
    count(*) FILTER (WHERE f.label = 'improvement')              AS improvements,
    count(*) FILTER (WHERE f.label = 'neutral')                  AS neutral,
    count(DISTINCT f.item_no) FILTER (WHERE f.kind = 'recommendation') AS recommendations,
    CASE
        WHEN count(*) FILTER (WHERE f.label = 'improvement') > count(*) FILTER (WHERE f.label = 'strength') THEN 'improvement'
        WHEN count(*) FILTER (WHERE f.label = 'strength') > count(*) FILTER (WHERE f.label = 'improvement') THEN 'strength'
        WHEN count(*) FILTER (WHERE f.label = 'strength') > 0 THEN 'mixed'
        ELSE 'neutral'
    END                                                          AS status,
    list(DISTINCT t.page ORDER BY t.page)                        AS pages,
    dd.document,
    t.doc_id,
    dd.date_basis
FROM theme_tags t
JOIN documents_dated dd USING (doc_id)
LEFT JOIN themes th ON th.theme_id = t.theme_id
LEFT JOIN findings f ON f.doc_id = t.doc_id AND f.passage_no = t.passage_no
WHERE min_score IS NULL OR t.score >= min_score
GROUP BY dd.local_authority, dd.date, dd.document_kind, t.theme_id, th.label, dd.document, t.doc_id, dd.date_basis
ORDER BY dd.local_authority, dd.date NULLS LAST, dd.document, t.theme_id;
CREATE OR REPLACE VIEW theme_timeline AS SELECT * FROM theme_timeline_at(NULL);
COMMENT ON VIEW theme_timeline IS 'Per authority, document and theme: how many passages raise the theme, how many of them are strengths, areas for improvement (recommendations counted once per list item) or neutral, the overall status (improvement when improvements outnumber strengths, strength the other way, mixed when equal, neutral when neither), and the pages; date_basis says where the date came from (documents_dated). theme_timeline_at(min_score) is the same built only from tags scoring at least min_score (NULL: every tag, as this view) (e.g. SELECT * FROM theme_timeline_at(0.9); ofsted-mine evaluate themes gives the precision and recall at each cut-off). E.g. SELECT date, document_kind, theme, strengths, improvements, document, pages FROM theme_timeline WHERE local_authority = ''Middlesbrough'' AND theme IN (''front_door'', ''assessment'').';
