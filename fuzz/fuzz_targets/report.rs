//! YAML bytes → check → render every format in memory, as `nianbao render --force`
//! would: nothing may panic, hang or run out of memory, whatever the bytes.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nianbao::build::Templates;
use nianbao::fonts::FontBook;
use nianbao::pipeline::{self, Options, Target};

fn templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| Templates::builtin().expect("built-in templates load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(file) = nianbao::input::decode(Path::new("fuzz.yaml"), data.to_vec()) else {
        return;
    };
    let Ok(loaded) = nianbao::load::load_source(file) else { return };
    let diagnostics = pipeline::check(&loaded, None);
    let opts = Options {
        templates: templates(),
        fonts: FontBook::bundled(),
        targets: &Target::ALL,
        force: true,
        docx: Default::default(),
    };
    // Errors are fine (a character no font has, say); panics are not.
    let _ = pipeline::render(&loaded, &diagnostics, &opts);
});
