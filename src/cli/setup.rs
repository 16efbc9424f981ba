//! What `render` and `batch` load once before any report: the fonts (the bundled ones, or
//! with the user's `--font` files) and the templates (with a `--templates` folder).

use std::path::Path;

use super::Outcome;
use crate::build::Templates;
use crate::fonts::{FontBook, FontOverride};
use crate::pipeline::Target;

/// The fonts and templates, loaded.
pub(super) struct Setup {
    /// The user's fonts with the bundled ones, when `--font` was given for a PDF.
    own_fonts: Option<FontBook>,
    /// The templates.
    pub(super) templates: Templates,
}

impl Setup {
    /// The fonts to lay out with.
    pub(super) fn fonts(&self) -> &FontBook {
        self.own_fonts.as_ref().unwrap_or_else(|| FontBook::bundled())
    }
}

/// Loads fonts and templates; a failure is printed and becomes exit code 2.
pub(super) fn setup(
    fonts: &[FontOverride],
    templates: Option<&Path>,
    targets: &[Target],
) -> Result<Setup, Outcome> {
    // The user's fonts matter only to the PDF.
    let own_fonts = if fonts.is_empty() || !targets.contains(&Target::Pdf) {
        None
    } else {
        match FontBook::with_overrides(fonts) {
            Ok(book) => Some(book),
            Err(msg) => {
                eprintln!("错误：{msg}");
                return Err(Outcome::Unreadable);
            }
        }
    };
    let templates = Templates::load(templates).map_err(|msg| {
        eprintln!("{msg}");
        Outcome::Unreadable
    })?;
    Ok(Setup { own_fonts, templates })
}
