CREATE OR REPLACE MACRO theme_trajectory_at(min_score) AS TABLE
WITH tl AS (
    SELECT * FROM theme_timeline_at(min_score) WHERE local_authority IS NOT NULL
),
firsts AS (
    SELECT local_authority, theme, min(date) FILTER (WHERE improvements > 0) AS first_raised
    FROM tl GROUP BY ALL
)
SELECT
    tl.local_authority,
    tl.theme,
    any_value(tl.theme_label)                                               AS theme_label,
    f.first_raised,
    arg_min(tl.document, tl.date) FILTER (WHERE tl.improvements > 0)        AS first_raised_in,
    count(*)                                                                AS documents,
    count(*) FILTER (WHERE tl.date > f.first_raised)                        AS later_documents,
    count(*) FILTER (WHERE tl.date > f.first_raised AND tl.status = 'strength') AS later_strength,
    count(*) FILTER (WHERE tl.date > f.first_raised AND tl.status = 'improvement') AS later_improvement,
    string_agg(coalesce(strftime(tl.date, '%Y-%m-%d') || CASE WHEN tl.date_basis = 'file name' THEN ' (file name)' ELSE '' END,
                        'undated') || ' ' || tl.document_kind || ': ' || tl.status
               || ' (' || tl.strengths || 'S/' || tl.improvements || 'I)', '; ' ORDER BY tl.date NULLS LAST, tl.document) AS history,
    max(tl.date)                                                            AS latest_date,
    arg_max(tl.status, tl.date)                                             AS latest_status,
    arg_max(tl.document, tl.date)                                           AS latest_document
FROM tl
JOIN firsts f USING (local_authority, theme)
GROUP BY tl.local_authority, tl.theme, f.first_raised
ORDER BY tl.local_authority, f.first_raised NULLS LAST, tl.theme;
CREATE OR REPLACE VIEW theme_trajectory AS SELECT * FROM theme_trajectory_at(NULL);
COMMENT ON VIEW theme_trajectory IS 'Per authority and theme: when it was first raised as an area for improvement (first_raised, first_raised_in), how many later documents took it up and how (later_strength, later_improvement), every document''s treatment in date order (history: date kind: status (strengths S/improvements I); a date read from the file name is marked so), and the latest status. theme_trajectory_at(min_score) is the same from tags scoring at least min_score. E.g. SELECT theme, first_raised, history, latest_status FROM theme_trajectory WHERE local_authority = ''Middlesbrough''.';
