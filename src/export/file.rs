//! Writing an export to a path without harming what is there. A new file is created
//! whole (written under a temporary name beside it, flushed to disk, then linked into
//! place, which never replaces a file that appeared meanwhile); an existing regular file is
//! replaced only when asked, keeping its permissions (not its owner or extended
//! attributes) and, on Unix, its other hard links; anything that is not a regular file (a
//! folder, a device, a FIFO, a socket, a symbolic link as the last part of the path) is
//! refused, except `-` and `/dev/stdout`, which are standard output. Every message names
//! the path.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, bail};

use crate::i18n::{Lang, fill_all};

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
    Other(Special),
}

/// What else than a file or a folder a path can name, in the order of the strings table's
/// `kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    SymbolicLink,
    Fifo,
    Socket,
    Device,
    Other,
}

impl Target {
    /// What is at `path` now. A symbolic link as the last part of the path is not
    /// followed: it is refused, not written through.
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
            Target::Other(Special::SymbolicLink)
        } else {
            Target::Other(special_kind(&kind))
        }
    }

    /// Why the path cannot be written to, if it cannot: said to the person as is, in
    /// `lang`.
    pub fn refusal(self, path: &Path, replace: bool, lang: Lang) -> Option<String> {
        let shown = shown(path);
        let words = &lang.strings().messages;
        let template = match self {
            Target::Absent | Target::Stream => return None,
            Target::File { read_only: true } => words.read_only,
            Target::File { read_only: false } if replace => return None,
            Target::File { read_only: false } => words.exists,
            Target::Folder => words.folder,
            Target::Other(_) => words.not_a_file,
        };
        let kind = match self {
            Target::Other(kind) => words.kinds[kind as usize],
            _ => "",
        };
        Some(fill_all(template, &[("path", &shown), ("kind", kind)]))
    }
}

/// A path as messages show it: neutralised, as any echoed value.
fn shown(path: &Path) -> String {
    crate::text::sanitize(&path.display().to_string()).into_owned()
}

fn ends_with_separator(path: &Path) -> bool {
    let text = path.as_os_str().to_string_lossy();
    text.ends_with('/') || (cfg!(windows) && text.ends_with('\\'))
}

#[cfg(unix)]
fn special_kind(kind: &fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Special::Fifo
    } else if kind.is_socket() {
        Special::Socket
    } else if kind.is_block_device() || kind.is_char_device() {
        Special::Device
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: &fs::FileType) -> Special {
    Special::Other
}

/// Writes `bytes` to `path` by the rules above; `replace` allows replacing a regular file.
/// Returns what was written to; a refusal or a failure is said in `lang`.
pub fn write_bytes(path: &Path, bytes: &[u8], replace: bool, lang: Lang) -> anyhow::Result<Target> {
    let target = Target::of(path);
    if let Some(refusal) = target.refusal(path, replace, lang) {
        bail!(refusal);
    }
    let cannot = || {
        fill_all(
            lang.strings().messages.cannot_write,
            &[("path", &shown(path))],
        )
    };
    match target {
        Target::Stream => {
            let mut stdout = super::PipeAware(io::stdout().lock());
            stdout.write_all(bytes)?;
            stdout.flush()?;
        }
        Target::File { .. } if link_count(path) > 1 => {
            // Other names share this file: written in place, so that they see it too.
            write_in_place(path, bytes).with_context(cannot)?;
        }
        Target::File { .. } => replace_atomically(path, bytes).with_context(cannot)?,
        Target::Absent => create_atomically(path, bytes).with_context(cannot)?,
        Target::Folder | Target::Other(_) => bail!(cannot()),
    }
    Ok(target)
}

#[cfg(unix)]
fn link_count(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::symlink_metadata(path).map_or(1, |metadata| metadata.nlink())
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

/// Opens a new file; with `private`, readable by its owner only (on Unix), for contents
/// that will replace a file whose permissions are not yet set on it.
fn create_new(path: &Path, private: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

/// A temporary file beside `path`, with a short name (well within the 255-byte limit,
/// whatever the target's own name), holding `bytes` flushed to disk.
fn temporary_beside(path: &Path, bytes: &[u8], private: bool) -> io::Result<PathBuf> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let folder = folder_of(path);
    loop {
        let number = NEXT.fetch_add(1, Ordering::Relaxed);
        let temporary = folder.join(format!(".localaction-{}-{number}.tmp", std::process::id()));
        let mut file = match create_new(&temporary, private) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(error),
        };
        let written = file.write_all(bytes).and_then(|()| file.sync_all());
        drop(file);
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
/// the file system has no hard links (FAT on USB sticks), written directly as a new file,
/// which cannot replace one either (and is removed if the write fails).
fn create_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path, bytes, false)?;
    let linked = fs::hard_link(&temporary, path);
    let _ = fs::remove_file(&temporary);
    match linked {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Err(error),
        Err(_) => {
            let mut file = create_new(path, false)?;
            let written = file.write_all(bytes).and_then(|()| file.sync_all());
            drop(file);
            if let Err(error) = written {
                let _ = fs::remove_file(path);
                return Err(error);
            }
        }
    }
    sync_folder(path);
    Ok(())
}

/// An existing file, replaced by a complete new one with the same permissions.
fn replace_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = fs::symlink_metadata(path)?.permissions();
    let temporary = temporary_beside(path, bytes, true)?;
    let placed =
        fs::set_permissions(&temporary, permissions).and_then(|()| fs::rename(&temporary, path));
    if placed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    placed?;
    sync_folder(path);
    Ok(())
}

/// An existing file with other names, rewritten where it is: over its old bytes, never
/// emptied first; if the write fails (a full disk), its old bytes are put back, into blocks
/// it already had.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let old = fs::read(path)?;
    let mut file = OpenOptions::new().write(true).open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("it is no longer a regular file"));
    }
    let written = file
        .write_all(bytes)
        .and_then(|()| file.set_len(bytes.len() as u64))
        .and_then(|()| file.sync_all());
    if let Err(error) = written {
        let _ = file
            .seek(SeekFrom::Start(0))
            .and_then(|_| file.write_all(&old))
            .and_then(|()| file.set_len(old.len() as u64))
            .and_then(|()| file.sync_all());
        return Err(error);
    }
    Ok(())
}
