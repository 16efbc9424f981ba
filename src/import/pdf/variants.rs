//! Characters written for others that look the same: radicals for ideographs, and
//! GB 2312's dash.
//!
//! Fonts map one glyph to both the radical and the
//! ideograph (⼀ U+2F00 and 一 U+4E00 look alike), and some PDF writers (Chromium among
//! them) then write the radical into the ToUnicode CMap: 「⼀、本年新收」 would not match the
//! label 「一、本年新收」. Each radical is read as its ideograph: the Kangxi radicals by their
//! Unicode compatibility mapping (NFKC), and the CJK radicals supplement's simplified
//! forms (which have none) by the simplified character they are drawn as.
//!
//! Text is published in simplified characters, so a radical is never what was meant.
//!
//! GB 2312's dash (A1AA, the 破折号 「——」 and the 连接号 of 「2021—2035年」) is U+2014 in
//! some conversion tables and U+2015 in others; it is read as U+2014, as Word writes it.

/// The ideographs of the Kangxi radicals U+2F00–U+2FD5, in order.
const KANGXI: [&str; 8] = [
    "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口",
    "囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳",
    "心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿",
    "片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸",
    "缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷",
    "豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音",
    "頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊",
    "齒龍龜龠",
];

/// Pairs of a radical of the CJK radicals supplement (U+2E80–U+2EFF) and its ideograph.
const SUPPLEMENT: [&str; 3] = [
    "⺁厂⺇几⺊卜⺌小⺕彐⺟母⺠民⺦丬⺩王⺬示⻁虎⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻓长",
    "⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿",
    "⻰龙⻳龟",
];

/// The character another stands for: the ideograph of a radical, the dash of GB 2312;
/// any other character as it is.
pub(super) fn canonical(c: char) -> char {
    match c {
        '\u{2015}' => '\u{2014}',
        // Two Kangxi radicals whose compatibility mapping is the traditional form (戶, 靑)
        // but which Chinese fonts draw, and writers map, as the simplified one.
        '\u{2F3E}' => '户',
        '\u{2FAD}' => '青',
        '\u{2F00}'..='\u{2FD5}' => {
            let i = c as usize - 0x2F00;
            KANGXI.iter().flat_map(|s| s.chars()).nth(i).unwrap_or(c)
        }
        '\u{2E80}'..='\u{2EFF}' => {
            let mut pairs = SUPPLEMENT.iter().flat_map(|s| s.chars());
            while let (Some(radical), Some(ideograph)) = (pairs.next(), pairs.next()) {
                if radical == c {
                    return ideograph;
                }
            }
            c
        }
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_ideographs_and_the_dash_as_one() {
        let read: String =
            "⼀、本年新收；⼆、上年结转；⾏政；⼈⺠；意⻅；⻔⼾".chars().map(canonical).collect();
        assert_eq!(read, "一、本年新收；二、上年结转；行政；人民；意见；门户");
        assert_eq!(canonical('⿕'), '龠');
        assert_eq!(canonical('a'), 'a');
        assert_eq!(canonical('―'), '—');
    }
}
