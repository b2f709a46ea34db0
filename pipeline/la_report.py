"""One authority's standalone HTML report: grade history, theme timeline
chart, trajectories, recommendations followed up, and figure series, every
item citing its document and page.

``report_data(con, la)`` gathers the rows (queries only); ``render_html(data)``
is a pure function from those rows to one HTML page: inline CSS and inline
SVG charts, no script and nothing fetched, so it opens offline in any browser.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape

from warehouse import theme_queries as q

GRADES = ["inadequate", "requires_improvement", "good", "outstanding"]
GRADE_LABEL = {"inadequate": "Inadequate", "requires_improvement": "Requires improvement", "good": "Good",
               "outstanding": "Outstanding"}
STATUS_COLOUR = {"improvement": "#d9534f", "strength": "#3c9d5d", "mixed": "#e0a526", "neutral": "#b8bec6"}
MAX_THEMES = 22
MAX_METRICS = 12


def _line(coords: list[tuple[float, float]], style: str = "") -> str:
    """An SVG path through the points, in order; ``style`` overrides the
    line class's stroke (inline CSS, which wins over the class)."""
    d = " ".join(f"{'M' if i == 0 else 'L'}{cx:.1f},{cy:.1f}" for i, (cx, cy) in enumerate(coords))
    return f'<path d="{d}" class="line"' + (f' style="{style}"' if style else "") + "/>"


def report_data(con, local_authority: str) -> dict:
    return {
        "local_authority": local_authority,
        "grades": q.grade_history(con, local_authority),
        "timeline": q.timeline(con, local_authority),
        "trajectory": q.trajectory(con, local_authority),
        "followups": q.followups(con, local_authority),
        "figures": q.figure_points(con, local_authority),
        "generated": dt.date.today().isoformat(),
    }


def _e(x) -> str:
    return escape("" if x is None else str(x))


def _name(document: str | None) -> str:
    return (document or "").rsplit("/", 1)[-1]


def _cite(document: str | None, pages) -> str:
    pages = [pages] if isinstance(pages, int) else list(pages or [])
    p = ("p." if len(pages) == 1 else "pp.") + ",".join(str(x) for x in pages) if pages else ""
    return f'<span class="cite">{_e(_name(document))} {_e(p)}</span>'


# ------------------------------------------------------------------ charts

# the judgements a graded inspection gives: overall effectiveness (until the 2026 framework, which
# has no overall grade) and the four judgements under it
GRADE_SERIES = [("overall_effectiveness", "Overall effectiveness", "#38598b"),
                ("impact_of_leaders", "Impact of leaders", "#8e5ea2"),
                ("help_and_protection", "Help and protection", "#d9822b"),
                ("children_in_care", "Children in care", "#2e9e8f"),
                ("care_leavers", "Care leavers", "#c44e52")]


def _judgement(g: dict, key: str) -> str | None:
    value = g.get(key)
    if key == "children_in_care" and value is None:
        value = g.get("children_in_care_and_care_leavers")  # the older frameworks judged both together
    return value if value in GRADES else None


def grade_chart(grades: list[dict]) -> str:
    """Every judgement of every graded inspection over time, one coloured
    series each (the overall grade thickest); a report without an overall
    grade (the 2026 framework) still shows its four judgements."""
    pts = [g for g in grades if g["graded"] and g["date"] and any(_judgement(g, k) for k, _, _ in GRADE_SERIES)]
    if not pts:
        return '<p class="none">No graded inspection of this authority in the warehouse.</p>'
    w, h, left, top, bottom = 760, 210, 170, 20, 60
    d0, d1 = min(p["date"] for p in pts), max(p["date"] for p in pts)
    span = max((d1 - d0).days, 1)

    def x(d):
        return left + 20 + (w - left - 60) * ((d - d0).days / span if len(pts) > 1 else 0.5)

    def y(g, k=0):
        return top + (h - top - bottom) * (1 - GRADES.index(g) / 3) + (k - 2) * 4  # series side by side

    out = [f'<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="Judgement grades over time">']
    for g in GRADES:
        out.append(f'<line x1="{left}" x2="{w - 20}" y1="{y(g, 2):.0f}" y2="{y(g, 2):.0f}" class="grid"/>'
                   f'<text x="{left - 8}" y="{y(g, 2) + 4:.0f}" text-anchor="end">{GRADE_LABEL[g]}</text>')
    for k, (key, label, colour) in enumerate(GRADE_SERIES):
        series = [(p, v) for p in pts if (v := _judgement(p, key))]
        if not series:
            continue
        out.append(_line([(x(p["date"]), y(v, k)) for p, v in series],
                         f"stroke:{colour};stroke-width:{3 if k == 0 else 1.5}"))
        for p, v in series:
            out.append(f'<circle cx="{x(p["date"]):.1f}" cy="{y(v, k):.1f}" r="{6 if k == 0 else 4}" fill="{colour}">'
                       f'<title>{_e(p["date"])}: {_e(label)}: {_e(GRADE_LABEL[v])} ({_e(_name(p["document"]))})</title></circle>')
    for year in sorted({p["date"].year for p in pts}):
        first = min(p["date"] for p in pts if p["date"].year == year)
        out.append(f'<text x="{x(first):.1f}" y="{h - 40}" text-anchor="middle">{year}</text>')
    lx = 20.0
    for key, label, colour in GRADE_SERIES:
        out.append(f'<rect x="{lx:.0f}" y="{h - 22}" width="11" height="11" fill="{colour}"/>'
                   f'<text x="{lx + 15:.0f}" y="{h - 12}" font-size="11">{_e(label)}</text>')
        lx += 15 + 6.3 * len(label) + 18
    out.append("</svg>")
    return "".join(out)


