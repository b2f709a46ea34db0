"""Every notebook in notebooks/ runs from top to bottom on a small real
warehouse and draws its plots, so the notebooks never rot."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_at_least_three_notebooks():
    names = {p.stem for p in NOTEBOOKS}
    assert len(NOTEBOOKS) >= 3
    assert {"national_theme_prevalence", "authority_journey", "figures_over_time"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes_and_plots(path, middlesbrough_warehouse, monkeypatch):
    monkeypatch.setenv("OFSTED_MINE_DB", str(middlesbrough_warehouse))
    monkeypatch.setenv("NOTEBOOK_LA", "Middlesbrough")
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend renders the figures
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parents[1])}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if o.get("output_type") == "display_data" and "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no plot"
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert str(middlesbrough_warehouse) in text
