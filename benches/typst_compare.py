#!/usr/bin/env python3
"""nianbao's PDF path against Typst, side by side in one run: `python3 benches/typst_compare.py`.

Typst is driven through its Python binding (PyPI package `typst`; this machine has no
Typst CLI), with the bundled fonts of `fonts/` (`font_paths`, no system fonts). The Typst
source is generated from the same report: the title, every heading and paragraph of the
YAML, and the three tables with every figure from `nianbao check --format json`.

1. Batch, two cores: two Typst processes, each reusing one `typst.Compiler` for 50 of 100
   compilations of the report, against `nianbao batch` of 100 copies of the report with
   `--to pdf -j 2`; wall time per report, median of 5 rounds.
1b. The same with 100 *different* department reports (`nianbao::batch::sample`, made with
   `cargo bench --bench batch -- generate`), as a city batch is: each Typst process keeps
   one Compiler on a main file that includes the report named by `sys.inputs`.
2. One report in a fresh process: `python3 -c "import typst; typst.compile(...)"` against
   `nianbao render --to pdf`; median wall time of 11 runs.

Needs a release build (`cargo build --release`). Skips with a message when the `typst`
module is not installed (`pip install typst`). A benchmark, not a test.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NIANBAO = os.path.join(ROOT, "target", "release", "nianbao")
REPORT = os.path.join(ROOT, "examples", "yiyang-shenpi-2022.yaml")
FONTS = os.path.join(ROOT, "fonts")

try:
    import typst  # noqa: F401
except ImportError:
    print("skipped: the Python module typst is not installed (pip install typst)")
    sys.exit(0)
import yaml


def esc(s):
    out = []
    for c in str(s):
        if c in "\\#*_`$@<>[]~\"'=-+/":
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)


def narrative(items, level=2):
    out = []
    for item in items or []:
        if isinstance(item, str):
            out.append(esc(item) + "\n")
        elif isinstance(item, dict):
            if item.get("heading"):
                out.append("=" * level + " " + esc(item["heading"]) + "\n")
            content = item.get("content")
            if isinstance(content, str):
                content = [content]
            out.extend(narrative(content, level + 1))
    return out


def table(columns, rows):
    cells = ["[" + esc(c) + "]" for c in columns]
    for label, values in rows:
        cells.append("[" + esc(label) + "]")
        cells.extend("[" + esc(v) + "]" for v in values)
    return "#table(columns: %d, %s)\n" % (len(columns), ", ".join(cells))


def source(yaml_path, data):
    y = yaml.safe_load(open(yaml_path, encoding="utf-8"))
    agency = y["agency"]["name"]
    parts = [
        '#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),'
        ' numbering: "— 1 —")\n',
        '#set text(font: "Noto Serif CJK SC", size: 16pt, lang: "zh")\n',
        "#set par(first-line-indent: 2em, justify: true, leading: 0.9em)\n",
        '#show heading: set text(font: "Noto Sans CJK SC", size: 16pt)\n',
        '#align(center, text(font: "Noto Serif CJK SC", weight: "bold", size: 22pt)[%s%s年政府信息公开工作年度报告])\n'
        % (esc(agency), y["year"]),
    ]
    parts.append("= 一、总体情况\n")
    parts.extend(narrative(y.get("overview")))
    parts.append("= 二、主动公开政府信息情况\n")
    rows = []
    for k, v in data["proactive"].items():
        vals = v if isinstance(v, list) else list(v.values()) if isinstance(v, dict) else [v]
        rows.append((k, vals))
    width = max(len(v) for _, v in rows)
    parts.append(table(["项目"] + ["数量"] * width, [(k, v + [""] * (width - len(v))) for k, v in rows]))
    parts.append("= 三、收到和处理政府信息公开申请情况\n")
    apps = data["applications"]
    parts.append("#set text(size: 10.5pt)\n")
    parts.append(table(["项目"] + apps["columns"], list(apps["rows"].items())))
    parts.append("= 四、政府信息公开行政复议、行政诉讼情况\n")
    parts.append(table(["项目", "维持", "纠正", "其他", "未审结", "总计"], list(data["review_litigation"].items())))
    parts.append("#set text(size: 16pt)\n")
    parts.append("= 五、存在的主要问题及改进情况\n")
    parts.extend(narrative(y.get("problems")))
    parts.append("= 六、其他需要报告的事项\n")
    om = y.get("other_matters") or {}
    parts.extend(narrative(om.get("content") if isinstance(om, dict) else om))
    parts.append("#align(right)[%s]\n" % esc(agency))
    return "".join(parts)


WORKER = r"""
import sys, time, typst
src, fonts, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
c = typst.Compiler(src, font_paths=[fonts], ignore_system_fonts=True)
for i in range(n):
    open(out + "/%d.pdf" % i, "wb").write(c.compile())
