//! Hostile input and hostile folders: what nianbao refuses, and what it never does
//! (block, run out of memory, follow a link, leave half a file or a half-replaced set).
//! Each case checks the message, the exit code and what is left in the output folder.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Run, TempDir, command, nianbao, root};

const EXAMPLE: &str = "examples/yiyang-shenpi-2022.yaml";

/// Runs nianbao, failing the test if it is still running after `secs` (it would block
/// forever on a FIFO, say).
fn run_within(secs: u64, args: &[&str], stdout: Stdio) -> Run {
    let mut child = command(&root())
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("run nianbao");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!("nianbao {args:?} still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let mut stdout = String::new();
    if let Some(mut out) = child.stdout.take() {
        out.read_to_string(&mut stdout).unwrap();
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run { code: status.code().unwrap_or(-1), stdout, stderr }
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

// A device or a FIFO given as the YAML file is refused at once: /dev/zero was read until
// memory ran out, a FIFO blocked for ever. (A folder is read as the reports in it.)
#[cfg(unix)]
#[test]
fn inputs_must_be_regular_files() {
    let tmp = TempDir::new("hostile-input");
    let fifo = tmp.path("report.yaml");
    mkfifo(&fifo);
    for (path, kind) in [("/dev/zero", "设备"), (fifo.to_str().unwrap(), "管道")] {
        let run = run_within(20, &["check", path], Stdio::piped());
        assert_eq!(run.code, 2, "{path}: {}", run.all());
        assert!(run.stdout.contains(&format!("一个{kind}")), "{path}: {}", run.all());
        assert!(run.stdout.contains("不是普通文件"), "{}", run.all());
    }
}

// Font files: a device, a FIFO and a 1 GiB file are refused before they are read;
// nothing is written.
#[cfg(unix)]
#[test]
fn fonts_must_be_regular_files_of_bounded_size() {
    let tmp = TempDir::new("hostile-font");
    let out = tmp.path("out");
    let big = tmp.path("big.ttf");
    std::fs::File::create(&big).unwrap().set_len(1 << 30).unwrap(); // sparse
    let fifo = tmp.path("font.ttf");
    mkfifo(&fifo);
    for (font, says) in [
        ("/dev/zero".to_owned(), "不是普通文件".to_owned()),
        (fifo.display().to_string(), "一个管道".to_owned()),
        (big.display().to_string(), "超过了 128 MiB 的上限".to_owned()),
    ] {
        let arg = format!("正文={font}");
        let args = ["render", EXAMPLE, "-o", out.to_str().unwrap(), "--to", "pdf", "--font", &arg];
        let run = run_within(20, &args, Stdio::piped());
        assert_eq!(run.code, 2, "{font}: {}", run.stderr);
        assert!(run.stderr.contains(&says), "{font}: {}", run.stderr);
        assert!(!out.exists() || names(&out).is_empty(), "{font}: {:?}", names(&out));
    }
}

/// A copy of the bundled WenKai with OS/2 fsType set to `fs_type`.
fn font_with_fs_type(dir: &TempDir, fs_type: u16) -> PathBuf {
    let mut font = std::fs::read(root().join("fonts/LXGWWenKai-Regular.ttf")).unwrap();
    let tables = u16::from_be_bytes([font[4], font[5]]) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&r| &font[r..r + 4] == b"OS/2")
        .expect("an OS/2 table");
    let at = u32::from_be_bytes(font[os2 + 8..os2 + 12].try_into().unwrap()) as usize;
    font[at + 8..at + 10].copy_from_slice(&fs_type.to_be_bytes());
    let path = dir.path(&format!("fs{fs_type:04x}.ttf"));
    std::fs::write(&path, font).unwrap();
    path
}

// A font whose licence allows bitmap embedding only (fsType 0x0200) is refused: its
// outlines were embedded before.
#[test]
fn a_bitmap_only_font_is_refused() {
    let tmp = TempDir::new("hostile-bitmap");
    let font = font_with_fs_type(&tmp, 0x0200);
    let arg = format!("正文={}", font.display());
    let out = tmp.path("out");
    let run =
        nianbao(&["render", EXAMPLE, "-o", out.to_str().unwrap(), "--to", "pdf", "--font", &arg]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("只允许嵌入点阵字形"), "{}", run.stderr);
    assert!(!out.exists() || names(&out).is_empty());
}

// A FIFO among the templates does not block, and a template that loops without end
// stops at the output limit with a message instead of aborting on memory.
#[cfg(unix)]
#[test]
fn templates_cannot_block_or_exhaust_memory() {
    let tmp = TempDir::new("hostile-templates");
    let fifo_dir = tmp.path("fifo/sections");
    std::fs::create_dir_all(&fifo_dir).unwrap();
    mkfifo(&fifo_dir.join("6-other-matters.xml"));
    let out = tmp.path("out");
    let fifo_root = tmp.path("fifo");
    let args = ["render", EXAMPLE, "-o", out.to_str().unwrap(), "--to", "html", "--templates"];
    let mut with = args.to_vec();
    with.push(fifo_root.to_str().unwrap());
    let run = run_within(20, &with, Stdio::piped());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("一个管道"), "{}", run.stderr);

    let loop_dir = tmp.path("loop/sections");
    std::fs::create_dir_all(&loop_dir).unwrap();
    std::fs::write(
        loop_dir.join("6-other-matters.xml"),
        "{% for i in range(end=100000) %}{% for j in range(end=100000) %}<p>无尽的循环</p>{% endfor %}{% endfor %}",
    )
    .unwrap();
    let loop_root = tmp.path("loop");
    let mut with = args.to_vec();
    with.push(loop_root.to_str().unwrap());
    let run = run_within(120, &with, Stdio::piped());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("超过 16 MiB"), "{}", run.stderr);
    assert!(!out.exists() || names(&out).is_empty());
}

