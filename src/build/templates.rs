//! The templates: built into the binary, replaceable file by file from a folder.

use std::path::{Path, PathBuf};

use tera::{Context, Tera};

use crate::files::{Limit, ReadError, read_limited};
use crate::source::display_path;

/// The built-in templates, by name (their path under `templates/`).
pub const BUILTIN: &[(&str, &str)] = &[
    ("report.xml", include_str!("../../templates/report.xml")),
    ("title.xml", include_str!("../../templates/title.xml")),
    ("preface.xml", include_str!("../../templates/preface.xml")),
    ("blocks.xml", include_str!("../../templates/blocks.xml")),
    ("signature.xml", include_str!("../../templates/signature.xml")),
    ("sections/1-overview.xml", include_str!("../../templates/sections/1-overview.xml")),
    ("sections/2-proactive.xml", include_str!("../../templates/sections/2-proactive.xml")),
    ("sections/3-applications.xml", include_str!("../../templates/sections/3-applications.xml")),
    ("sections/4-review.xml", include_str!("../../templates/sections/4-review.xml")),
    ("sections/5-problems.xml", include_str!("../../templates/sections/5-problems.xml")),
    ("sections/6-other-matters.xml", include_str!("../../templates/sections/6-other-matters.xml")),
    ("report-2008.xml", include_str!("../../templates/report-2008.xml")),
    ("preface-2008.xml", include_str!("../../templates/preface-2008.xml")),
];

/// The most markup the templates may write for one report: 16 MiB (a real report's is
/// about 30 KB, and its YAML is at most 4 MiB).
pub const MAX_OUTPUT: usize = 16 << 20;

/// A buffer that refuses to grow past [`MAX_OUTPUT`].
struct Capped(Vec<u8>);

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + buf.len() > MAX_OUTPUT {
            self.0.resize(MAX_OUTPUT, 0);
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Why templates could not be loaded or run.
#[derive(Debug)]
pub enum TemplateError {
    /// The templates folder could not be listed.
    Folder {
        /// The folder as shown to the user.
        dir: String,
        /// Why.
        error: std::io::Error,
    },
    /// A template file could not be read (or is not a regular file, or too large).
    File(ReadError),
    /// A template file is not UTF-8.
    NotUtf8 {
        /// The file as shown to the user.
        file: String,
    },
    /// The folder holds more template files than a set has any use for.
    TooMany {
        /// The folder as shown to the user.
        dir: String,
    },
    /// The templates wrote more than [`MAX_OUTPUT`] for one report.
    TooLong,
    /// tera refused a template or failed running it; the text names the template file
    /// (the override's own path where it came from a folder), line and column.
    Tera(String),
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateError::Folder { dir, error } => {
                write!(f, "无法读取模板文件夹 {dir}（{}）", crate::source::io_reason(error))
            }
            TemplateError::File(e) => write!(f, "{e}"),
            TemplateError::NotUtf8 { file } => {
                write!(f, "无法读取模板 {file}（不是 UTF-8 编码的文字）")
            }
            TemplateError::TooMany { dir } => write!(
                f,
                "模板文件夹 {dir} 里的 .xml 文件超过 {MAX_TEMPLATES} 个，不像是模板文件夹"
            ),
            TemplateError::TooLong => write!(
                f,
                "模板错误：模板为一份报告写出的内容超过 {} MiB，多半是模板里的循环没有尽头",
                MAX_OUTPUT >> 20
            ),
            TemplateError::Tera(text) => write!(f, "模板错误：{text}"),
        }
    }
}

impl std::error::Error for TemplateError {}

/// A loaded set of templates.
pub struct Templates {
    tera: Tera,
    /// Templates replaced from a folder: (name, file).
    overridden: Vec<(String, PathBuf)>,
}

impl Templates {
    /// The built-in set.
    pub fn builtin() -> Result<Templates, TemplateError> {
        Templates::load(None)
    }

    /// The built-in set with the files of `dir` replacing (or adding) templates of the
    /// same relative name, e.g. `dir/sections/6-other-matters.xml`.
    pub fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        let mut sources: Vec<(String, String)> =
            BUILTIN.iter().map(|(n, s)| ((*n).to_owned(), (*s).to_owned())).collect();
        let mut overridden = Vec::new();
        if let Some(dir) = dir {
            let mut files = Vec::new();
            collect(dir, dir, 0, &mut files)
                .map_err(|error| TemplateError::Folder { dir: display_path(dir), error })?;
            if files.len() > MAX_TEMPLATES {
                return Err(TemplateError::TooMany { dir: display_path(dir) });
            }
            for (name, path) in files {
                let bytes = read_limited(&path, Limit::TEMPLATE).map_err(TemplateError::File)?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| TemplateError::NotUtf8 { file: display_path(&path) })?;
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name.clone(), text)),
                }
                overridden.push((name, path));
            }
        }
        let mut tera = Tera::new();
        let mut t = Templates { tera: Tera::new(), overridden };
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| t.explain(&e))?;
        t.tera = tera;
        Ok(t)
    }

    /// Renders the report markup.
    /// Renders the report markup; output past [`MAX_OUTPUT`] stops the template (a
    /// runaway loop in a user's template ends in a message, not in running out of
    /// memory).
    /// `root` is the format's root template (`report.xml`, `report-2008.xml`).
    pub fn render(
        &self,
        root: &str,
        view: &impl serde::Serialize,
    ) -> Result<String, TemplateError> {
        let context = Context::from_serialize(view).map_err(|e| self.explain(&e))?;
        let mut out = Capped(Vec::with_capacity(32 * 1024));
        if let Err(e) = self.tera.render_to(root, &context, &mut out) {
            if out.0.len() >= MAX_OUTPUT {
                return Err(TemplateError::TooLong);
            }
            return Err(self.explain(&e));
        }
        String::from_utf8(out.0).map_err(|_| TemplateError::TooLong)
    }

    /// A tera error as text, with the override's file path where the template came from
    /// a folder.
    fn explain(&self, e: &tera::Error) -> TemplateError {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            text.push_str(&format!("\n{s}"));
            source = s.source();
        }
        for (name, path) in &self.overridden {
            text = text.replace(&format!("--> {name}:"), &format!("--> {}:", display_path(path)));
        }
        TemplateError::Tera(text)
    }
}

/// The most template files a folder may hold (the built-in set has 12).
const MAX_TEMPLATES: usize = 500;
/// How deep the folder is walked (the built-in set is two deep).
const MAX_DEPTH: usize = 8;

/// The `.xml` files under `dir`, sorted. Links to folders are not followed (a link
/// loop would never end); a link to a file is read as the file.
fn collect(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut Vec<(String, PathBuf)>,
) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if out.len() > MAX_TEMPLATES {
            return Ok(());
        }
        if e.file_type()?.is_dir() {
            if depth < MAX_DEPTH {
                collect(root, &path, depth + 1, out)?;
            }
        } else if path.extension().is_some_and(|x| x == "xml") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push((display_path(rel), path));
        }
    }
    Ok(())
}
