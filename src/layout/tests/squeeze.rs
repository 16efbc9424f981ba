//! Punctuation compression (clreq §3.1.6, GB/T 15834): adjacent marks in 1.5 em, a mark
//! at a line's end trimmed to half width, and the marks of a line compressed before its
//! letters are spaced out — each with a line that needs it, on fixed metrics (every Han
//! character and mark one em, 16 pt).

use super::*;
use crate::layout::text::{self, Align, Ch, Run, TextStyle};

const EM: f32 = 16.0;

fn style() -> TextStyle {
    TextStyle { role: Role::Body, size: EM, tracking: 0.0, bold: false, red: false }
}

fn shaped(text: &str) -> Vec<Ch> {
    text::shape(&FixedBook, text, &style()).expect("FixedBook has every glyph")
}

/// The text broken into lines `width` em wide and placed, each line as (text, glyph
/// advances in em, left end, right end in em).
fn set(text: &str, width: f32) -> Vec<(String, Vec<f32>, f32, f32)> {
    let cs = shaped(text);
    text::break_lines(&cs, width * EM, width * EM)
        .iter()
        .map(|l| {
            let runs: Vec<Run> = text::place(&cs, l, 0.0, width * EM, Align::Justify);
            let text: String = runs.iter().map(|r| r.text.as_str()).collect();
            let adv: Vec<f32> =
                runs.iter().flat_map(|r| &r.glyphs).map(|g| g.advance / EM).collect();
            let x0 = runs[0].x / EM;
            (text, adv.clone(), x0, x0 + adv.iter().sum::<f32>())
        })
        .collect()
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.005
}

/// Whether no glyph of the line is wider than its natural em (nothing letter-spaced).
fn unspaced(text: &str, adv: &[f32]) -> bool {
    text.chars().zip(adv).all(|(c, a)| *a <= if c.is_ascii() { 0.5 } else { 1.0 } + 0.005)
}

#[test]
fn a_closing_mark_at_the_end_of_a_full_line_is_trimmed_and_the_line_compressed() {
    // Ten characters fill the line and 「，」 may not start the next: the line takes it,
    // trimmed to half width, and the earlier 「，」 gives the other half em. Nothing is
    // letter-spaced and the line is flush at both edges.
    let lines = set("一二三，五六七八九十，一二三四", 10.0);
    let (text, adv, x0, x1) = &lines[0];
    assert_eq!(text, "一二三，五六七八九十，");
    assert!(close(*x0, 0.0) && close(*x1, 10.0), "{lines:?}");
    assert!(close(*adv.last().unwrap(), 0.5), "the end mark is half width: {adv:?}");
    assert!(close(adv[3], 0.5), "the inner mark gives the rest: {adv:?}");
    assert!(unspaced(text, adv), "{adv:?}");
}

#[test]
fn the_line_end_mark_is_trimmed_first() {
    // Half an em too wide (the digit is half width): the end mark alone gives it; the
    // inner 「、」 stays full width.
    let lines = set("一二三、五六七八9十。一二三四五六七八九十", 10.0);
    let (text, adv, _, x1) = &lines[0];
    assert_eq!(text, "一二三、五六七八9十。");
    assert!(close(*x1, 10.0));
    assert!(close(*adv.last().unwrap(), 0.5), "{adv:?}");
    assert!(close(adv[3], 1.0), "{adv:?}");
    // A line that fits keeps its marks full width.
    let (second, adv, ..) = &lines[1];
    assert_eq!(second, "一二三四五六七八九十");
    assert!(adv.iter().all(|a| close(*a, 1.0)), "{adv:?}");
}

#[test]
fn adjacent_marks_are_set_in_one_and_a_half_em() {
    // 「》（」: the closing mark's blank and the opening mark's blank meet, half of it goes;
    // 「。」」 and 「」，」: the blank after the first. On a last line, which is never
    // justified, so the saving shows as a shorter line.
    for (text, at) in
        [("依据《条例》（试行）规定", 4), ("我们说“好。”然后", 5), ("称为「公开」，并且", 5)]
    {
        let lines = set(text, 20.0);
        let (t, adv, _, x1) = &lines[0];
        assert_eq!(t, text);
        let pair = adv[at] + adv[at + 1];
        assert!(close(pair, 1.5), "{text}: {adv:?}");
        let natural = text.chars().count() as f32;
        assert!(close(*x1, natural - 0.5), "{text}: {x1}");
    }
}

