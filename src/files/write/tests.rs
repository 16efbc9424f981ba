use super::*;

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("nianbao-write-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_set_is_written_and_replaces_earlier_files_leaving_nothing_else() {
    let d = Dir::new("set");
    let (a, b) = (d.0.join("r.pdf"), d.0.join("r.html"));
    std::fs::write(&a, "old").unwrap();
    write_all(&[(a.clone(), b"new pdf".as_slice()), (b.clone(), b"new html".as_slice())]).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), b"new pdf");
    assert_eq!(std::fs::read(&b).unwrap(), b"new html");
    assert_eq!(d.names(), ["r.html", "r.pdf"]);
}

#[test]
fn a_failing_set_leaves_earlier_files_as_they_were() {
    let d = Dir::new("fail");
    let a = d.0.join("r.pdf");
    std::fs::write(&a, "old").unwrap();
    // The second file's folder does not exist: nothing of the set may appear.
    let b = d.0.join("missing").join("r.html");
    let e = write_all(&[(a.clone(), b"new".as_slice()), (b, b"x".as_slice())]).unwrap_err();
    assert!(e.to_string().contains("文件不存在"), "{e}");
    assert_eq!(std::fs::read(&a).unwrap(), b"old");
    assert_eq!(d.names(), ["r.pdf"]);
}

#[cfg(unix)]
#[test]
fn links_fifos_and_folders_are_never_replaced() {
    let d = Dir::new("special");
    let outside = d.0.join("outside.txt");
    std::fs::write(&outside, "keep").unwrap();
    let link = d.0.join("r.pdf");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let e = write_one(&link, b"x").unwrap_err();
    assert!(e.to_string().contains("符号链接"), "{e}");
    assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
    let folder = d.0.join("r.html");
    std::fs::create_dir(&folder).unwrap();
    assert!(write_one(&folder, b"x").unwrap_err().to_string().contains("文件夹"));
    let e = write_one(Path::new("/dev/null"), b"x").unwrap_err();
    assert!(e.to_string().contains("设备"), "{e}");
    assert_eq!(d.names(), ["outside.txt", "r.html", "r.pdf"]);
}

#[test]
fn temporary_names_stay_short_for_long_targets() {
    let d = Dir::new("long");
    let long = format!("{}.pdf", "报".repeat(80)); // 244 bytes
    write_one(&d.0.join(&long), b"x").unwrap();
    assert_eq!(d.names(), [long]);
}

#[test]
fn a_killed_runs_leftovers_are_removed_and_a_live_runs_kept() {
    let d = Dir::new("stale");
    let old = d.0.join(".nb~abcdef");
    let fresh = d.0.join(".nb~ghijkl");
    let f = File::create(&old).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(3600)).unwrap();
    drop(f);
    std::fs::write(&fresh, "being written").unwrap();
    write_one(&d.0.join("r.pdf"), b"x").unwrap();
    assert_eq!(d.names(), [".nb~ghijkl", "r.pdf"]);
}

#[test]
fn files_flushed_later_are_complete_and_the_folder_flush_reports_failure() {
    let d = Dir::new("later");
    let a = d.0.join("r.docx");
    write_all_flushed(&[(a.clone(), b"docx".as_slice())], Flush::Later).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), b"docx");
    assert_eq!(d.names(), ["r.docx"]);
    flush_folder(&d.0).unwrap();
    if cfg!(target_os = "linux") {
        let e = flush_folder(&d.0.join("missing")).unwrap_err();
        assert!(e.to_string().contains("missing"), "{e}");
    }
}
