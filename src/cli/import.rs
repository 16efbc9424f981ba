//! `nianbao import`: a published report to a YAML file.

use super::output::{print, write_atomic};
use super::{ImportArgs, Outcome};
use crate::files::read_limited;
use crate::load::{PUBLISHED, import_bytes};
use crate::source::display_path;

pub(super) fn run(args: ImportArgs) -> Outcome {
    let shown = display_path(&args.file);
    let bytes = match read_limited(&args.file, PUBLISHED) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("错误：{e}");
            return Outcome::Unreadable;
        }
    };
    let import = match import_bytes(&bytes, &args.file) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("错误：{shown} 无法作为年度报告导入：{e}");
            return Outcome::Unreadable;
        }
    };
    match &args.output {
        None => print(&import.yaml),
        Some(path) => {
            if path.exists() && !args.force {
                eprintln!("错误：{} 已存在；要覆盖请加 --force", display_path(path));
                return Outcome::Unreadable;
            }
            if let Err(msg) = write_atomic(path, import.yaml.as_bytes()) {
                eprintln!("错误：{msg}");
                return Outcome::Unreadable;
            }
        }
    }
    let im = &import.imported;
    let target = args.output.as_ref().map_or_else(|| "（屏幕）".to_owned(), |p| display_path(p));
    let what = if im.embedded { "内嵌数据" } else { "表格" };
    eprintln!(
        "已从 {shown}（{}，{} 格式）导入到 {target}：数字取自{what}",
        import.kind.label(),
        im.format.name()
    );
    if import.complete() {
        match &args.output {
            Some(_) => eprintln!("全部单元格都已读出。下一步：nianbao check {target}"),
            None => eprintln!("全部单元格都已读出。用 -o 写入文件后运行 nianbao check 核对"),
        }
        Outcome::Ok
    } else {
        eprintln!("有 {} 处未读出或有疑问（已写在文件开头的注释里）：", im.problems.len());
        for p in &im.problems {
            eprintln!("  {}：{}", p.place, p.what);
        }
        Outcome::RuleErrors
    }
}
