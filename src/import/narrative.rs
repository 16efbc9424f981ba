//! The narrative of a published report: its parts found by their numbered headings,
//! subheadings recognised by their hand-written numbers (which are dropped: nianbao
//! numbers headings itself) and nested by numbering style, paragraphs kept as written.

use crate::format::numbering::{chinese_numeral, numbering_prefix};
use crate::scaffold::Narr;

use super::label::key;

/// How a subheading is numbered; the first style met in a part is the first level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// 一、
    Chinese,
    /// （一）
    ParenChinese,
    /// 1.
    Arabic,
    /// （1）
    ParenArabic,
    /// ①
    Circled,
}

fn style_of(prefix: &str) -> Style {
    let first = prefix.chars().next().unwrap_or(' ');
    let arabic = prefix.chars().any(|c| c.is_ascii_digit());
    match first {
        '（' | '(' if arabic => Style::ParenArabic,
        '（' | '(' => Style::ParenChinese,
        '\u{2460}'..='\u{2473}' => Style::Circled,
        _ if arabic => Style::Arabic,
        _ => Style::Chinese,
    }
}

/// The longest a subheading is, in characters.
const HEADING_MAX: usize = 40;
/// The longest a heading run into its paragraph (「1.加强领导。我局……」) is.
const RUN_IN_MAX: usize = 30;

/// A paragraph split into a subheading (number dropped) and the text run in after it.
fn heading(p: &str) -> Option<(Style, String, Option<String>)> {
    let prefix = numbering_prefix(p)?;
    let rest = p[prefix.len()..].trim();
    if rest.is_empty() {
        return None;
    }
    let style = style_of(prefix);
    let trim = |s: &str| s.trim().trim_end_matches(['。', '：', ':', '；', ';']).trim().to_owned();
    let body_end = rest.trim_end_matches(['。', '：', ':']);
    if body_end.chars().count() <= HEADING_MAX && !body_end.contains('。') {
        return Some((style, trim(rest), None));
    }
    // A heading run into its paragraph: 「1.健全组织领导。坚持……」.
    let cut = rest.find(['。', '：', ':'])?;
    let head = &rest[..cut];
    let tail = rest[cut..].trim_start_matches(['。', '：', ':']).trim();
    if head.chars().count() <= RUN_IN_MAX && !tail.is_empty() {
        return Some((style, trim(head), Some(tail.to_owned())));
    }
    None
}

/// The narrative blocks of a part's paragraphs.
pub fn blocks(paras: &[String]) -> Vec<Narr> {
    let mut root: Vec<Narr> = Vec::new();
    let mut stack: Vec<(Style, String, Vec<Narr>)> = Vec::new();
    fn close(root: &mut Vec<Narr>, stack: &mut Vec<(Style, String, Vec<Narr>)>) {
        if let Some((_, h, content)) = stack.pop() {
            let item = Narr::Headed(h, content);
            match stack.last_mut() {
                Some(parent) => parent.2.push(item),
                None => root.push(item),
            }
        }
    }
    for p in paras {
        match heading(p) {
            Some((style, h, tail)) => {
                if let Some(k) = stack.iter().position(|(s, _, _)| *s == style) {
                    while stack.len() > k {
                        close(&mut root, &mut stack);
                    }
                }
                // nianbao nests four levels at most.
                while stack.len() >= 4 {
                    close(&mut root, &mut stack);
                }
                stack.push((style, h, Vec::new()));
                if let Some(t) = tail
                    && let Some(top) = stack.last_mut()
                {
                    top.2.push(Narr::Para(t));
                }
            }
            None => match stack.last_mut() {
                Some(top) => top.2.push(Narr::Para(p.clone())),
                None => root.push(Narr::Para(p.clone())),
            },
        }
    }
    while !stack.is_empty() {
        close(&mut root, &mut stack);
    }
    root
}

