//! The integration tests: one binary, a module per feature.

mod support;

mod architecture;
mod batch;
mod check;
mod docx;
mod examples;
mod fonts;
mod hostile;
mod init;
mod pdf;
mod render;
mod schema;
