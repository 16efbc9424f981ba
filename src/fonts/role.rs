//! What a font is used for: the roles of GB/T 9704 and the official font of each.

/// What a font is used for in the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The title (方正小标宋简体 in official documents).
    Title,
    /// Level-1 headings 一、 (黑体).
    Heading1,
    /// Level-2 headings （一） (楷体_GB2312).
    Heading2,
    /// Body text, level-3/4 headings, tables, signature (仿宋_GB2312).
    Body,
    /// Page numbers (宋体).
    PageNumber,
}

impl Role {
    /// All roles, in the order used by messages and `--help`.
    pub const ALL: [Role; 5] =
        [Role::Title, Role::Heading1, Role::Heading2, Role::Body, Role::PageNumber];

    /// The name used on the command line (`--font 正文=…`).
    pub fn key(self) -> &'static str {
        match self {
            Role::Title => "标题",
            Role::Heading1 => "一级标题",
            Role::Heading2 => "二级标题",
            Role::Body => "正文",
            Role::PageNumber => "页码",
        }
    }

    /// The official font this role is set in.
    pub fn official_font(self) -> &'static str {
        match self {
            Role::Title => "方正小标宋简体",
            Role::Heading1 => "黑体",
            Role::Heading2 => "楷体_GB2312",
            Role::Body => "仿宋_GB2312",
            Role::PageNumber => "宋体",
        }
    }

    /// The official fonts this role may be set in when a machine has them installed, in
    /// order of preference: the GB 2312 editions the 公文 standard names first, then the
    /// ones Chinese Windows ships (FangSong, KaiTi, SimHei, SimSun).
    pub fn official_families(self) -> &'static [OfficialFamily] {
        match self {
            Role::Title => &[
                OfficialFamily {
                    shown: "方正小标宋简体",
                    names: &["方正小标宋简体", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0"],
                },
                OfficialFamily {
                    shown: "方正小标宋_GBK",
                    names: &["方正小标宋_GBK", "FZXiaoBiaoSong-B05", "FZXBSK--GBK1-0"],
                },
            ],
            Role::Heading1 => &[OfficialFamily { shown: "黑体", names: &["黑体", "SimHei"] }],
            Role::Heading2 => &[
                OfficialFamily {
                    shown: "楷体_GB2312", names: &["楷体_GB2312", "KaiTi_GB2312"]
                },
                OfficialFamily { shown: "楷体", names: &["楷体", "KaiTi"] },
            ],
            Role::Body => &[
                OfficialFamily {
                    shown: "仿宋_GB2312", names: &["仿宋_GB2312", "FangSong_GB2312"]
                },
                OfficialFamily { shown: "仿宋", names: &["仿宋", "FangSong"] },
            ],
            Role::PageNumber => &[OfficialFamily { shown: "宋体", names: &["宋体", "SimSun"] }],
        }
    }

    /// Parses a role name: the Chinese name, the official font's name, or an English key.
    pub fn parse(s: &str) -> Option<Role> {
        let role = match s.trim() {
            "标题" | "小标宋" | "title" => Role::Title,
            "一级标题" | "黑体" | "heading1" => Role::Heading1,
            "二级标题" | "楷体" | "heading2" => Role::Heading2,
            "正文" | "仿宋" | "body" => Role::Body,
            "页码" | "宋体" | "page-number" => Role::PageNumber,
            _ => return None,
        };
        Some(role)
    }

    pub(super) fn slot(self) -> usize {
        self as usize
    }
}

/// An official font family as installed fonts name it.
#[derive(Debug, PartialEq, Eq)]
pub struct OfficialFamily {
    /// The name shown to the user.
    pub shown: &'static str,
    /// The family names (Chinese and English, as the fonts' name tables write them) and
    /// PostScript names that identify it.
    pub names: &'static [&'static str],
}

impl OfficialFamily {
    /// Whether a font's family or PostScript name is one of this family's names (ASCII
    /// case and spaces ignored: `Fang Song` is `FangSong`).
    pub fn is_named(&self, name: &str) -> bool {
        let norm = |s: &str| -> String {
            s.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect()
        };
        let name = norm(name);
        self.names.iter().any(|n| norm(n) == name)
    }
}
