-- The themes stage (themes-2) tags with a classifier over seed phrases and
-- embeddings: its tags' score is the classifier's probability, and their
-- method is classifier or phrase+classifier. Tags of the similarity rule
-- (themes-1) keep their meaning.
COMMENT ON COLUMN theme_tags.score IS 'method classifier or phrase+classifier: the theme classifier''s probability (0-1); method phrase, embedding or phrase+embedding (the similarity rule): cosine similarity of the passage embedding to the theme prototype.';
COMMENT ON COLUMN theme_tags.method IS 'classifier (a logistic regression over the passage''s embedding, seed-phrase hits, prototype similarities, words and the passage before it passed its threshold, chosen by cross-validation on labelled data), phrase+classifier (the same, with a seed phrase of the theme in the passage); or, under the similarity rule, phrase, embedding or phrase+embedding.';
