"""Where documents come from: discovery, manifests, hashing and readers.

Readers turn a file (PDF, HTML minutes page, plain text, Markdown) into a
:class:`corpus.document.Document`. Nothing here imports the other stages.
"""