def theme_heatmap(timeline: list[dict]) -> str:
    if not timeline:
        return '<p class="none">No theme tags for this authority.</p>'
    docs: list[tuple] = []
    for r in timeline:
        key = (r["date"], r["document"])
        if key not in docs:
            docs.append(key)
    weight: dict[str, int] = defaultdict(int)
    for r in timeline:
        weight[r["theme"]] += r["passages"]
    themes = sorted(weight, key=lambda t: -weight[t])[:MAX_THEMES]
    kind_of = {(r["date"], r["document"]): r["document_kind"] for r in timeline}
    shown = {(r["date"], r["document"]): q.shown_date(r, short=True) for r in timeline}
    cell = {(r["theme"], (r["date"], r["document"])): r for r in timeline}
    cw, ch, left, top = 58, 22, 250, 92
    w, h = left + cw * len(docs) + 90, top + ch * len(themes) + 10
    out = [f'<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" role="img" aria-label="Theme timeline">']
    for j, (date, document) in enumerate(docs):
        cx = left + cw * j + cw / 2
        out.append(f'<text transform="translate({cx:.0f},{top - 8}) rotate(-40)" class="col">'
                   f'{_e(shown[(date, document)])} {_e(kind_of[(date, document)] or "")}<title>{_e(_name(document))}</title></text>')
    for i, t in enumerate(themes):
        cy = top + ch * i
        out.append(f'<text x="{left - 8}" y="{cy + 15}" text-anchor="end">{_e(t)}</text>')
        for j, key in enumerate(docs):
            r = cell.get((t, key))
            x0 = left + cw * j
            if r is None:
                out.append(f'<rect x="{x0 + 1}" y="{cy + 1}" width="{cw - 2}" height="{ch - 2}" class="empty"/>')
                continue
            tip = (f"{t}, {shown[key]} {r['document_kind'] or ''}: {r['strengths']} strengths, "
                   f"{r['improvements']} improvements, {r['neutral']} neutral; {_name(r['document'])} "
                   f"pp.{','.join(str(p) for p in r['pages'] or [])}")
            out.append(f'<rect x="{x0 + 1}" y="{cy + 1}" width="{cw - 2}" height="{ch - 2}" '
                       f'fill="{STATUS_COLOUR.get(r["status"], "#ccc")}"><title>{_e(tip)}</title></rect>'
                       f'<text x="{x0 + cw / 2}" y="{cy + 15}" text-anchor="middle" class="cell">'
                       f'{r["strengths"]}/{r["improvements"]}</text>')
    out.append("</svg>")
    legend = "".join(f'<span class="key" style="background:{c}"></span>{s} ' for s, c in STATUS_COLOUR.items())
    return "".join(out) + f'<p class="legend">Cell: strengths/improvements. {legend}</p>'


