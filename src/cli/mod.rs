//! The command line: argument definitions (help in Chinese) and the commands.
//!
//! Exit codes follow ripgrep's convention: 0 success (warnings allowed), 1 rule errors,
//! 2 unreadable input or bad usage.

mod batch;
mod check;
mod import;
mod init;
mod output;
mod render;
mod setup;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything fine (warnings allowed).
    Ok = 0,
    /// At least one rule error.
    RuleErrors = 1,
    /// Input that cannot be read, or bad usage.
    Unreadable = 2,
}

const HELP_TEMPLATE: &str = "\
{before-help}{about-with-newline}
用法：{usage}

{all-args}{after-help}";

#[derive(Parser, Debug)]
#[command(
    name = "nianbao",
    version,
    about = "政府信息公开工作年度报告：从 YAML 生成、按官方勾稽关系校验",
    long_about = "nianbao（年报）把一个机关一年的 YAML 文件变成《政府信息公开工作年度报告》：\n按 2021 / 2019 官方格式校验勾稽关系，并生成报告。",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "命令",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "示例：\n  nianbao init -o 2024.yaml --agency 某某市某某局 --year 2024\n  nianbao check 2024.yaml --previous 2023.yaml\n  nianbao import 去年的报告.docx -o 2023.yaml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// 显示帮助
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help_heading = "通用选项")]
    help: Option<bool>,
    /// 显示版本
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help_heading = "通用选项")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 生成一份带中文说明的 YAML 模板（所有数字为 0，可直接通过校验）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Init(InitArgs),
    /// 校验一个或多个 YAML 文件的勾稽关系，列出全部错误和警告
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Check(CheckArgs),
    /// 把已发布的年度报告（网页、Word、PDF 或复制出的文字）导入为 YAML：按官方表格的行、列标签逐格读取
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Import(ImportArgs),
    /// 输出输入文件的 JSON Schema（draft-07），供编辑器提示和补全
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Schema(SchemaArgs),
    /// 校验并生成报告（PDF、HTML、DOCX）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Render(RenderArgs),
    /// 批量校验并生成一批报告（例如全市各部门），另写总览 index.html 和汇总表
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Batch(BatchArgs),
    /// 列出全部校验规则（勾稽关系和警告）
    #[command(help_template = HELP_TEMPLATE, next_help_heading = "选项")]
    Rules,
}

/// A report format named on the command line (`2021`, `2019`): any format of the
/// catalogue.
fn format_arg(s: &str) -> Result<crate::format::Format, String> {
    let names: Vec<&str> = crate::format::FORMATS.iter().map(|f| f.name).collect();
    s.trim()
        .parse::<i64>()
        .ok()
        .and_then(crate::format::Format::from_name)
        .ok_or_else(|| format!("可用的格式：{}", names.join("、")))
}

/// Agency levels on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum LevelArg {
    /// 县级以上人民政府部门
    Department,
    /// 县级以上地方人民政府
    Government,
    /// 乡镇人民政府、街道办事处
    Township,
}

#[derive(Args, Debug)]
struct InitArgs {
    /// 报告格式：2021 或 2019（不写时按年度确定）
    #[arg(long, value_name = "格式", value_parser = format_arg)]
    format: Option<crate::format::Format>,
    /// 机关全称
    #[arg(long, value_name = "名称")]
    agency: Option<String>,
    /// 报告年度（不写时为上一年）
    #[arg(long, value_name = "年度")]
    year: Option<i32>,
    /// 机关层级
    #[arg(long, value_enum)]
    level: Option<LevelArg>,
    /// 从上一年度的报告开始：YAML，或已发布的 .html、.docx、.pdf、.txt（先导入）；带入机关信息和上年结转，年度加一，正文清空
    #[arg(long, value_name = "上年文件")]
    from: Option<PathBuf>,
    /// 写入文件（不写时输出到屏幕）
    #[arg(short = 'o', long, value_name = "文件")]
    output: Option<PathBuf>,
    /// 文件已存在时覆盖
    #[arg(long)]
    force: bool,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, Default, ValueEnum)]
enum CheckFormat {
    /// 便于阅读的文字（默认）
    #[default]
    Human,
    /// 机器可读的 JSON
    Json,
}

#[derive(Args, Debug)]
struct CheckArgs {
    /// 要校验的 YAML 文件或文件夹（可以多个；文件夹里逐层查找 .yaml、.yml 和已发布的 .html、.htm、.docx、.pdf、.txt）；已发布的报告先导入再校验
    #[arg(required = true, value_name = "文件", help_heading = "参数")]
    files: Vec<PathBuf>,
    /// 上一年度的 YAML，用于核对上年结转（W1）和现行有效文件数（W2）；只能配合一个文件使用
    #[arg(long, value_name = "上年文件")]
    previous: Option<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t)]
    format: CheckFormat,
}

