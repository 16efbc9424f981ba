//! Narrative items.

use crate::source::Span;

/// A narrative item after lowering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A paragraph.
    Para {
        /// Its text.
        text: String,
        /// Where it is in the YAML.
        span: Span,
    },
    /// A heading (numbered by depth when rendered) and what follows it.
    Heading {
        /// Heading text, with any hand-written number removed.
        text: String,
        /// Where it is in the YAML.
        span: Span,
        /// Items under the heading.
        content: Vec<Item>,
    },
}

pub use crate::format::numbering::numbering_prefix;
