//! The catalogue's binary form and the runtime [`Catalogue`] that reads it in place.
//! Shared with `build.rs`, which writes the blob and opens it once to prove it readable.
//!
//! Layout (integers little-endian):
//!
//! ```text
//! MAGIC (8 bytes) | header length: u32 | header: bincode(Header)
//! | action count: u32 | offsets: (count + 1) × u32 | actions: bincode(Action) each
//! ```
//!
//! Opening decodes only the header (reference tables, ids, id order) and checks the offsets:
//! its cost does not grow with the length of the descriptions. An action is decoded when
//! asked for, borrowing every string from the blob: no text is ever copied.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Action, Compiled, FacetRow, Position, Priority, Report, Tables};

/// Identifies a localaction catalogue blob and its format version.
pub const MAGIC: &[u8; 8] = b"LACAT\x00\x00\x03";

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// What the blob decodes eagerly.
#[derive(Serialize, Deserialize)]
struct Header<'a> {
    #[serde(borrow)]
    tables: Tables<'a>,
    /// Action ids, in catalogue order.
    #[serde(borrow)]
    ids: Vec<&'a str>,
    /// Positions of the actions sorted by id, for lookups by binary search.
    by_id: Vec<Position>,
    /// One row per action, in catalogue order.
    facets: Vec<FacetRow>,
    /// The places of every action, concatenated (see `FacetRow::places_start`).
    facet_places: Vec<Position>,
}

/// Encodes a compiled catalogue: deterministic, the same catalogue gives the same bytes.
pub fn encode(compiled: &Compiled<'_>) -> Result<Vec<u8>, String> {
    let ids: Vec<&str> = compiled.actions.iter().map(|action| action.id).collect();
    let mut by_id: Vec<Position> = (0..ids.len() as Position).collect();
    by_id.sort_by_key(|&position| ids[position as usize]);
    let mut facets = Vec::with_capacity(compiled.actions.len());
    let mut facet_places = Vec::new();
    for action in &compiled.actions {
        facets.push(FacetRow::of(action, facet_places.len())?);
        facet_places.extend_from_slice(&action.places);
    }
    let header = Header {
        tables: compiled.tables.clone(),
        ids,
        by_id,
        facets,
        facet_places,
    };
    let header = bincode::serde::encode_to_vec(&header, config())
        .map_err(|error| format!("cannot encode the catalogue's header: {error}"))?;

    let mut area = Vec::new();
    let mut offsets = vec![0u32];
    for action in &compiled.actions {
        bincode::serde::encode_into_std_write(action, &mut area, config())
            .map_err(|error| format!("cannot encode action \"{}\": {error}", action.id))?;
        offsets.push(u32::try_from(area.len()).map_err(|_| "the catalogue exceeds 4 GiB")?);
    }

    let length = |value: usize| -> Result<[u8; 4], String> {
        u32::try_from(value)
            .map(u32::to_le_bytes)
            .map_err(|_| "the catalogue exceeds 4 GiB".to_owned())
    };
    let mut bytes =
        Vec::with_capacity(MAGIC.len() + 8 + header.len() + 4 * offsets.len() + area.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&length(header.len())?);
    bytes.extend_from_slice(&header);
    bytes.extend_from_slice(&length(compiled.actions.len())?);
    for offset in offsets {
        bytes.extend_from_slice(&offset.to_le_bytes());
    }
    bytes.extend_from_slice(&area);
    Ok(bytes)
}