"""

WORKER_MANY = r"""
import sys, typst
main, fonts, out = sys.argv[1], sys.argv[2], sys.argv[3]
c = typst.Compiler(main, font_paths=[fonts], ignore_system_fonts=True)
for name in sys.argv[4:]:
    open(out + "/" + name + ".pdf", "wb").write(c.compile(sys_inputs={"report": name}))
"""

FRESH = r"""
import sys, typst
open(sys.argv[3], "wb").write(typst.compile(sys.argv[1], font_paths=[sys.argv[2]], ignore_system_fonts=True))
"""


def wall(cmds):
    t = time.perf_counter()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in cmds]
    codes = [p.wait() for p in procs]
    if any(codes):
        raise SystemExit("failed: %r" % cmds)
    return time.perf_counter() - t


def main():
    if not os.path.exists(NIANBAO):
        raise SystemExit("build first: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="nianbao-typst-")
    try:
        check = subprocess.run([NIANBAO, "check", REPORT, "--format", "json"], capture_output=True, text=True)
        data = json.loads(check.stdout)["files"][0]["data"]
        src = os.path.join(tmp, "report.typ")
        open(src, "w", encoding="utf-8").write(source(REPORT, data))
        first = typst.compile(src, font_paths=[FONTS], ignore_system_fonts=True)
        print("Typst PDF: %d KB" % (len(first) // 1024))

        # 100 copies of the report for nianbao's batch (names made unique by the batch).
        copies = os.path.join(tmp, "copies")
        os.makedirs(copies)
        for i in range(100):
            shutil.copy(REPORT, os.path.join(copies, "r%03d.yaml" % i))
        outs = [os.path.join(tmp, d) for d in ("t1", "t2")]
        for d in outs:
            os.makedirs(d)
        typst_batch, nianbao_batch = [], []
        for _ in range(5):
            typst_batch.append(wall([[sys.executable, "-c", WORKER, src, FONTS, "50", d] for d in outs]) / 100)
            out = os.path.join(tmp, "nb")
            shutil.rmtree(out, ignore_errors=True)
            nianbao_batch.append(wall([[NIANBAO, "batch", copies, "-o", out, "--to", "pdf", "-j", "2", "-q"]]) / 100)
        tb, nb = statistics.median(typst_batch), statistics.median(nianbao_batch)
        print("batch of 100 on two cores: Typst %.1f ms / report, nianbao %.1f ms / report (%.1f×)"
              % (tb * 1000, nb * 1000, tb / nb))

        # 1b. 100 different generated department reports.
        many = os.path.join(tmp, "many")
        subprocess.run(["cargo", "bench", "-q", "--bench", "batch", "--", "generate", many, "100"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        check = subprocess.run([NIANBAO, "check", many, "--format", "json"], capture_output=True, text=True)
        names = []
        for f in json.loads(check.stdout)["files"]:
            name = os.path.splitext(os.path.basename(f["file"]))[0]
            open(os.path.join(many, name + ".typ"), "w", encoding="utf-8").write(source(f["file"], f["data"]))
            names.append(name + ".typ")
        names.sort()
        main_typ = os.path.join(many, "main.typ")
        open(main_typ, "w").write('#include sys.inputs.at("report")\n')
        typst_many, nianbao_many = [], []
        for _ in range(5):
            halves = [names[:50], names[50:]]
            typst_many.append(wall([[sys.executable, "-c", WORKER_MANY, main_typ, FONTS, d] + h
                                    for d, h in zip(outs, halves)]) / 100)
            out = os.path.join(tmp, "nb")
            shutil.rmtree(out, ignore_errors=True)
            nianbao_many.append(wall([[NIANBAO, "batch", many, "-o", out, "--to", "pdf", "-j", "2", "-q"]]) / 100)
        tb, nb = statistics.median(typst_many), statistics.median(nianbao_many)
        print("batch of 100 different reports on two cores: Typst %.1f ms / report, nianbao %.1f ms / report (%.1f×)"
              % (tb * 1000, nb * 1000, tb / nb))

        typst_fresh, nianbao_fresh = [], []
        out = os.path.join(tmp, "one")
        os.makedirs(out)
        for _ in range(11):
            typst_fresh.append(wall([[sys.executable, "-c", FRESH, src, FONTS, os.path.join(out, "t.pdf")]]))
            nianbao_fresh.append(wall([[NIANBAO, "render", REPORT, "--to", "pdf", "-o", out]]))
        tf, nf = statistics.median(typst_fresh), statistics.median(nianbao_fresh)
        print("one report, fresh process: Typst %.0f ms, nianbao %.1f ms (%.1f×)" % (tf * 1000, nf * 1000, tf / nf))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
