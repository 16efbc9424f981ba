//! The integration tests: one binary, a module per feature.

mod support;

mod architecture;
mod batch;
mod check;
mod docx;
mod examples;
mod hostile;
mod import;
mod init;
mod pdf;
mod print_pdf;
mod render;
mod schema;
