//! A tiny XML builder: escaped text and attributes, elements written in the order the
//! caller gives (the callers follow the ECMA-376 schema order).

pub(super) use crate::write::escape as esc;

/// The XML declaration every part starts with.
pub(super) const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// WordprocessingML namespaces used by the main parts.
pub(super) const W_NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

/// The namespace of package relationships (OPC).
pub(super) const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// The base of WordprocessingML relationship types.
pub(super) const OFFICE_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