#[test]
fn marks_are_compressed_before_letters_are_spaced() {
    // 「。」 may not start a line and 「九。」 does not fit at full width: the old breaker
    // moved 「九」 down and spaced the nine characters left over ten ems. Now the line
    // holds eleven characters with its two marks compressed.
    let lines = set("一二三四五，六七八九。十一二三四五六七八九十一二三", 10.0);
    let (text, adv, x0, x1) = &lines[0];
    assert_eq!(text, "一二三四五，六七八九。");
    assert!(close(*x0, 0.0) && close(*x1, 10.0));
    assert!(unspaced(text, adv), "{adv:?}");
    // Without a mark to compress (the number is one unit) the nine characters left are
    // spaced out to the full line, flush at both edges, an eighth of an em a gap.
    let lines = set("一二三四五六七八九12345十一二三四五六", 10.0);
    let (text, adv, x0, x1) = &lines[0];
    assert_eq!(text, "一二三四五六七八九");
    assert!(close(*x0, 0.0) && close(*x1, 10.0), "{lines:?}");
    assert!(close(adv[0], 1.125), "{adv:?}");
}

#[test]
fn an_opening_bracket_at_a_lines_start_keeps_its_full_width() {
    let lines = set("一二三四五六七八九十（一二三四五六七八）九十一二", 10.0);
    let (text, adv, ..) = &lines[1];
    assert!(text.starts_with('（'), "{lines:?}");
    assert!(close(adv[0], 1.0), "{adv:?}");
}

#[test]
fn body_lines_stay_on_the_grid_unless_compressed() {
    // A paragraph of 28-character lines with a mark here and there: every line but the
    // last is flush at both edges, and holds 28 characters (26 after the indent) unless
    // it holds more by compressing its marks — never fewer, spaced out.
    let text = "本机关全年主动公开政府信息一千余条，其中政策文件解读材料一百条。".repeat(6);
    let flow = lay_out(&doc(vec![para(&text)]));
    let lines = body_lines(&flow.pages);
    let right = PAGE.text_origin().0.0 + PAGE.text_width().0;
    for (i, l) in lines[..lines.len() - 1].iter().enumerate() {
        assert!((l.x1 - right).abs() < 0.01, "{l:?}");
        let full = if i == 0 { 26 } else { 28 };
        assert!(l.text.chars().count() >= full, "{l:?}");
    }
}

#[test]
fn opening_brackets_are_never_compressed_and_compressed_marks_are_marked_narrow() {
    // 「（《」: the blank between them is the second bracket's left half, which would
    // have to be drawn over the first: both stay full width. 「》）」 loses the half em
    // after 「》」, and that glyph is the one marked narrow (the PDF declares it half as
    // wide).
    let cs = shaped("见（《条例》）第一条");
    let lines = text::break_lines(&cs, 20.0 * EM, 20.0 * EM);
    let runs = text::place(&cs, &lines[0], 0.0, 20.0 * EM, Align::Justify);
    let glyphs: Vec<_> = runs.iter().flat_map(|r| &r.glyphs).collect();
    let narrow: Vec<usize> = (0..glyphs.len()).filter(|&i| glyphs[i].narrow).collect();
    assert_eq!(narrow, [5], "{glyphs:?}");
    assert!(close(glyphs[1].advance / EM, 1.0) && close(glyphs[2].advance / EM, 1.0));
    assert!(close(glyphs[5].advance / EM, 0.5));
}

#[test]
fn a_paragraphs_breaks_are_chosen_together() {
    // Filled one line at a time, line 1 ends full at 「，」 and line 2 cannot take the
    // number 「〔2019〕」: it would hold seven characters spaced out over ten. Chosen
    // together, line 1 takes one character more by compressing its two commas, and both
    // lines are exactly full.
    let lines = set("一二三，五六七八九，十甲乙丙丁戊己〔2019〕庚辛壬癸子丑寅卯", 10.0);
    let texts: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(texts, ["一二三，五六七八九，十", "甲乙丙丁戊己〔2019〕", "庚辛壬癸子丑寅卯"]);
    for (text, adv, x0, x1) in &lines[..2] {
        assert!(close(*x0, 0.0) && close(*x1, 10.0), "{text}");
        assert!(unspaced(text, adv), "{text}: {adv:?}");
    }
}