#[derive(Args, Debug)]
struct RenderArgs {
    /// 要生成报告的 YAML 文件
    #[arg(value_name = "文件", help_heading = "参数")]
    file: PathBuf,
    /// 输出文件夹（不写时为当前文件夹）；文件名与 YAML 相同
    #[arg(short = 'o', long, value_name = "文件夹")]
    output: Option<PathBuf>,
    /// 生成的格式，逗号分隔：pdf、html、docx
    #[arg(long, value_name = "格式", default_value = "pdf,html,docx")]
    to: String,
    /// 数据有错误时也生成，报告上标注“草稿：数据未通过校验”
    #[arg(long)]
    force: bool,
    /// 模板文件夹：其中的文件按相对路径替换内置模板（如 sections/6-other-matters.xml）
    #[arg(long, value_name = "文件夹")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    fonts: FontArgs,
    /// DOCX 里嵌入内置开源字体的子集（Noto Serif/Sans CJK SC、霞鹜文楷），并以它们代替官方字体名，
    /// 使没有装这些字体的电脑也显示一致；官方字体（仿宋_GB2312 等）有版权，不嵌入
    #[arg(long)]
    embed_fonts: bool,
}

#[derive(Args, Debug)]
struct BatchArgs {
    /// 要处理的 YAML 文件或文件夹（文件夹里逐层查找 .yaml、.yml 和已发布的 .html、.htm、.docx、.pdf、.txt）；也可写加引号的通配符，如 "各部门/*.yaml"；已发布的报告先导入
    #[arg(required = true, value_name = "文件或文件夹", help_heading = "参数")]
    paths: Vec<PathBuf>,
    /// 输出文件夹：每份报告一个子文件夹（以机关名称命名），另有 index.html、summary.csv、summary.xlsx、summary.json
    #[arg(short = 'o', long, value_name = "文件夹")]
    output: PathBuf,
    /// 生成的格式，逗号分隔：pdf、html、docx
    #[arg(long, value_name = "格式", default_value = "pdf,html,docx")]
    to: String,
    /// 同时处理的份数（默认为 CPU 核数）
    #[arg(short = 'j', long, value_name = "份数")]
    jobs: Option<usize>,
    /// 上一年度的 YAML 文件或文件夹（可多次使用）：按机关名称、其次按文件名配对，核对 W1、W2
    #[arg(long, value_name = "文件或文件夹")]
    previous: Vec<PathBuf>,
    /// 数据有错误时也生成，报告上标注“草稿：数据未通过校验”
    #[arg(long)]
    force: bool,
    /// 把这些警告也算作不通过（逗号分隔），例如 --deny W9,W10
    #[arg(long, value_name = "警告编号", value_delimiter = ',')]
    deny: Vec<String>,
    /// 只列出未通过的文件，不显示进度
    #[arg(short = 'q', long)]
    quiet: bool,
    /// 模板文件夹：其中的文件按相对路径替换内置模板
    #[arg(long, value_name = "文件夹")]
    templates: Option<PathBuf>,
    #[command(flatten)]
    fonts: FontArgs,
    /// DOCX 里嵌入内置开源字体的子集
    #[arg(long)]
    embed_fonts: bool,
}

/// Where the PDF's fonts come from (`--fonts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FontSource {
    /// 本机安装的官方字体（仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体、宋体）优先，没有时用内置字体
    #[value(alias = "本机")]
    Installed,
    /// 只用内置的开源字体（每台电脑上生成的 PDF 都一样）
    #[value(alias = "内置")]
    Bundled,
}

/// The options that choose the PDF's fonts, shared by `render` and `batch`.
#[derive(Args, Debug)]
struct FontArgs {
    /// PDF 的字体来源：installed（本机安装的官方字体优先，没有时用内置字体）或 bundled（只用内置开源字体，每台电脑上生成的 PDF 都一样）；不写时看环境变量 NIANBAO_FONTS，再不写为 installed
    #[arg(long = "fonts", value_enum, value_name = "来源", hide_possible_values = true)]
    source: Option<FontSource>,
    /// 另外查找官方字体的文件夹（可多次使用，含子文件夹），先于系统字体；也可用环境变量 NIANBAO_FONT_DIRS 列出（分隔符同 PATH）
    #[arg(long = "font-dir", value_name = "文件夹")]
    dirs: Vec<PathBuf>,
    /// PDF 用自己的字体文件代替内置字体（可多次使用）：用途=字体文件[#序号]。
    /// 用途：标题、一级标题、二级标题、正文、页码。例如 --font 正文=C:/Windows/Fonts/simfang.ttf
    #[arg(long = "font", value_name = "用途=文件")]
    files: Vec<crate::fonts::FontOverride>,
}

