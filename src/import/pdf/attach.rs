//! The `nianbao-data.json` that nianbao attaches to its own PDFs (see
//! `write/pdf/meta.rs`): found in the catalog's `EmbeddedFiles` name tree.

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Object, Stream};

use super::stream::decode;

/// The attachment's file name.
const DATA_FILE: &[u8] = b"nianbao-data.json";

/// The attached JSON, when the PDF carries one that is UTF-8.
pub(super) fn nianbao_data(pdf: &Pdf) -> Option<String> {
    let xref = pdf.xref();
    let catalog = xref.get::<Dict<'_>>(xref.root_id())?;
    let tree = catalog.get::<Dict<'_>>(b"Names")?.get::<Dict<'_>>(b"EmbeddedFiles")?;
    // The name tree, walked with a bound: a hostile tree may loop.
    let mut stack = vec![tree];
    let mut visited = 0;
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > 1000 {
            return None;
        }
        if let Some(names) = node.get::<Array<'_>>(b"Names") {
            let items: Vec<Object<'_>> = names.iter::<Object<'_>>().take(2000).collect();
            for pair in items.chunks(2) {
                if let [Object::String(key), Object::Dict(spec)] = pair
                    && key.as_bytes() == DATA_FILE
                {
                    let ef = spec.get::<Dict<'_>>(b"EF")?;
                    let file =
                        ef.get::<Stream<'_>>(b"UF").or_else(|| ef.get::<Stream<'_>>(b"F"))?;
                    return String::from_utf8(decode(&file)?).ok();
                }
            }
        }
        if let Some(kids) = node.get::<Array<'_>>(b"Kids") {
            stack.extend(kids.iter::<Dict<'_>>().take(1000));
        }
    }
    None
}
