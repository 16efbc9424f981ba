//! The integration tests: one binary, a module per feature.

mod support;

mod architecture;
mod batch;
mod check;
mod docx;
mod examples;
mod fonts;
mod hostile;
mod import;
mod import_pdf;
mod import_pdf_drawn;
mod init;
mod pdf;
mod print_pdf;
mod render;
mod schema;
