//! Heading numbers: how nianbao numbers headings by level (一、（一）1.（1）①, the
//! sequence GB/T 9704 §7.3.3 prescribes), and how it recognises numbers a user wrote by
//! hand (rule N1). Producing and recognising live together so they cannot drift apart.

/// The number of a heading at `level` (2 = （一）, 3 = 1., 4 = （1）, deeper = ①).
pub fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 => format!("{n}."),
        4 => format!("（{n}）"),
        _ => {
            char::from_u32(0x2460 + n.clamp(1, 20) as u32 - 1).map_or(format!("{n})"), String::from)
        }
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99).
pub fn chinese_numeral(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// The hand-written number at the start of a text (`（一）`, `1.`, `一、`, `(2)`, `①` …),
/// if there is one. `2022年` and `2.28亿` are not numbers in this sense.
pub fn numbering_prefix(text: &str) -> Option<&str> {
    let t = text;
    let first = t.chars().next()?;
    // 一、 二、 … 十一、
    if CN_DIGITS.contains(first) {
        let n = t.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
        let rest = &t[t.char_indices().nth(n).map_or(t.len(), |(i, _)| i)..];
        if rest.starts_with('、') {
            return Some(&t[..t.len() - rest.len() + '、'.len_utf8()]);
        }
        return None;
    }
    // （一） (一) （1） (1)
    if first == '（' || first == '(' {
        let inner_start = first.len_utf8();
        let close = t[inner_start..].find(['）', ')'])?;
        let inner = &t[inner_start..inner_start + close];
        let ok = !inner.is_empty()
            && inner.chars().count() <= 3
            && (inner.chars().all(|c| CN_DIGITS.contains(c))
                || inner.chars().all(|c| c.is_ascii_digit()));
        if ok {
            let close_len = t[inner_start + close..].chars().next().map_or(1, char::len_utf8);
            return Some(&t[..inner_start + close + close_len]);
        }
        return None;
    }
    // 1. 1． 1、 — but not 2.28 or 2022年
    if first.is_ascii_digit() {
        let n = t.bytes().take_while(u8::is_ascii_digit).count();
        if n > 2 {
            return None;
        }
        let rest = &t[n..];
        for sep in ['.', '．', '、'] {
            if let Some(after) = rest.strip_prefix(sep) {
                if after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
                return Some(&t[..n + sep.len_utf8()]);
            }
        }
        return None;
    }
    // ① … ⑳
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some(&t[..first.len_utf8()]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hand_written_numbers() {
        for (text, prefix) in [
            ("（一）主动公开", "（一）"),
            ("(二)依申请公开", "(二)"),
            ("一、总体情况", "一、"),
            ("十一、附表", "十一、"),
            ("1.健全组织", "1."),
            ("2．加强管理", "2．"),
            ("3、提升水平", "3、"),
            ("（1）具体做法", "（1）"),
            ("①第一点", "①"),
        ] {
            assert_eq!(numbering_prefix(text), Some(prefix), "{text}");
        }
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for text in [
            "2022年，本局",
            "2.28亿条数据",
            "一是健全机构",
            "（本列数据）",
            "三安全一稳定",
            "100%",
            "",
        ] {
            assert_eq!(numbering_prefix(text), None, "{text}");
        }
    }

    #[test]
    fn numbers_headings_by_level() {
        assert_eq!(heading_number(1, 6), "六、");
        assert_eq!(heading_number(2, 12), "（十二）");
        assert_eq!(heading_number(3, 3), "3.");
        assert_eq!(heading_number(4, 2), "（2）");
        assert_eq!(heading_number(5, 1), "①");
        assert_eq!(chinese_numeral(20), "二十");
        assert_eq!(chinese_numeral(35), "三十五");
    }
}
