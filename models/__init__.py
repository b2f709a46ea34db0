"""Learned parts: the sentence encoder, the finding classifier, theme taxonomy."""
