//! Helpers shared by the integration tests: where `../shared` is.

use std::path::PathBuf;

/// `shared/` beside the repository, or `None` (tests then skip with a note).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("note: {} not found; test skipped", p.display());
        None
    }
}
