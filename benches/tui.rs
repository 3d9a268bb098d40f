//! Keystroke → new frame on the real catalogue: the action applied to the state (which asks
//! the engine) and the whole screen drawn to a 200×60 test buffer. Prints p50 and p99 over
//! thousands of keystrokes, against a baseline measured in the same run (drawing the same
//! screen without any state change), then lets criterion report the same paths.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use localaction::catalogue::YearMonth;
use localaction::catalogue::embedded::catalogue;
use localaction::engine::Engine;
use localaction::i18n::Lang;
use localaction::index::embedded::PACKED;
use localaction::tui::app::{Action, App};
use localaction::tui::palette::Palette;
use localaction::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tantivy::directory::OwnedBytes;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn engine() -> Engine<'static> {
    Engine::open(
        catalogue(),
        OwnedBytes::new(PACKED),
        YearMonth {
            year: 2025,
            month: Some(1),
        },
    )
    .expect("the embedded engine opens")
}

/// The keystrokes of a person searching, correcting and browsing.
fn script() -> Vec<Action> {
    let mut actions = Vec::new();
    for word in ["réfugiés ", "climat ", "enfants", "Barranquila", "migra"] {
        actions.extend(word.chars().map(Action::Insert));
        actions.extend([Action::Down, Action::Down, Action::Up]);
        actions.extend(word.chars().map(|_| Action::Backspace));
    }
    actions
}

fn percentile(sorted: &[f64], fraction: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * fraction).round() as usize]
}

fn report(name: &str, mut samples: Vec<f64>, baseline_p50: f64) {
    samples.sort_by(f64::total_cmp);
    let p50 = percentile(&samples, 0.5);
    let p99 = percentile(&samples, 0.99);
    eprintln!(
        "{name:<28} p50 {p50:>8.1} µs   p99 {p99:>8.1} µs   p50/baseline {:>5.2}×",
        p50 / baseline_p50
    );
}

fn keystrokes(criterion: &mut Criterion) {
    let engine = engine();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    let mut app = App::new(&engine, Lang::EN, (WIDTH, HEIGHT));
    let script = script();

    // Warm up (first frames fill caches and the buffer's cells), then the baseline: drawing
    // the start screen again, no state change, no search.
    for _ in 0..500 {
        terminal
            .draw(|frame| {
                black_box(view::draw(frame, &app, Palette::Dark));
            })
            .unwrap();
    }
    let mut baseline = Vec::new();
    for _ in 0..2_000 {
        let start = Instant::now();
        terminal
            .draw(|frame| {
                black_box(view::draw(frame, &app, Palette::Dark));
            })
            .unwrap();
        baseline.push(start.elapsed().as_secs_f64() * 1e6);
    }
    baseline.sort_by(f64::total_cmp);
    let baseline_p50 = percentile(&baseline, 0.5);
    report("draw only (baseline)", baseline.clone(), baseline_p50);

    let mut per_key = Vec::new();
    for _ in 0..40 {
        for action in &script {
            let start = Instant::now();
            app.update(action.clone());
            terminal
                .draw(|frame| {
                    black_box(view::draw(frame, &app, Palette::Dark));
                })
                .unwrap();
            per_key.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    report("keystroke → frame", per_key, baseline_p50);

    // The detail pane open (its description highlighted on every frame).
    app.update(Action::Open);
    let mut detail = Vec::new();
    for _ in 0..2_000 {
        let start = Instant::now();
        app.update(Action::Down);
        terminal
            .draw(|frame| {
                black_box(view::draw(frame, &app, Palette::Dark));
            })
            .unwrap();
        detail.push(start.elapsed().as_secs_f64() * 1e6);
    }
    report("scroll detail → frame", detail, baseline_p50);

    let mut group = criterion.benchmark_group("tui");
    group.bench_function("keystroke-to-frame", |bencher| {
        let mut app = App::new(&engine, Lang::EN, (WIDTH, HEIGHT));
        let mut step = 0;
        bencher.iter(|| {
            app.update(script[step % script.len()].clone());
            step += 1;
            terminal
                .draw(|frame| {
                    black_box(view::draw(frame, black_box(&app), Palette::Dark));
                })
                .unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
