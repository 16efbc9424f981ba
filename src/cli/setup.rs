//! What `render` and `batch` load once before any report: the fonts (the user's `--font`
//! files, the official fonts installed on the machine, the bundled ones) and the
//! templates (with a `--templates` folder).

use std::path::{Path, PathBuf};

use super::{FontArgs, FontSource, Outcome};
use crate::build::Templates;
use crate::fonts::{Choice, FontBook, Search};
use crate::pipeline::Target;

/// The environment variable that chooses the fonts' source, as `--fonts` does.
const FONTS_ENV: &str = "NIANBAO_FONTS";
/// The environment variable that lists further font folders, as `--font-dir` does.
const FONT_DIRS_ENV: &str = "NIANBAO_FONT_DIRS";

/// The fonts and templates, loaded.
pub(super) struct Setup {
    /// The fonts, when a PDF is to be made.
    own_fonts: Option<FontBook>,
    /// The templates.
    pub(super) templates: Templates,
}

impl Setup {
    /// The fonts to lay out with.
    pub(super) fn fonts(&self) -> &FontBook {
        self.own_fonts.as_ref().unwrap_or_else(|| FontBook::bundled())
    }

    /// The line that says which font serves each role of the PDF, if a PDF is made.
    pub(super) fn font_line(&self) -> Option<String> {
        self.own_fonts.as_ref().map(|book| crate::fonts::summary(book.served()))
    }
}

/// Loads fonts and templates; a failure is printed and becomes exit code 2.
pub(super) fn setup(
    fonts: &FontArgs,
    templates: Option<&Path>,
    targets: &[Target],
) -> Result<Setup, Outcome> {
    let fail = |msg: String| {
        eprintln!("错误：{msg}");
        Outcome::Unreadable
    };
    // The fonts matter only to the PDF.
    let own_fonts = if targets.contains(&Target::Pdf) {
        let choice = choice(fonts).map_err(fail)?;
        Some(FontBook::load(&choice).map_err(|e| fail(e.to_string()))?)
    } else {
        None
    };
    let templates = Templates::load(templates).map_err(|msg| {
        eprintln!("{msg}");
        Outcome::Unreadable
    })?;
    Ok(Setup { own_fonts, templates })
}

/// The choice of fonts from the options, then the environment.
fn choice(args: &FontArgs) -> Result<Choice, String> {
    let source = match args.source {
        Some(s) => s,
        None => match std::env::var_os(FONTS_ENV) {
            None => FontSource::Installed,
            Some(v) => match v.to_string_lossy().trim() {
                "" | "installed" | "本机" => FontSource::Installed,
                "bundled" | "内置" => FontSource::Bundled,
                other => {
                    return Err(format!(
                        "环境变量 {FONTS_ENV} 的值「{other}」不对（可用：installed 或 本机、bundled 或 内置）"
                    ));
                }
            },
        },
    };
    let installed = match source {
        FontSource::Bundled if !args.dirs.is_empty() => {
            return Err(format!(
                "--font-dir 是查找本机字体的文件夹，不能和 --fonts bundled（或环境变量 {FONTS_ENV}=bundled）同时使用"
            ));
        }
        FontSource::Bundled => None,
        FontSource::Installed => {
            let mut dirs: Vec<PathBuf> = args.dirs.clone();
            for dir in &args.dirs {
                crate::fonts::installed::check_dir(dir)?;
            }
            if let Some(list) = std::env::var_os(FONT_DIRS_ENV) {
                for dir in std::env::split_paths(&list).filter(|d| !d.as_os_str().is_empty()) {
                    crate::fonts::installed::check_dir(&dir)
                        .map_err(|e| format!("{e}（来自环境变量 {FONT_DIRS_ENV}）"))?;
                    dirs.push(dir);
                }
            }
            Some(Search { system: true, dirs })
        }
    };
    Ok(Choice { overrides: args.files.clone(), installed })
}
