//! The official fonts where the machine has them: a 仿宋 installed (the test font folder
//! `tests/fixtures/fonts`, see its README) sets the body and tables with no option;
//! `--fonts bundled` does not use it; without one, `render` names the bundled stand-in and
//! says how to get the official look. A font whose licence forbids embedding is passed
//! over, as `--font` refuses it.
//!
//! "Installed" is simulated two ways: through fontconfig's configuration
//! (`FONTCONFIG_FILE` naming only the test folder, Linux), which is how the system's
//! fonts are found, and through `--font-dir` / `NIANBAO_FONT_DIRS`.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::build::{self, Templates};
use nianbao::fonts::{Choice, FontBook, Role, Search, Served};
use nianbao::layout::{self, Item};

use crate::support::{Run, TempDir, command, external, root, run};

const EXAMPLE: &str = "examples/yiyang-shenpi-2022.yaml";
const BODY_FONT: &str = "NianbaoTestFangSong";

fn fixture_dir() -> PathBuf {
    root().join("tests/fixtures/fonts")
}

/// `nianbao` as a user runs it: fonts from the machine (no `NIANBAO_FONTS`), and the
/// machine's fonts being those fontconfig's configuration `conf` names.
fn installed(conf: &Path) -> Command {
    let mut cmd = command(&root());
    cmd.env_remove("NIANBAO_FONTS").env("FONTCONFIG_FILE", conf);
    cmd
}

/// A fontconfig configuration whose only font folder is `dir`.
fn fontconfig(tmp: &TempDir, dir: &Path) -> PathBuf {
    let conf = tmp.path("fonts.conf");
    let text =
        format!("<?xml version=\"1.0\"?>\n<fontconfig><dir>{}</dir></fontconfig>\n", dir.display());
    std::fs::write(&conf, text).unwrap();
    conf
}

