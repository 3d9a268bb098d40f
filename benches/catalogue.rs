//! Start-up cost of the catalogue, on the embedded blob and on a synthetic blob of 100,000
//! actions: opening (what the binary does at start), decoding every action borrowing its
//! text, and the baseline that decodes every action into owned `String`s.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use localaction::catalogue::Catalogue;
use localaction::catalogue::embedded::BLOB;
use localaction_data::dataset::Dataset;
use localaction_data::{blob, synthetic};

/// The owned twin of an action's layout, for the baseline: same bytes, every string copied.
// Fields exist to be decoded (that is the cost measured), not read.
#[allow(dead_code)]
mod owned {
    use serde::Deserialize;

    #[derive(Deserialize)]
    pub enum Two {
        A,
        B,
    }

    #[derive(Deserialize)]
    pub enum Three {
        A,
        B,
        C,
    }

    #[derive(Deserialize)]
    pub enum Four {
        A,
        B,
        C,
        D,
    }

    #[derive(Deserialize)]
    pub enum Six {
        A,
        B,
        C,
        D,
        E,
        F,
    }

    #[derive(Deserialize)]
    pub struct YearMonth(u16, Option<u8>);

    #[derive(Deserialize)]
    pub enum End {
        Ongoing,
        At(YearMonth),
    }

    #[derive(Deserialize)]
    pub struct Action {
        pub id: String,
        pub year: u16,
        pub section: Two,
        pub source_lines: (u32, u32),
        pub submitter: String,
        pub kind: Three,
        pub places: Vec<u32>,
        pub country: Option<u32>,
        pub region: u32,
        pub mayor: Option<String>,
        pub title: String,
        pub title_en: String,
        pub summary_en: String,
        pub duration: Option<(String, YearMonth, End)>,
        pub compact: Option<Four>,
        pub compact_printed: Option<String>,
        pub priorities: Vec<u8>,
        pub priorities_stated: Vec<u8>,
        pub gcf: bool,
        pub partners: Vec<u32>,
        pub themes: Vec<Six>,
        pub quote: Option<String>,
        pub quote_author: Option<String>,
        pub description: String,
        pub spotlight: Option<String>,
        pub editor_notes: Vec<String>,
    }
}

/// The naive way: every action decoded into owned `String`s, all at once.
fn decode_all_owned(catalogue: &Catalogue<'_>, bytes: &[u8]) -> Vec<owned::Action> {
    let offsets_start = bytes.len() - catalogue_area_len(catalogue, bytes);
    let area = &bytes[offsets_start..];
    let mut actions = Vec::with_capacity(catalogue.len());
    let mut rest = area;
    for _ in 0..catalogue.len() {
        let (action, read): (owned::Action, usize) =
            bincode::serde::decode_from_slice(rest, bincode::config::standard())
                .expect("the owned twin reads the same layout");
        rest = &rest[read..];
        actions.push(action);
    }
    actions
}

/// The length of the actions area: what follows the offsets table.
fn catalogue_area_len(catalogue: &Catalogue<'_>, bytes: &[u8]) -> usize {
    let header_length = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
    bytes.len() - (12 + header_length + 4 + 4 * (catalogue.len() + 1))
}

fn synthetic_blob(count: usize) -> Vec<u8> {
    let real = Dataset::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset"))
        .expect("the dataset loads");
    let scaled = synthetic::scaled(&real, count, 2026);
    let catalogue = scaled.compile().expect("the synthetic dataset compiles");
    blob::encode(&catalogue).expect("encodes")
}

fn decode_all_borrowed(catalogue: &Catalogue<'_>) -> usize {
    catalogue
        .actions()
        .map(|action| action.description.len())
        .sum()
}

fn decoding(criterion: &mut Criterion) {
    let large = synthetic_blob(100_000);
    let opened = Catalogue::open(&large).unwrap();
    assert_eq!(decode_all_owned(&opened, &large).len(), 100_000);
    let embedded = Catalogue::open(BLOB).unwrap();

    let mut group = criterion.benchmark_group("catalogue");
    group.bench_function("embedded/open", |bencher| {
        bencher.iter(|| Catalogue::open(black_box(BLOB)).unwrap())
    });
    group.bench_function("embedded/decode-all-borrowed", |bencher| {
        bencher.iter(|| decode_all_borrowed(black_box(&embedded)))
    });
    group.bench_function("embedded/decode-all-owned-baseline", |bencher| {
        bencher.iter(|| decode_all_owned(&embedded, black_box(BLOB)))
    });
    group.sample_size(20);
    group.bench_function("100k/open", |bencher| {
        bencher.iter(|| Catalogue::open(black_box(&large)).unwrap())
    });
    group.bench_function("100k/decode-all-borrowed", |bencher| {
        bencher.iter(|| decode_all_borrowed(black_box(&opened)))
    });
    group.bench_function("100k/decode-all-owned-baseline", |bencher| {
        bencher.iter(|| decode_all_owned(&opened, black_box(&large)))
    });
    group.finish();
}

criterion_group!(benches, decoding);
criterion_main!(benches);
