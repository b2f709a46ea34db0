-- 002: document understanding (kind, authority, dates, people, visits, judgements),
-- the authorities gazetteer, and the passage fields added by the segmenter.

ALTER TABLE passages ADD COLUMN unit_no INTEGER;
ALTER TABLE passages ADD COLUMN marker VARCHAR;
COMMENT ON COLUMN passages.unit_no IS 'The paragraph, list item or heading the passage belongs to (sentences of one list item share it), in reading order from 0.';
COMMENT ON COLUMN passages.marker IS 'The number or letter printed before the paragraph or list item ("12", "1.3", "a"), without the passage text.';

CREATE TABLE authorities (
    la_code     VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    la_type     VARCHAR,
    valid_from  DATE,
    valid_to    DATE,
    aliases     VARCHAR
);
COMMENT ON TABLE authorities IS 'English local authorities with children''s services responsibilities, past and present, from the gazetteer in extractors/data/local_authorities.csv (refreshed on every ingest).';
COMMENT ON COLUMN authorities.la_code IS 'ONS code (E06 unitary, E08 metropolitan district, E09 London borough, E10 county).';
COMMENT ON COLUMN authorities.name IS 'Name of the authority.';
COMMENT ON COLUMN authorities.la_type IS 'Kind of authority (county, unitary, metropolitan, london_borough, ...).';
COMMENT ON COLUMN authorities.valid_from IS 'First day the authority existed with children''s services responsibilities; NULL if before the gazetteer''s span.';
COMMENT ON COLUMN authorities.valid_to IS 'Last day it existed (e.g. 2021-03-31 for Northamptonshire); NULL if it still does.';
COMMENT ON COLUMN authorities.aliases IS 'Other names documents use for it, separated by semicolons.';

CREATE TABLE document_meta (
    doc_id          VARCHAR PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    la_code         VARCHAR,
    la_name         VARCHAR,
    start_date      DATE,
    end_date        DATE,
    letter_date     DATE,
    meeting_date    DATE,
    version         VARCHAR NOT NULL
);
COMMENT ON TABLE document_meta IS 'What each document is and who and when it is about, extracted from its text alone (never from the manifest). NULL where the text does not say.';
COMMENT ON COLUMN document_meta.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN document_meta.kind IS 'ilacs, sif, focused_visit, monitoring_visit, jtai, lac_inspection, lscb_review, minutes, committee_report or other.';
COMMENT ON COLUMN document_meta.la_code IS 'ONS code of the local authority the document is about (authorities.la_code); NULL if not recognised.';
COMMENT ON COLUMN document_meta.la_name IS 'Name of that authority.';
COMMENT ON COLUMN document_meta.start_date IS 'First day of the inspection or visit, as stated.';
COMMENT ON COLUMN document_meta.end_date IS 'Last day of the inspection or visit, as stated (equal to start_date for a one-day visit).';
COMMENT ON COLUMN document_meta.letter_date IS 'Date printed on a letter.';
COMMENT ON COLUMN document_meta.meeting_date IS 'Date of the meeting, for minutes and committee reports, only when the text states it.';
COMMENT ON COLUMN document_meta.version IS 'Version of the document-understanding extractors.';

CREATE TABLE meta_evidence (
    doc_id      VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL
);
COMMENT ON TABLE meta_evidence IS 'For each extracted metadata field, the words of the document that state it and where they are.';
COMMENT ON COLUMN meta_evidence.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN meta_evidence.field IS 'The field it supports (kind, authority, start_date, letter_date, visit_number, ...).';
COMMENT ON COLUMN meta_evidence.text IS 'The stretch of text that states it.';
COMMENT ON COLUMN meta_evidence.page IS 'Page of that text.';
COMMENT ON COLUMN meta_evidence.char_start IS 'Offset of its first character in documents.text.';
COMMENT ON COLUMN meta_evidence.char_end IS 'Offset just past its last character in documents.text.';

CREATE TABLE visits (
    doc_id                  VARCHAR PRIMARY KEY,
    kind                    VARCHAR NOT NULL,
    la_code                 VARCHAR,
    start_date              DATE,
    end_date                DATE,
    visit_number            INTEGER,
    previous_judgement      VARCHAR,
    previous_judgement_date VARCHAR,
    version                 VARCHAR NOT NULL
);
COMMENT ON TABLE visits IS 'One row per Ofsted inspection or visit (ILACS, SIF, focused, monitoring, JTAI, LAC, LSCB review): when, which visit, and what the previous judgement was when the letter states it.';
COMMENT ON COLUMN visits.doc_id IS 'The report or letter (documents.doc_id).';
COMMENT ON COLUMN visits.kind IS 'Kind of inspection or visit (as document_meta.kind).';
COMMENT ON COLUMN visits.la_code IS 'The authority inspected (authorities.la_code).';
COMMENT ON COLUMN visits.start_date IS 'First day on site.';
COMMENT ON COLUMN visits.end_date IS 'Last day on site.';
COMMENT ON COLUMN visits.visit_number IS 'Ordinal of a monitoring visit ("the fourth monitoring visit" gives 4); NULL when not stated.';
COMMENT ON COLUMN visits.previous_judgement IS 'Grade of the previous inspection when stated (outstanding, good, requires_improvement, inadequate).';
COMMENT ON COLUMN visits.previous_judgement_date IS 'When that judgement was made, as precisely as stated (YYYY-MM or YYYY-MM-DD).';
COMMENT ON COLUMN visits.version IS 'Version of the document-understanding extractors.';

