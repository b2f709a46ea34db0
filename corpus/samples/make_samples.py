"""Make the sample PDF in corpus/samples/: a fictional Ofsted focused-visit letter.

The letter is invented (the people, findings and figures are made up) but laid out
like the real letters: date line, addressee block, "Dear ...", a bold heading, the
visit dates, "Headline findings", "What needs to improve in this area of social
work practice" with ◼ bullets, "Main findings", the Ofsted address block in the
page-1 footer, page numbers at the top of pages 2 and after, a sentence running
over a page break, and the "Yours sincerely" sign-off. Headings are bold 14pt,
body text 12pt, in DejaVu Sans (a Unicode TTF, so ’ and ◼ come out as in the
real letters).

fpdf2 is a development tool only, not a runtime dependency: the committed PDF is
what the pipeline and the tests read. To re-make it::

    cd /work/main && . .venv/bin/activate
    pip install fpdf2
    python corpus/samples/make_samples.py            # writes next to this script
    python corpus/samples/make_samples.py OUT_DIR    # or into OUT_DIR

The output is byte-for-byte reproducible (fixed creation date). The HTML and text
samples in this folder are written by hand, not by this script.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
PDF_NAME = "rutland_2025-04-17_focused-visit.pdf"

BODY = 12
HEADING = 14
FOOT = 9
LINE = 6.2  # mm per body line
GAP = 3.5  # mm between paragraphs

ADDRESS = [
    "17 April 2025",
    "",
    "Joanne Whitfield",
    "Strategic Director for Children and Families",
    "Rutland County Council",
    "Catmose",
    "South Road",
    "Oakham",
    "LE15 6HP",
]

OFSTED_FOOTER = [
    ("Ofsted", False),
    ("Piccadilly Gate", False),
    ("Store Street", False),
    ("Manchester", False),
    ("M1 2WD", False),
    ("T 0300 123 1231", True),
    ("Textphone 0161 618 8524", True),
    ("enquiries@ofsted.gov.uk", False),
    ("www.gov.uk/ofsted", False),
]

# ("h", text) heading, ("p", text) paragraph, ("b", text) ◼ bullet, ("s", text) sign-off line
LETTER: list[tuple[str, str]] = [
    ("p", "Dear Mrs Whitfield"),
    ("h", "Focused visit to Rutland County Council children’s services"),
    ("p", "This letter summarises the findings of the focused visit to Rutland County Council "
          "children’s services on 12 and 13 March 2025. His Majesty’s Inspectors for this visit "
          "were Daniel Ashworth and Mereana Clarke."),
    ("p", "Inspectors looked at the local authority’s arrangements for children in need and "
          "children subject to a child protection plan, with a particular focus on:"),
    ("b", "the quality and timeliness of assessments and plans for children in need"),
    ("b", "the effectiveness of child protection conferences and core groups"),
    ("b", "the impact of management oversight and supervision on children’s progress."),
    ("p", "This visit was carried out in line with the inspection of local authority children’s "
          "services (ILACS) framework. Inspectors spoke to social workers, team managers and "
          "leaders, and looked at the records of 42 children."),
    ("h", "Headline findings"),
    ("p", "Since the last inspection in October 2022, when services were judged to require "
          "improvement to be good, leaders have strengthened the quality of help for children in "
          "need of help and protection. A stable and experienced workforce now knows children "
          "well, and most children benefit from timely visits and plans that reduce the risks "
          "they face. The reliance on agency social workers has fallen considerably, and leaders "
          "have used an additional investment of £640,000 to create a dedicated child in need "
          "team and two advanced practitioner posts."),
    ("p", "However, the quality of plans for children in need is not yet consistently good. Too "
          "many plans are written in language that children and their parents cannot easily "
          "understand, and actions are not always specific enough for progress to be measured. "
          "Leaders know this and have begun to address it, but it is too early to see the impact "
          "of their work."),
    ("h", "What needs to improve in this area of social work practice"),
    ("b", "The quality of plans for children in need, so that they are specific, time-bound and "
          "written in a way that children and families understand."),
    ("b", "The consistency of management oversight when children’s circumstances do not improve "
          "under a child in need plan."),
    ("b", "The involvement of partner agencies, particularly health visitors and schools, in "
          "core group meetings."),
    ("h", "Main findings"),
    ("p", "At the time of the visit, 164 children were receiving a service as children in need "
          "and 31 children were subject to a child protection plan, an increase of 24% since March "
          "2024. Leaders have an accurate understanding of the reasons for this rise, which "
          "reflects better identification of neglect by schools and the early help service rather "
          "than a drift in thresholds. The multi-agency audit completed in January 2025 found "
          "that 88% of decisions to start a child protection enquiry were appropriate."),
    ("p", "Social workers visit children regularly and see them alone when it is right to do so. "
          "They use direct work tools creatively to understand children’s wishes and feelings, "
          "and these are recorded well. Children’s lived experiences are clear in most records. "
          "For a small number of children, particularly disabled children who communicate "
          "non-verbally, social workers do not yet make enough use of specialist communication "
          "support, so these children’s views are less evident in their plans."),
    ("p", "Assessments are completed within timescales for 93% of children, compared with 81% at "
          "the time of the last inspection. Most assessments are thorough and make good use of "
          "family history to understand risk. Social workers analyse the impact of parental "
          "mental ill health, domestic abuse and substance misuse on children well. In a minority "
          "of assessments, the views of fathers and wider family members are not sought, which "
          "limits the understanding of the support that could be available to the child."),
    ("p", "Child protection conferences are held on time, and the independent chairs provide "
          "effective challenge. Parents told inspectors that they understood why their children "
          "were subject to a plan. Core groups meet regularly, but attendance by partner agencies "
          "is inconsistent: health visitors attended 58% of the core groups that inspectors "
          "sampled, and schools attended 64%. When partners do not attend, actions are not "
          "always followed up, and this sometimes delays progress for children."),
    ("p", "Plans for children in need are reviewed regularly, but too many contain actions that "
          "describe services rather than the changes that are needed for the child. In 9 of the "
          "25 plans that inspectors looked at in detail, it was not clear what needed to happen "
          "for the plan to end safely. When children’s circumstances do not improve, managers do "
          "not always escalate concerns quickly enough, and a small number of children remain on "
          "child in need plans for longer than they need to before a child protection enquiry or "
          "legal planning meeting is considered."),
    ("p", "Social workers are positive about working in Rutland. They told inspectors that they "
          "feel valued and supported by managers who are visible and approachable. Average "
          "caseloads are manageable at 15 children, and no social worker holds more than 19. "
          "The proportion of agency social workers has reduced from 31% in 2023 to 12%, and "
          "turnover has fallen to 9%. Supervision is regular and reflective, and most records "
          "of supervision show clear direction, although the actions agreed are not always "
          "reviewed at the next session."),
    ("p", "Leaders have a clear and accurate self-assessment of the strengths and areas for "
          "development in their services. The performance report presented to the corporate "
          "parenting board each quarter is detailed and well understood by elected members. "
          "Leaders have responded quickly to the findings of their own audits by introducing a "
          "new template for child in need plans and training for all practitioners, delivered "
          "between December 2024 and February 2025, although the impact of this work is not yet "
          "evident in the plans that inspectors saw. The council’s budget for children’s social "
          "care has increased by £1.3 million for 2025–26, and leaders plan to use part of this "
          "to commission an independent review of the quality of plans."),
    ("p", "Ofsted will take the findings from this focused visit into account when planning your "
          "next inspection or visit."),
    ("s", "Yours sincerely"),
    ("s", ""),
    ("s", "Daniel Ashworth"),
    ("s", "His Majesty’s Inspector"),
]


def build(out_dir: Path) -> Path:
    from fpdf import FPDF  # dev-only dependency

    class Letter(FPDF):
        def header(self) -> None:
            if self.page_no() >= 2:
                self.set_auto_page_break(True, margin=22)
                self.set_font("DejaVu", "", BODY)
                self.set_xy(self.l_margin, 12)
                self.cell(0, LINE, str(self.page_no()), align="R", new_x="LMARGIN", new_y="NEXT")
                self.set_y(24)

        def footer(self) -> None:
            if self.page_no() == 1:
                self.set_y(-52)
                for text, bold in OFSTED_FOOTER:
                    self.set_font("DejaVu", "B" if bold else "", FOOT if not bold else FOOT - 1)
                    self.cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")

    pdf = Letter(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2025, 4, 17, 9, 0, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Focused visit to Rutland County Council children’s services")
    pdf.set_author("Ofsted")
    pdf.set_creator("corpus/samples/make_samples.py")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=58)
    pdf.add_page()

    pdf.set_font("DejaVu", "", BODY)
    for line in ADDRESS:
        pdf.cell(0, LINE, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(GAP * 2)

    for kind, text in LETTER:
        if kind == "h":
            pdf.ln(GAP)
            pdf.set_font("DejaVu", "B", HEADING)
            pdf.multi_cell(0, LINE + 1, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(GAP)
        elif kind == "b":
            pdf.set_font("DejaVu", "", BODY)
            pdf.cell(8, LINE, "◼")
            pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "s":
            pdf.set_font("DejaVu", "", BODY)
            pdf.cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", BODY)
            pdf.multi_cell(0, LINE, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(GAP)

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / PDF_NAME
    pdf.output(str(path))
    return path


def main(argv: list[str]) -> None:
    out_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    path = build(out_dir)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv)