// A link planted at an output's name is not followed and not replaced; a FIFO or a
// device as `-o` is refused, and stays what it was.
#[cfg(unix)]
#[test]
fn outputs_never_follow_links_or_replace_special_files() {
    let tmp = TempDir::new("hostile-links");
    let out = tmp.path("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = tmp.path("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("yiyang-shenpi-2022.html")).unwrap();
    let run = nianbao(&["render", EXAMPLE, "-o", out.to_str().unwrap(), "--to", "pdf,html"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("一个符号链接"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    // Not even the PDF, which had a free name: a render writes its set or nothing.
    assert_eq!(names(&out), ["yiyang-shenpi-2022.html"]);

    let fifo = tmp.path("schema.json");
    mkfifo(&fifo);
    let run = run_within(20, &["schema", "-o", fifo.to_str().unwrap()], Stdio::piped());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("一个管道") && run.stderr.contains("不会替换它"), "{}", run.stderr);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

// When one format fails (here the PDF: a character no font has), none is written and
// the earlier files stay as they were.
#[test]
fn a_render_writes_all_its_formats_or_none() {
    let tmp = TempDir::new("hostile-set");
    let out = tmp.path("out");
    std::fs::create_dir_all(&out).unwrap();
    let yaml = tmp.path("r.yaml");
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let at = text.find("overview:").unwrap();
    let line = at + text[at..].find("\n      - ").unwrap();
    let bad = format!("{}\n      - 含有\u{10FFFD}的段落。{}", &text[..line], &text[line..]);
    std::fs::write(&yaml, bad).unwrap();
    std::fs::write(out.join("r.html"), "old html").unwrap();
    std::fs::write(out.join("r.pdf"), "old pdf").unwrap();
    let run = nianbao(&[
        "render",
        yaml.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--to",
        "html,docx,pdf",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("U+10FFFD"), "{}", run.stderr);
    assert_eq!(names(&out), ["r.html", "r.pdf"]);
    assert_eq!(std::fs::read_to_string(out.join("r.html")).unwrap(), "old html");
}

// A run that was killed leaves at most its temporary files; the next run in that folder
// removes them (once they are a few minutes old and nobody holds them).
#[test]
fn the_next_run_removes_a_killed_runs_leftovers() {
    let tmp = TempDir::new("hostile-leftovers");
    let out = tmp.path("out");
    std::fs::create_dir_all(&out).unwrap();
    let stale = std::fs::File::create(out.join(".nb~qwerty")).unwrap();
    stale.set_modified(std::time::SystemTime::now() - Duration::from_secs(3600)).unwrap();
    drop(stale);
    let run = nianbao(&["render", EXAMPLE, "-o", out.to_str().unwrap(), "--to", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(names(&out), ["yiyang-shenpi-2022.html"]);
}

// A 240-byte output name works: temporary names are short whatever the target's.
#[test]
fn long_output_names_work() {
    let tmp = TempDir::new("hostile-long");
    let stem = "报".repeat(78); // 234 bytes, 239 with .html
    let yaml = tmp.path(&format!("{stem}.yaml"));
    std::fs::copy(root().join(EXAMPLE), &yaml).unwrap();
    let out = tmp.path("out");
    let run =
        nianbao(&["render", yaml.to_str().unwrap(), "-o", out.to_str().unwrap(), "--to", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(names(&out), [format!("{stem}.html")]);
}

// A failed write to stdout is an error (exit 2, said in Chinese); a closed pipe is not.
#[cfg(unix)]
#[test]
fn a_full_stdout_is_an_error() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let run =
        run_within(20, &["check", "tests/fixtures/invalid/r1-column.yaml"], Stdio::from(full));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("无法写入标准输出（磁盘空间已满）"), "{}", run.stderr);
}

// `init --agency` with a line break would write a file that fails `check`: refused.
#[test]
fn init_refuses_control_characters_in_the_agency() {
    let run = nianbao(&["init", "--agency", "某局\n第二行"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("控制字符"), "{}", run.stderr);
}

// 200 renders at once into one folder, of two different reports with the same file
// name: every final file is complete and belongs to one of them, and no temporary file
// is left. (Before, a fixed temporary name made most of them fail and spliced others.)
#[test]
fn concurrent_renders_into_one_folder_never_mix() {
    let tmp = TempDir::new("hostile-concurrent");
    let text = std::fs::read_to_string(root().join(EXAMPLE)).unwrap();
    let agencies = ["甲市行政审批服务局", "乙县行政审批服务局"];
    let mut inputs = Vec::new();
    for (i, agency) in agencies.iter().enumerate() {
        let dir = tmp.path(&format!("in{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let yaml = dir.join("2024.yaml");
        std::fs::write(&yaml, text.replace("益阳市行政审批服务局", agency)).unwrap();
        inputs.push(yaml);
    }
    let out = tmp.path("out");
    std::fs::create_dir_all(&out).unwrap();
    let mut running = Vec::new();
    for n in 0..200 {
        let yaml = &inputs[n % 2];
        let child = command(&root())
            .args([
                "render",
                yaml.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
                "--to",
                "html,docx",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        running.push(child);
        if running.len() >= 16 {
            let done = running.remove(0).wait_with_output().unwrap();
            assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
        }
    }
    for child in running {
        let done = child.wait_with_output().unwrap();
        assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    }
    assert_eq!(names(&out), ["2024.docx", "2024.html"]);
    let html = std::fs::read_to_string(out.join("2024.html")).unwrap();
    assert!(html.ends_with("</html>\n"), "incomplete HTML");
    let owner = agencies.iter().find(|a| html.contains(&format!("<title>{a}"))).expect("a title");
    assert_eq!(html.matches(owner).count(), html.matches("行政审批服务局").count(), "mixed HTML");
    let mut docx = zip::ZipArchive::new(std::fs::File::open(out.join("2024.docx")).unwrap())
        .expect("a complete DOCX");
    let mut core = String::new();
    docx.by_name("docProps/core.xml").unwrap().read_to_string(&mut core).unwrap();
    let mut body = String::new();
    docx.by_name("word/document.xml").unwrap().read_to_string(&mut body).unwrap();
    let owner = agencies.iter().find(|a| core.contains(*a)).expect("an author");
    assert!(body.contains(owner) && !agencies.iter().any(|a| a != owner && body.contains(a)));
}
