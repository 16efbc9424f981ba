//! nianbao (年报) turns one YAML file per government agency into its statutory
//! 政府信息公开工作年度报告, checked against the official balance rules.
//!
//! # Pipeline
//!
//! The modules, in the order data flows through them (a module uses only those above
//! it; `tests/architecture.rs` pins this):
//!
//! 1. [`source`], [`diag`], [`units`]: the file and its places; what nianbao tells the
//!    user; points, millimetres and twips.
//! 2. [`format`]: the catalogue — every official fact of each report format, as data.
//! 3. [`input`]: bytes → UTF-8 text → the serde mirror of the file's format.
//! 4. [`model`]: the mirror lowered into the typed [`model::Report`]; every cell is
//!    checked (rule R5) and every value keeps its place in the YAML.
//! 5. [`rules`]: the 勾稽关系 R1–R4, the date rule D1 and the warnings, all reported at
//!    once as [`diag::Diagnostic`]s pointing into the YAML.
//! 6. [`doc`], [`build`]: the report through the templates and the catalogue's official
//!    tables into one [`doc::Document`] (with YAML spans and metadata).
//! 7. [`fonts`], [`layout`]: the document laid out into pages (for the PDF).
//! 8. [`write`]: the document (and its layout) written as HTML, DOCX and PDF.
//! 9. [`load`], [`pipeline`]: the steps as calls (load → check → build → write) that the
//!    command line, the benchmark and the batch share; [`scaffold`] writes `init`'s file.
//! 10. [`cli`]: the command line; it alone prints and picks exit codes.

pub mod files;
pub mod source;
pub mod units;

pub mod diag;
pub mod format;
pub mod input;
pub mod model;
pub mod rules;

pub mod build;
pub mod doc;

pub mod fonts;
pub mod layout;
pub mod write;

pub mod batch;
pub mod import;
pub mod load;
pub mod pipeline;
pub mod scaffold;

pub mod cli;

pub use load::{Loaded, load};
