//! `index.html`: one self-contained page over the whole batch — a sortable, filterable
//! row per report with its findings and links, the city's totals and a chart of the
//! main ones. No network, a little inline script.

use std::fmt::Write as _;

use crate::format::common::REVIEW_GROUPS;
use crate::format::{FORMATS, RowKind};

use super::figures::{self, Fig};
use super::{Batch, ReportResult, Status};

use crate::write::escape as esc;

/// A link to a file of the output folder, each path component percent-encoded.
fn href(rel: &str) -> String {
    let mut out = String::new();
    for b in rel.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' | b'~' => {
                out.push(b as char)
            }
            b => {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

const STYLE: &str = r#"
:root{--fg:#1a1a1a;--muted:#666;--line:#d9d9d9;--pass:#1f7a3a;--warn:#9a6700;--err:#b3261e;--bad:#6b2fa0;}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;color:var(--fg);margin:0;padding:16px;line-height:1.5}
h1{font-size:1.4rem;margin:0 0 .4rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
.counts span{display:inline-block;margin-right:1em}
.tools{display:flex;flex-wrap:wrap;gap:.6rem 1.2rem;align-items:center;margin:.8rem 0}
.tools input,.tools select{font:inherit;padding:.2rem .4rem}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
#reports th{cursor:pointer;user-select:none;white-space:nowrap;background:#f5f5f5;position:sticky;top:0}
#reports th[aria-sort=ascending]::after{content:" ▲"}#reports th[aria-sort=descending]::after{content:" ▼"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
small{color:var(--muted)}
.s{font-weight:bold;white-space:nowrap}.s-pass{color:var(--pass)}.s-warnings{color:var(--warn)}.s-errors{color:var(--err)}.s-unreadable,.s-failed{color:var(--bad)}
details pre{white-space:pre-wrap;font-size:.85rem;background:#fafafa;border:1px solid var(--line);padding:.5rem;max-width:70ch}
tr.total td{font-weight:bold}
.links a{margin-right:.5em}
svg text{font-size:13px;font-family:inherit}
@media (max-width:600px){body{padding:8px}#reports td:nth-child(2),#reports th:nth-child(2),#reports td:nth-child(3),#reports th:nth-child(3),#reports td:nth-child(5),#reports th:nth-child(5){display:none}}
"#;

const SCRIPT: &str = r#"
(function(){
var table=document.getElementById('reports'),body=table.tBodies[0];
var heads=table.tHead.rows[0].cells,q=document.getElementById('q'),st=document.getElementById('status'),shown=document.getElementById('shown');
function key(row,i,num){var c=row.cells[i],v=c.getAttribute('data-v');if(v===null)v=c.textContent.trim();return num?(v===''?-Infinity:parseFloat(v)):v;}
Array.prototype.forEach.call(heads,function(th,i){th.tabIndex=0;function sort(){
var asc=th.getAttribute('aria-sort')!=='ascending',num=th.classList.contains('num');
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');
var rows=Array.prototype.slice.call(body.rows);rows.sort(function(a,b){var x=key(a,i,num),y=key(b,i,num);var r=num?(x-y):String(x).localeCompare(String(y),'zh-CN');if(r===0)r=a.getAttribute('data-i')-b.getAttribute('data-i');return asc?r:-r;});
rows.forEach(function(r){body.appendChild(r);});}
th.addEventListener('click',sort);th.addEventListener('keydown',function(e){if(e.key==='Enter')sort();});});
function filter(){var t=q.value.trim().toLowerCase(),s=st.value,n=0;Array.prototype.forEach.call(body.rows,function(r){
var ok=(!s||r.getAttribute('data-status')===s)&&(!t||r.textContent.toLowerCase().indexOf(t)>=0);r.hidden=!ok;if(ok)n++;});
shown.textContent='显示 '+n+' / '+body.rows.length+' 份';}
q.addEventListener('input',filter);st.addEventListener('change',filter);filter();
document.documentElement.setAttribute('data-ready','1');
})();
"#;

fn status_cell(r: &ReportResult) -> String {
    let mut s = format!("<span class=\"s s-{}\">{}</span>", r.status.key(), r.status.label());
    if r.findings.iter().any(|f| f.denied) {
        s.push_str("<br><small>含不允许的警告</small>");
    }
    if r.draft {
        s.push_str("<br><small>草稿</small>");
    }
    if r.rollup {
        s.push_str("<br><small>汇总报告</small>");
    }
    s
}

fn findings_cell(r: &ReportResult) -> String {
    let n = r.findings.len();
    if n == 0 && r.not_rendered.is_none() {
        return "<td class=\"num\" data-v=\"0\">0</td>".into();
    }
    let t = r.tally();
    let mut parts = Vec::new();
    for (count, word) in [(t.errors, "错误"), (t.warnings, "警告"), (t.acknowledged, "已确认")]
    {
        if count > 0 {
            parts.push(format!("{count} {word}"));
        }
    }
    let mut text = String::new();
    for f in &r.findings {
        text.push_str(&f.text);
        text.push('\n');
    }
    if let Some(why) = &r.not_rendered {
        let _ = writeln!(text, "{why}");
    }
    let summary = if parts.is_empty() { "说明".to_owned() } else { parts.join("，") };
    format!(
        "<td class=\"num\" data-v=\"{n}\"><details><summary>{}</summary><pre>{}</pre></details></td>",
        esc(&summary),
        esc(&text)
    )
}

/// The main totals for the chart: label and column.
fn main_totals() -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let spec = &FORMATS[0];
    for (kind, col) in [
        (RowKind::Received, "total"),
        (RowKind::CarriedOver, "total"),
        (RowKind::Total, "total"),
        (RowKind::CarriedForward, "total"),
    ] {
        if let Some(row) = spec.applications.iter().find(|r| r.kind == kind)
            && let Some(c) = figures::column_of(&format!("applications.{}.{col}", row.key))
        {
            let label =
                if kind == RowKind::Total { row.full_label() } else { row.short.to_owned() };
            out.push((label, c));
        }
    }
    for g in &REVIEW_GROUPS {
        if let Some(c) = figures::column_of(&format!("review_litigation.{}.total", g.key)) {
            out.push((g.label.to_owned(), c));
        }
    }
    out
}

fn chart(totals: &[Option<Fig>]) -> String {
    let bars: Vec<(String, f64, String)> = main_totals()
        .into_iter()
        .map(|(label, c)| {
            let v = totals[c].unwrap_or(Fig::Count(0));
            let f = v.decimal().to_string().parse::<f64>().unwrap_or(0.0);
            (label, f, v.text())
        })
        .collect();
    let max = bars.iter().map(|b| b.1).fold(0.0, f64::max).max(1.0);
    let (label_w, bar_w, row_h) = (250.0, 310.0, 30.0);
    let height = bars.len() as f64 * row_h + 10.0;
    let mut s = format!(
        "<svg role=\"img\" aria-label=\"主要合计数\" viewBox=\"0 0 640 {height}\" width=\"100%\" style=\"max-width:640px\">"
    );
    for (i, (label, v, text)) in bars.iter().enumerate() {
        let y = i as f64 * row_h + 5.0;
        let w = (v / max * bar_w).max(1.0);
        let _ = write!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{w:.1}\" height=\"18\" fill=\"#3b6ea8\"/><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 8.0,
            y + 14.0,
            esc(label),
            label_w,
            y + 1.0,
            label_w + w + 6.0,
            y + 14.0,
            esc(text)
        );
    }
    s.push_str("</svg>");
    s
}

/// The page.
pub fn html(batch: &Batch) -> String {
    let mut h = String::with_capacity(64 * 1024 + batch.reports.len() * 1024);
    let n = batch.reports.len();
    let count = |s: Status| batch.reports.iter().filter(|r| r.status == s).count();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>年报批量检查：{n} 份</title><style>{STYLE}</style></head><body>\n<h1>政府信息公开工作年度报告 批量检查</h1>\n<p class=\"counts\">共 {n} 份："
    );
    let statuses =
        [Status::Pass, Status::Warnings, Status::Errors, Status::Unreadable, Status::Failed];
    for s in statuses {
        let _ = write!(h, "<span class=\"s-{}\">{} {}</span>", s.key(), s.label(), count(s));
    }
    h.push_str("</p>\n");
    let failing = batch.failing();
    if !failing.is_empty() {
        let names: Vec<String> = failing.iter().map(|r| esc(&r.path)).collect();
        let _ = writeln!(h, "<p>未通过：{}</p>", names.join("、"));
    }
    if !batch.unmatched.is_empty() {
        let _ = writeln!(
            h,
            "<details><summary>没有找到上一年度报告的机关 {} 个</summary><pre>{}</pre></details>",
            batch.unmatched.len(),
            esc(&batch.unmatched.join("\n"))
        );
    }
    h.push_str("<div class=\"tools\"><label>查找 <input id=\"q\" type=\"search\" placeholder=\"机关名称、文件或问题\"></label><label>状态 <select id=\"status\"><option value=\"\">全部</option>");
    for s in statuses {
        let _ = write!(h, "<option value=\"{}\">{}</option>", s.key(), s.label());
    }
    h.push_str("</select></label><span id=\"shown\"></span></div>\n<div class=\"wrap\"><table id=\"reports\"><thead><tr><th>机关</th><th>层级</th><th>格式</th><th>状态</th><th>发布日期</th><th class=\"num\">逾期天数</th><th class=\"num\">问题</th><th>报告</th></tr></thead><tbody>\n");
    for (i, r) in batch.reports.iter().enumerate() {
        let agency = r.agency.as_deref().unwrap_or("");
        let late = match r.days_late {
            Some(d) if d > 0 => format!("<td class=\"num\" data-v=\"{d}\">{d}</td>"),
            Some(d) => format!("<td class=\"num\" data-v=\"{d}\">按期</td>"),
            None => "<td class=\"num\" data-v=\"\"></td>".into(),
        };
        let links: Vec<String> = r
            .outputs
            .iter()
            .map(|o| {
                let ext = o.rsplit('.').next().unwrap_or("").to_uppercase();
                format!("<a href=\"{}\">{ext}</a>", href(o))
            })
            .collect();
        let _ = writeln!(
            h,
            "<tr data-i=\"{i}\" data-status=\"{}\"><td data-v=\"{}\">{}<br><small>{}</small></td><td>{}</td><td>{}</td><td data-v=\"{}\">{}</td><td>{}</td>{late}{}<td class=\"links\">{}</td></tr>",
            r.status.key(),
            esc(if agency.is_empty() { &r.path } else { agency }),
            esc(agency),
            esc(&r.path),
            r.level.map(|l| l.label()).unwrap_or(""),
            r.format.map(|f| f.name()).unwrap_or(""),
            r.status as u8,
            status_cell(r),
            r.publication_date.as_deref().unwrap_or(""),
            findings_cell(r),
            links.join("")
        );
    }
    h.push_str("</tbody></table></div>\n");
    let _ = writeln!(
        h,
        "<h2>全市合计</h2>\n<p>{} 份报告之和（不含无法读取的报告和声明为汇总的报告）。</p>\n{}",
        batch.totals_count,
        chart(&batch.totals)
    );
    h.push_str("<div class=\"wrap\"><table class=\"totals\"><thead><tr><th>项目</th><th class=\"num\">合计</th></tr></thead><tbody>\n");
    for (c, col) in figures::columns().iter().enumerate() {
        if let Some(v) = batch.totals[c] {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(&col.label),
                v.text()
            );
        }
    }
    h.push_str("</tbody></table></div>\n");
    let _ = write!(h, "<script>{SCRIPT}</script>\n</body></html>\n");
    h
}
