//! The README says what the program does: its table of keys is the key table the
//! interface runs on, and its first lines are the two commands a newcomer needs.

use std::path::Path;

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("the README")
}

#[test]
fn the_readme_lists_the_keys_of_the_key_table() {
    let readme = readme();
    let start = readme
        .find("| keys | what they do |")
        .expect("the README's table of keys");
    let end = readme[start..]
        .find("<!-- end of the key table -->")
        .expect("the end of the table")
        + start;
    assert_eq!(
        &readme[start..end],
        localaction::tui::keys::readme_table(),
        "update the README's table from src/tui/keys.rs"
    );
}

#[test]
fn the_readme_opens_with_the_two_commands_a_newcomer_needs() {
    let readme = readme();
    let block: Vec<&str> = readme
        .lines()
        .skip_while(|line| !line.starts_with("```"))
        .skip(1)
        .take(2)
        .collect();
    assert!(block[0].starts_with("cargo run --release"), "{block:?}");
    assert!(block[1].starts_with("cargo test"), "{block:?}");
}
