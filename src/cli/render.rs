//! `nianbao render`: check, then write the report in the requested formats.

use std::path::PathBuf;

use super::{Outcome, RenderArgs};
use crate::diag;
use crate::doc::DRAFT_MARK;
use crate::load::load;
use crate::pipeline::{self, RenderError, Target};
use crate::source::display_path;
use crate::write::docx::DocxOptions;

pub(super) fn run(args: RenderArgs) -> Outcome {
    let targets = match Target::parse_list(&args.to) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("用法错误：{msg}");
            return Outcome::Unreadable;
        }
    };
    // Fonts and templates load (the search of the installed fonts takes a few
    // milliseconds) while the file is read and checked.
    let (setup, loaded) = std::thread::scope(|s| {
        let setup =
            s.spawn(|| super::setup::setup(&args.fonts, args.templates.as_deref(), &targets));
        let loaded = load(&args.file).map(|l| {
            let diagnostics = pipeline::check(&l, None);
            (l, diagnostics)
        });
        let setup = setup.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (setup, loaded)
    });
    let setup = match setup {
        Ok(s) => s,
        Err(outcome) => return outcome,
    };
    let (fonts, templates) = (setup.fonts(), &setup.templates);
    let (loaded, diagnostics) = match loaded {
        Ok(l) => l,
        Err(e) => {
            eprint!("{}", e.render(&args.file));
            eprintln!("{}：无法校验，未生成报告", display_path(&args.file));
            return Outcome::Unreadable;
        }
    };
    for d in &diagnostics {
        eprintln!("{}", diag::render_human(d, Some(&loaded.file), &loaded.file.display_path()));
    }
    let opts = pipeline::Options {
        templates,
        fonts,
        targets: &targets,
        force: args.force,
        docx: DocxOptions { embed_fonts: args.embed_fonts },
    };
    let rendered = match pipeline::render(&loaded, &diagnostics, &opts) {
        Ok(r) => r,
        Err(RenderError::Blocked { errors }) => {
            eprintln!(
                "{}：数据有 {errors} 个错误，未生成报告；改正后再生成，或加 --force 生成标有「{DRAFT_MARK}」的草稿",
                display_path(&args.file),
            );
            return Outcome::RuleErrors;
        }
        Err(RenderError::Unprintable(d)) => {
            eprintln!(
                "{}",
                diag::render_human(&d, Some(&loaded.file), &loaded.file.display_path())
            );
            return Outcome::Unreadable;
        }
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let dir = args.output.clone().unwrap_or_else(|| PathBuf::from("."));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!(
            "错误：无法创建输出文件夹 {}（{}）",
            display_path(&dir),
            crate::source::io_reason(&e)
        );
        return Outcome::Unreadable;
    }
    // Every output was made before any is written, and they appear together or not at
    // all: a failure leaves earlier files as they were.
    let files: Vec<(PathBuf, &[u8])> = rendered
        .outputs
        .iter()
        .map(|(target, bytes)| {
            (dir.join(format!("{stem}.{}", target.extension())), bytes.as_slice())
        })
        .collect();
    if let Err(e) = crate::files::write_all(&files) {
        eprintln!("错误：{e}");
        return Outcome::Unreadable;
    }
    for (path, _) in &files {
        eprintln!("已生成 {}{}", display_path(path), if rendered.draft { "（草稿）" } else { "" });
    }
    if let Some(line) = setup.font_line() {
        eprintln!("{line}");
    }
    if rendered.draft { Outcome::RuleErrors } else { Outcome::Ok }
}
