//! A figure as printed in a table cell: a number (perhaps with a unit or a sign), a
//! blank, a placeholder such as 「/」, or something else. Nothing is guessed: a cell that
//! is not plainly a number is kept as printed and listed.

/// What a table cell holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A number, as printed without its unit and thousands separators (`+36`, `20.268490`).
    Number {
        /// The number.
        text: String,
        /// A unit printed after it (`万元`, `项`), if any.
        unit: Option<String>,
    },
    /// A number followed by other words (「2727（书记、市长信箱…）」): the number is taken,
    /// and the cell is listed as doubtful.
    Annotated {
        /// The number.
        text: String,
        /// The words after it.
        rest: String,
    },
    /// Nothing printed.
    Blank,
    /// A placeholder printed instead of a figure (「/」, 「—」, 「无」), kept as written.
    Placeholder(String),
    /// Words that are no figure.
    Text(String),
}

/// Units seen after figures in published tables.
const UNITS: [&str; 11] = ["万元", "人次", "元", "件", "项", "条", "次", "个", "人", "篇", "家"];

/// Placeholders printed instead of a figure (those `check` reads as blanks, rule R5).
const PLACEHOLDERS: [&str; 8] = ["/", "／", "—", "——", "-", "－", "无", "空"];

impl Value {
    /// Reads a cell's text.
    pub fn read(text: &str) -> Value {
        let t: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{A0}')
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '．' => '.',
                '＋' => '+',
                _ => c,
            })
            .collect();
        if t.is_empty() {
            return Value::Blank;
        }
        if PLACEHOLDERS.contains(&t.as_str()) {
            return Value::Placeholder(t);
        }
        let (num, rest) = number_prefix(&t);
        if num.is_empty() {
            return Value::Text(t);
        }
        let digits: String = num.chars().filter(|c| *c != ',' && *c != '，').collect();
        if rest.is_empty() {
            return Value::Number { text: digits, unit: None };
        }
        if let Some(u) = UNITS.iter().find(|u| rest == **u) {
            return Value::Number { text: digits, unit: Some((*u).to_owned()) };
        }
        Value::Annotated { text: digits, rest: rest.to_owned() }
    }

    /// The number, when the cell holds one.
    pub fn number(&self) -> Option<&str> {
        match self {
            Value::Number { text, .. } | Value::Annotated { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The cell as a YAML scalar: the number, `~` for a blank or for words, a
    /// placeholder as printed (`check` names blanks and placeholders, rule R5).
    pub fn yaml(&self) -> String {
        match self {
            Value::Number { text, .. } | Value::Annotated { text, .. } => text.clone(),
            Value::Blank => "~".to_owned(),
            // Unquoted, as a clerk would type it: `check` names it as a blank (R5). A
            // lone ASCII hyphen cannot stand unquoted in a YAML list: its full-width twin.
            Value::Placeholder(p) if p == "-" => "－".to_owned(),
            Value::Placeholder(p) => p.clone(),
            Value::Text(_) => "~".to_owned(),
        }
    }

    /// Whether the cell was read as printed with nothing to doubt (a blank and a
    /// placeholder are read: they stay as printed, and `check` reports them).
    pub fn is_clean(&self) -> bool {
        matches!(self, Value::Number { .. } | Value::Blank | Value::Placeholder(_))
    }
}

/// The leading number of a text (sign, digits with thousands separators, a fraction)
/// and the rest.
fn number_prefix(t: &str) -> (&str, &str) {
    let b = t.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let start_digits = i;
    while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b',' && i > start_digits)) {
        i += 1;
    }
    if i == start_digits {
        return ("", t);
    }
    if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    let num = t[..i].trim_end_matches(',');
    (num, &t[num.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str, unit: Option<&str>) -> Value {
        Value::Number { text: text.to_owned(), unit: unit.map(str::to_owned) }
    }

    #[test]
    fn reads_cells_as_printed() {
        assert_eq!(Value::read(" 409 "), n("409", None));
        assert_eq!(Value::read("+36"), n("+36", None));
        assert_eq!(Value::read("9项"), n("9", Some("项")));
        assert_eq!(Value::read("20.268490万元"), n("20.268490", Some("万元")));
        assert_eq!(Value::read("1,234"), n("1234", None));
        assert_eq!(Value::read("１２"), n("12", None));
        assert_eq!(Value::read("   "), Value::Blank);
        assert_eq!(Value::read("/"), Value::Placeholder("/".into()));
        assert_eq!(Value::read("—"), Value::Placeholder("—".into()));
        assert_eq!(
            Value::read("2727(书记、市长信箱)"),
            Value::Annotated { text: "2727".into(), rest: "(书记、市长信箱)".into() }
        );
        assert_eq!(Value::read("若干"), Value::Text("若干".into()));
        assert_eq!(Value::read("/").yaml(), "/");
        assert_eq!(Value::Blank.yaml(), "~");
    }
}
