#!/usr/bin/env python3
"""Measures how the DOCX and the HTML of every example print, next to nianbao's own PDF.

For each example in examples/: nianbao renders PDF, HTML and DOCX (bundled fonts,
NIANBAO_FONTS=bundled, so that the result does not depend on the machine); LibreOffice
converts the DOCX to PDF and headless Chromium prints the HTML to PDF; each of the three
PDFs is read with `pdftotext -bbox-layout` and measured:

  pages      page count (LibreOffice and Chromium against nianbao's PDF: target ±1)
  full       body lines of Chinese text (no Latin letters or digits, whose widths are
             proportional) that run to the right margin (3号 text, 16 pt), and how many of
             them hold 28 characters or more, the more by punctuation set half width (the
             first line of a paragraph counts its two-character indent); the others are
             letter-spaced
  beyond     lines whose last glyph reaches past the right margin (hanging punctuation;
             a mark set half width may reach half an em past it, its ink inside)
  numbers    pages that carry a page number 「— N —」 at the foot
  foot       the largest empty band above the text block's foot on a page other than
             the last, in millimetres (where the page ends early)

Usage (from the repository root, after `cargo build --release`):
  python3 scripts/print_fidelity.py [--keep DIR] [example …]

Needs: pdftotext (poppler-utils), soffice (LibreOffice), chromium. Exit status 0; the
numbers are the result. Targets (issue 14): pages within ±1, ≥ 95 % of full lines with 28
characters, no line beyond the margin, page numbers on every page of the HTML print.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "nianbao"
PT_PER_MM = 72 / 25.4
# The text block of GB/T 9704 on A4, in points from the page's top-left corner.
LEFT = 28 * PT_PER_MM
RIGHT = (210 - 26) * PT_PER_MM
TOP = 37 * PT_PER_MM
FOOT = (297 - 35) * PT_PER_MM
BODY_PT = 16.0
INDENT = 2 * BODY_PT
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]

LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")


def pages_of(pdf):
    """Each page as a list of lines (x0, y0, x1, y1, text, glyph height)."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for page in html.split("<page ")[1:]:
        lines = []
        for m in LINE.finditer(page):
            words = WORD.findall(m.group(5))
            text = "".join(w[4] for w in words)
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            lines.append((x0, y0, x1, y1, text, y1 - y0))
        out.append(lines)
    return out


def ems(text):
    """Width of a line of text in em: CJK characters 1, ASCII ½."""
    return sum(0.5 if ord(c) < 0x80 else 1.0 for c in text if not c.isspace())


def measure(pdf, glyph_height):
    """The measurements of one PDF; `glyph_height` is the bbox height of 16 pt text in
    this producer's output (fonts' ascent + descent differ)."""
    pages = pages_of(pdf)
    full = on_grid = beyond = numbered = 0
    foot_band = 0.0
    off = []
    for k, lines in enumerate(pages):
        if any(PAGE_NUMBER.match(l[4].replace(" ", "")) for l in lines if l[1] > FOOT - 5):
            numbered += 1
        body = [l for l in lines if l[1] < FOOT and l[3] > TOP]
        for x0, y0, x1, y1, text, h in body:
            # A mark set half width at a line's end (nianbao's compression, which the
            # HTML and DOCX carry) draws in the left half of its box, whose right half
            # may lie past the margin; a mark hung into the margin reaches a whole em.
            if x1 > RIGHT + BODY_PT / 2 + 1.0:
                beyond += 1
            is_body = abs(h - glyph_height) < 1.5
            if is_body and x0 < LEFT + INDENT + 2 and x1 > RIGHT - BODY_PT * 0.75:
                # Latin letters and digits are proportional: only lines of Chinese text
                # have a character count to hold against the grid.
                if any(ord(c) < 0x80 and not c.isspace() for c in text):
                    continue
                full += 1
                width = ems(text) + (2 if x0 > LEFT + BODY_PT else 0)
                # 28 characters, or more with punctuation set half width: what is short
                # of 28 is letter-spaced.
                if width >= 28:
                    on_grid += 1
                else:
                    off.append(f"p{k + 1} {width:g}: {text}")
        if k + 1 < len(pages) and body:
            lowest = max(l[3] for l in body)
            foot_band = max(foot_band, (FOOT - lowest) / PT_PER_MM)
    return {
        "pages": len(pages),
        "full": full,
        "on_grid": on_grid,
        "beyond": beyond,
        "numbered": numbered,
        "foot_mm": foot_band,
        "off": off,
    }


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("examples", nargs="*")
    ap.add_argument("--keep", help="keep the PDFs in this folder")
    ap.add_argument("--verbose", action="store_true", help="list the full lines off the grid")
    args = ap.parse_args()
    for tool in ("pdftotext", "soffice", "chromium"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed")
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    names = args.examples or sorted(p.stem for p in (ROOT / "examples").glob("*.yaml"))
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nianbao-print-"))
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NIANBAO_FONTS="bundled")
    header = f"{'example':32} {'format':10} {'pages':>5} {'full lines':>12} {'28 chars':>9} {'beyond':>6} {'numbers':>8} {'foot mm':>8}"
    print(header)
    print("-" * len(header))
    for name in names:
        yaml = ROOT / "examples" / f"{name}.yaml"
        r = run([str(BIN), "render", str(yaml), "-o", str(out), "--force"], env=env)
        if r.returncode not in (0, 1):
            print(f"{name}: render failed\n{r.stderr}")
            continue
        pdf = out / f"{name}.pdf"
        lo_dir = out / "libreoffice"
        run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(lo_dir), str(out / f"{name}.docx")], env=env)
        lo = lo_dir / f"{name}.pdf"
        chrome = out / "chromium" / f"{name}.pdf"
        chrome.parent.mkdir(exist_ok=True)
        run(["chromium", *CHROMIUM_FLAGS, f"--print-to-pdf={chrome}", (out / f"{name}.html").as_uri()], env=env)
        for label, path in (("nianbao", pdf), ("LibreOffice", lo), ("Chromium", chrome)):
            if not path.exists():
                print(f"{name:32} {label:10} (no PDF)")
                continue
            # The producer's box height of 16 pt text (it depends on the fonts' ascent and
            # descent): the commonest height of lines that start at the indent.
            heights = [
                round(l[5], 1)
                for p in pages_of(path)
                for l in p
                if abs(l[0] - LEFT - INDENT) < 2 and TOP < l[1] < FOOT
            ]
            height = max(set(heights), key=heights.count) if heights else 20.8
            m = measure(path, height)
            share = f"{100 * m['on_grid'] / m['full']:.0f} %" if m["full"] else "-"
            print(
                f"{name:32} {label:10} {m['pages']:>5} {m['full']:>12} {share:>9} {m['beyond']:>6} "
                f"{m['numbered']:>4}/{m['pages']:<3} {m['foot_mm']:>8.0f}"
            )
            if args.verbose:
                for line in m["off"]:
                    print(f"    off grid {line}")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
