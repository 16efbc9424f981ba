//! Lowering of the 2008 format: the parts under their headings (the catalogue's, or the
//! YAML's), and the figures of the 附表 in the catalogue's order.

use super::{Head, Lowerer};
use crate::diag::Diagnostic;
use crate::format::Format;
use crate::format::f2008::{ANNEX_NAME, AnnexUnit};
use crate::input::{Count, Input2008, Money, Statistics2008};
use crate::model::{Annex, Annexed, Body, Part, Report, Value};
use crate::source::Span;

/// A figure of the 附表 as the mirror holds it.
enum Cell<'a> {
    Count(&'a Count),
    Money(&'a Money),
}

/// The figures of the 附表 in the catalogue's order (group rows have none).
fn cells(s: &Statistics2008) -> Vec<Cell<'_>> {
    use Cell::{Count as C, Money as M};
    let (p, r, a) = (&s.proactive, &s.responses, &s.applications);
    let (o, m) = (&s.organisation, &s.meetings);
    let (v, l) = (&s.review, &s.litigation);
    vec![
        C(&p.published),
        C(&p.normative_published),
        C(&p.normative_issued),
        C(&p.gazette),
        C(&p.website),
        C(&p.weibo),
        C(&p.wechat),
        C(&p.other_channels),
        C(&r.hot_topics),
        C(&r.press_conferences),
        C(&r.press_conferences_leaders),
        C(&r.online_interviews),
        C(&r.online_interviews_leaders),
        C(&r.interpretations),
        C(&r.weibo_wechat),
        C(&r.other_channels),
        C(&a.received),
        C(&a.in_person),
        C(&a.fax),
        C(&a.online),
        C(&a.letter),
        C(&a.completed),
        C(&a.on_time),
        C(&a.extended),
        C(&a.answered),
        C(&a.already_public),
        C(&a.granted),
        C(&a.partially_granted),
        C(&a.refused),
        C(&a.state_secret),
        C(&a.trade_secret),
        C(&a.privacy),
        C(&a.security_stability),
        C(&a.not_government_information),
        C(&a.other_law),
        C(&a.not_this_agency),
        C(&a.not_exist),
        C(&a.to_amend),
        C(&a.other_route),
        C(&v.total),
        C(&v.upheld),
        C(&v.corrected),
        C(&v.other),
        C(&l.total),
        C(&l.upheld),
        C(&l.corrected),
        C(&l.other),
        C(&s.complaints),
        M(&s.fees_wan_yuan),
        C(&o.bodies),
        C(&o.reading_points),
        C(&o.staff),
        C(&o.full_time),
        C(&o.part_time),
        M(&o.budget_wan_yuan),
        C(&m.meetings),
        C(&m.training_sessions),
        C(&m.trainees),
    ]
}

impl Lowerer<'_> {
    pub(super) fn old(&mut self, p: &Input2008, format_span: Option<Span>) -> Option<Report> {
        let spec = Format::F2008.spec();
        let mut narratives = p.parts_in_order().into_iter();
        let headings = p.headings.in_order();
        let mut parts = Vec::new();
        for ((_, section), heading) in spec.parts.iter().zip(headings) {
            let title = match heading {
                Some(h) => self.text(h, "标题 headings"),
                None => section.title.to_owned(),
            };
            let items = narratives.next().flatten().map_or_else(Vec::new, |n| self.narrative(n));
            parts.push(Part { number: section.number, title, items });
        }
        let annex = self.annex(&p.statistics);
        let remarks = self.opt_narrative(p.statistics.remarks.as_ref());
        let head = Head {
            year: &p.year,
            agency: &p.agency,
            date: &p.publication_date,
            preface: p.preface.as_ref(),
            acknowledged: &p.acknowledged,
        };
        let body = Body::Annexed(Box::new(Annexed { parts, annex, remarks }));
        self.report(head, Format::F2008, format_span, body)
    }

    fn annex(&mut self, s: &Statistics2008) -> Annex {
        let rows = Format::F2008.spec().annex;
        let mut cells = cells(s).into_iter();
        let mut figures = Vec::with_capacity(rows.len());
        for row in rows {
            let what = format!("{ANNEX_NAME}「{}」", row.label);
            // A blank figure is R5 (exit 1) and printed blank, as in the later formats.
            let at = (ANNEX_NAME.to_owned(), row.label.to_owned(), String::new());
            let figure = match (row.unit, row.key.is_empty()) {
                (AnnexUnit::Group, _) | (_, true) => None,
                (AnnexUnit::Count(_), false) => match cells.next() {
                    Some(Cell::Count(c)) => Some(Value::Count(self.table_count(c, &what, at))),
                    other => self.misplaced(row.key, other.is_some()),
                },
                (AnnexUnit::Money, false) => match cells.next() {
                    Some(Cell::Money(m)) => Some(match self.blank(&m.0, &at) {
                        Some(n) => Value::Count(n),
                        None => Value::Money(self.money(m, &what)),
                    }),
                    other => self.misplaced(row.key, other.is_some()),
                },
            };
            figures.push(figure);
        }
        if cells.next().is_some() {
            self.misplaced("statistics", true);
        }
        Annex { rows, figures }
    }

    /// The catalogue and the mirror disagree: an internal error, never a silently
    /// shortened table.
    fn misplaced(&mut self, key: &str, present: bool) -> Option<Value> {
        let what = if present { "类型不同" } else { "缺少这一项" };
        self.error(Diagnostic::error(format!(
            "内部错误：附表的格式目录与输入结构不一致（{key}：{what}），请报告这个问题"
        )));
        None
    }
}
