//! Lowering: the YAML mirror → [`Report`].
//!
//! Every cell is checked here (rule R5: a non-negative integer, or a non-negative exact
//! amount), and all problems are collected before giving up, so the user sees every bad
//! cell at once. Hand-written heading numbers are removed with a warning (N1).

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::narrative::{Item, numbering_prefix};
use super::tables::{self, RowDef};
use super::{
    Ack, Agency, Amount, Applications, Date, Fees, Level, MoneyUnit, Num, Proactive, Proactive2019,
    Proactive2021, Report, Review,
};
use crate::diag::{Diagnostic, Severity};
use crate::input::{
    self, AppRow, ApplicationsInput, Block, Count, Format, ItemRow, Money, Narrative, Parsed, Raw,
    ReportInput, ReviewRow, Row, Sp,
};
use crate::rules;
use crate::source::{SourceFile, Span};

/// A lowered report and the warnings found while lowering.
pub type Lowered = (Report, Vec<Diagnostic>);

/// Builds the report model; on failure returns every problem found.
pub fn lower(
    file: &SourceFile,
    parsed: Parsed,
    format_span: Option<Span>,
) -> Result<Lowered, Vec<Diagnostic>> {
    let mut cx = Lowerer { file, diags: Vec::new() };
    let report = match parsed {
        Parsed::F2021(p) => {
            let p = *p;
            let proactive = cx.proactive_2021(&p.proactive);
            let remarks = cx.opt_narrative(p.proactive.remarks.as_ref());
            let fees = p.other_matters.value.information_fees.as_ref().map(|f| Fees {
                notices: cx.count(&f.fee_notices_count, "发出收费通知件数"),
                notices_amount: cx.money(&f.fee_notices_amount_yuan, "收费通知金额"),
                collected: cx.money(&f.fees_collected_yuan, "实际收取金额"),
                span: f.fee_notices_count.0.span.join(f.fees_collected_yuan.0.span),
            });
            let other = cx.opt_narrative(p.other_matters.value.content.as_ref());
            let apps = cx.applications_2021(&p.applications);
            cx.common(
                p,
                Format::F2021,
                format_span,
                Proactive::F2021(proactive),
                remarks,
                apps,
                fees,
                other,
            )
        }
        Parsed::F2019(p) => {
            let p = *p;
            let proactive = cx.proactive_2019(&p.proactive);
            let remarks = cx.opt_narrative(p.proactive.remarks.as_ref());
            let other = cx.opt_narrative(p.other_matters.value.content.as_ref());
            let apps = cx.applications_2019(&p.applications);
            cx.common(
                p,
                Format::F2019,
                format_span,
                Proactive::F2019(proactive),
                remarks,
                apps,
                None,
                other,
            )
        }
    };
    let (errors, warnings): (Vec<_>, Vec<_>) =
        cx.diags.into_iter().partition(|d| d.severity == Severity::Error);
    match report {
        Some(r) if errors.is_empty() => Ok((r, warnings)),
        _ => Err(errors),
    }
}

struct Lowerer<'a> {
    file: &'a SourceFile,
    diags: Vec<Diagnostic>,
}

/// A placeholder for a cell that failed R5; the report is discarded in that case.
const BAD: Num = Num { value: 0, span: Span { start: 0, end: 0 } };