#[derive(Args, Debug)]
struct ImportArgs {
    /// 已发布的报告：.html/.htm（网页，含 Word 另存的网页）、.docx、.pdf、.txt（从网页复制的文字）
    #[arg(value_name = "文件", help_heading = "参数")]
    file: PathBuf,
    /// 写入的 YAML 文件（不写时输出到屏幕）。退出码：0 全部读出；1 有未读出或有疑问的单元格（已列出）；2 不是年度报告或无法读取
    #[arg(short = 'o', long, value_name = "文件")]
    output: Option<PathBuf>,
    /// 文件已存在时覆盖
    #[arg(long)]
    force: bool,
}

#[derive(Args, Debug)]
struct SchemaArgs {
    /// 写入文件（不写时输出到屏幕）
    #[arg(short = 'o', long, value_name = "文件")]
    output: Option<PathBuf>,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let outcome = match cli.command {
        Command::Init(args) => init::run(args),
        Command::Check(args) => check::run(args),
        Command::Import(args) => import::run(args),
        Command::Schema(args) => schema(args),
        Command::Rules => rules(),
        Command::Render(args) => render::run(args),
        Command::Batch(args) => batch::run(args),
    };
    ExitCode::from(outcome as u8)
}

fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind as K;
    match e.kind() {
        K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
                return ExitCode::from(Outcome::Unreadable as u8);
            }
            ExitCode::SUCCESS
        }
        kind => {
            let what = match kind {
                K::UnknownArgument => "不认识的选项",
                K::InvalidValue => "选项的取值不对",
                K::MissingRequiredArgument => "缺少必需的参数",
                K::InvalidSubcommand => "没有这个命令",
                K::ValueValidation => "选项的取值不对",
                K::ArgumentConflict => "选项互相冲突",
                K::TooManyValues | K::WrongNumberOfValues => "选项的取值个数不对",
                _ => "命令行有误",
            };
            // clap's own sentence is English: name what it points at instead.
            use clap::error::{ContextKind as C, ContextValue as V};
            let text = |k| match e.get(k) {
                Some(V::String(s)) => Some(s.clone()),
                Some(V::Strings(v)) => Some(v.join("、")),
                _ => None,
            };
            let mut detail = Vec::new();
            if let Some(arg) = text(C::InvalidArg) {
                detail.push(format!("选项 {arg}"));
            }
            if let Some(sub) = text(C::InvalidSubcommand) {
                detail.push(format!("命令 {sub}"));
            }
            if let Some(value) = text(C::InvalidValue) {
                detail.push(format!("写的是「{value}」"));
            }
            if let Some(valid) = text(C::ValidValue) {
                detail.push(format!("可用：{valid}"));
            }
            if let Some(hint) = text(C::SuggestedArg).or_else(|| text(C::SuggestedSubcommand)) {
                detail.push(format!("是不是想写 {hint}"));
            }
            if kind == K::ArgumentConflict {
                match text(C::PriorArg) {
                    Some(prior) if Some(&prior) != text(C::InvalidArg).as_ref() => {
                        detail.push(format!("不能和 {prior} 同时使用"));
                    }
                    _ => detail.push("同一个选项只能写一次".to_owned()),
                }
            }
            if kind == K::ValueValidation
                && let Some(reason) = std::error::Error::source(&e)
            {
                // Our own validators (formats, --font) write Chinese reasons.
                detail.push(reason.to_string());
            }
            let detail = if detail.is_empty() {
                String::new()
            } else {
                format!("（{}）", detail.join("；"))
            };
            eprintln!("用法错误：{what}{detail}\n运行 nianbao --help 查看用法");
            ExitCode::from(Outcome::Unreadable as u8)
        }
    }
}

fn rules() -> Outcome {
    let mut out = String::new();
    for r in crate::rules::RULES {
        out.push_str(&format!(
            "{} {}  {}\n    {}\n",
            r.id,
            r.severity.label(),
            r.title,
            (r.description)()
        ));
    }
    output::print(&out);
    Outcome::Ok
}

fn schema(args: SchemaArgs) -> Outcome {
    let text = serde_json::to_string_pretty(&crate::input::schema::json_schema())
        .unwrap_or_default()
        + "\n";
    match args.output {
        Some(path) => match output::write_atomic(&path, text.as_bytes()) {
            Ok(()) => Outcome::Ok,
            Err(msg) => {
                eprintln!("错误：{msg}");
                Outcome::Unreadable
            }
        },
        None => {
            output::print(&text);
            Outcome::Ok
        }
    }
}
