-- 001: documents, their pages and blocks, sections, passages, errors and runs.

CREATE TABLE documents (
    doc_id              VARCHAR PRIMARY KEY,
    source              VARCHAR NOT NULL,
    file_name           VARCHAR NOT NULL,
    media_type          VARCHAR NOT NULL,
    n_bytes             BIGINT,
    n_pages             INTEGER,
    n_chars             INTEGER,
    text                VARCHAR NOT NULL,
    reader_version      VARCHAR,
    segmenter_version   VARCHAR,
    source_kind         VARCHAR,
    source_local_authority VARCHAR,
    source_document_date DATE,
    source_original_url VARCHAR,
    source_doc_type     VARCHAR,
    first_run_id        VARCHAR,
    ingested_at         TIMESTAMP DEFAULT current_timestamp
);
COMMENT ON TABLE documents IS 'One row per distinct file (identified by the SHA-256 of its bytes): the full text as read, and the metadata its MANIFEST.csv row gave (source_*: supplied with the file, never extracted).';
COMMENT ON COLUMN documents.doc_id IS 'SHA-256 of the file''s bytes, hex. The same file ingested twice is one document.';
COMMENT ON COLUMN documents.source IS 'Path of the file as ingested, relative to the folder given to ingest (e.g. focused_visits/barnet_2021-08-02.pdf).';
COMMENT ON COLUMN documents.file_name IS 'File name without folders.';
COMMENT ON COLUMN documents.media_type IS 'Format the reader used: pdf, html, text or markdown.';
COMMENT ON COLUMN documents.n_bytes IS 'Size of the file in bytes.';
COMMENT ON COLUMN documents.n_pages IS 'Number of pages (1 for formats without pages).';
COMMENT ON COLUMN documents.n_chars IS 'Length of documents.text in characters.';
COMMENT ON COLUMN documents.text IS 'The document text as read, pages joined by a form feed line. Every char_start/char_end in the warehouse indexes this string (0-based, end exclusive).';
COMMENT ON COLUMN documents.reader_version IS 'Version of the reader that produced the text (e.g. pdf-1).';
COMMENT ON COLUMN documents.segmenter_version IS 'Version of the segmenter that produced this document''s sections and passages.';
COMMENT ON COLUMN documents.source_kind IS 'Kind given by the manifest (e.g. ilacs, focused_visits, minutes); NULL without a manifest.';
COMMENT ON COLUMN documents.source_local_authority IS 'Local authority given by the manifest; NULL without a manifest.';
COMMENT ON COLUMN documents.source_document_date IS 'Date given by the manifest (for Ofsted documents, the publication date); NULL when not given.';
COMMENT ON COLUMN documents.source_original_url IS 'Where the file was published, from the manifest, when known.';
COMMENT ON COLUMN documents.source_doc_type IS 'The manifest''s free-text description of the document type.';
COMMENT ON COLUMN documents.first_run_id IS 'pipeline_runs.run_id of the run that first loaded this document.';
COMMENT ON COLUMN documents.ingested_at IS 'When this document was first loaded (UTC).';

CREATE TABLE pages (
    doc_id      VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    PRIMARY KEY (doc_id, page)
);
COMMENT ON TABLE pages IS 'Where each page of a document lies in documents.text.';
COMMENT ON COLUMN pages.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN pages.page IS 'Page number, from 1.';
COMMENT ON COLUMN pages.char_start IS 'Offset of the page''s first character in documents.text.';
COMMENT ON COLUMN pages.char_end IS 'Offset just past the page''s last character in documents.text.';

CREATE TABLE blocks (
    doc_id      VARCHAR NOT NULL,
    block_no    INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    font_size   DOUBLE,
    bold        BOOLEAN,
    level       INTEGER,
    PRIMARY KEY (doc_id, block_no)
);
COMMENT ON TABLE blocks IS 'Layout units as the reader found them (a PDF line, an HTML paragraph or list item), kept so that segmentation can be re-run from the stored text without re-reading files.';
COMMENT ON COLUMN blocks.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN blocks.block_no IS 'Order of the block in the document, from 0.';
COMMENT ON COLUMN blocks.page IS 'Page the block is on.';
COMMENT ON COLUMN blocks.char_start IS 'Offset of the block''s first character in documents.text.';
COMMENT ON COLUMN blocks.char_end IS 'Offset just past the block''s last character in documents.text.';
COMMENT ON COLUMN blocks.kind IS 'Reader''s structural hint: line, paragraph, heading or list_item.';
COMMENT ON COLUMN blocks.font_size IS 'Font size in points of the block''s first character (PDF only).';
COMMENT ON COLUMN blocks.bold IS 'Whether the block''s first character is bold (PDF only).';
COMMENT ON COLUMN blocks.level IS 'Heading level where the format gives one (HTML h1-h6, Markdown #).';

CREATE TABLE sections (
    doc_id      VARCHAR NOT NULL,
    section_no  INTEGER NOT NULL,
    title       VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    level       INTEGER NOT NULL,
    parent_no   INTEGER,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, section_no)
);
COMMENT ON TABLE sections IS 'Headings found in each document and the stretch they govern: "Headline findings", "What needs to improve?", graded judgement headings, agenda items.';
COMMENT ON COLUMN sections.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN sections.section_no IS 'Order of the section in the document, from 0.';
COMMENT ON COLUMN sections.title IS 'The heading''s text, cleaned (wrapped lines joined).';
COMMENT ON COLUMN sections.kind IS 'heading, judgement (a graded judgement heading), agenda_item (minutes) or preamble (text before the first heading).';
COMMENT ON COLUMN sections.level IS 'Nesting level, 1 at the top.';
COMMENT ON COLUMN sections.parent_no IS 'section_no of the enclosing section, or NULL at the top.';
COMMENT ON COLUMN sections.page IS 'Page on which the heading stands.';
COMMENT ON COLUMN sections.char_start IS 'Offset of the heading''s first character in documents.text.';
COMMENT ON COLUMN sections.char_end IS 'Offset just past the heading in documents.text.';
COMMENT ON COLUMN sections.version IS 'Segmenter version that found this section.';