CREATE TABLE visit_areas (
    doc_id      VARCHAR NOT NULL,
    area_no     INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, area_no)
);
COMMENT ON TABLE visit_areas IS 'The areas a visit covered: the items under "Areas covered by the visit", or what "Inspectors looked at".';
COMMENT ON COLUMN visit_areas.doc_id IS 'The letter (documents.doc_id).';
COMMENT ON COLUMN visit_areas.area_no IS 'Order in the letter, from 0.';
COMMENT ON COLUMN visit_areas.text IS 'The area as written.';
COMMENT ON COLUMN visit_areas.page IS 'Page on which it stands.';
COMMENT ON COLUMN visit_areas.char_start IS 'Offset of its first character in documents.text.';
COMMENT ON COLUMN visit_areas.char_end IS 'Offset just past its last character in documents.text.';
COMMENT ON COLUMN visit_areas.version IS 'Version of the document-understanding extractors.';

CREATE TABLE people (
    doc_id      VARCHAR NOT NULL,
    person_no   INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    role_text   VARCHAR,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, person_no)
);
COMMENT ON TABLE people IS 'Inspectors named in Ofsted documents, as written, with their role.';
COMMENT ON COLUMN people.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN people.person_no IS 'Order in the document, from 0.';
COMMENT ON COLUMN people.name IS 'Name as written.';
COMMENT ON COLUMN people.role IS 'lead_inspector, inspector, team_inspector or other.';
COMMENT ON COLUMN people.role_text IS 'Role as written (e.g. His Majesty''s Inspector).';
COMMENT ON COLUMN people.page IS 'Page where the name stands.';
COMMENT ON COLUMN people.char_start IS 'Offset of the name''s first character in documents.text.';
COMMENT ON COLUMN people.char_end IS 'Offset just past the name in documents.text.';
COMMENT ON COLUMN people.version IS 'Version of the document-understanding extractors.';

CREATE TABLE judgements (
    doc_id      VARCHAR NOT NULL,
    area        VARCHAR NOT NULL,
    area_text   VARCHAR NOT NULL,
    grade       VARCHAR NOT NULL,
    grade_text  VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL
);
COMMENT ON TABLE judgements IS 'Graded judgements of ILACS and SIF reports: every graded area and the overall effectiveness, from the judgement table (source = table) and from graded section headings (source = heading).';
COMMENT ON COLUMN judgements.doc_id IS 'The report (documents.doc_id).';
COMMENT ON COLUMN judgements.area IS 'Judgement area, normalised across frameworks: overall_effectiveness, impact_of_leaders, help_and_protection, children_in_care, care_leavers, children_in_care_and_care_leavers, children_looked_after, adoption_performance, leadership_management_governance, lscb.';
COMMENT ON COLUMN judgements.area_text IS 'The area as the report words it.';
COMMENT ON COLUMN judgements.grade IS 'outstanding, good, requires_improvement or inadequate.';
COMMENT ON COLUMN judgements.grade_text IS 'The grade as written (e.g. Requires improvement to be good).';
COMMENT ON COLUMN judgements.source IS 'table (the judgement table) or heading (the grade stated in a section heading).';
COMMENT ON COLUMN judgements.page IS 'Page of the grade.';
COMMENT ON COLUMN judgements.char_start IS 'Offset of the grade''s first character in documents.text.';
COMMENT ON COLUMN judgements.char_end IS 'Offset just past the grade in documents.text.';
COMMENT ON COLUMN judgements.version IS 'Version of the judgement extractor.';

CREATE TABLE extraction_warnings (
    doc_id      VARCHAR NOT NULL,
    field       VARCHAR NOT NULL,
    message     VARCHAR NOT NULL,
    version     VARCHAR NOT NULL
);
COMMENT ON TABLE extraction_warnings IS 'Things expected and not found (no recognisable authority, no judgement table in an inspection report, a heading grade that disagrees with the table): the field stays NULL rather than guessed.';
COMMENT ON COLUMN extraction_warnings.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN extraction_warnings.field IS 'The field concerned (authority, judgements, ...).';
COMMENT ON COLUMN extraction_warnings.message IS 'What was expected and not found, in words.';
COMMENT ON COLUMN extraction_warnings.version IS 'Version of the extractor that raised it.';

CREATE TABLE document_stages (
    doc_id       VARCHAR NOT NULL,
    stage        VARCHAR NOT NULL,
    version      VARCHAR NOT NULL,
    completed_at TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (doc_id, stage)
);
COMMENT ON TABLE document_stages IS 'Which version of each extraction stage (segment, understand, ...) produced a document''s rows. A run re-does a stage, from the stored text, only where its version changed.';
COMMENT ON COLUMN document_stages.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN document_stages.stage IS 'Stage name: segment, understand, ...';
COMMENT ON COLUMN document_stages.version IS 'Version of the stage''s extractor that produced the rows now stored.';
COMMENT ON COLUMN document_stages.completed_at IS 'When those rows were written (UTC).';
INSERT INTO document_stages (doc_id, stage, version) SELECT doc_id, 'segment', segmenter_version FROM documents;
