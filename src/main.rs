//! The `contact-rules` command line (being written).
fn main() {}
