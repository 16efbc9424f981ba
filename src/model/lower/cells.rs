//! Cells (rule R5): counts, signed changes and amounts, checked one by one, with a
//! message that says what the user wrote and what to write instead.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::Lowerer;
use crate::diag::{Diagnostic, Severity};
use crate::input::{self, Count, Money, Raw, Row, Sp};
use crate::model::{Amount, Num};
use crate::source::Span;

/// The largest value a cell may hold, in its unit: 10¹² (一万亿). The largest figures of
/// real reports are about 10⁶ (a county's decisions) and 10⁵ 万元. The cap also keeps
/// every sum the rules and the totals make — a few hundred cells at most — far inside
/// `i64`, so they add with plain `+` and can never wrap.
pub(crate) const MAX_CELL: i64 = 1_000_000_000_000;

fn too_large(what: &str, text: &str) -> String {
    format!("{what}是 {text}，超过了每格一万亿（10¹²）的上限：请核对是否多写了位数")
}

/// A placeholder for a cell that failed R5; the report is discarded in that case.
pub(super) const BAD: Num = Num { value: 0, span: Span { start: 0, end: 0 }, blank: false };

impl Lowerer<'_> {
    pub(super) fn r5(&mut self, span: Span, message: String) {
        self.error(Diagnostic::rule(Severity::Error, "R5", message).at(span, ""));
    }

    pub(super) fn shown(&self, span: Span) -> String {
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
            Raw::Text(s) if s.contains(['_', ',']) && looks_numeric(&s.replace(['_', ','], "")) => {
                format!(
                    "{what}写成了 {}：数字里不要用分隔符，请写 {}",
                    s.trim(),
                    s.trim().replace(['_', ','], "")
                )
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

    /// An integer as written: plain decimal digits (with a sign where `signed`), within
    /// [`MAX_CELL`]. `0x10`, `0o17`, `1_000` and `+36` are numbers to YAML, but not the
    /// way a table prints them: they are refused with the plain spelling to write.
    fn integer(&mut self, raw: &Sp<Raw>, v: i64, what: &str, signed: bool) -> Option<Num> {
        let text = self.file.slice(raw.span).trim();
        let digits = if signed { text.trim_start_matches(['+', '-']) } else { text };
        let plain = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'))
            && text.len() - digits.len() <= 1;
        if !plain {
            let msg = if !signed && text.starts_with('+') {
                format!("{what}写成了 {text}：件数不带 + 号，请写 {v}")
            } else {
                format!("{what}写成了 {text}：请只用十进制数字，写作 {v}")
            };
            self.r5(raw.span, msg);
            return None;
        }
        if v.unsigned_abs() > MAX_CELL.unsigned_abs() {
            self.r5(raw.span, too_large(what, text));
            return None;
        }
        Some(Num::new(v, raw.span))
    }

    /// A blank cell (nothing, `~`, or a placeholder such as `/`, `—`, `无`): not the end of
    /// the check. It counts as 0 (a blank total as derived) and rule R5 names it.
    pub(super) fn blank(
        &mut self,
        raw: &Sp<Raw>,
        where_: &(String, String, String),
    ) -> Option<Num> {
        let is_blank = match &raw.value {
            Raw::Null => true,
            Raw::Text(s) => !self.quoted(raw.span) && is_placeholder(s) || s.trim().is_empty(),
            _ => false,
        };
        if !is_blank {
            return None;
        }
        let (table, row, col) = where_.clone();
        self.blanks.push(crate::model::Blank { span: raw.span, table, row, col });
        Some(Num { value: 0, span: raw.span, blank: true })
    }

    /// A count of a table, located for the message about a blank.
    pub(super) fn table_count(
        &mut self,
        c: &Count,
        what: &str,
        at: (String, String, String),
    ) -> Num {
        match self.blank(&c.0, &at) {
            Some(n) => n,
            None => self.count(c, what),
        }
    }

    /// A signed change of a table, located for the message about a blank.
    pub(super) fn table_signed(
        &mut self,
        raw: &Sp<Raw>,
        what: &str,
        at: (String, String, String),
    ) -> Num {
        match self.blank(raw, &at) {
            Some(n) => n,
            None => self.signed(raw, what),
        }
    }

    pub(super) fn count(&mut self, c: &Count, what: &str) -> Num {
        let raw = &c.0;
        match raw.value {
            Raw::Int(v) if v >= 0 => self.integer(raw, v, what, false).unwrap_or(BAD),
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

    pub(super) fn signed(&mut self, raw: &Sp<Raw>, what: &str) -> Num {
        match raw.value {
            Raw::Int(v) => self.integer(raw, v, what, true).unwrap_or(BAD),
            _ => {
                self.not_a_number(raw, what, "整数（可带 + 或 - 号）");
                BAD
            }
        }
    }

    pub(super) fn money(&mut self, m: &Money, what: &str) -> Amount {
        let raw = &m.0;
        let bad = Amount { value: Decimal::ZERO, span: raw.span };
        match raw.value {
            Raw::Int(_) | Raw::Float(_) => {
                let text = self.file.slice(raw.span).trim();
                let plain = |t: &str| {
                    let (int, frac) = t.split_once('.').unwrap_or((t, "1"));
                    !int.is_empty()
                        && !frac.is_empty()
                        && int.bytes().all(|b| b.is_ascii_digit())
                        && frac.bytes().all(|b| b.is_ascii_digit())
                        && (int == "0" || !int.starts_with('0'))
                };
                match Decimal::from_str(text) {
                    Ok(v) if v.is_sign_negative() && !v.is_zero() => {
                        self.r5(raw.span, format!("{what}不能为负数，这里写的是 {text}"));
                        bad
                    }
                    Ok(v) if !plain(text) => {
                        self.r5(
                            raw.span,
                            format!("{what}写成了 {text}：请写普通的小数，写作 {}", v.normalize()),
                        );
                        bad
                    }
                    Ok(v) if v.abs() > Decimal::from(MAX_CELL) => {
                        self.r5(raw.span, too_large(what, text));
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
    pub(super) fn row<const MIN: usize, const MAX: usize>(
        &mut self,
        row: &Row<MIN, MAX>,
        what: &str,
        columns: &[&str],
        at: (&str, &str),
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
                .map(|(i, c)| {
                    let place = (at.0.to_owned(), at.1.to_owned(), columns[i].to_owned());
                    self.table_count(c, &format!("{what}「{}」", columns[i]), place)
                })
                .collect(),
        )
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
