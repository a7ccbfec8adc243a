//! Tab-separated codebook tables with a header row, read by column name.

use std::sync::Arc;

use crate::error::Diagnostic;

/// A TSV table: the header and the rows, each with its 1-based line number.
pub(crate) struct Table<'a> {
    header: Vec<&'a str>,
    rows: Vec<(u32, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    /// Parse `text`; rows whose field count differs from the header's are reported and
    /// skipped. `required` columns missing from the header are reported once.
    pub(crate) fn parse(
        name: &Arc<str>,
        text: &'a str,
        required: &[&str],
        diags: &mut Vec<Diagnostic>,
    ) -> Table<'a> {
        let mut lines = text.lines().enumerate();
        let header: Vec<&str> = match lines.next() {
            Some((_, h)) => h
                .trim_start_matches('\u{feff}')
                .split('\t')
                .map(str::trim)
                .collect(),
            None => Vec::new(),
        };
        for col in required {
            if !header.contains(col) {
                diags.push(Diagnostic::new(name, 1, format!("missing column {col:?}")));
            }
        }
        let mut rows = Vec::new();
        for (i, line) in lines {
            let number = (i + 1) as u32;
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != header.len() {
                diags.push(Diagnostic::new(
                    name,
                    number,
                    format!(
                        "{} fields where the header has {}; row skipped",
                        fields.len(),
                        header.len()
                    ),
                ));
                continue;
            }
            rows.push((number, fields));
        }
        Table { header, rows }
    }

    /// Rows with their line numbers.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.rows.iter().map(|(line, fields)| Row {
            table: self,
            line: *line,
            fields,
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }
}

/// One row of a [`Table`].
pub(crate) struct Row<'t, 'a> {
    table: &'t Table<'a>,
    pub(crate) line: u32,
    fields: &'t [&'a str],
}

impl<'a> Row<'_, 'a> {
    /// The trimmed field of column `name` (empty when the column does not exist).
    pub(crate) fn get(&self, name: &str) -> &'a str {
        self.table
            .column(name)
            .and_then(|i| self.fields.get(i))
            .map_or("", |f| f.trim())
    }

    /// A `|`-separated list field, empty items dropped.
    pub(crate) fn list(&self, name: &str) -> Vec<Box<str>> {
        self.get(name)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Box::from)
            .collect()
    }
}
