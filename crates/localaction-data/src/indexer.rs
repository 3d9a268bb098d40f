//! Builds the full-text index of a compiled catalogue, deterministically, and packs its
//! files into one blob. Shared with `build.rs` (the embedded index) and used by tests,
//! benchmarks and the scale example (the same code path for any catalogue).

use tantivy::directory::RamDirectory;
use tantivy::index::SegmentComponent;
use tantivy::schema::Field;
use tantivy::schema::Value;
use tantivy::{Directory, Index, IndexWriter, TantivyDocument};

use crate::model::{Action, Compiled};
use crate::pack;
use crate::schema::{SearchFields, register_analyzers, search_fields};
use crate::thesaurus::ConceptFinder;

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
    let mut concepts = ConceptFinder::new(&compiled.tables.concepts);
    for (position, action) in compiled.actions.iter().enumerate() {
        writer
            .add_document(document(
                &fields,
                compiled,
                &mut concepts,
                position as u64,
                action,
            ))
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
    pack::pack(files)
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
    concepts: &mut ConceptFinder,
    position: u64,
    action: &Action<'_>,
) -> TantivyDocument {
    let tables = &compiled.tables;
    let mut document = TantivyDocument::default();
    document.add_u64(fields.position, position);
    document.add_text(fields.region, tables.regions[action.region as usize].id);

    let mut names: Vec<&str> = vec![action.submitter];
    names.extend(action.mayor);
    for &place in &action.places {
        let place = &tables.places[place as usize];
        names.extend(place.names.iter().copied());
        names.extend(place.aliases.iter().copied());
    }
    if let Some(country) = action.country {
        let country = &tables.countries[country as usize];
        names.extend(country.names.iter().copied());
        names.extend(country.iso2);
        names.extend(country.aliases.iter().copied());
    }
    let mut add = |targets: &[Field], values: &[&str]| {
        for &field in targets {
            for text in values {
                document.add_text(field, text);
            }
        }
    };
    add(&[fields.names, fields.typed_top], &names);
    // Each place's concepts, from every language's texts.
    let mut found: [Vec<usize>; 3] = Default::default();
    for (language, texts) in fields.languages.iter().zip(action.all_texts()) {
        add(&[language.title, fields.typed_top], &[texts.title]);
        concepts.find(language.language, texts.title, &mut found[0]);
        if let (Some(field), Some(summary)) = (language.summary, texts.summary) {
            add(&[field, fields.typed_summary], &[summary]);
            concepts.find(language.language, summary, &mut found[1]);
        }
        let body: Vec<&str> = [texts.description]
            .into_iter()
            .chain(texts.spotlight)
            .chain(texts.quote)
            .collect();
        add(&[language.body, fields.typed_body], &body);
        for text in body {
            concepts.find(language.language, text, &mut found[2]);
        }
    }
    for (field, found) in fields.concepts.into_iter().zip(found) {
        for concept in found {
            document.add_text(field, tables.concepts[concept].id);
        }
    }
    document
}

/// The catalogue position stored in a document (`verify` checks it equals the doc id).
pub fn stored_position(document: &TantivyDocument, fields: &SearchFields) -> Option<u64> {
    document.get_first(fields.position)?.as_u64()
}
