//! Writing an export to a path without harming what is there. A new file is created
//! atomically (written under a temporary name beside it, flushed to disk, then linked into
//! place, so it never replaces a file that appeared meanwhile); an existing regular file is
//! replaced only when asked, keeping its permissions and its other hard links; anything
//! that is not a regular file (a folder, a device, a FIFO, a socket, a symbolic link) is
//! refused, except `-` and `/dev/stdout`, which are standard output. Every message names
//! the path.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, bail};

/// What is at a path an export would write to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing: a new file is created.
    Absent,
    /// A regular file: replaced only when asked.
    File { read_only: bool },
    /// Standard output, written as a stream.
    Stream,
    /// A folder.
    Folder,
    /// Something else, which is never written over: what it is.
    Other(&'static str),
}

impl Target {
    /// What is at `path` now. A symbolic link is never followed: it is refused, not
    /// written through.
    pub fn of(path: &Path) -> Target {
        if path.as_os_str() == "-" || path == Path::new("/dev/stdout") {
            return Target::Stream;
        }
        let metadata = match fs::symlink_metadata(path) {
            Ok(metadata) => metadata,
            // A name ending in a separator names a folder, which does not exist.
            Err(_) if ends_with_separator(path) => return Target::Folder,
            Err(_) => return Target::Absent,
        };
        let kind = metadata.file_type();
        if kind.is_file() {
            Target::File {
                read_only: metadata.permissions().readonly(),
            }
        } else if kind.is_dir() {
            Target::Folder
        } else if kind.is_symlink() {
            Target::Other("a symbolic link")
        } else {
            Target::Other(special_kind(&kind))
        }
    }

    /// Why the path cannot be written to, if it cannot: said to the person as is.
    pub fn refusal(self, path: &Path, replace: bool) -> Option<String> {
        let shown = crate::text::sanitize(&path.display().to_string()).into_owned();
        match self {
            Target::Absent | Target::Stream => None,
            Target::File { read_only: true } => {
                Some(format!("{shown} is read-only: give another file name"))
            }
            Target::File { read_only: false } if replace => None,
            Target::File { read_only: false } => Some(format!(
                "{shown} exists: give another file name, or --force to replace it"
            )),
            Target::Folder => Some(format!("{shown} is a folder: give a file name")),
            Target::Other(kind) => Some(format!(
                "{shown} is {kind}, not a regular file: give the name of a file"
            )),
        }
    }
}

fn ends_with_separator(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.ends_with('/') || (cfg!(windows) && text.ends_with('\\'))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: &fs::FileType) -> &'static str {
    "a special file"
}

/// Writes `bytes` to `path` by the rules above; `replace` allows replacing a regular file.
pub fn write_bytes(path: &Path, bytes: &[u8], replace: bool) -> anyhow::Result<()> {
    let shown = crate::text::sanitize(&path.display().to_string()).into_owned();
    let target = Target::of(path);
    if let Some(refusal) = target.refusal(path, replace) {
        bail!(refusal);
    }
    match target {
        Target::Stream => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
            Ok(())
        }
        Target::File { .. } if link_count(path) > 1 => {
            // Other names share this file: written in place, so that they see it too.
            write_in_place(path, bytes).with_context(|| format!("cannot write {shown}"))
        }
        Target::File { .. } => {
            replace_atomically(path, bytes).with_context(|| format!("cannot write {shown}"))
        }
        Target::Absent => {
            create_atomically(path, bytes).with_context(|| format!("cannot write {shown}"))
        }
        Target::Folder | Target::Other(_) => unreachable!("refused above"),
    }
}

#[cfg(unix)]
fn link_count(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).map_or(1, |metadata| metadata.nlink())
}

#[cfg(not(unix))]
fn link_count(_path: &Path) -> u64 {
    1
}

/// The folder a path is in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file beside `path`, with a short name (well within the 255-byte limit,
/// whatever the target's own name), holding `bytes` flushed to disk.
fn temporary_beside(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let folder = folder_of(path);
    loop {
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(".localaction-{}-{number}.tmp", std::process::id()));
        let mut file = match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        return match written {
            Ok(()) => Ok(temporary),
            Err(error) => {
                let _ = fs::remove_file(&temporary);
                Err(error)
            }
        };
    }
}

/// Makes a renamed or linked file's name durable.
fn sync_folder(path: &Path) {
    // Folders cannot be opened for syncing everywhere (Windows); the file itself is synced.
    if let Ok(folder) = File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
}

/// A new file: linked into place, which fails if a file appeared there meanwhile. Where
/// the file system has no hard links (FAT on USB sticks), renamed after checking again.
fn create_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path, bytes)?;
    let placed = match fs::hard_link(&temporary, path) {
        Ok(()) => fs::remove_file(&temporary),
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => Err(error),
        Err(_) if fs::symlink_metadata(path).is_err() => fs::rename(&temporary, path),
        Err(error) => Err(error),
    };
    if placed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    placed?;
    sync_folder(path);
    Ok(())
}

/// An existing file, replaced by a complete new one with the same permissions.
fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = fs::metadata(path)?.permissions();
    let temporary = temporary_beside(path, bytes)?;
    let placed =
        fs::set_permissions(&temporary, permissions).and_then(|()| fs::rename(&temporary, path));
    if placed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    placed?;
    sync_folder(path);
    Ok(())
}

/// An existing file with other names, rewritten where it is.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