/// The CRC-32 of embedded bytes: what every run checks before reading them. A damaged copy
/// (a flipped bit on a USB stick) is caught at the cost of a few dozen microseconds; the
/// SHA-256 fingerprint is for citing and for `verify`.
pub fn checksum(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// The SHA-256 of the blob, in lowercase hex: the catalogue's fingerprint.
pub fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Checks a blob completely: its fingerprint, its structure, every action and every
/// reference: the catalogue's part of `localaction verify` (`crate::verify` in the binary).
pub fn check(bytes: &[u8], expected_fingerprint: &str) -> Result<(), String> {
    let actual = fingerprint(bytes);
    if actual != expected_fingerprint {
        return Err(format!(
            "the catalogue is damaged: its fingerprint is {actual}, expected {expected_fingerprint}"
        ));
    }
    Catalogue::open(bytes)?.check_actions()
}

/// A catalogue read in place from its blob. The reference tables are decoded; actions are
/// decoded on demand and borrow their text from the blob.
#[derive(Debug, Clone)]
pub struct Catalogue<'a> {
    pub tables: Tables<'a>,
    ids: Vec<&'a str>,
    by_id: Vec<Position>,
    facets: Vec<FacetRow>,
    facet_places: Vec<Position>,
    offsets: &'a [u8],
    area: &'a [u8],
}

/// Splits `count` bytes off the front of `bytes`.
fn take<'a>(bytes: &mut &'a [u8], count: usize, what: &str) -> Result<&'a [u8], String> {
    if bytes.len() < count {
        return Err(format!("the catalogue is damaged: truncated {what}"));
    }
    let (front, rest) = bytes.split_at(count);
    *bytes = rest;
    Ok(front)
}

fn read_u32(bytes: &[u8], position: usize) -> u32 {
    let mut word = [0u8; 4];
    word.copy_from_slice(&bytes[4 * position..4 * position + 4]);
    u32::from_le_bytes(word)
}

impl<'a> Catalogue<'a> {
    /// Opens a blob: decodes the header and checks the structure (not each action's bytes:
    /// [`Catalogue::verify`] does that).
    pub fn open(bytes: &'a [u8]) -> Result<Catalogue<'a>, String> {
        let mut rest = bytes;
        if take(&mut rest, MAGIC.len(), "header")? != MAGIC.as_slice() {
            return Err("not a localaction catalogue (bad header)".into());
        }
        let header_length = read_u32(take(&mut rest, 4, "header length")?, 0) as usize;
        let header_bytes = take(&mut rest, header_length, "header")?;
        let (header, read): (Header<'a>, usize) =
            bincode::serde::borrow_decode_from_slice(header_bytes, config())
                .map_err(|error| format!("the catalogue is damaged: header: {error}"))?;
        if read != header_bytes.len() {
            return Err("the catalogue is damaged: header length".into());
        }
        let count = read_u32(take(&mut rest, 4, "action count")?, 0) as usize;
        let offsets = take(&mut rest, 4 * (count + 1), "offsets")?;
        let area = rest;
        if header.ids.len() != count || header.by_id.len() != count || header.facets.len() != count
        {
            return Err("the catalogue is damaged: action count".into());
        }
        let mut previous = 0;
        for position in 0..=count {
            let offset = read_u32(offsets, position) as usize;
            if offset < previous || offset > area.len() || (position == 0 && offset != 0) {
                return Err(format!(
                    "the catalogue is damaged: offset of action #{position}"
                ));
            }
            previous = offset;
        }
        if previous != area.len() {
            return Err("the catalogue is damaged: unexpected bytes after the last action".into());
        }
        if header
            .by_id
            .iter()
            .any(|&position| position as usize >= count)
            || header
                .by_id
                .windows(2)
                .any(|pair| header.ids[pair[0] as usize] >= header.ids[pair[1] as usize])
        {
            return Err("the catalogue is damaged: id index".into());
        }
        let places_in_range = header.facets.iter().all(|row| {
            (row.places_start as usize + row.places_count as usize) <= header.facet_places.len()
        });
        if !places_in_range {
            return Err("the catalogue is damaged: facet places".into());
        }
        Ok(Catalogue {
            tables: header.tables,
            ids: header.ids,
            by_id: header.by_id,
            facets: header.facets,
            facet_places: header.facet_places,
            offsets,
            area,
        })
    }

    /// The number of actions.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of the action at `position`, without decoding it.
    pub fn id_at(&self, position: Position) -> &'a str {
        self.ids[position as usize]
    }

    /// Every id, in catalogue order.
    pub fn ids(&self) -> &[&'a str] {
        &self.ids
    }

    /// Every position, in the order of the actions' ids.
    pub fn positions_by_id(&self) -> &[Position] {
        &self.by_id
    }

    /// The position of the action with this id.
    pub fn position_of(&self, id: &str) -> Option<Position> {
        self.by_id
            .binary_search_by(|&position| self.ids[position as usize].cmp(id))
            .ok()
            .map(|found| self.by_id[found])
    }

    /// Decodes the action at `position`.
    pub fn try_action_at(&self, position: Position) -> Result<Action<'a>, String> {
        let position = position as usize;
        if position >= self.len() {
            return Err(format!("no action #{position}"));
        }
        let start = read_u32(self.offsets, position) as usize;
        let end = read_u32(self.offsets, position + 1) as usize;
        let bytes = &self.area[start..end];
        let damaged = |detail: String| {
            format!(
                "the catalogue is damaged: action #{position} (\"{}\"): {detail}",
                self.ids[position]
            )
        };
        let (action, read): (Action<'a>, usize) =
            bincode::serde::borrow_decode_from_slice(bytes, config())
                .map_err(|error| damaged(error.to_string()))?;
        if read != bytes.len() {
            return Err(damaged("length".into()));
        }
        if action.id != self.ids[position] {
            return Err(damaged(format!("holds \"{}\"", action.id)));
        }
        Ok(action)
    }

    /// Decodes the action at `position`.
    ///
    /// # Panics
    /// If the blob is damaged: the embedded blob is proven readable at build time, and
    /// `verify` reports damage without panicking.
    pub fn action_at(&self, position: Position) -> Action<'a> {
        self.try_action_at(position)
            .unwrap_or_else(|message| panic!("{message}"))
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<Action<'a>> {
        self.position_of(id)
            .map(|position| self.action_at(position))
    }

