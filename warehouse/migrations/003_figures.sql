-- 003: numeric figures with what they measure.

CREATE TABLE figures (
    doc_id      VARCHAR NOT NULL,
    figure_no   INTEGER NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    per         VARCHAR,
    text        VARCHAR NOT NULL,
    measure     VARCHAR,
    metric      VARCHAR,
    qualifier   VARCHAR,
    role        VARCHAR NOT NULL,
    as_of       VARCHAR,
    as_of_text  VARCHAR,
    previous_no INTEGER,
    direction   VARCHAR,
    passage_no  INTEGER,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, figure_no)
);
COMMENT ON TABLE figures IS 'Every figure in every document (counts, percentages, money, durations, ratios) with what it measures, its role, its date when stated, and where it is. Dates, years, legislation, ages, paragraph numbers, phone numbers and reference codes are not figures.';
COMMENT ON COLUMN figures.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN figures.figure_no IS 'Order of the figure in the document, from 0.';
COMMENT ON COLUMN figures.value IS 'The value, normalised: £3.3 million is 3300000; a quarter is 25 (percent); 1 in 17 is 0.0588 (ratio).';
COMMENT ON COLUMN figures.unit IS 'count, percent, GBP, days, weeks, months, years or ratio.';
COMMENT ON COLUMN figures.per IS 'The rate period or base when there is one (£5600 per week: week).';
COMMENT ON COLUMN figures.text IS 'The figure as written.';
COMMENT ON COLUMN figures.measure IS 'What the figure quantifies, in the document''s words (e.g. care leavers, the average caseload).';
COMMENT ON COLUMN figures.metric IS 'Canonical metric key from the metric vocabulary (extractors/data/metrics.csv); NULL when none fits.';
COMMENT ON COLUMN figures.qualifier IS 'approximate, at_least, at_most, more_than, less_than, or NULL for an exact figure.';
COMMENT ON COLUMN figures.role IS 'observed (a value), target (a standard or goal), previous (the earlier value of a change) or comparator (a national or comparator figure).';
COMMENT ON COLUMN figures.as_of IS 'The date or period the figure refers to when the text says (2020-08, 2020-10-31, 2019/20).';
COMMENT ON COLUMN figures.as_of_text IS 'That date or period as written.';
COMMENT ON COLUMN figures.previous_no IS 'For the later value of a change (reduced from 702 to 609), figure_no of the earlier value.';
COMMENT ON COLUMN figures.direction IS 'increase, decrease or unchanged, for the later value of a change.';
COMMENT ON COLUMN figures.passage_no IS 'The passage it sits in (passages.passage_no).';
COMMENT ON COLUMN figures.page IS 'Page of the figure.';
COMMENT ON COLUMN figures.char_start IS 'Offset of the figure''s first character in documents.text.';
COMMENT ON COLUMN figures.char_end IS 'Offset just past the figure in documents.text.';
COMMENT ON COLUMN figures.version IS 'Version of the figure extractor.';