/// Whether `p` is the heading of part `n` (1-based) titled `title`: its number 「n、」, short,
/// and (when `title` is given) sharing most characters with it.
pub fn is_part_heading(p: &str, n: usize, title: Option<&str>) -> bool {
    let Some(prefix) = numbering_prefix(p) else { return false };
    if prefix != format!("{}、", chinese_numeral(n)) {
        return false;
    }
    let rest = &p[prefix.len()..];
    if rest.chars().count() > HEADING_MAX
        || rest.trim_end_matches('。').contains('。')
        || rest.trim().is_empty()
    {
        return false;
    }
    let Some(title) = title else { return true };
    let want: std::collections::BTreeSet<char> = key(title).chars().collect();
    let have: std::collections::BTreeSet<char> = key(rest).chars().collect();
    let common = want.intersection(&have).count();
    common * 2 >= want.len()
}

/// The title of a part's heading without its number.
pub fn part_title(p: &str) -> String {
    match numbering_prefix(p) {
        Some(prefix) => p[prefix.len()..].trim().to_owned(),
        None => p.trim().to_owned(),
    }
}

/// A paragraph that is only a date (「2021年1月29日」, 「（2021年1月29日）」).
pub fn date_of(p: &str) -> Option<crate::model::Date> {
    let mut t = p.trim();
    // A portal's 「发布日期：2023-01-16 10:30」.
    for prefix in ["发布日期", "发布时间", "成文日期", "日期", "时间"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim_start_matches([':', '：', ' ']);
            t = t.split_whitespace().next().unwrap_or(t);
            break;
        }
    }
    let t = t.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).trim();
    if t.chars().count() > 16 {
        return None;
    }
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    crate::model::Date::parse(&t)
}

/// Text a portal page adds around a report (「扫一扫在手机打开当前页」, a lone page
/// number).
pub fn is_page_noise(p: &str) -> bool {
    let t = p.trim();
    is_portal_text(t)
        || t.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '—' || c.is_whitespace())
}

/// A portal's own words around a report (not a lone number, which may be a figure).
pub fn is_portal_text(p: &str) -> bool {
    let t = p.trim();
    t.contains("扫一扫")
        || ["版权所有", "ICP备", "公网安备", "网站标识码", "主办单位", "网站地图", "联系我们"]
            .iter()
            .any(|w| t.contains(w))
        || t.starts_with("当前位置")
        || t.starts_with("当前页面")
        || t.starts_with("您现在的位置")
        || t.contains("首页 >")
        || t.contains("首页>")
        || ["打印本页", "关闭窗口", "【打印】", "【关闭】", "返回顶部", "打印", "关闭"].contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::common::{SECTIONS, section};

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn nests_subheadings_by_style() {
        let b = blocks(&s(&[
            "开头一段。",
            "（一）加强领导",
            "第一段。",
            "1.细项",
            "细项内容。",
            "（二）做好公开。全年公开信息100条。",
        ]));
        assert_eq!(
            b,
            vec![
                Narr::Para("开头一段。".into()),
                Narr::Headed(
                    "加强领导".into(),
                    vec![
                        Narr::Para("第一段。".into()),
                        Narr::Headed("细项".into(), vec![Narr::Para("细项内容。".into())]),
                    ]
                ),
                Narr::Headed("做好公开".into(), vec![Narr::Para("全年公开信息100条。".into())]),
            ]
        );
    }

    #[test]
    fn finds_part_headings() {
        assert!(is_part_heading(
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            4,
            Some(SECTIONS[section::REVIEW].title)
        ));
        assert!(!is_part_heading("二、加强平台建设", 2, Some(SECTIONS[section::PROACTIVE].title)));
        assert!(is_part_heading(
            "五、存在的主要问题及整改措施",
            5,
            Some(SECTIONS[section::PROBLEMS].title)
        ));
        assert_eq!(date_of("（2021年1月29日）").map(|d| d.iso()), Some("2021-01-29".into()));
        assert_eq!(
            date_of("发布日期：2023-01-16 10:30").map(|d| d.iso()),
            Some("2023-01-16".into())
        );
        assert_eq!(date_of("全年公开2023条"), None);
    }
}
