-- 004: findings: every passage labelled strength, improvement or neutral.

CREATE TABLE findings (
    doc_id        VARCHAR NOT NULL,
    passage_no    INTEGER NOT NULL,
    kind          VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    probability   DOUBLE NOT NULL,
    p_strength    DOUBLE NOT NULL,
    p_improvement DOUBLE NOT NULL,
    p_neutral     DOUBLE NOT NULL,
    method        VARCHAR NOT NULL,
    model_version VARCHAR NOT NULL,
    area          VARCHAR,
    area_text     VARCHAR,
    grade         VARCHAR,
    made_by       VARCHAR,
    item_no       INTEGER,
    text          VARCHAR NOT NULL,
    page          INTEGER NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    version       VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, passage_no)
);
COMMENT ON TABLE findings IS 'One row per passage: whether it judges practice positively (strength), negatively or as something to improve (improvement), or not at all (neutral), with calibrated probabilities; formal recommendations (What needs to improve lists) in order; findings reported second-hand in minutes with who made them.';
COMMENT ON COLUMN findings.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN findings.passage_no IS 'The passage (passages.passage_no).';
COMMENT ON COLUMN findings.kind IS 'finding (a passage of an inspection report or letter), recommendation (an item of a What needs to improve list) or reported (a finding reported second-hand in minutes or a committee report).';
COMMENT ON COLUMN findings.label IS 'strength, improvement or neutral.';
COMMENT ON COLUMN findings.probability IS 'Calibrated probability of the label (1.0 when a rule decided it).';
COMMENT ON COLUMN findings.p_strength IS 'Calibrated probability of strength.';
COMMENT ON COLUMN findings.p_improvement IS 'Calibrated probability of improvement.';
COMMENT ON COLUMN findings.p_neutral IS 'Calibrated probability of neutral.';
COMMENT ON COLUMN findings.method IS 'classifier (the trained model), list (a recommendation-list item: always improvement) or rule (headings, addressee block, grade table, sign-offs, procedural minutes: neutral).';
COMMENT ON COLUMN findings.model_version IS 'Version of the findings model (models/findings/MODEL_CARD.md) or of the rules.';
COMMENT ON COLUMN findings.area IS 'Judgement area of the graded section the passage sits under (help_and_protection, children_in_care, care_leavers, impact_of_leaders, ...), or a visit''s focus area; NULL when none.';
COMMENT ON COLUMN findings.area_text IS 'That section heading or visit focus as written.';
COMMENT ON COLUMN findings.grade IS 'Grade of that section when its heading states one (outstanding, good, requires_improvement, inadequate).';
COMMENT ON COLUMN findings.made_by IS 'Who made the finding: inspectors (every Ofsted document), commissioner, officers or members (findings reported in council papers); NULL when not attributed.';
COMMENT ON COLUMN findings.item_no IS 'For a recommendation, its place in the list (from 1); the sentences of one item share it.';
COMMENT ON COLUMN findings.text IS 'The passage text.';
COMMENT ON COLUMN findings.page IS 'Page the passage starts on.';
COMMENT ON COLUMN findings.char_start IS 'Offset of the passage''s first character in documents.text.';
COMMENT ON COLUMN findings.char_end IS 'Offset just past the passage in documents.text.';
COMMENT ON COLUMN findings.version IS 'Version of the findings stage (the pass and the model).';
