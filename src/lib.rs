//! nianbao (年报) turns one YAML file per government agency into its statutory
//! 政府信息公开工作年度报告, checked against the official balance rules.
//!
//! # Pipeline
//!
//! 1. [`load`]: bytes → UTF-8 text ([`source::SourceFile`]) → the serde mirror of the
//!    file's format ([`input`]) → the typed [`model::Report`] ([`model::lower`]), where
//!    every cell is checked (rule R5) and every value keeps its place in the YAML.
//! 2. [`rules::check`]: the 勾稽关系 R1–R4, the date rule D1 and the warnings, all of
//!    them reported at once as [`diag::Diagnostic`]s pointing into the YAML.
//! 3. [`render`]: the report's typed view goes through the tera templates into a small
//!    markup, parsed into one [`doc::Document`]; the writers (HTML now) walk it.
//! 4. [`scaffold`]: `nianbao init` writes a commented file that passes the checks.
//!
//! The command-line front end lives in [`cli`]; it alone prints and picks exit codes.

pub mod alloc;
pub mod build;
pub mod cli;
pub mod diag;
pub mod doc;
pub mod fonts;
pub mod input;
pub mod layout;
pub mod load;
pub mod model;
pub mod rules;
pub mod scaffold;
pub mod source;
pub mod units;
pub mod write;

pub use load::{Loaded, load};
