//! The official fonts installed on the machine, or kept in folders the user names, found
//! with [`fontdb`]: for each role, the faces whose family name (in any language of the
//! font's name table) or PostScript name is one of the role's official families
//! ([`Role::official_families`]), best first.
//!
//! Only the names are read here; [`super::FontBook`] reads the chosen files and checks
//! their licence as it does for `--font`.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::role::OfficialFamily;
use super::{Face, Role};

/// Where to look for installed fonts.
#[derive(Clone, Debug, Default)]
pub struct Search {
    /// The system's font folders (as [`fontdb::Database::load_system_fonts`] finds them:
    /// fontconfig's folders on Linux, `C:\Windows\Fonts` and the user's fonts on Windows,
    /// the `Library/Fonts` folders on macOS).
    pub system: bool,
    /// Further folders, searched with their subfolders, in order; their fonts come before
    /// the system's of the same family.
    pub dirs: Vec<PathBuf>,
}

/// A face of an official family, found on the machine.
#[derive(Clone, Debug)]
pub struct Found {
    /// The family it belongs to.
    pub family: &'static OfficialFamily,
    /// The font file.
    pub path: PathBuf,
    /// The face in the file.
    pub index: u32,
    /// Its rank among the role's official families (0 is the first choice).
    family_rank: usize,
    /// 0 for the first folder of [`Search::dirs`], …, then the system's folders.
    source_rank: usize,
    /// How far its weight is from regular (400).
    weight_off: u16,
}

impl Found {
    fn order(&self, other: &Found) -> Ordering {
        (self.family_rank, self.source_rank, self.weight_off, &self.path, self.index).cmp(&(
            other.family_rank,
            other.source_rank,
            other.weight_off,
            &other.path,
            other.index,
        ))
    }
}

/// For every role (in [`Role::ALL`] order), the installed faces of its official
/// families, best first: by the family's preference, then the folder's order, then the
/// weight nearest to regular; upright faces only. Ties go by path, so the choice does
/// not depend on the order the system lists its folders.
pub fn find(search: &Search) -> [Vec<Found>; 5] {
    let mut sources: Vec<fontdb::Database> = Vec::new();
    for dir in &search.dirs {
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(dir);
        sources.push(db);
    }
    if search.system {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        sources.push(db);
    }
    let mut found: [Vec<Found>; 5] = Default::default();
    for (source_rank, db) in sources.iter().enumerate() {
        for info in db.faces() {
            let path = match &info.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path,
                fontdb::Source::Binary(_) => continue,
            };
            if info.style != fontdb::Style::Normal {
                continue;
            }
            for role in Role::ALL {
                let families = role.official_families();
                let Some((family_rank, family)) = families.iter().enumerate().find(|(_, f)| {
                    info.families.iter().any(|(name, _)| f.is_named(name))
                        || f.is_named(&info.post_script_name)
                }) else {
                    continue;
                };
                found[role as usize].push(Found {
                    family,
                    path: path.clone(),
                    index: info.index,
                    family_rank,
                    source_rank,
                    weight_off: info.weight.0.abs_diff(400),
                });
            }
        }
    }
    for list in &mut found {
        list.sort_by(Found::order);
        // The same file found through two folders (or a link) is one face.
        list.dedup_by(|a, b| a.path == b.path && a.index == b.index);
    }
    found
}

/// Characters every face of the role must have to be used for it: a face that carries
/// an official name but lacks common characters (a renamed or damaged file) would set
/// the report in a patchwork of faces.
pub(super) fn covers(face: &Face, role: Role) -> bool {
    let sample = match role {
        Role::PageNumber => "0123456789",
        _ => "政府信息公开工作年度报告一二三四五六，。、0123456789",
    };
    sample.chars().all(|c| face.glyph(c).is_some())
}

/// The folder a user named for fonts, checked before the search: it must exist and be a
/// folder (a typo should not silently give the bundled fonts).
pub fn check_dir(dir: &Path) -> Result<(), String> {
    let shown = crate::source::display_path(dir);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(format!("字体文件夹 {shown} 不是文件夹")),
        Err(e) => Err(format!("字体文件夹 {shown} 无法打开（{}）", crate::source::io_reason(&e))),
    }
}