impl Lowerer<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn r5(&mut self, span: Span, message: String) {
        self.error(Diagnostic::rule(Severity::Error, "R5", message).at(span, ""));
    }

    fn shown(&self, span: Span) -> String {
        input::shown(self.file, span)
    }

    fn quoted(&self, span: Span) -> bool {
        self.file.slice(span).starts_with(['"', '\''])
    }

    /// Explains why a non-number cell is not a number.
    fn not_a_number(&mut self, raw: &Sp<Raw>, what: &str, expect: &str) {
        let text = self.shown(raw.span);
        let msg = match &raw.value {
            Raw::Null => format!("{what}是空的：没有的请填 0（空白不等于 0）"),
            Raw::Text(s) if self.quoted(raw.span) && looks_numeric(s) => {
                format!("{what}写成了带引号的文字 {text}：数字不要加引号，请写 {}", s.trim())
            }
            Raw::Text(s) if is_placeholder(s) => {
                format!("{what}写的是「{}」：没有的请填 0，不要用 /、—、无 代替", s.trim())
            }
            Raw::Text(s) if leading_number(s).is_some() => format!(
                "{what}里带了单位或文字「{}」：请只写数字 {}，单位由表格给出",
                s.trim(),
                leading_number(s).unwrap_or_default()
            ),
            Raw::Float(_) => format!("{what}应当是{expect}，这里写的是 {text}"),
            _ => format!("{what}应当是{expect}，这里写的是 {text}"),
        };
        self.r5(raw.span, msg);
    }

    fn count(&mut self, c: &Count, what: &str) -> Num {
        let raw = &c.0;
        match raw.value {
            Raw::Int(v) if v >= 0 => Num { value: v, span: raw.span },
            Raw::Int(v) => {
                self.r5(raw.span, format!("{what}不能为负数，这里写的是 {v}"));
                BAD
            }
            _ => {
                self.not_a_number(raw, what, "非负整数");
                BAD
            }
        }
    }

    fn signed(&mut self, raw: &Sp<Raw>, what: &str) -> Num {
        match raw.value {
            Raw::Int(v) => Num { value: v, span: raw.span },
            _ => {
                self.not_a_number(raw, what, "整数（可带 + 或 - 号）");
                BAD
            }
        }
    }

    fn money(&mut self, m: &Money, what: &str) -> Amount {
        let raw = &m.0;
        let bad = Amount { value: Decimal::ZERO, span: raw.span };
        match raw.value {
            Raw::Int(_) | Raw::Float(_) => {
                let text = self.file.slice(raw.span).trim().trim_start_matches('+');
                match Decimal::from_str(text) {
                    Ok(v) if v.is_sign_negative() && !v.is_zero() => {
                        self.r5(raw.span, format!("{what}不能为负数，这里写的是 {text}"));
                        bad
                    }
                    Ok(v) => Amount { value: v, span: raw.span },
                    Err(_) => {
                        self.r5(
                            raw.span,
                            format!("{what}应当是普通的小数（例如 12.5），这里写的是 {text}"),
                        );
                        bad
                    }
                }
            }
            _ => {
                self.not_a_number(raw, what, "非负的金额数字");
                bad
            }
        }
    }

    /// A row written as a sequence of `min` numbers, or `max` with the total.
    fn row<const MIN: usize, const MAX: usize>(
        &mut self,
        row: &Row<MIN, MAX>,
        what: &str,
        columns: &[&str],
    ) -> Option<Vec<Num>> {
        let cells = &row.0.value;
        if cells.len() != MIN && cells.len() != MAX {
            let expect = if MIN == MAX {
                format!("{MIN} 个数（{}）", columns[..MIN].join("、"))
            } else {
                format!(
                    "{MIN} 个数（{}），或 {MAX} 个数（再加{}）",
                    columns[..MIN].join("、"),
                    columns[MAX - 1]
                )
            };
            self.r5(row.0.span, format!("{what}应有 {expect}，实际写了 {} 个", cells.len()));
            return None;
        }
        Some(
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| self.count(c, &format!("{what}「{}」", columns[i])))
                .collect(),
        )
    }

    fn app_row(&mut self, row: &AppRow, def: &RowDef) -> ([Option<Num>; 7], Span) {
        let what = format!("{}「{}」", tables::APPLICATIONS_TITLE, def.full_label());
        let cols: Vec<&str> = tables::APP_COLUMNS.to_vec();
        let mut out = [None; 7];
        if let Some(nums) = self.row(row, &what, &cols) {
            for (i, n) in nums.into_iter().enumerate() {
                out[i] = Some(n);
            }
        }
        (out, row.0.span)
    }

    fn applications<O>(
        &mut self,
        a: &ApplicationsInput<O>,
        defs: &'static [RowDef],
        other: &[&AppRow],
    ) -> Applications {
        let r = &a.results;
        let w = &r.withheld;
        let u = &r.unable;
        let n = &r.not_processed;
        let mut rows: Vec<&AppRow> = vec![
            &a.new_received,
            &a.carried_over,
            &r.granted,
            &r.partially_granted,
            &w.state_secret,
            &w.other_law,
            &w.three_security_one_stability,
            &w.third_party,
            &w.internal_affairs,
            &w.process_info,
            &w.enforcement_file,
            &w.admin_query,
            &u.not_held,
            &u.needs_creation,
            &u.still_unclear,
            &n.petition_complaint,
            &n.repeated,
            &n.publication,
            &n.mass_repeated,
            &n.confirm_reissue,
        ];
        rows.extend_from_slice(other);
        let mut cells = Vec::with_capacity(defs.len());
        let mut spans = Vec::with_capacity(defs.len());
        for (row, def) in rows.iter().zip(defs) {
            let (c, s) = self.app_row(row, def);
            cells.push(c);
            spans.push(s);
        }
        let total_def = &defs[defs.len() - 2];
        match &r.total {
            Some(t) => {
                let (c, s) = self.app_row(t, total_def);
                cells.push(c);
                spans.push(s);
            }
            None => {
                cells.push([None; 7]);
                spans.push(r.granted.0.span);
            }
        }
        let (c, s) = self.app_row(&a.carried_forward, &defs[defs.len() - 1]);
        cells.push(c);
        spans.push(s);
        Applications { rows: defs, cells, row_spans: spans }
    }

    fn applications_2021(&mut self, a: &ApplicationsInput<input::Other2021>) -> Applications {
        let o = &a.results.other;
        self.applications(a, &tables::APP_ROWS_2021, &[&o.no_correction, &o.fee_unpaid, &o.other])
    }

    fn applications_2019(&mut self, a: &ApplicationsInput<AppRow>) -> Applications {
        self.applications(a, &tables::APP_ROWS_2019, &[&a.results.other])
    }

    fn review(&mut self, r: &input::ReviewInput) -> Review {
        let rows: [&ReviewRow; 3] = [&r.review, &r.litigation_direct, &r.litigation_after_review];
        let mut groups = [[None; 5]; 3];
        let mut spans = [Span::default(); 3];
        for (g, row) in rows.iter().enumerate() {
            let what = format!("{}「{}」", tables::REVIEW_TITLE, tables::REVIEW_GROUPS[g].1);
            if let Some(nums) = self.row(row, &what, &tables::REVIEW_COLUMNS) {
                for (i, n) in nums.into_iter().enumerate() {
                    groups[g][i] = Some(n);
                }
            }
            spans[g] = row.0.span;
        }
        Review { groups, spans }
    }

    fn doc_rows(
        &mut self,
        rows: [&input::DocRow; 2],
        labels: [&str; 2],
        cols: [&str; 3],
    ) -> [[Num; 3]; 2] {
        let mut out = [[BAD; 3]; 2];
        for (i, row) in rows.iter().enumerate() {
            let what = format!("{}「第二十条第（一）项 {}」", tables::PROACTIVE_TITLE, labels[i]);
            if let Some(nums) = self.row(row, &what, &cols) {
                out[i].copy_from_slice(&nums);
            }
        }
        out
    }

    fn proactive_2021(&mut self, p: &input::Proactive2021) -> Proactive2021 {
        use tables::proactive2021 as t;
        let what =
            |item: &str, label: &str| format!("{}「{item} {label}」", tables::PROACTIVE_TITLE);
        Proactive2021 {
            documents: self.doc_rows(
                [&p.regulations, &p.normative_documents],
                t::DOC_ROWS,
                t::DOC_COLUMNS,
            ),
            licensing: self.count(&p.licensing, &what("第二十条第（五）项", "行政许可")),
            penalty: self.count(&p.penalty, &what("第二十条第（六）项", "行政处罚")),
            coercion: self.count(&p.coercion, &what("第二十条第（六）项", "行政强制")),
            fees_wan: self.money(&p.fees, &what("第二十条第（八）项", "行政事业性收费")),
        }
    }

    fn item_row(&mut self, row: &ItemRow, what: &str, n: usize) -> Vec<Num> {
        let cells = &row.0.value;
        let cols = &tables::proactive2019::ITEM_COLUMNS[..n];
        if cells.len() != n {
            self.r5(
                row.0.span,
                format!("{what}应有 {n} 个数（{}），实际写了 {} 个", cols.join("、"), cells.len()),
            );
            return vec![BAD; n];
        }
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let what = format!("{what}「{}」", cols[i]);
                if i == 1 { self.signed(c, &what) } else { self.count(&Count(c.clone()), &what) }
            })
            .collect()
    }

    fn proactive_2019(&mut self, p: &input::Proactive2019) -> Proactive2019 {
        use tables::proactive2019 as t;
        let documents =
            self.doc_rows([&p.regulations, &p.normative_documents], t::DOC_ROWS, t::DOC_COLUMNS);
        let rows = [&p.licensing, &p.other_services, &p.penalty, &p.coercion];
        let mut items = [[BAD; 3]; 4];
        for (i, row) in rows.into_iter().enumerate() {
            let (_, label, item) = t::ITEM_ROWS[i];
            let what = format!("{}「{item} {label}」", tables::PROACTIVE_TITLE);
            items[i].copy_from_slice(&self.item_row(row, &what, 3));
        }
        let what = format!("{}「第二十条第（八）项 行政事业性收费」", tables::PROACTIVE_TITLE);
        let fee = self.item_row(&p.fees, &what, 2);
        let what = format!("{}「第二十条第（九）项 政府集中采购」", tables::PROACTIVE_TITLE);
        let unit = match p.procurement.unit.value.trim() {
            "万元" => MoneyUnit::Wan,
            "元" => MoneyUnit::Yuan,
            other => {
                self.error(
                    Diagnostic::error(format!(
                        "采购总金额的单位只能写 万元 或 元，这里写的是「{other}」"
                    ))
                    .at(p.procurement.unit.span, ""),
                );
                MoneyUnit::Wan
            }
        };
        Proactive2019 {
            documents,
            items,
            fee_items: [fee[0], fee[1]],
            procurement_count: self.count(&p.procurement.count, &format!("{what}「采购项目数量」")),
            procurement_amount: self.money(&p.procurement.amount, &format!("{what}「采购总金额」")),
            procurement_unit: unit,
        }
    }

    fn text(&mut self, s: &Sp<String>, what: &str) -> String {
        let t = s.value.trim();
        if t.is_empty() {
            self.error(Diagnostic::error(format!("{what}不能为空")).at(s.span, ""));
        }
        t.to_owned()
    }

    fn narrative(&mut self, n: &Narrative) -> Vec<Item> {
        n.blocks.iter().filter_map(|b| self.block(b)).collect()
    }

    fn opt_narrative(&mut self, n: Option<&Narrative>) -> Vec<Item> {
        n.map(|n| self.narrative(n)).unwrap_or_default()
    }

    fn block(&mut self, b: &Sp<Block>) -> Option<Item> {
        match &b.value {
            Block::Para(text) => {
                let text = text.trim();
                if text.is_empty() {
                    return None;
                }
                if let Some(prefix) = numbering_prefix(text) {
                    self.diags.push(
                        Diagnostic::rule(
                            Severity::Warning,
                            "N1",
                            format!("段落以编号「{prefix}」开头：编号应当用小标题（heading）表示，nianbao 会自动编号"),
                        )
                        .at(b.span, "")
                        .help("把编号和标题写成 - heading: 标题 / content: [正文]"),
                    );
                }
                Some(Item::Para { text: text.to_owned(), span: b.span })
            }
            Block::Headed { heading, content } => {
                let mut text = heading.value.trim().to_owned();
                if let Some(prefix) = numbering_prefix(&text) {
                    let prefix = prefix.to_owned();
                    text = text[prefix.len()..].trim_start().to_owned();
                    self.diags.push(
                        Diagnostic::rule(
                            Severity::Warning,
                            "N1",
                            format!("小标题自带编号「{prefix}」：nianbao 会自动编号，已去掉手写的编号以免重复"),
                        )
                        .at(heading.span, "")
                        .help(format!("把这一行改为 heading: {text}")),
                    );
                }
                if text.is_empty() {
                    self.error(Diagnostic::error("小标题（heading）不能为空").at(heading.span, ""));
                }
                Some(Item::Heading { text, span: heading.span, content: self.narrative(content) })
            }
        }
    }

    fn date(&mut self, s: &Sp<String>, what: &str) -> Option<Date> {
        let d = Date::parse(&s.value);
        if d.is_none() {
            self.error(
                Diagnostic::error(format!("{what}「{}」不是有效的日期", s.value.trim()))
                    .at(s.span, "")
                    .help("写作 2025-01-20 或 2025年1月20日"),
            );
        }
        d
    }

    fn level(&mut self, s: &Sp<String>) -> Level {
        match s.value.trim() {
            "department" | "部门" | "县级以上人民政府部门" => Level::Department,
            "government" | "政府" | "县级以上地方人民政府" => Level::Government,
            "township" | "乡镇" | "街道" | "乡镇人民政府" | "街道办事处" => {
                Level::Township
            }
            other => {
                let mut d = Diagnostic::error(format!("机关层级 level 写的是「{other}」，无法识别"))
                    .at(s.span, "")
                    .note("可写 department（县级以上人民政府部门）、government（县级以上地方人民政府）、township（乡镇人民政府、街道办事处）");
                let best = ["department", "government", "township"]
                    .into_iter()
                    .map(|k| (strsim::jaro_winkler(other, k), k))
                    .filter(|(s, _)| *s > 0.75)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                if let Some((_, k)) = best {
                    d = d.help(format!("是不是想写 `{k}`？"));
                }
                self.error(d);
                Level::Department
            }
        }
    }

    fn acknowledged(&mut self, acks: &BTreeMap<Sp<String>, Sp<String>>) -> BTreeMap<String, Ack> {
        let mut out = BTreeMap::new();
        for (id, reason) in acks {
            let key = id.value.trim().to_uppercase();
            match rules::find(&key) {
                Some(rule) if rule.severity == Severity::Warning => {
                    if reason.value.trim().is_empty() {
                        self.error(
                            Diagnostic::error(format!("确认警告 {key} 时要写明理由"))
                                .at(reason.span, ""),
                        );
                    }
                    out.insert(key, Ack { reason: reason.value.trim().to_owned(), span: id.span });
                }
                Some(rule) => self.error(
                    Diagnostic::error(format!(
                        "{key}（{}）是错误，不能确认：请改正数据",
                        rule.title
                    ))
                    .at(id.span, ""),
                ),
                None => self.error(
                    Diagnostic::error(format!(
                        "acknowledged 里的「{}」不是警告编号",
                        id.value.trim()
                    ))
                    .at(id.span, "")
                    .note(format!("可确认的警告：{}", rules::warning_ids().join("、"))),
                ),
            }
        }
        out
    }

    #[allow(
        clippy::too_many_arguments,
        reason = "one call per format, each argument a part of the report"
    )]
    fn common<P, O, M>(
        &mut self,
        p: ReportInput<P, O, M>,
        format: Format,
        format_span: Option<Span>,
        proactive: Proactive,
        proactive_remarks: Vec<Item>,
        applications: Applications,
        fees: Option<Fees>,
        other_matters: Vec<Item>,
    ) -> Option<Report> {
        let year = match i32::try_from(p.year.value) {
            Ok(y) if (2000..=2100).contains(&y) => y,
            _ => {
                self.error(
                    Diagnostic::error(format!("年度 year 写的是 {}，不像是年份", p.year.value))
                        .at(p.year.span, ""),
                );
                2000
            }
        };
        let name = self.text(&p.agency.name, "机关全称 agency.name");
        let level = self.level(&p.agency.level);
        let issuing_office = p
            .agency
            .issuing_office
            .as_ref()
            .map(|s| s.value.trim().to_owned())
            .filter(|s| !s.is_empty());
        let deadline =
            p.agency.deadline.as_ref().and_then(|s| {
                self.date(s, "本地发布截止日期 agency.deadline").map(|d| (d, s.span))
            });
        let publication_date = self.date(&p.publication_date, "发布日期 publication_date");
        let review = self.review(&p.review_litigation);
        let review_remarks = self.opt_narrative(p.review_litigation.remarks.as_ref());
        let applications_remarks = self.opt_narrative(p.applications.remarks.as_ref());
        let preface = p.preface.as_ref().map(|n| self.narrative(n));
        let overview = self.narrative(&p.overview);
        let problems = self.narrative(&p.problems);
        let acknowledged = self.acknowledged(&p.acknowledged);
        Some(Report {
            format,
            format_span,
            year,
            year_span: p.year.span,
            agency: Agency { name, level, issuing_office, deadline },
            agency_span: p.agency.name.span,
            publication_date: publication_date?,
            date_span: p.publication_date.span,
            preface,
            overview,
            overview_span: p.overview.span,
            problems_span: p.problems.span,
            proactive,
            proactive_remarks,
            applications,
            applications_remarks,
            review,
            review_remarks,
            problems,
            other_matters,
            fees,
            other_matters_span: p.other_matters.span,
            acknowledged,
        })
    }
}

fn looks_numeric(s: &str) -> bool {
    let t = s.trim().trim_start_matches(['+', '-']);
    !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|c| *c == '.').count() <= 1
}

fn is_placeholder(s: &str) -> bool {
    matches!(s.trim(), "/" | "／" | "-" | "—" | "——" | "－" | "无" | "空" | "" | "null" | "N/A")
}

/// The number at the start of `9项` or `759.90万元`.
fn leading_number(s: &str) -> Option<String> {
    let t = s.trim();
    let n: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    (!n.is_empty() && n.len() < t.len()).then_some(n)
}