fn render(cmd: &mut Command, out: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["render", EXAMPLE, "--to", "pdf", "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    let r = run(cmd.args(&args), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// The line that names the fonts.
fn font_line(r: &Run) -> &str {
    let lines: Vec<&str> = r.stderr.lines().filter(|l| l.starts_with("PDF 字体：")).collect();
    assert_eq!(lines.len(), 1, "one line names the fonts:\n{}", r.stderr);
    lines[0]
}

/// The PostScript names of the PDF's fonts (pdffonts), if pdffonts is installed.
fn pdf_fonts(pdf: &Path) -> Option<String> {
    let tool = external("pdffonts")?;
    let out = Command::new(tool).arg(pdf).output().unwrap();
    assert!(out.status.success());
    Some(String::from_utf8(out.stdout).unwrap())
}

// The done-when line of print fidelity II: with a 仿宋 installed the body uses it with no
// option; `--fonts bundled` does not; without one, render names the substitute.
#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn an_installed_fangsong_sets_the_body_with_no_option() {
    let tmp = TempDir::new("fonts-installed");
    let conf = fontconfig(&tmp, &fixture_dir());
    let out = tmp.path("out");

    let r = render(&mut installed(&conf), &out, &[]);
    let line = font_line(&r);
    assert!(line.contains("正文 仿宋_GB2312（本机 fangsong-test.otf）"), "{line}");
    // The restricted 楷体_GB2312 is passed over, and the line says why.
    assert!(
        line.contains(
            "二级标题 内置 LXGW WenKai（本机的楷体_GB2312授权不允许嵌入，代替楷体_GB2312）"
        ),
        "{line}"
    );
    assert!(!line.contains("请安装"), "{line}");
    let pdf = out.join("yiyang-shenpi-2022.pdf");
    let with_fangsong = std::fs::read(&pdf).unwrap();
    if let Some(fonts) = pdf_fonts(&pdf) {
        assert!(fonts.contains(BODY_FONT), "{fonts}");
        assert!(!fonts.contains("NianbaoTestKaiTi"), "{fonts}");
    }

    // --fonts bundled: the same machine, the bundled serif.
    let r = render(&mut installed(&conf), &out, &["--fonts", "bundled"]);
    let line = font_line(&r);
    assert!(line.contains("正文 内置 Noto Serif CJK SC（代替仿宋_GB2312）"), "{line}");
    assert!(!line.contains("请安装"), "asked for the bundled fonts: {line}");
    if let Some(fonts) = pdf_fonts(&pdf) {
        assert!(!fonts.contains(BODY_FONT), "{fonts}");
    }
    assert_ne!(std::fs::read(&pdf).unwrap(), with_fangsong);

    // A machine without any official font: the bundled serif, named, and the way out.
    let empty = tmp.path("no-fonts");
    std::fs::create_dir_all(&empty).unwrap();
    let conf = fontconfig(&tmp, &empty);
    let r = render(&mut installed(&conf), &out, &[]);
    let line = font_line(&r);
    assert!(line.contains("正文 内置 Noto Serif CJK SC（代替仿宋_GB2312）"), "{line}");
    assert!(
        line.contains("正文要用公文的仿宋，请安装仿宋_GB2312（或 Windows 自带的仿宋 simfang.ttf）"),
        "{line}"
    );
    assert!(line.contains("--font 正文=字体文件"), "{line}");
    if let Some(fonts) = pdf_fonts(&pdf) {
        assert!(!fonts.contains(BODY_FONT) && fonts.contains("NotoSerifCJKsc-Regular"), "{fonts}");
    }
}

// Font folders of one's own: `--font-dir` and NIANBAO_FONT_DIRS find the test 仿宋; a
// `--font` file still wins; a folder that is not there is an error, not a silent fallback.
#[test]
fn font_folders_and_the_order_of_precedence() {
    let tmp = TempDir::new("fonts-dirs");
    let out = tmp.path("out");
    let dir = fixture_dir();
    let dir = dir.to_str().unwrap();
    let pdf = out.join("yiyang-shenpi-2022.pdf");

    let mut cmd = command(&root());
    cmd.env_remove("NIANBAO_FONTS");
    let r = render(&mut cmd, &out, &["--font-dir", dir]);
    assert!(font_line(&r).contains("正文 仿宋_GB2312（本机 fangsong-test.otf）"), "{}", r.stderr);
    if let Some(fonts) = pdf_fonts(&pdf) {
        assert!(fonts.contains(BODY_FONT), "{fonts}");
    }

    let mut cmd = command(&root());
    cmd.env_remove("NIANBAO_FONTS").env("NIANBAO_FONT_DIRS", dir);
    let r = render(&mut cmd, &out, &[]);
    assert!(font_line(&r).contains("正文 仿宋_GB2312（本机 fangsong-test.otf）"), "{}", r.stderr);

    // --font beats the installed font.
    let mut cmd = command(&root());
    cmd.env_remove("NIANBAO_FONTS");
    let r =
        render(&mut cmd, &out, &["--font-dir", dir, "--font", "正文=fonts/LXGWWenKai-Regular.ttf"]);
    let line = font_line(&r);
    assert!(line.contains("正文 LXGW WenKai（--font fonts/LXGWWenKai-Regular.ttf）"), "{line}");
    if let Some(fonts) = pdf_fonts(&pdf) {
        assert!(!fonts.contains(BODY_FONT), "{fonts}");
    }

    // Mistakes: each is exit 2 with a Chinese message and no PDF.
    let _ = std::fs::remove_file(&pdf);
    let cases: [(&[&str], &str); 3] = [
        (
            &["--font-dir", "tests/fixtures/no-such-folder"],
            "字体文件夹 tests/fixtures/no-such-folder 无法打开",
        ),
        (&["--font-dir", "README.md"], "字体文件夹 README.md 不是文件夹"),
        (&["--font-dir", dir, "--fonts", "bundled"], "不能和 --fonts bundled"),
    ];
    for (extra, want) in cases {
        let mut args = vec!["render", EXAMPLE, "--to", "pdf", "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let mut cmd = command(&root());
        cmd.env_remove("NIANBAO_FONTS");
        let r = run(cmd.args(&args), &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(want), "{args:?}: {}", r.stderr);
        assert!(!pdf.exists());
    }
    let mut cmd = command(&root());
    cmd.env("NIANBAO_FONTS", "system");
    let args = ["render", EXAMPLE, "--to", "pdf", "-o", out.to_str().unwrap()];
    let r = run(cmd.args(args), &args);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("环境变量 NIANBAO_FONTS 的值「system」不对"), "{}", r.stderr);
    // Without a PDF the fonts do not matter: no line, no search.
    let args = ["render", EXAMPLE, "--to", "html", "-o", out.to_str().unwrap()];
    let r = run(command(&root()).env_remove("NIANBAO_FONTS").args(args), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("PDF 字体"), "{}", r.stderr);
}

// The batch names the fonts once per run, and not with --quiet.
#[test]
fn batch_names_the_fonts_once() {
    let tmp = TempDir::new("fonts-batch");
    let out = tmp.path("out");
    let dir = fixture_dir();
    let args = [
        "batch",
        "examples/yiyang-shenpi-2022.yaml",
        "examples/jiangchuan-ziranziyuan-2024.yaml",
        "--to",
        "pdf",
        "--font-dir",
        dir.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    let r = run(command(&root()).env_remove("NIANBAO_FONTS").args(args), &args);
    assert!(r.code <= 1, "{}", r.stderr);
    assert!(font_line(&r).contains("正文 仿宋_GB2312（本机 fangsong-test.otf）"), "{}", r.stderr);
    let mut quiet = args.to_vec();
    quiet.push("-q");
    let r = run(command(&root()).env_remove("NIANBAO_FONTS").args(&quiet), &quiet);
    assert!(!r.stderr.contains("PDF 字体"), "{}", r.stderr);
}

// In the laid-out pages: with the test 仿宋 (which has every character of this report),
// the body and the tables are set in it, and no text falls back to the bundled serif
// except the page numbers (宋体's role).
#[test]
fn the_body_and_tables_are_laid_out_in_the_installed_face() {
    let choice = Choice {
        overrides: Vec::new(),
        installed: Some(Search { system: false, dirs: vec![fixture_dir()] }),
    };
    let book = FontBook::load(&choice).unwrap();
    assert_eq!(
        book.served()[Role::Body as usize],
        Served::Installed { family: "仿宋_GB2312", file: "fangsong-test.otf".into() }
    );
    let body = book.primary(Role::Body);
    assert_eq!(book.face(body).postscript_name(), BODY_FONT);
    let serif = book.primary(Role::PageNumber);
    assert_eq!(book.face(serif).postscript_name(), "NotoSerifCJKsc-Regular");

    let loaded = nianbao::load(&root().join(EXAMPLE)).unwrap();
    let doc = build::document(&loaded.report, &Templates::load(None).unwrap()).unwrap();
    let pages = layout::layout(&doc, &book).unwrap();
    let (mut body_chars, mut table_chars) = (0, 0);
    for item in pages.pages.iter().flat_map(|p| &p.items) {
        let Item::Text(t) = item else { continue };
        if t.run.face == serif {
            let digits = t.run.text.trim_matches(|c: char| c == '—' || c.is_whitespace());
            assert!(
                t.size == 14.0 && digits.chars().all(|c| c.is_ascii_digit()),
                "not a page number, yet in the bundled serif: {:?}",
                t.run.text
            );
        }
        if t.run.face == body {
            if t.size == 16.0 {
                body_chars += t.run.text.chars().count();
            } else {
                table_chars += t.run.text.chars().count();
            }
        }
    }
    assert!(body_chars > 1000 && table_chars > 200, "body {body_chars}, tables {table_chars}");
}
