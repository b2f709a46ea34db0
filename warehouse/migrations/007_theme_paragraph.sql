-- The themes stage themes-3: the classifier also reads the embedding of the
-- passage's whole paragraph (or list item). Only the description changes.
COMMENT ON COLUMN theme_tags.method IS 'classifier (a logistic regression over the passage''s embedding, seed-phrase hits, prototype similarities, words, the passage before it and its whole paragraph passed its threshold, chosen by cross-validation on labelled data), phrase+classifier (the same, with a seed phrase of the theme in the passage); or, under the similarity rule, phrase, embedding or phrase+embedding.';
