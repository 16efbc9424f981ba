//! Lowering: the YAML mirror → [`Report`].
//!
//! Every cell is checked here (rule R5: a non-negative integer, or a non-negative exact
//! amount; [`cells`]), every text is checked for what no output can print ([`text`]),
//! and all problems are collected before giving up, so the user sees every bad cell at
//! once. The tables are read in the order of the format's catalogue ([`tables`]).
//! Hand-written heading numbers are removed with a warning (N1).

mod cells;
mod old;
mod tables;
mod text;

use crate::diag::{Diagnostic, Severity};
use crate::format::Format;
use std::collections::BTreeMap;

use crate::input::{AgencyInput, Narrative, Parsed, ReportInput, Sp};
use crate::source::{SourceFile, Span};

use super::{Agency, Applications, Body as ModelBody, Fees, Item, Proactive, Report, Six};

/// A lowered report and the warnings found while lowering.
pub type Lowered = (Report, Vec<Diagnostic>);

/// Builds the report model; on failure returns every problem found.
pub fn lower(
    file: &SourceFile,
    parsed: Parsed,
    format_span: Option<Span>,
) -> Result<Lowered, Vec<Diagnostic>> {
    let mut cx = Lowerer { file, diags: Vec::new(), blanks: Vec::new() };
    let report = match parsed {
        Parsed::F2021(p) => {
            let p = *p;
            let spec = Format::F2021.spec();
            let proactive = cx.proactive(spec, tables::proactive_2021(&p.proactive));
            let remarks = cx.opt_narrative(p.proactive.remarks.as_ref());
            let fees_span = p.other_matters.span;
            let fees = p.other_matters.value.information_fees.as_ref().map(|f| Fees {
                notices: f.fee_notices_count.as_ref().map(|c| cx.count(c, "发出收费通知件数")),
                notices_amount: f
                    .fee_notices_amount_yuan
                    .as_ref()
                    .map(|m| cx.money(m, "收费通知金额")),
                collected: f.fees_collected_yuan.as_ref().map(|m| cx.money(m, "实际收取金额")),
                span: fees_span,
            });
            let other = cx.opt_narrative(p.other_matters.value.content.as_ref());
            let o = &p.applications.results.other;
            let apps = cx.applications(
                &p.applications,
                spec.applications,
                &[&o.no_correction, &o.fee_unpaid, &o.other],
            );
            let body = Body { proactive, proactive_remarks: remarks, applications: apps, fees };
            cx.common(p, Format::F2021, format_span, body, other)
        }
        Parsed::F2019(p) => {
            let p = *p;
            let spec = Format::F2019.spec();
            let proactive = cx.proactive(spec, tables::proactive_2019(&p.proactive));
            let remarks = cx.opt_narrative(p.proactive.remarks.as_ref());
            let other = cx.opt_narrative(p.other_matters.value.content.as_ref());
            let apps = cx.applications(
                &p.applications,
                spec.applications,
                &[&p.applications.results.other],
            );
            let body =
                Body { proactive, proactive_remarks: remarks, applications: apps, fees: None };
            cx.common(p, Format::F2019, format_span, body, other)
        }
        Parsed::F2008(p) => cx.old(&p, format_span),
    };
    let (errors, warnings): (Vec<_>, Vec<_>) =
        cx.diags.into_iter().partition(|d| d.severity == Severity::Error);
    match report {
        Some(mut r) if errors.is_empty() => {
            r.blanks = cx.blanks;
            Ok((r, warnings))
        }
        _ => Err(errors),
    }
}

/// What the formats lower differently.
struct Body {
    proactive: Proactive,
    proactive_remarks: Vec<Item>,
    applications: Applications,
    fees: Option<Fees>,
}

struct Lowerer<'a> {
    file: &'a SourceFile,
    diags: Vec<Diagnostic>,
    /// Cells left blank, in the order read.
    blanks: Vec<super::Blank>,
}

impl Lowerer<'_> {
    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn common<P, O, M>(
        &mut self,
        p: ReportInput<P, O, M>,
        format: Format,
        format_span: Option<Span>,
        body: Body,
        other_matters: Vec<Item>,
    ) -> Option<Report> {
        let review = self.review(&p.review_litigation);
        let review_remarks = self.opt_narrative(p.review_litigation.remarks.as_ref());
        let applications_remarks = self.opt_narrative(p.applications.remarks.as_ref());
        let head = Head {
            year: &p.year,
            agency: &p.agency,
            date: &p.publication_date,
            preface: p.preface.as_ref(),
            acknowledged: &p.acknowledged,
        };
        let overview = self.narrative(&p.overview);
        let problems = self.narrative(&p.problems);
        let six = Six {
            overview,
            overview_span: p.overview.span,
            problems_span: p.problems.span,
            proactive: body.proactive,
            proactive_remarks: body.proactive_remarks,
            applications: body.applications,
            applications_remarks,
            review,
            review_remarks,
            problems,
            other_matters,
            fees: body.fees,
            other_matters_span: p.other_matters.span,
        };
        self.report(head, format, format_span, ModelBody::Six(Box::new(six)))
    }

    /// The report around a lowered body: year, agency, date, preface, acknowledgements.
    fn report(
        &mut self,
        h: Head,
        format: Format,
        format_span: Option<Span>,
        body: ModelBody,
    ) -> Option<Report> {
        let year = match i32::try_from(h.year.value) {
            Ok(y) if (2000..=2100).contains(&y) => y,
            _ => {
                self.error(
                    Diagnostic::error(format!("年度 year 写的是 {}，不像是年份", h.year.value))
                        .at(h.year.span, ""),
                );
                2000
            }
        };
        let name = self.text(&h.agency.name, "机关全称 agency.name");
        let level = self.level(&h.agency.level);
        let issuing_office = h
            .agency
            .issuing_office
            .as_ref()
            .map(|s| self.optional_text(s, "编制单位 agency.issuing_office"))
            .filter(|s| !s.is_empty());
        let deadline =
            h.agency.deadline.as_ref().and_then(|s| {
                self.date(s, "本地发布截止日期 agency.deadline").map(|d| (d, s.span))
            });
        let summary = h.agency.scope.as_ref().and_then(|s| self.scope(s));
        let publication_date = self.date(h.date, "发布日期 publication_date");
        let preface = h.preface.map(|n| self.narrative(n));
        let acknowledged = self.acknowledged(h.acknowledged);
        Some(Report {
            format,
            format_span,
            year,
            year_span: h.year.span,
            agency: Agency { name, level, issuing_office, deadline, summary },
            agency_span: h.agency.name.span,
            publication_date: publication_date?,
            date_span: h.date.span,
            preface,
            body,
            acknowledged,
            blanks: Vec::new(),
        })
    }
}

/// What every format has around its body, as the mirror holds it.
struct Head<'a> {
    year: &'a Sp<i64>,
    agency: &'a AgencyInput,
    date: &'a Sp<String>,
    preface: Option<&'a Narrative>,
    acknowledged: &'a BTreeMap<Sp<String>, Sp<String>>,
}
