//! Which font serves each role, and the one line that tells the user: the official font
//! found on the machine, the user's own file, or the bundled face standing in, with how to
//! get the official look when the body is not in 仿宋.

use super::Role;

/// The font that leads a role's chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Served {
    /// The user's `--font` file.
    Own {
        /// Its family name (or the file, if it has none).
        family: String,
        /// The file, as shown to the user.
        file: String,
    },
    /// An official font installed on the machine (or in a font folder).
    Installed {
        /// The official family ([`super::OfficialFamily::shown`]).
        family: &'static str,
        /// The font file's name.
        file: String,
    },
    /// A bundled face, standing in for the official font.
    Bundled {
        /// The bundled face's name.
        face: String,
        /// Whether installed fonts were looked for (not with `--fonts bundled`).
        searched: bool,
        /// The first official font found but not usable, and why.
        passed_over: Option<(&'static str, &'static str)>,
    },
}

impl Served {
    /// Notes an installed official font that could not be used (the first one only).
    pub(super) fn pass_over(&mut self, family: &'static str, reason: &'static str) {
        if let Served::Bundled { passed_over: p @ None, .. } = self {
            *p = Some((family, reason));
        }
    }

    /// What serves the role, in a few words: 「仿宋（本机 simfang.ttf）」.
    fn describe(&self, role: Role) -> String {
        let official = role.official_font();
        match self {
            Served::Own { family, file } => format!("{family}（--font {file}）"),
            Served::Installed { family, file } => format!("{family}（本机 {file}）"),
            Served::Bundled { face, passed_over: Some((family, reason)), .. } => {
                format!("内置 {face}（本机的{family}{reason}，代替{official}）")
            }
            Served::Bundled { face, .. } => format!("内置 {face}（代替{official}）"),
        }
    }
}

/// The line `render` and `batch` print: which font serves each role, and, when the body
/// is set in the bundled serif because no usable 仿宋 was found, how to get it.
pub fn summary(served: &[Served; 5]) -> String {
    let roles: Vec<String> = Role::ALL
        .iter()
        .map(|&r| format!("{} {}", r.key(), served[r as usize].describe(r)))
        .collect();
    let mut line = format!("PDF 字体：{}", roles.join("，"));
    if let Served::Bundled { searched: true, .. } = served[Role::Body as usize] {
        line.push_str(
            "；正文要用公文的仿宋，请安装仿宋_GB2312（或 Windows 自带的仿宋 simfang.ttf），\
             或用 --font-dir 指定存放它的文件夹、--font 正文=字体文件",
        );
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(face: &str) -> Served {
        Served::Bundled { face: face.into(), searched: true, passed_over: None }
    }

    #[test]
    fn the_line_names_each_role_and_the_way_to_the_official_look() {
        let mut served = [
            bundled("Noto Serif CJK SC Bold"),
            Served::Installed { family: "黑体", file: "simhei.ttf".into() },
            Served::Own { family: "KaiTi".into(), file: "/x/kai.ttf".into() },
            bundled("Noto Serif CJK SC"),
            bundled("Noto Serif CJK SC"),
        ];
        served[3].pass_over("仿宋_GB2312", "授权不允许嵌入");
        served[3].pass_over("仿宋", "无法读取");
        let line = summary(&served);
        assert_eq!(
            line,
            "PDF 字体：标题 内置 Noto Serif CJK SC Bold（代替方正小标宋简体），一级标题 黑体（本机 simhei.ttf），\
             二级标题 KaiTi（--font /x/kai.ttf），正文 内置 Noto Serif CJK SC（本机的仿宋_GB2312授权不允许嵌入，代替仿宋_GB2312），\
             页码 内置 Noto Serif CJK SC（代替宋体）；正文要用公文的仿宋，请安装仿宋_GB2312（或 Windows 自带的仿宋 simfang.ttf），\
             或用 --font-dir 指定存放它的文件夹、--font 正文=字体文件"
        );
        assert!(!line.contains('\n'));
        // Asked for the bundled fonts: no advice.
        served[3] = Served::Bundled {
            face: "Noto Serif CJK SC".into(),
            searched: false,
            passed_over: None,
        };
        assert!(!summary(&served).contains("请安装"));
    }
}
