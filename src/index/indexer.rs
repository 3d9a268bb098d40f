//! Builds the full-text index of a compiled catalogue, deterministically, and packs its
//! files into one blob. Shared with `build.rs` (the embedded index) and used by tests,
//! benchmarks and the scale example (the same code path for any catalogue).

use tantivy::directory::RamDirectory;
use tantivy::index::SegmentComponent;
use tantivy::schema::Value;
use tantivy::termdict::TermDictionary;
use tantivy::{
    Directory, Index, IndexReader, IndexWriter, ReloadPolicy, SegmentReader, TantivyDocument,
};

use super::schema::{SearchFields, french, register_analyzers, search_fields};
use super::{description_words, pack};
use crate::catalogue::model::{Action, Compiled};

/// The segment id written into the packed index in place of tantivy's random one, so that
/// the same catalogue always gives the same bytes.
const FIXED_SEGMENT_ID: &str = "10ca1ac710ca1ac710ca1ac710ca1ac7";

/// Indexing memory: one thread, one segment (tantivy's minimum is 15 MB a thread; a larger
/// budget keeps 100,000 actions in one segment).
const MEMORY_BUDGET: usize = 1 << 30;

/// Builds and packs the index of `compiled`. Document `n` is the catalogue's action `n`.
pub fn build_index(compiled: &Compiled<'_>) -> Result<Vec<u8>, String> {
    let fields = search_fields();
    let directory = RamDirectory::create();
    let index = Index::create(directory.clone(), fields.schema.clone(), Default::default())
        .map_err(|error| format!("cannot create the index: {error}"))?;
    register_analyzers(&index);
    let mut writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(1, MEMORY_BUDGET)
        .map_err(|error| format!("cannot write the index: {error}"))?;
    for (position, action) in compiled.actions.iter().enumerate() {
        writer
            .add_document(document(&fields, compiled, position as u64, action))
            .map_err(|error| format!("cannot index action \"{}\": {error}", action.id))?;
    }
    writer
        .commit()
        .map_err(|error| format!("cannot commit the index: {error}"))?;
    writer
        .wait_merging_threads()
        .map_err(|error| format!("cannot finish the index: {error}"))?;

    let segments = index
        .searchable_segment_metas()
        .map_err(|error| format!("cannot read the index: {error}"))?;
    let segment = match segments.as_slice() {
        [] if compiled.actions.is_empty() => None,
        [segment] => Some(segment),
        _ => {
            return Err(format!(
                "the index has {} segments, not one",
                segments.len()
            ));
        }
    };
    let mut files = Vec::new();
    let meta = directory
        .atomic_read(std::path::Path::new("meta.json"))
        .map_err(|error| format!("cannot read meta.json: {error}"))?;
    let mut meta = String::from_utf8(meta).map_err(|_| "meta.json is not UTF-8".to_owned())?;
    if let Some(segment) = segment {
        let uuid = segment.id().uuid_string();
        // meta.json spells the id with hyphens, file names without.
        meta = meta
            .replace(&hyphenated(&uuid), &hyphenated(FIXED_SEGMENT_ID))
            .replace(&uuid, FIXED_SEGMENT_ID);
        for component in [
            SegmentComponent::Postings,
            SegmentComponent::Positions,
            SegmentComponent::FastFields,
            SegmentComponent::FieldNorms,
            SegmentComponent::Terms,
            SegmentComponent::Store,
            SegmentComponent::Delete,
        ] {
            let path = segment.relative_path(component);
            if !directory.exists(&path).unwrap_or(false) {
                continue;
            }
            let cannot_read =
                |error: &dyn std::fmt::Display| format!("cannot read {}: {error}", path.display());
            let bytes = directory
                .open_read(&path)
                .map_err(|error| cannot_read(&error))?
                .read_bytes()
                .map_err(|error| cannot_read(&error))?;
            let name = path.to_string_lossy().replace(&uuid, FIXED_SEGMENT_ID);
            files.push((name, bytes.as_slice().to_vec()));
        }
    }
    files.push(("meta.json".to_owned(), meta.into_bytes()));
    // Beside tantivy's files: what the engine would otherwise compute at every start.
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|error| format!("cannot read the index: {error}"))?;
    let searcher = reader.searcher();
    let segment = searcher.segment_readers().first();
    files.push((
        description_words::FILE_NAME.to_owned(),
        encode_description_words(segment, &fields, compiled)?,
    ));
    if let Some(names) = small_names_dictionary(segment, &fields)? {
        files.push((NAME_TERMS_FILE.to_owned(), names));
    }
    pack::pack(files)
}

