//! Why an operation on a file failed, in Chinese: every kind of error the standard
//! library names, and the system's error number for the rest (never English text).

use std::io::{Error, ErrorKind as K};

/// The reason of a failed read.
pub fn read_reason(e: &Error) -> String {
    match e.kind() {
        K::PermissionDenied => "没有读取权限".into(),
        _ => common(e),
    }
}

/// The reason of a failed write, rename or removal.
pub fn write_reason(e: &Error) -> String {
    match e.kind() {
        K::PermissionDenied => "没有写入权限".into(),
        _ => common(e),
    }
}

fn common(e: &Error) -> String {
    let text = match e.kind() {
        K::NotFound => "文件不存在",
        K::PermissionDenied => "没有权限",
        K::AlreadyExists => "已经存在",
        K::IsADirectory => "这是一个文件夹",
        K::NotADirectory => "路径中有一段不是文件夹",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::StorageFull => "磁盘空间已满",
        K::QuotaExceeded => "超出了磁盘配额",
        K::ReadOnlyFilesystem => "文件系统是只读的",
        K::FileTooLarge => "文件太大",
        K::InvalidFilename => "文件名太长或含有不允许的字符",
        K::CrossesDevices => "不能跨磁盘改名",
        K::TooManyLinks => "链接太多",
        K::ResourceBusy => "文件正被占用",
        K::ExecutableFileBusy => "文件正被运行",
        K::Deadlock => "文件锁死锁",
        K::StaleNetworkFileHandle => "网络文件已失效",
        K::NetworkDown | K::NetworkUnreachable | K::HostUnreachable => "网络不通",
        K::TimedOut => "超时",
        K::Interrupted => "操作被中断",
        K::WouldBlock => "文件暂时不可用",
        K::UnexpectedEof => "文件提前结束",
        K::OutOfMemory => "内存不足",
        K::InvalidData => "数据无效",
        K::InvalidInput => "参数无效",
        K::Unsupported => "系统不支持这个操作",
        K::BrokenPipe => "管道已关闭",
        K::WriteZero => "无法再写入",
        _ => {
            return match e.raw_os_error() {
                Some(code) => format!("系统错误，代码 {code}"),
                None => "未知的系统错误".into(),
            };
        }
    };
    text.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_chinese_and_say_which_way() {
        let denied = Error::from(K::PermissionDenied);
        assert_eq!(read_reason(&denied), "没有读取权限");
        assert_eq!(write_reason(&denied), "没有写入权限");
        // ENOSPC, as `/dev/full` answers a write.
        assert_eq!(write_reason(&Error::from_raw_os_error(28)), "磁盘空间已满");
        let odd = Error::from_raw_os_error(125);
        assert!(write_reason(&odd).starts_with("系统错误"), "{}", write_reason(&odd));
        for e in [Error::other("boom"), Error::from(K::Other)] {
            assert!(!write_reason(&e).is_ascii(), "{}", write_reason(&e));
        }
    }
}
