//! A word-level trie for longest-phrase matching over interned word ids.
//!
//! Nodes live in a vector; edges in one hash map keyed by `(node, word)`, so a lookup walks
//! the token ids of a sentence without allocating.

use crate::hash::FxHashMap;
use crate::lexicon::WordId;

/// Phrases of words mapped to values of type `V`, matched longest first.
#[derive(Clone, Debug)]
pub(crate) struct PhraseTrie<V> {
    edges: FxHashMap<(u32, WordId), u32>,
    values: Vec<Option<V>>,
}

impl<V> Default for PhraseTrie<V> {
    fn default() -> Self {
        PhraseTrie {
            edges: FxHashMap::default(),
            values: vec![None],
        }
    }
}

impl<V> PhraseTrie<V> {
    /// Store `value` for `phrase`; returns the value it replaced, if any. An empty phrase is
    /// ignored (returns `None`).
    pub(crate) fn insert(&mut self, phrase: &[WordId], value: V) -> Option<V> {
        if phrase.is_empty() {
            return None;
        }
        let mut node = 0u32;
        for &w in phrase {
            let next = self.values.len() as u32;
            node = *self.edges.entry((node, w)).or_insert_with(|| next);
            if node == next {
                self.values.push(None);
            }
        }
        self.values[node as usize].replace(value)
    }

    /// Number of phrases stored.
    pub(crate) fn len(&self) -> usize {
        self.values.iter().filter(|v| v.is_some()).count()
    }

    /// The longest stored phrase that starts at `words[start]`: its length and value.
    pub(crate) fn longest_at(&self, words: &[Option<WordId>], start: usize) -> Option<(usize, &V)> {
        let mut node = 0u32;
        let mut best = None;
        for (i, w) in words.get(start..)?.iter().enumerate() {
            let Some(w) = w else { break };
            match self.edges.get(&(node, *w)) {
                Some(&n) => node = n,
                None => break,
            }
            if let Some(v) = &self.values[node as usize] {
                best = Some((i + 1, v));
            }
        }
        best
    }

    /// Every stored phrase that starts at `words[start]`, shortest first.
    pub(crate) fn all_at<'a>(
        &'a self,
        words: &'a [Option<WordId>],
        start: usize,
    ) -> impl Iterator<Item = (usize, &'a V)> + 'a {
        let mut node = 0u32;
        let mut done = false;
        words
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .map_while(move |(i, w)| {
                if done {
                    return None;
                }
                let next = w.and_then(|w| self.edges.get(&(node, w)).copied());
                match next {
                    Some(n) => {
                        node = n;
                        Some(self.values[n as usize].as_ref().map(|v| (i + 1, v)))
                    }
                    None => {
                        done = true;
                        None
                    }
                }
            })
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn longest_match_prefers_longer_phrases() {
        let mut lex = Lexicon::new();
        let [a, b, c] = ["A", "B", "C"].map(|w| lex.intern(w));
        let mut t = PhraseTrie::default();
        assert_eq!(t.insert(&[a], 1), None);
        t.insert(&[a, b, c], 3);
        assert_eq!(t.insert(&[a], 10), Some(1));
        let s = [Some(a), Some(b), Some(c), None];
        assert_eq!(t.longest_at(&s, 0), Some((3, &3)));
        let s2 = [Some(a), Some(b), None];
        assert_eq!(t.longest_at(&s2, 0), Some((1, &10)));
        assert_eq!(t.longest_at(&s2, 1), None);
        assert_eq!(t.longest_at(&s2, 9), None);
        assert_eq!(t.all_at(&s, 0).collect::<Vec<_>>(), vec![(1, &10), (3, &3)]);
        assert_eq!(t.len(), 2);
    }
}