/// The descriptions' words as the index holds them (see [`description_words`]).
fn encode_description_words(
    segment: Option<&SegmentReader>,
    fields: &SearchFields,
    compiled: &Compiled<'_>,
) -> Result<Vec<u8>, String> {
    let dictionary = match segment {
        Some(segment) => segment
            .inverted_index(fields.description_fr)
            .map_err(|error| format!("cannot read the index: {error}"))?
            .terms()
            .clone(),
        None => TermDictionary::empty(),
    };
    description_words::encode(
        compiled.actions.iter().map(|action| action.description),
        &mut french(),
        &dictionary,
    )
}

/// The file listing the names field's terms, one a line and by length in characters, when
/// there are few enough to scan for typos (see the engine's typo tolerance).
pub const NAME_TERMS_FILE: &str = "name_terms.txt";

/// Above this many terms, the names dictionary is not listed: typos are looked up with
/// tantivy's automaton instead of a scan.
pub const NAME_SCAN_MAX_TERMS: usize = 20_000;

/// The names field's terms, a line each, when there are at most [`NAME_SCAN_MAX_TERMS`].
/// Written at build time: reading them from the term dictionary at run time cost a fifth of
/// a one-shot search.
fn small_names_dictionary(
    segment: Option<&SegmentReader>,
    fields: &SearchFields,
) -> Result<Option<Vec<u8>>, String> {
    let cannot_read = |error: &dyn std::fmt::Display| format!("cannot read the index: {error}");
    let Some(segment) = segment else {
        return Ok(Some(Vec::new()));
    };
    let inverted_index = segment
        .inverted_index(fields.names)
        .map_err(|error| cannot_read(&error))?;
    let dictionary = inverted_index.terms();
    if dictionary.num_terms() > NAME_SCAN_MAX_TERMS {
        return Ok(None);
    }
    let mut stream = dictionary.stream().map_err(|error| cannot_read(&error))?;
    let mut names: Vec<Vec<u8>> = Vec::new();
    while stream.advance() {
        names.push(stream.key().to_vec());
    }
    // By length in characters, which the engine's typo scan indexes by (stable: the
    // dictionary's order within a length), so that it need not sort them at run time.
    names.sort_by_key(|name| String::from_utf8_lossy(name).chars().count());
    let mut lines = Vec::new();
    for name in names {
        // Analysed names: words without line breaks.
        lines.extend_from_slice(&name);
        lines.push(b'\n');
    }
    Ok(Some(lines))
}

/// A 32-digit uuid as 8-4-4-4-12.
fn hyphenated(simple: &str) -> String {
    [
        &simple[..8],
        &simple[8..12],
        &simple[12..16],
        &simple[16..20],
        &simple[20..],
    ]
    .join("-")
}

/// The searchable text of one action.
fn document(
    fields: &SearchFields,
    compiled: &Compiled<'_>,
    position: u64,
    action: &Action<'_>,
) -> TantivyDocument {
    let tables = &compiled.tables;
    let mut document = TantivyDocument::default();
    document.add_u64(fields.position, position);
    document.add_text(fields.title_fr, action.title);
    document.add_text(fields.description_fr, action.description);
    if let Some(spotlight) = action.spotlight {
        document.add_text(fields.description_fr, spotlight);
    }
    document.add_text(fields.title_en, action.title_en);
    document.add_text(fields.summary_en, action.summary_en);

    let mut names: Vec<&str> = vec![action.submitter];
    names.extend(action.mayor);
    for &place in &action.places {
        let place = &tables.places[place as usize];
        names.extend([place.name, place.name_en]);
        names.extend(place.aliases.iter().copied());
    }
    if let Some(country) = action.country {
        let country = &tables.countries[country as usize];
        names.extend([country.name_fr, country.name_en]);
        names.extend(country.iso2);
        names.extend(country.aliases.iter().copied());
    }
    let region = &tables.regions[action.region as usize];
    names.extend([region.name_fr, region.name_en]);
    for name in &names {
        document.add_text(fields.names, name);
    }

    for text in [
        action.title,
        action.description,
        action.title_en,
        action.summary_en,
    ]
    .into_iter()
    .chain(action.spotlight)
    .chain(names.iter().copied())
    {
        document.add_text(fields.words, text);
    }
    document
}

/// The catalogue position stored in a document (`verify` checks it equals the doc id).
pub fn stored_position(document: &TantivyDocument, fields: &SearchFields) -> Option<u64> {
    document.get_first(fields.position)?.as_u64()
}
