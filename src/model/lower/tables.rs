//! The official tables, read in the order of the format's catalogue.
//!
//! The mirror of each format lists its rows in the catalogue's order; the lengths are
//! checked, so a catalogue and a mirror that disagree are an internal error, never a
//! silently shortened table.

use super::Lowerer;
use super::cells::BAD;
use crate::diag::Diagnostic;
use crate::format::common::{
    APP_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS, app_column, section,
};
use crate::format::{FormatSpec, ItemGroup, ItemRowSpec, RowDef, ValueKind};
use crate::input::{
    self, AppRow, ApplicationsInput, Count, Money, ProcurementInput, Raw, ReviewRow, Sp,
};
use crate::model::{Amount, Applications, MoneyUnit, Num, Proactive, ProactiveRow, Review, Value};
use crate::source::Span;

/// A row of table 二 as the mirror holds it.
pub(super) enum RawRow<'a> {
    /// A single value.
    One(&'a Sp<Raw>),
    /// A list of values.
    List(Span, Vec<&'a Sp<Raw>>),
    /// A row stated as a mapping: its values, then its unit (2019 format, item （九）).
    Procurement(&'a ProcurementInput),
}

fn list(row: &Sp<Vec<Count>>) -> RawRow<'_> {
    RawRow::List(row.span, row.value.iter().map(|c| &c.0).collect())
}

/// The rows of table 二 of the 2021 format, in catalogue order.
pub(super) fn proactive_2021(p: &input::Proactive2021) -> Vec<RawRow<'_>> {
    vec![
        list(&p.regulations.0),
        list(&p.normative_documents.0),
        RawRow::One(&p.licensing.0),
        RawRow::One(&p.penalty.0),
        RawRow::One(&p.coercion.0),
        RawRow::One(&p.fees.0),
    ]
}

/// The rows of table 二 of the 2019 format, in catalogue order.
pub(super) fn proactive_2019(p: &input::Proactive2019) -> Vec<RawRow<'_>> {
    fn items(r: &input::ItemRow) -> RawRow<'_> {
        RawRow::List(r.0.span, r.0.value.iter().collect())
    }
    vec![
        list(&p.regulations.0),
        list(&p.normative_documents.0),
        items(&p.licensing),
        items(&p.other_services),
        items(&p.penalty),
        items(&p.coercion),
        items(&p.fees),
        RawRow::Procurement(&p.procurement),
    ]
}

/// A mirror that does not match its catalogue: a mistake in nianbao, not in the file.
fn mismatch(what: &str, catalogue: usize, mirror: usize) -> Diagnostic {
    Diagnostic::error(format!(
        "nianbao 内部错误：{what}的目录有 {catalogue} 行，读入的文件结构有 {mirror} 行"
    ))
    .code("I1")
}

