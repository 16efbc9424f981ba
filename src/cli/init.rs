//! `nianbao init`: write a scaffold, fresh or from last year's file.

use super::output::{print, write_atomic};
use super::{InitArgs, LevelArg, Outcome};
use crate::format::{FORMATS, Format};
use crate::load::load;
use crate::model::Level;
use crate::scaffold::Scaffold;
use crate::source::display_path;

pub(super) fn run(args: InitArgs) -> Outcome {
    let scaffold = match build(&args) {
        Ok(s) => s,
        Err(msg) => {
            eprint!("{msg}");
            return Outcome::Unreadable;
        }
    };
    let text = scaffold.render();
    match &args.output {
        None => print(&text),
        Some(path) => {
            if path.exists() && !args.force {
                eprintln!("错误：{} 已存在；要覆盖请加 --force", display_path(path));
                return Outcome::Unreadable;
            }
            if let Err(msg) = write_atomic(path, text.as_bytes()) {
                eprintln!("错误：{msg}");
                return Outcome::Unreadable;
            }
            eprintln!(
                "已生成 {}：填写后运行 nianbao check {}",
                display_path(path),
                display_path(path)
            );
        }
    }
    Outcome::Ok
}

fn build(args: &InitArgs) -> Result<Scaffold, String> {
    let mut s = match &args.from {
        Some(path) => {
            let prev = load(path).map_err(|e| {
                format!("错误：上一年度文件 {} 无法读取\n{}", display_path(path), e.render(path))
            })?;
            // A published report: what could not be read from it (a blank carried
            // forward would be carried over as 0).
            for w in prev.warnings.iter().filter(|w| w.code == Some("F2")) {
                eprintln!("警告：{}：{}", display_path(path), w.message);
            }
            Scaffold::from_previous(&prev.report, &display_path(path))
        }
        None => {
            // Last year, or the latest year the chosen format serves.
            let newest = FORMATS[0];
            let year = args.year.unwrap_or_else(|| {
                let spec = args.format.map_or(newest, Format::spec);
                let last = i64::from(last_year()).clamp(*spec.years.start(), *spec.years.end());
                i32::try_from(last).unwrap_or(2021)
            });
            let format = match args.format {
                Some(f) => f,
                None => Format::for_year(i64::from(year))
                    .ok_or_else(|| format!("错误：{year} 年没有政府信息公开工作年度报告（《条例》2008 年 5 月 1 日起施行），nianbao 支持 2008 年及以后\n"))?,
            };
            Scaffold::new(format, year, "某某市某某局".to_owned())
        }
    };
    if let Some(year) = args.year {
        if !(2008..=2100).contains(&year) {
            return Err(format!("错误：年度 {year} 不在 2008–2100 之间\n"));
        }
        if args.from.is_some() && year != s.year {
            return Err(format!(
                "错误：--from 的上年文件是 {} 年度，新报告应为 {} 年度，不能用 --year {year}\n",
                s.year - 1,
                s.year
            ));
        }
    }
    if let Some(name) = &args.agency {
        if name.chars().any(char::is_control) {
            return Err("错误：--agency 的机关名称里不能有换行、制表符等控制字符\n".into());
        }
        s.agency = name.trim().to_owned();
    }
    if let Some(level) = args.level {
        s.level = match level {
            LevelArg::Department => Level::Department,
            LevelArg::Government => Level::Government,
            LevelArg::Township => Level::Township,
        };
    }
    if let Some(f) = args.format {
        s.format = f;
    }
    Ok(s)
}

/// The year before the current one, from the system clock: the year a report is
/// usually written for. Only `init` reads the clock, and only for this default.
fn last_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    // Civil year from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year - 1) as i32
}