def figure_chart(metric: str, points: list[dict]) -> str:
    w, h, left, top, bottom = 360, 170, 56, 24, 34
    vals = [p["value"] for p in points]
    v0, v1 = min(vals), max(vals)
    if v0 == v1:
        v0, v1 = v0 - 1, v1 + 1
    d0, d1 = min(p["date"] for p in points), max(p["date"] for p in points)
    span = max((d1 - d0).days, 1)

    def x(d):
        return left + (w - left - 14) * (d - d0).days / span

    def y(v):
        return top + (h - top - bottom) * (1 - (v - v0) / (v1 - v0))

    unit = points[0]["unit"] or ""
    out = [f'<svg class="chart small" viewBox="0 0 {w} {h}" role="img" aria-label="{_e(metric)}">',
           f'<text x="{left}" y="14" class="title">{_e(metric)} ({_e(unit)})</text>',
           f'<line x1="{left}" x2="{w - 10}" y1="{h - bottom}" y2="{h - bottom}" class="grid"/>',
           f'<text x="{left - 6}" y="{y(v1) + 4:.0f}" text-anchor="end">{v1:g}</text>',
           f'<text x="{left - 6}" y="{y(v0) + 4:.0f}" text-anchor="end">{v0:g}</text>',
           f'<text x="{left}" y="{h - 12}">{_e(d0)}</text>',
           f'<text x="{w - 10}" y="{h - 12}" text-anchor="end">{_e(d1)}</text>']
    out.append(_line([(x(p["date"]), y(p["value"])) for p in points]))
    for p in points:
        out.append(f'<circle cx="{x(p["date"]):.1f}" cy="{y(p["value"]):.1f}" r="4" class="dot"><title>'
                   f'{_e(p["date"])}: {p["value"]:g} {_e(unit)} — {_e(_name(p["document"]))} p.{p["page"]}: '
                   f'{_e(p["text"])}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def figure_section(figures: list[dict]) -> str:
    by: dict[str, list[dict]] = defaultdict(list)
    for f in figures:
        if f["unit"] in ("count", "percent", "GBP", "days", "weeks", "months", "years", "ratio"):
            by[(f["metric"], f["unit"])].append(f)
    series = sorted(((k, v) for k, v in by.items() if len({p["date"] for p in v}) >= 2), key=lambda kv: -len(kv[1]))
    if not series:
        return '<p class="none">No figure is reported on two or more dates for this authority.</p>'
    charts, rows = [], []
    for (metric, unit), pts in series[:MAX_METRICS]:
        charts.append(figure_chart(metric, pts))
        for p in pts:
            rows.append(f"<tr><td>{_e(metric)}</td><td>{_e(p['date'])}</td><td class='num'>{p['value']:g} {_e(unit)}"
                        f"</td><td>{_e(p['text'])}</td><td>{_cite(p['document'], p['page'])}</td></tr>")
    return ('<div class="charts">' + "".join(charts) + "</div>"
            "<details><summary>Every point, with its citation</summary><table><tr><th>metric</th><th>date</th>"
            "<th>value</th><th>as written</th><th>source</th></tr>" + "".join(rows) + "</table></details>")


# ------------------------------------------------------------------ page

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px auto;max-width:1180px;color:#1d2330;padding:0 16px}
h1{font-size:1.6em;margin-bottom:0}h2{margin-top:1.8em;border-bottom:2px solid #e4e7ec;padding-bottom:4px}
.meta{color:#5b6473}.none{color:#8a93a3;font-style:italic}
table{border-collapse:collapse;font-size:.86em;margin:.6em 0;width:100%}
th,td{border-bottom:1px solid #e4e7ec;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f6f8}
td.num{text-align:right;white-space:nowrap}.cite{color:#38598b;font-size:.92em;white-space:nowrap}
svg.chart{font-size:11px;max-width:100%;height:auto;display:block;margin:8px 0}svg.small{width:360px;display:inline-block;margin:6px}
svg .grid{stroke:#e4e7ec}svg .line{fill:none;stroke:#38598b;stroke-width:2}svg .dot{fill:#38598b}
svg .empty{fill:#f3f4f6}svg .cell{fill:#fff;font-size:10px;font-weight:600}svg .col{font-size:10px}svg .title{font-weight:600}
.legend{font-size:.85em}.key{display:inline-block;width:12px;height:12px;margin:0 3px 0 8px;vertical-align:middle}
.charts{display:flex;flex-wrap:wrap}.s-improvement{color:#b52b27}.s-strength{color:#2a7a45}.s-mixed{color:#a57a10}
"""


def _grade_table(grades: list[dict]) -> str:
    if not grades:
        return ""
    rows = "".join(
        f"<tr><td>{_e(g['date'])}</td><td>{_e(g['kind'])}{' ' + _e(g['visit_number']) if g['visit_number'] else ''}</td>"
        f"<td>{_e(GRADE_LABEL.get(g['overall_effectiveness'], g['overall_effectiveness'] or ''))}</td>"
        f"<td>{_e(GRADE_LABEL.get(g['impact_of_leaders'], g['impact_of_leaders'] or ''))}</td>"
        f"<td>{_e(GRADE_LABEL.get(g['help_and_protection'], g['help_and_protection'] or ''))}</td>"
        f"<td>{_e(GRADE_LABEL.get(g['children_in_care'] or g['children_in_care_and_care_leavers'], g['children_in_care'] or g['children_in_care_and_care_leavers'] or ''))}</td>"
        f"<td>{_e(GRADE_LABEL.get(g['care_leavers'], g['care_leavers'] or ''))}</td><td>{_cite(g['document'], [])}</td></tr>"
        for g in grades)
    return ("<table><tr><th>date</th><th>kind</th><th>overall</th><th>leaders</th><th>help and protection</th>"
            "<th>children in care</th><th>care leavers</th><th>source</th></tr>" + rows + "</table>")


def _timeline_table(timeline: list[dict]) -> str:
    rows = "".join(
        f"<tr><td>{_e(q.shown_date(r))}</td><td>{_e(r['document_kind'])}</td><td>{_e(r['theme_label'] or r['theme'])}</td>"
        f"<td class='num'>{r['strengths']}</td><td class='num'>{r['improvements']}</td><td class='num'>{r['neutral']}</td>"
        f"<td class='s-{_e(r['status'])}'>{_e(r['status'])}</td>"
        f"<td>{_e((r.get('example') or '')[:220])} <span class='cite'>p.{_e(r.get('example_page'))}</span></td>"
        f"<td>{_cite(r['document'], r['pages'])}</td></tr>" for r in timeline)
    return ("<details><summary>Every document and theme, with its citation</summary><table><tr><th>date</th><th>kind</th>"
            "<th>theme</th><th>S</th><th>I</th><th>N</th><th>status</th><th>example</th><th>source</th></tr>"
            + rows + "</table></details>")


def _trajectory_table(rows: list[dict]) -> str:
    raised = [r for r in rows if r["first_raised"]]
    if not raised:
        return '<p class="none">No theme was raised as an area for improvement in a dated document.</p>'
    body = "".join(
        f"<tr><td>{_e(r['theme_label'] or r['theme'])}</td><td>{_e(r['first_raised'])}</td>"
        f"<td>{_cite(r['first_raised_in'], [])}</td><td>{_e(r['history'])}</td>"
        f"<td class='s-{_e(r['latest_status'])}'>{_e(r['latest_status'])} ({_e(r['latest_date'])})</td></tr>" for r in raised)
    return ("<table><tr><th>theme</th><th>first raised</th><th>in</th><th>each document's treatment</th>"
            "<th>latest</th></tr>" + body + "</table>")


def _followup_table(rows: list[dict]) -> str:
    if not rows:
        return '<p class="none">No recommendation of this authority has a later document on the same theme.</p>'
    body = "".join(
        f"<tr><td>{_e(r['recommended_on'])}</td><td>{_e(r['item_no'])}. {_e(r['recommendation'][:200])} "
        f"{_cite(r['recommended_in'], r['page'])}</td><td>{_e(r['theme'])}</td><td>{_e(r['followed_up_on'])} "
        f"{_e(r['followed_up_kind'])}</td><td class='s-{_e(r['status'])}'>{_e(r['status'])} "
        f"({r['strengths']}S/{r['improvements']}I)</td><td>{_cite(r['followed_up_in'], r['followed_up_pages'])}</td></tr>"
        for r in rows)
    return ("<table><tr><th>recommended</th><th>recommendation</th><th>theme</th><th>later document</th>"
            "<th>how it treated the theme</th><th>source</th></tr>" + body + "</table>")


def render_html(data: dict) -> str:
    la = data["local_authority"]
    n_docs = len({r["document"] for r in data["timeline"]})
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(la)}: children's services, themes and figures</title>
<style>{CSS}</style></head><body>
<h1>{_e(la)}</h1>
<p class="meta">Ofsted inspections, visits and council papers in the warehouse: {n_docs} documents with themes.
Generated {_e(data['generated'])} by ofsted-mine. Every item cites its document and page.</p>
<h2>Grade history</h2>
{grade_chart(data['grades'])}
{_grade_table(data['grades'])}
<h2>Theme timeline</h2>
<p>Each column is a document in date order, each row a theme; the colour is how the document treated the theme
(red: more areas for improvement than strengths; green: more strengths; amber: as many of each; grey: neutral mentions).
Hover a cell for its counts and pages. ≈ marks a date read from the file name (the paper states none):
it places the paper in order rather than dates it.</p>
{theme_heatmap(data['timeline'])}
{_timeline_table(data['timeline'])}
<h2>Trajectories</h2>
{_trajectory_table(data['trajectory'])}
<h2>Recommendations followed up</h2>
{_followup_table(data['followups'])}
<h2>Figures over time</h2>
{figure_section(data['figures'])}
</body></html>
"""