impl Lowerer<'_> {
    /// One value of table 二 by the kind of its column.
    fn value(&mut self, raw: &Sp<Raw>, kind: ValueKind, what: &str) -> Value {
        // Located for the message about a blank: the section and the 「item row」「column」.
        let place = || {
            let mut parts = what.splitn(3, '「');
            let table = parts.next().unwrap_or("").to_owned();
            let row = parts.next().unwrap_or("").trim_end_matches('」').to_owned();
            let col = parts.next().unwrap_or("").trim_end_matches('」').to_owned();
            (table, row, col)
        };
        match kind {
            ValueKind::Count => Value::Count(self.table_count(&Count(raw.clone()), what, place())),
            ValueKind::Signed => Value::Count(self.table_signed(raw, what, place())),
            ValueKind::Money => Value::Money(self.money(&Money(raw.clone()), what)),
        }
    }

    fn bad(kind: ValueKind, span: Span) -> Value {
        match kind {
            ValueKind::Money => Value::Money(Amount { value: Default::default(), span }),
            _ => Value::Count(BAD),
        }
    }

    fn proactive_row(
        &mut self,
        group: &'static ItemGroup,
        spec: &'static ItemRowSpec,
        raw: RawRow,
    ) -> ProactiveRow {
        let what =
            format!("{}「{} {}」", SECTIONS[section::PROACTIVE].heading(), group.item, spec.label);
        let cols = group.columns;
        let cell_what = |i: usize| format!("{what}「{}」", cols[i].label);
        let mut unit = None;
        let values = match raw {
            RawRow::One(v) => vec![self.value(v, cols[0].kind, &what)],
            RawRow::List(span, cells) => {
                if cells.len() != cols.len() {
                    let labels: Vec<&str> = cols.iter().map(|c| c.label).collect();
                    self.r5(
                        span,
                        format!(
                            "{what}应有 {} 个数（{}），实际写了 {} 个",
                            cols.len(),
                            labels.join("、"),
                            cells.len()
                        ),
                    );
                    cols.iter().map(|c| Self::bad(c.kind, span)).collect()
                } else {
                    cells
                        .iter()
                        .enumerate()
                        .map(|(i, c)| self.value(c, cols[i].kind, &cell_what(i)))
                        .collect()
                }
            }
            RawRow::Procurement(p) => {
                unit = Some(self.unit(&p.unit, cols[1].label));
                vec![
                    self.value(&p.count.0, cols[0].kind, &cell_what(0)),
                    self.value(&p.amount.0, cols[1].kind, &cell_what(1)),
                ]
            }
        };
        ProactiveRow { group, spec, values, unit }
    }

    fn unit(&mut self, unit: &Sp<String>, what: &str) -> MoneyUnit {
        match MoneyUnit::parse(unit.value.trim()) {
            Some(u) => u,
            None => {
                self.error(
                    Diagnostic::error(format!(
                        "{what}的单位只能写 万元 或 元，这里写的是「{}」",
                        unit.value.trim()
                    ))
                    .at(unit.span, ""),
                );
                MoneyUnit::Wan
            }
        }
    }

    /// Table 二 from the mirror's rows.
    pub(super) fn proactive(&mut self, spec: &'static FormatSpec, raw: Vec<RawRow>) -> Proactive {
        let n = spec.proactive_rows().count();
        if raw.len() != n {
            self.error(mismatch(&SECTIONS[section::PROACTIVE].heading(), n, raw.len()));
        }
        let rows = spec
            .proactive_rows()
            .zip(raw)
            .map(|((group, row), raw)| self.proactive_row(group, row, raw))
            .collect();
        Proactive { rows }
    }

    fn app_row(&mut self, row: &AppRow, def: &RowDef) -> ([Option<Num>; 7], Span) {
        let what = format!("{}「{}」", SECTIONS[section::APPLICATIONS].heading(), def.full_label());
        let cols: Vec<&str> = (0..APP_COLUMNS.len()).map(app_column).collect();
        let mut out = [None; 7];
        let heading = SECTIONS[section::APPLICATIONS].heading();
        if let Some(nums) = self.row(row, &what, &cols, (&heading, &def.full_label())) {
            for (i, n) in nums.into_iter().enumerate() {
                out[i] = Some(n);
            }
        }
        (out, row.0.span)
    }

    /// Table 三: the rows common to the formats, the format's rows of （六）
    /// (`other`), then the total (derived when left out) and the carried-forward row.
    pub(super) fn applications<O>(
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
        // The total and 四 follow the rows listed here.
        if rows.len() + 2 != defs.len() {
            self.error(mismatch(
                &SECTIONS[section::APPLICATIONS].heading(),
                defs.len(),
                rows.len() + 2,
            ));
        }
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

    /// Table 四: three groups of four results and a total.
    pub(super) fn review(&mut self, r: &input::ReviewInput) -> Review {
        let rows: [&ReviewRow; 3] = [&r.review, &r.litigation_direct, &r.litigation_after_review];
        let mut groups = [[None; 5]; 3];
        let mut spans = [Span::default(); 3];
        for (g, row) in rows.iter().enumerate() {
            let what =
                format!("{}「{}」", SECTIONS[section::REVIEW].heading(), REVIEW_GROUPS[g].label);
            let heading = SECTIONS[section::REVIEW].heading();
            if let Some(nums) =
                self.row(row, &what, &REVIEW_COLUMNS, (&heading, REVIEW_GROUPS[g].label))
            {
                for (i, n) in nums.into_iter().enumerate() {
                    groups[g][i] = Some(n);
                }
            }
            spans[g] = row.0.span;
        }
        Review { groups, spans }
    }
}
