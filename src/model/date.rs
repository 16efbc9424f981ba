//! Calendar dates as written in reports (2025年1月20日), without a clock.

use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// A date, if it exists in the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let max = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (1..=max).contains(&day).then_some(Date { year, month, day })
    }

    /// Parses `2025-01-20`, `2025-1-20`, `2025/1/20`, `2025.1.20` or `2025年1月20日`.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let parts: Vec<&str> = if let Some(rest) = t.strip_suffix('日') {
            rest.split(['年', '月']).collect()
        } else {
            t.split(['-', '/', '.']).collect()
        };
        let [y, m, d] = parts.as_slice() else { return None };
        let num = |s: &str| -> Option<u32> {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year = num(y).filter(|_| y.trim().len() == 4)?;
        Date::new(year as i32, num(m)?, num(d)?)
    }

    /// The ISO form, `2025-01-20`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The Chinese form used in official documents: `2025年1月20日` (no leading zeros).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_spellings() {
        let d = Date::new(2025, 1, 20).unwrap();
        for s in [
            "2025-01-20",
            "2025-1-20",
            "2025/1/20",
            "2025.01.20",
            "2025年1月20日",
            " 2025年01月20日 ",
        ] {
            assert_eq!(Date::parse(s), Some(d), "{s}");
        }
        assert_eq!(d.to_string(), "2025年1月20日");
        assert_eq!(d.iso(), "2025-01-20");
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in
            ["2025-02-29", "2025-13-01", "2025-00-10", "25-1-1", "2025年1月", "明年", "2024-02-30"]
        {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }
}
