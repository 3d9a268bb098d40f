//! What the timing examples (`scale`, `versus_fts5`) share: the synthetic catalogue of N
//! actions built as `build.rs` builds the real one, the count read from the command line,
//! and the in-run baseline and percentiles their reports use.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use localaction_data::dataset::Dataset;
use localaction_data::indexer;
use localaction_data::{blob, synthetic};

/// The synthetic catalogue's seed: the same N always gives the same catalogue.
const SEED: u64 = 2026;
/// The largest N accepted: 100,000 actions take about 1.8 GB of memory while building.
pub const MAX_COUNT: usize = 1_000_000;
/// Baseline runs (sorting `BASELINE_KEYS` integers), before and after the timed work.
const BASELINE_RUNS: usize = 21;
const BASELINE_KEYS: usize = 100_000;

/// N from the first argument: a whole number from 1 to [`MAX_COUNT`] (`_` allowed).
pub fn count(first: Option<&String>) -> Result<usize, String> {
    let Some(count) = first else {
        return Err("missing N, the number of actions".to_owned());
    };
    match count.replace('_', "").parse::<usize>() {
        Ok(count) if (1..=MAX_COUNT).contains(&count) => Ok(count),
        _ => Err(format!(
            "N must be a whole number from 1 to {MAX_COUNT}, not {count:?}"
        )),
    }
}

/// A synthetic catalogue of `count` actions: its blob and packed index, and how long
/// building them took.
pub struct Synthetic {
    pub blob: Vec<u8>,
    pub index: Vec<u8>,
    pub build: Duration,
}

/// Builds the synthetic catalogue of `count` actions from the real dataset, through the
/// same code as `build.rs`.
pub fn synthetic(count: usize) -> Result<Synthetic, String> {
    let started = Instant::now();
    let real = Dataset::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset"))
        .map_err(|errors| format!("the dataset does not load: {errors}"))?;
    let scaled = synthetic::scaled(&real, count, SEED);
    let compiled = scaled
        .compile()
        .map_err(|errors| format!("the synthetic dataset does not compile: {errors}"))?;
    let blob = blob::encode(&compiled)?;
    let index = indexer::build_index(&compiled)?;
    Ok(Synthetic {
        blob,
        index,
        build: started.elapsed(),
    })
}

/// Times sorting the same `BASELINE_KEYS` pseudo-random integers, `BASELINE_RUNS` times:
/// a unit of this machine's speed at this moment, for comparing runs.
pub fn baseline_runs() -> Vec<Duration> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let keys: Vec<u64> = (0..BASELINE_KEYS)
        .map(|_| {
            // xorshift64: the same keys in every run.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        })
        .collect();
    (0..BASELINE_RUNS)
        .map(|_| {
            let mut copy = keys.clone();
            let started = Instant::now();
            copy.sort_unstable();
            let elapsed = started.elapsed();
            black_box(copy);
            elapsed
        })
        .collect()
}

/// The value at `fraction` of sorted timings (nearest rank).
pub fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * fraction).round() as usize]
}

pub fn micros(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e6
}

pub fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}
