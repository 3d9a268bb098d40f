//! The house stays as built: the two faces (src/cli, src/tui) never import each other, and
//! the build script takes its shared code from the data crate, not through `#[path]`.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files
}

/// The lines of the files under `folder` that name `module` as a path.
fn uses_of(folder: &str, module: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut uses = Vec::new();
    for file in rust_files(&root.join(folder)) {
        for (number, line) in fs::read_to_string(&file).unwrap().lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(&format!("crate::{module}"))
                || code.contains(&format!("super::super::{module}"))
            {
                uses.push(format!("{}:{}: {line}", file.display(), number + 1));
            }
        }
    }
    uses
}

#[test]
fn the_faces_do_not_import_each_other() {
    assert_eq!(uses_of("src/cli", "tui"), Vec::<String>::new());
    assert_eq!(uses_of("src/tui", "cli"), Vec::<String>::new());
    // The neutral parts use neither face.
    for neutral in ["src/export", "src/engine", "src/catalogue", "src/index"] {
        assert_eq!(uses_of(neutral, "cli"), Vec::<String>::new(), "{neutral}");
        assert_eq!(uses_of(neutral, "tui"), Vec::<String>::new(), "{neutral}");
    }
}

#[test]
fn the_build_script_shares_code_through_the_data_crate() {
    let build = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs")).unwrap();
    assert!(
        !build.contains("#[path"),
        "build.rs pulls in files by #[path]"
    );
    assert!(build.contains("use localaction_data::"));
}
