"""Theme commands: ``themes`` (and ``themes discover``), ``timeline``,
``report``, ``evaluate themes`` and ``train themes``; registered on the
main command group by ``pipeline.cli``."""
from __future__ import annotations

from pathlib import Path

import click

from pipeline.settings import Settings


def _options(cli):
    """The shared pieces of pipeline.cli (imported late: cli imports this module)."""
    return cli.db_option, cli.friendly_errors, cli.CliError, cli._emit_rows


def _min_score_option(f):
    return click.option(
        "--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
        help="Count only theme tags scoring at least this (0 to 1). Higher is surer and finds less: "
             "`ofsted-mine evaluate themes` prints precision and recall at each cut-off.")(f)


def register(cli) -> None:
    db_option, friendly_errors, CliError, _emit_rows = _options(cli)

    def connect(db_path):
        return cli.query_connection(Settings.from_env().with_overrides(db_path=db_path).db_path)

    def check_la(con, la):
        from warehouse.theme_queries import known_authority

        if not known_authority(con, la):
            raise CliError(f"no documents of {la!r} in the warehouse (see `ofsted-mine documents`)")

    @cli.main.group(invoke_without_command=True)
    @db_option
    @click.option("--la", "local_authority", default=None, help="Only this local authority (default: every one).")
    @click.option("--since", type=int, default=None, help="Only documents dated in or after this year.")
    @click.option("--kind", default=None, help="Only this document kind: ilacs, focused_visit, monitoring_visit, minutes, ...")
    @_min_score_option
    @click.option("--json", "as_json", is_flag=True, help="Print as JSON lines.")
    @click.pass_context
    @friendly_errors
    def themes(ctx, db_path, local_authority, since, kind, min_score, as_json):
        """Which themes documents raise: per theme, the documents and passages
        that raise it, how many are strengths, areas for improvement and
        recommendations, and the first and last date.

        \b
        Examples:
          ofsted-mine themes                              # nationally
          ofsted-mine themes --la Middlesbrough --since 2022
          ofsted-mine themes --min-score 0.9              # only the surer tags
          ofsted-mine themes discover                     # candidate themes the taxonomy lacks
        """
        if ctx.invoked_subcommand is not None:
            return
        from pipeline.theme_printing import print_theme_summary
        from warehouse.theme_queries import theme_summary

        con = connect(db_path)
        if local_authority:
            check_la(con, local_authority)
        rows = theme_summary(con, local_authority, since, kind, min_score or None)
        title = (f"themes: {local_authority or 'all authorities'}" + (f" since {since}" if since else "")
                 + (f", tags scoring {min_score:g} or more" if min_score else ""))
        _emit_rows(rows, as_json, lambda r: print_theme_summary(r, title))

    @themes.command("discover")
    @db_option
    @click.option("--la", "local_authority", default=None, help="Only passages of this local authority.")
    @click.option("--clusters", type=int, default=None, help="How many candidate themes (default 12).")
    @click.option("--seed", type=int, default=None, help="Random seed for k-means (default fixed: same data, same clusters).")
    @click.option("--max-passages", type=int, default=3000, show_default=True,
                  help="Cluster at most this many unthemed passages (a fixed pseudo-random sample; each is embedded, ~140/s).")
    @click.option("--examples", type=int, default=3, show_default=True, help="Passages shown per candidate.")
    @click.option("--json", "as_json", is_flag=True, help="Print the candidates as JSON lines.")
    @friendly_errors
    def discover_command(db_path, local_authority, clusters, seed, max_passages, examples, as_json):
        """Cluster the passages that fit no theme (the tagger gave them no
        tag) on their sentence embeddings, and print
        each cluster as a candidate theme: its most distinctive terms, its
        size, how tight it is, the nearest existing theme, and example
        passages with their citations."""
        import json as _json

        from extractors.findings.encoder import shared_encoder
        from extractors.themes import load_tagger
        from models.themes_discovery import DEFAULT_CLUSTERS, DEFAULT_SEED, discover
        from pipeline.theme_printing import print_candidates
        from warehouse.theme_queries import unthemed_passages

        con = connect(db_path)
        if local_authority:
            check_la(con, local_authority)
        rows = unthemed_passages(con, local_authority, limit=max_passages)
        if len(rows) < 4:
            raise CliError(f"only {len(rows)} passages fit no theme: nothing to cluster")
        texts = [r["text"] for r in rows]
        if not as_json:
            click.echo(f"embedding {len(texts)} passages that fit no theme ...", err=True)
        vectors = shared_encoder().encode(texts)
        tagger = load_tagger()
        found = discover(texts, vectors, clusters or DEFAULT_CLUSTERS, DEFAULT_SEED if seed is None else seed,
                         n_examples=examples, prototypes=tagger.protos, theme_ids=tagger.ids)
        sources = [f"{r['document'].rsplit('/', 1)[-1]} p.{r['page']}" for r in rows]
        if as_json:
            for c in found:
                click.echo(_json.dumps({"cluster": c.cluster, "label": c.label, "terms": list(c.terms), "size": c.size,
                                        "cohesion": c.cohesion, "nearest_theme": c.nearest_theme,
                                        "nearest_similarity": c.nearest_similarity,
                                        "examples": [{"text": texts[i], "document": rows[i]["document"],
                                                      "page": rows[i]["page"]} for i in c.examples]}, ensure_ascii=False))
        else:
            print_candidates(found, texts, sources, len(rows))

    @cli.main.command()
    @db_option
    @click.option("--la", "local_authority", required=True, help="The local authority.")
    @click.option("--theme", "themes_", multiple=True, help="Only this theme id (repeatable), e.g. --theme front_door --theme assessment.")
    @click.option("--since", type=int, default=None, help="Only documents dated in or after this year.")
    @_min_score_option
    @click.option("--json", "as_json", is_flag=True, help="Print the timeline rows as JSON lines.")
    @friendly_errors
    def timeline(db_path, local_authority, themes_, since, min_score, as_json):
        """One authority's themes across its documents, in date order: per
        document and theme, the strengths, areas for improvement and neutral
        passages, the overall status, the document and pages, and an example
        passage with its page; then each theme's trajectory (when first
        raised as an area for improvement, each later document's treatment,
        the latest status).

        \b
        Examples:
          ofsted-mine timeline --la Middlesbrough
          ofsted-mine timeline --la Middlesbrough --theme front_door --theme assessment
          ofsted-mine timeline --la Middlesbrough --min-score 0.9
        """
        from models.themes_taxonomy import load_taxonomy
        from pipeline.theme_printing import print_timeline, print_trajectory
        from warehouse.theme_queries import timeline as timeline_rows, trajectory

        known = set(load_taxonomy().ids)
        bad = [t for t in themes_ if t not in known]
        if bad:
            raise CliError(f"unknown theme {', '.join(bad)} (see `ofsted-mine themes` or models/themes/taxonomy.toml)")
        con = connect(db_path)
        check_la(con, local_authority)
        rows = timeline_rows(con, local_authority, list(themes_) or None, since, min_score or None)
        if as_json:
            _emit_rows(rows, True, None)
            return
        print_timeline(rows, local_authority)
        print_trajectory(trajectory(con, local_authority, list(themes_) or None, min_score or None))

    @cli.main.command()
    @db_option
    @click.option("--la", "local_authority", required=True, help="The local authority.")
    @click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path), required=True,
                  help="The HTML file to write.")
    @friendly_errors
    def report(db_path, local_authority, out_path):
        """Write one authority's report as a standalone HTML page (no scripts,
        nothing fetched: it opens offline): grade history with a chart, the
        theme timeline as a chart of documents by themes, trajectories,
        recommendations followed up by later documents, and charts of every
        figure reported on two or more dates, each item citing document and
        page.

        \b
        Example:
          ofsted-mine report --la Middlesbrough --out middlesbrough.html
        """
        from pipeline.la_report import render_html, report_data

        con = connect(db_path)
        check_la(con, local_authority)
        html = render_html(report_data(con, local_authority))
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(html, encoding="utf-8")
        click.echo(f"wrote {out_path} ({len(html) // 1024} KiB)")

    @cli.evaluate.command("themes")
    @click.option("--gold", "gold_paths", type=click.Path(exists=True, dir_okay=False, path_type=Path), multiple=True,
                  help="Passages labelled with themes (doc, quote, themes); repeat it to score several files as one "
                       "set. Default: models/data/themes_gold.jsonl, the held-out set (no document of it was used "
                       "to choose thresholds).")
    @cli.corpus_option
    @click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
    @friendly_errors
    def evaluate_themes_command(gold_paths, corpus_dir, as_json):
        """Score the theme tagger: each gold quote is found in its document
        and the themes the themes stage gave that passage are compared with
        the gold themes. Prints micro-averaged precision and recall, and per
        theme; with --json, {n, micro_precision, micro_recall, per_theme, ...}."""
        from models.themes_data import data_file
        from pipeline.evaluate.themes import evaluate_themes, print_themes_report

        settings = Settings.from_env()
        gold = list(gold_paths) or data_file("themes_gold.jsonl")
        try:
            result = evaluate_themes(gold, cli._corpus(settings, corpus_dir), settings, show_progress=not as_json)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        cli._emit(result, as_json, print_themes_report)

    @cli.train.command("themes")
    @cli.corpus_option
    @click.option("--labels", type=click.Path(exists=True, dir_okay=False, path_type=Path), multiple=True,
                  help="Labelled passages to train on (repeatable; default: every models/data/themes_tune*.jsonl).")
    @click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                  help="Where to write tuning.json, prototypes.npz and classifier.joblib (default: models/themes in the project).")
    @click.option("--review", "review_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
                  help="Verdicts on tuning labels to apply before training (default: models/data/themes_review.jsonl "
                       "when training on the default files).")
    @click.option("--no-review", is_flag=True, help="Train on the labels as they are, without any review.")
    @friendly_errors
    def train_themes_command(corpus_dir, labels, out_dir, review_path, no_review):
        """Train the theme tagger on labelled passages: drop seed phrases
        that are wrong too often, make each theme's prototype, pick the
        similarity thresholds, fit a logistic regression per theme and
        choose its probability threshold by 5-fold cross-validation grouped
        by document (on the passages drawn at random: those of files drawn
        where a tagger was least sure are trained on but do not choose it);
        the rule that scores better in that cross-validation is the one the
        pipeline uses. A review of the labels
        (models/data/themes_review.jsonl) is applied first unless --no-review.
        Deterministic: the same labels give the same files, byte for byte.
        About 16 minutes for 15,990 passages on 2 cores with nothing else
        running."""
        from models.themes_training import review_file, train
        from pipeline.settings import PROJECT_ROOT

        settings = Settings.from_env()
        out = out_dir or PROJECT_ROOT / "models" / "themes"
        if no_review and review_path:
            raise CliError("--review and --no-review: choose one")
        review = None if no_review else review_path or (None if labels else review_file())
        try:
            card = train(cli._corpus(settings, corpus_dir), out, list(labels) or None,
                         progress=lambda m: click.echo(m, err=True), review=review)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        cv = card["cross_validated"]
        for rule in ("classifier", "similarity"):
            m = cv[rule]
            click.echo(f"  {rule:10s}: cross-validated precision {m['precision']:.3f}, recall {m['recall']:.3f}, "
                       f"F1 {m['f1']:.3f}" + (f" (probability threshold {cv['classifier_threshold']:.2f}, chosen on "
                                              f"{cv.get('threshold_passages', card['passages'])} of the "
                                              f"{card['passages']} passages)" if rule == "classifier" else ""))
        click.echo(f"{card['version']}: {card['passages']} passages from {len(card['documents'])} documents; "
                   f"rule {card['rule']}; {sum(len(v) for v in card['dropped_seeds'].values())} seed phrases dropped")
        click.echo(f"wrote {out / 'tuning.json'}, {out / 'prototypes.npz'}, {out / 'classifier.joblib'}")