CREATE TABLE passages (
    doc_id      VARCHAR NOT NULL,
    passage_no  INTEGER NOT NULL,
    section_no  INTEGER,
    kind        VARCHAR NOT NULL,
    text        VARCHAR NOT NULL,
    page        INTEGER NOT NULL,
    page_end    INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    paragraph_no INTEGER,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, passage_no)
);
COMMENT ON TABLE passages IS 'Sentences and list items as a person reads them (running headers, page numbers and hyphenation removed), each with the page and character span it came from.';
COMMENT ON COLUMN passages.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN passages.passage_no IS 'Order of the passage in the document, from 0.';
COMMENT ON COLUMN passages.section_no IS 'The section it sits in (sections.section_no); NULL if before any heading.';
COMMENT ON COLUMN passages.kind IS 'sentence, list_item or heading.';
COMMENT ON COLUMN passages.text IS 'The cleaned text of the passage.';
COMMENT ON COLUMN passages.page IS 'Page on which the passage starts.';
COMMENT ON COLUMN passages.page_end IS 'Page on which the passage ends (differs from page when it runs across a page break).';
COMMENT ON COLUMN passages.char_start IS 'Offset of the passage''s first character in documents.text.';
COMMENT ON COLUMN passages.char_end IS 'Offset just past the passage''s last character in documents.text (the raw span may include a running header it crossed).';
COMMENT ON COLUMN passages.paragraph_no IS 'The report''s own paragraph number ("12.") when the passage is in a numbered paragraph.';
COMMENT ON COLUMN passages.version IS 'Segmenter version that produced this passage.';

CREATE SEQUENCE ingest_error_seq;
CREATE TABLE ingest_errors (
    error_id    BIGINT PRIMARY KEY DEFAULT nextval('ingest_error_seq'),
    run_id      VARCHAR,
    source      VARCHAR NOT NULL,
    doc_id      VARCHAR,
    stage       VARCHAR NOT NULL,
    code        VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    occurred_at TIMESTAMP DEFAULT current_timestamp
);
COMMENT ON TABLE ingest_errors IS 'Files that could not be ingested, one row per file and run, with a human-readable reason. Nothing of such a file is kept in the other tables.';
COMMENT ON COLUMN ingest_errors.error_id IS 'Running number of the error.';
COMMENT ON COLUMN ingest_errors.run_id IS 'The run in which it happened (pipeline_runs.run_id).';
COMMENT ON COLUMN ingest_errors.source IS 'Path of the file as given to ingest.';
COMMENT ON COLUMN ingest_errors.doc_id IS 'SHA-256 of the file''s bytes when they could be read, else NULL.';
COMMENT ON COLUMN ingest_errors.stage IS 'Where it failed: discover, read, segment or load.';
COMMENT ON COLUMN ingest_errors.code IS 'Error code from the catalogue (corpus/errors.py), e.g. E004_ENCRYPTED_PDF.';
COMMENT ON COLUMN ingest_errors.reason IS 'What went wrong, in words.';
COMMENT ON COLUMN ingest_errors.occurred_at IS 'When it happened (UTC).';

CREATE TABLE pipeline_runs (
    run_id      VARCHAR PRIMARY KEY,
    flow        VARCHAR NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status      VARCHAR NOT NULL,
    inputs      VARCHAR,
    n_new       INTEGER,
    n_updated   INTEGER,
    n_unchanged INTEGER,
    n_failed    INTEGER,
    n_skipped   INTEGER,
    n_pages     INTEGER,
    n_passages  INTEGER,
    seconds     DOUBLE,
    versions    VARCHAR
);
COMMENT ON TABLE pipeline_runs IS 'One row per ingest run: what it was given, what it did and how long it took.';
COMMENT ON COLUMN pipeline_runs.run_id IS 'Identifier of the run (the Prefect flow run id when run under Prefect).';
COMMENT ON COLUMN pipeline_runs.flow IS 'The flow that ran (ingest).';
COMMENT ON COLUMN pipeline_runs.started_at IS 'When the run started (UTC).';
COMMENT ON COLUMN pipeline_runs.finished_at IS 'When it finished (UTC); NULL while running or if it crashed.';
COMMENT ON COLUMN pipeline_runs.status IS 'running, completed or crashed.';
COMMENT ON COLUMN pipeline_runs.inputs IS 'The paths given to the run, as JSON.';
COMMENT ON COLUMN pipeline_runs.n_new IS 'Documents loaded for the first time.';
COMMENT ON COLUMN pipeline_runs.n_updated IS 'Documents already loaded whose sections and passages were re-made by a newer segmenter (from the stored text).';
COMMENT ON COLUMN pipeline_runs.n_unchanged IS 'Documents already loaded and up to date: nothing was done.';
COMMENT ON COLUMN pipeline_runs.n_failed IS 'Files that failed (see ingest_errors).';
COMMENT ON COLUMN pipeline_runs.n_skipped IS 'Files listed but not documents (data tables in a manifest).';
COMMENT ON COLUMN pipeline_runs.n_pages IS 'Pages of the documents loaded or updated in this run.';
COMMENT ON COLUMN pipeline_runs.n_passages IS 'Passages written in this run.';
COMMENT ON COLUMN pipeline_runs.seconds IS 'Wall-clock duration of the run in seconds.';
COMMENT ON COLUMN pipeline_runs.versions IS 'Versions of the reader and extractors used, as JSON.';