    /// Every action, in catalogue order (year, submitter, id), decoded one by one.
    pub fn actions(&self) -> impl ExactSizeIterator<Item = Action<'a>> + '_ {
        (0..self.len() as Position).map(|position| self.action_at(position))
    }

    /// The priority with this number.
    pub fn priority(&self, number: u8) -> Option<&Priority<'a>> {
        self.tables.priority(number)
    }

    /// The id of the section an action is printed in (empty in a damaged catalogue).
    pub fn section_id(&self, action: &Action<'_>) -> &'a str {
        self.tables
            .sections
            .get(action.section as usize)
            .map_or("", |section| section.id)
    }

    /// The reports whose figures the catalogue holds, by year: the reports to cite.
    pub fn reports(&self) -> &[Report<'a>] {
        &self.tables.reports
    }

    /// The filterable facts of every action, in catalogue order.
    pub fn facets(&self) -> &[FacetRow] {
        &self.facets
    }

    /// The places of a facet row.
    pub fn places_of(&self, row: &FacetRow) -> &[Position] {
        let start = row.places_start as usize;
        &self.facet_places[start..start + row.places_count as usize]
    }

    /// Decodes every action and checks every reference: what `open` leaves unchecked.
    pub fn check_actions(&self) -> Result<(), String> {
        let tables = &self.tables;
        for position in 0..self.len() as Position {
            let action = self.try_action_at(position)?;
            let dangling = action
                .places
                .iter()
                .any(|&place| place as usize >= tables.places.len())
                || action
                    .country
                    .is_some_and(|country| country as usize >= tables.countries.len())
                || action.region as usize >= tables.regions.len()
                || action
                    .partners
                    .iter()
                    .any(|&partner| partner as usize >= self.len());
            if dangling {
                return Err(format!(
                    "the catalogue is damaged: action \"{}\" refers to a missing row",
                    action.id
                ));
            }
        }
        Ok(())
    }
}
