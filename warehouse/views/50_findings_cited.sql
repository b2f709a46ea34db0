CREATE OR REPLACE VIEW findings_cited AS
SELECT
    coalesce(m.la_name, d.source_local_authority)                   AS local_authority,
    coalesce(m.end_date, m.letter_date, m.meeting_date, d.source_document_date) AS date,
    coalesce(m.kind, d.source_kind)                                 AS document_kind,
    f.area,
    f.grade,
    f.kind,
    f.label,
    f.probability,
    f.method,
    f.made_by,
    f.item_no,
    f.text,
    d.source                                                        AS document,
    f.page,
    f.model_version,
    f.doc_id,
    f.passage_no
FROM findings f
JOIN documents d USING (doc_id)
LEFT JOIN document_meta m ON m.doc_id = f.doc_id
WHERE f.method <> 'rule';
COMMENT ON VIEW findings_cited IS 'Findings with their citation: authority, date (visit end, letter or meeting date), document kind, judgement area, label, probability, text, document and page; passages labelled neutral by rule (headings, sign-offs, procedural text) are left out. E.g. SELECT date, label, text, document, page FROM findings_cited WHERE local_authority = ''Middlesbrough'' AND label = ''improvement'' ORDER BY date, document, passage_no.';
