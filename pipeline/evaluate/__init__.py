"""Accuracy of the extractors, measured on the real corpus: one module per ``evaluate`` command."""
