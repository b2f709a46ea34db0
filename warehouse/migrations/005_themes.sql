-- 005: themes: the taxonomy, and every passage's themes.

CREATE TABLE themes (
    theme_id         VARCHAR PRIMARY KEY,
    label            VARCHAR NOT NULL,
    description      VARCHAR NOT NULL,
    seeds            VARCHAR[] NOT NULL,
    retired          BOOLEAN NOT NULL,
    taxonomy_version VARCHAR NOT NULL
);
COMMENT ON TABLE themes IS 'The theme taxonomy (models/themes/taxonomy.toml), refreshed on every ingest: stable ids, the names researchers use, descriptions and seed phrases.';
COMMENT ON COLUMN themes.theme_id IS 'Stable id of the theme (front_door, permanence, workforce, ...).';
COMMENT ON COLUMN themes.label IS 'The theme as researchers name it.';
COMMENT ON COLUMN themes.description IS 'What a passage about the theme talks about (embedded and compared with passages).';
COMMENT ON COLUMN themes.seeds IS 'Phrases that name the theme (matched whole-token, case-insensitively).';
COMMENT ON COLUMN themes.retired IS 'True for a theme no longer tagged (its id is kept).';
COMMENT ON COLUMN themes.taxonomy_version IS 'Version of the taxonomy file.';

CREATE TABLE theme_tags (
    doc_id      VARCHAR NOT NULL,
    passage_no  INTEGER NOT NULL,
    theme_id    VARCHAR NOT NULL,
    score       DOUBLE NOT NULL,
    method      VARCHAR NOT NULL,
    phrase      VARCHAR,
    page        INTEGER NOT NULL,
    char_start  INTEGER NOT NULL,
    char_end    INTEGER NOT NULL,
    version     VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, passage_no, theme_id)
);
COMMENT ON TABLE theme_tags IS 'Themes of each passage: zero or more rows per passage, each with a score and the method that found it.';
COMMENT ON COLUMN theme_tags.doc_id IS 'The document (documents.doc_id).';
COMMENT ON COLUMN theme_tags.passage_no IS 'The passage (passages.passage_no).';
COMMENT ON COLUMN theme_tags.theme_id IS 'The theme (themes.theme_id).';
COMMENT ON COLUMN theme_tags.score IS 'Cosine similarity of the passage embedding to the theme prototype (its description and labelled examples).';
COMMENT ON COLUMN theme_tags.method IS 'phrase (a seed phrase matched), embedding (the similarity passed the theme''s threshold, chosen on labelled data) or phrase+embedding.';
COMMENT ON COLUMN theme_tags.phrase IS 'The seed phrase matched (longest), when method includes phrase.';
COMMENT ON COLUMN theme_tags.page IS 'Page the passage starts on.';
COMMENT ON COLUMN theme_tags.char_start IS 'Offset of the passage''s first character in documents.text.';
COMMENT ON COLUMN theme_tags.char_end IS 'Offset just past the passage in documents.text.';
COMMENT ON COLUMN theme_tags.version IS 'Version of the themes stage (pass, taxonomy and tuning).';
