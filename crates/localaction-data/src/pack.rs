//! The index's files packed into one blob, and unpacked without copying. Shared with
//! `build.rs`.
//!
//! Layout (integers little-endian): `MAGIC | count: u32 | count × (name length: u32, name,
//! offset: u32, length: u32) | file bytes`. Names are sorted, so the same files always
//! give the same bytes.

/// Identifies a packed localaction index and its format version.
pub const MAGIC: &[u8; 8] = b"LAIDX\x00\x00\x01";

/// Packs `(name, bytes)` files.
pub fn pack(mut files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, String> {
    files.sort();
    let too_large = |_| "the index exceeds 4 GiB".to_owned();
    let mut table = Vec::new();
    let mut data = Vec::new();
    for (name, bytes) in &files {
        table.extend_from_slice(&u32::try_from(name.len()).map_err(too_large)?.to_le_bytes());
        table.extend_from_slice(name.as_bytes());
        table.extend_from_slice(&u32::try_from(data.len()).map_err(too_large)?.to_le_bytes());
        table.extend_from_slice(&u32::try_from(bytes.len()).map_err(too_large)?.to_le_bytes());
        data.extend_from_slice(bytes);
    }
    let mut packed = MAGIC.to_vec();
    packed.extend_from_slice(&u32::try_from(files.len()).map_err(too_large)?.to_le_bytes());
    packed.extend_from_slice(&table);
    packed.extend_from_slice(&data);
    Ok(packed)
}

/// The files of a pack, as `(name, byte range within the pack)`.
pub fn unpack(packed: &[u8]) -> Result<Vec<(String, std::ops::Range<usize>)>, String> {
    let damaged = |what: &str| format!("the index is damaged: {what}");
    let mut cursor = packed
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| "not a localaction index (bad header)".to_owned())?;
    let read_u32 = |cursor: &mut &[u8]| -> Result<usize, String> {
        if cursor.len() < 4 {
            return Err(damaged("truncated file table"));
        }
        let (word, rest) = cursor.split_at(4);
        *cursor = rest;
        Ok(u32::from_le_bytes([word[0], word[1], word[2], word[3]]) as usize)
    };
    let count = read_u32(&mut cursor)?;
    let mut entries = Vec::new();
    for _ in 0..count {
        let name_length = read_u32(&mut cursor)?;
        if cursor.len() < name_length {
            return Err(damaged("truncated file name"));
        }
        let (name, rest) = cursor.split_at(name_length);
        cursor = rest;
        let name = std::str::from_utf8(name).map_err(|_| damaged("file name"))?;
        let offset = read_u32(&mut cursor)?;
        let length = read_u32(&mut cursor)?;
        entries.push((name.to_owned(), offset, length));
    }
    let data_start = packed.len() - cursor.len();
    let mut files = Vec::with_capacity(entries.len());
    for (name, offset, length) in entries {
        let end = offset
            .checked_add(length)
            .filter(|&end| end <= cursor.len())
            .ok_or_else(|| damaged(&format!("file {name} lies outside the pack")))?;
        files.push((name, data_start + offset..data_start + end));
    }
    Ok(files)
}
