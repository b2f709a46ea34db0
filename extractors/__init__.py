"""Pure functions over a Document: cleaning, segmentation and (later) metadata,
figures, findings and theme tags. Nothing here does I/O or imports Prefect."""
