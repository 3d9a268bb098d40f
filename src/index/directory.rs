//! A read-only tantivy [`Directory`] over a packed index held in memory (the embedded
//! bytes, or a pack built at run time). Reading shares the bytes; writing anywhere is an
//! error, never silently attempted — the program writes nothing to disk.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    DirectoryLock, FileHandle, INDEX_WRITER_LOCK, Lock, OwnedBytes, WatchCallback, WatchHandle,
    WritePtr,
};
use tantivy::{Directory, Index, IndexReader, ReloadPolicy};

use localaction_data::pack;
use localaction_data::schema::register_analyzers;

/// The files of a packed index, each a slice of the shared pack.
#[derive(Debug, Clone)]
pub struct PackedDirectory {
    files: Arc<BTreeMap<PathBuf, OwnedBytes>>,
}

impl PackedDirectory {
    /// Opens a pack without copying it.
    pub fn new(packed: OwnedBytes) -> Result<PackedDirectory, String> {
        let files = pack::unpack(packed.as_slice())?
            .into_iter()
            .map(|(name, range)| (PathBuf::from(name), packed.slice(range)))
            .collect();
        Ok(PackedDirectory {
            files: Arc::new(files),
        })
    }
}

fn read_only(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!(
            "the embedded index is read-only (attempt to write {})",
            path.display()
        ),
    )
}

impl Directory for PackedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.files
            .get(path)
            .map(|bytes| Arc::new(bytes.clone()) as Arc<dyn FileHandle>)
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.files.contains_key(path))
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.files
            .get(path)
            .map(|bytes| bytes.as_slice().to_vec())
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(read_only(path))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        // Readers take the meta lock, which guards nothing here (nothing changes); a writer
        // would take the writer lock, and is refused.
        if lock.filepath == INDEX_WRITER_LOCK.filepath {
            return Err(LockError::IoError(Arc::new(read_only(&lock.filepath))));
        }
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        // Nothing ever changes: no watcher thread.
        Ok(WatchHandle::empty())
    }
}

/// Opens a packed index: the analyzers registered, one reader that never reloads.
pub fn open_index(packed: OwnedBytes) -> Result<(Index, IndexReader), String> {
    let directory = PackedDirectory::new(packed)?;
    let index = Index::open(directory).map_err(|error| format!("the index is damaged: {error}"))?;
    register_analyzers(&index);
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|error| format!("the index is damaged: {error}"))?;
    Ok((index, reader))
}
