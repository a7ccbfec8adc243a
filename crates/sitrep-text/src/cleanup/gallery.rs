//! Photo-gallery captions: `Photos: <gallery title> <caption> Hide Caption 3 of 8`.
//!
//! CNN and others inline a gallery as one line per photo. The markers and the gallery title
//! repeated on every line are residue; the caption between them describes the event (for a
//! gallery page it is all the text there is), so it is kept. The title is the longest run of
//! whole words that every caption line of the article starts with; with a single such line it
//! cannot be told from the caption and the whole line is set aside by the ordinary rules.

use std::collections::HashMap;

use super::lines::Line;
use super::rules::RuleSet;
use crate::Span;

/// What to do with one gallery line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GallerySplit {
    /// Index of the gallery rule.
    pub rule: usize,
    /// Pieces set aside: the head with the gallery title, the closing marker.
    pub removed: Vec<Span>,
    /// The caption text kept, if any.
    pub kept: Option<Span>,
}

/// The gallery lines of an article, by index into `lines`; empty unless two or more lines match
/// a gallery rule.
pub fn split(text: &str, lines: &[Line], rules: &RuleSet) -> HashMap<usize, GallerySplit> {
    let found: Vec<(usize, super::rules::GalleryLine)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| rules.gallery(text, l.span).map(|g| (i, g)))
        .collect();
    let mut out = HashMap::new();
    if found.len() < 2 {
        return out;
    }
    let bodies: Vec<&str> = found.iter().map(|(_, g)| g.body.slice(text)).collect();
    let title_len = shared_words(&bodies);
    if title_len == 0 {
        // Lines of different galleries: no title to tell from the captions.
        return out;
    }
    for (i, g) in found {
        let title_end = g.body.start + title_len;
        let kept = Span::new(title_end, g.tail_start).trim(text);
        let mut removed = vec![Span::new(g.line.start, title_end).trim(text)];
        let kept = (!kept.is_empty()).then_some(kept);
        if kept.is_none() {
            // Nothing but the title: the line goes whole.
            removed = vec![g.line];
        } else {
            removed.push(Span::new(g.tail_start, g.line.end));
        }
        removed.retain(|s| !s.is_empty());
        out.insert(
            i,
            GallerySplit {
                rule: g.rule,
                removed,
                kept,
            },
        );
    }
    out
}

/// Byte length of the longest run of whole words that starts every string (the string may end
/// there or go on with white space).
fn shared_words(texts: &[&str]) -> usize {
    let Some(first) = texts.first() else { return 0 };
    let mut best = 0;
    for (pos, c) in first
        .char_indices()
        .chain(std::iter::once((first.len(), ' ')))
    {
        if !c.is_whitespace() || pos == 0 {
            continue;
        }
        let prefix = &first[..pos];
        let all = texts.iter().all(|t| {
            t.starts_with(prefix) && t[pos..].chars().next().is_none_or(char::is_whitespace)
        });
        if !all {
            break;
        }
        best = pos;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cleanup::lines::split_lines;

    #[test]
    fn shared_title() {
        assert_eq!(
            shared_words(&[
                "Mass shooting A woman",
                "Mass shooting People run",
                "Mass shooting"
            ]),
            13
        );
        assert_eq!(shared_words(&["Alpha beta", "Alphabet soup"]), 0);
        assert_eq!(shared_words(&["One", "One"]), 3);
    }

    #[test]
    fn gallery_lines_keep_their_captions() {
        let t = "Photos: Las Vegas shooting People run from the grounds. Hide Caption 12 of 30\nPhotos: Las Vegas shooting Hide Caption 10 of 30\nPhotos: Las Vegas shooting Police arrive. Hide Caption 8 of 30";
        let rules = RuleSet::get().expect("rules");
        let lines = split_lines(t);
        let g = split(t, &lines, rules);
        let kept: Vec<Option<&str>> = (0..3).map(|i| g[&i].kept.map(|k| k.slice(t))).collect();
        assert_eq!(
            kept,
            [
                Some("People run from the grounds."),
                None,
                Some("Police arrive.")
            ]
        );
        let removed: Vec<&str> = g[&0].removed.iter().map(|s| s.slice(t)).collect();
        assert_eq!(
            removed,
            ["Photos: Las Vegas shooting", "Hide Caption 12 of 30"]
        );
        // A lone gallery line is left to the ordinary rules.
        let one = "Photos: Las Vegas shooting People run. Hide Caption 12 of 30\nText.";
        assert!(split(one, &split_lines(one), rules).is_empty());
        let two = "Photos: Rocket launch Liftoff. Hide Caption 1 of 2\nPhotos: Mass shooting Police. Hide Caption 3 of 9";
        assert!(split(two, &split_lines(two), rules).is_empty());
    }
}
