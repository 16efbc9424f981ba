//! The templates: built into the binary, replaceable file by file from a folder.

use std::path::{Path, PathBuf};

use tera::{Context, Tera};

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
];

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
    /// A template file could not be read.
    File {
        /// The file as shown to the user.
        file: String,
        /// Why.
        error: std::io::Error,
    },
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
            TemplateError::File { file, error } => {
                write!(f, "无法读取模板 {file}（{}）", crate::source::io_reason(error))
            }
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
            collect(dir, dir, &mut files)
                .map_err(|error| TemplateError::Folder { dir: display_path(dir), error })?;
            for (name, path) in files {
                let text = std::fs::read_to_string(&path)
                    .map_err(|error| TemplateError::File { file: display_path(&path), error })?;
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
    pub fn render(&self, view: &impl serde::Serialize) -> Result<String, TemplateError> {
        let context = Context::from_serialize(view).map_err(|e| self.explain(&e))?;
        self.tera.render("report.xml", &context).map_err(|e| self.explain(&e))
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

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        if path.is_dir() {
            collect(root, &path, out)?;
        } else if path.extension().is_some_and(|x| x == "xml") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push((display_path(rel), path));
        }
    }
    Ok(())
}
