CREATE OR REPLACE VIEW recommendation_followups AS
WITH items AS (
    SELECT f.doc_id, f.item_no, t.theme_id AS theme,
           string_agg(f.text, ' ' ORDER BY f.passage_no) AS recommendation, min(f.page) AS page
    FROM findings f
    JOIN theme_tags t ON t.doc_id = f.doc_id AND t.passage_no = f.passage_no
    WHERE f.kind = 'recommendation'
    GROUP BY f.doc_id, f.item_no, t.theme_id
)
SELECT
    r.local_authority,
    r.date                 AS recommended_on,
    r.document_kind        AS recommended_in_kind,
    r.document             AS recommended_in,
    i.item_no,
    i.recommendation,
    i.page,
    i.theme,
    later.date             AS followed_up_on,
    later.document_kind    AS followed_up_kind,
    later.document         AS followed_up_in,
    later.status,
    later.strengths,
    later.improvements,
    later.pages            AS followed_up_pages
FROM items i
JOIN documents_dated r ON r.doc_id = i.doc_id
JOIN theme_timeline later
  ON later.local_authority = r.local_authority AND later.theme = i.theme AND later.date > r.date
ORDER BY r.local_authority, r.date, i.item_no, i.theme, later.date;
COMMENT ON VIEW recommendation_followups IS 'Each formal recommendation (an item of a What needs to improve list), by theme, linked to every later document of the same authority that covers the same theme, with how that document treated it (status, strengths, improvements, pages). E.g. SELECT recommended_on, recommendation, theme, followed_up_on, followed_up_kind, status FROM recommendation_followups WHERE local_authority = ''Middlesbrough''.';
