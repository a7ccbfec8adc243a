//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod bench;
pub mod clusters;
pub mod code;
pub mod eval_parse;
pub mod eval_segment;
pub mod gazetteer;
pub mod parse;
pub mod train;
