"""Data files of the extractors (gazetteer, judgement areas), read with importlib.resources."""
