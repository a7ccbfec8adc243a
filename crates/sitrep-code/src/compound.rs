//! Coordinated mentions: "Iran, Iraq and Syria", "the Danish media and government", "the
//! ambassadors of Arnor, Osgiliath and Gondor".
//!
//! An event whose source or target is one member of a coordination is an event of each
//! member (PETRARCH's compound actors). This stage, run after mentions and before
//! coreference, links the members of each coordination ([`Mention::conjuncts`]) and
//! completes them the way the text distributes its words over them:
//! - a modifier shared by coordinated role nouns gives each of them its country ("the Danish
//!   media and government": both Danish);
//! - a coordinated complement distributes over its head ("the ambassadors of Arnor,
//!   Osgiliath and Gondor": one ambassadors mention per country, added as companion
//!   mentions of the first), and so do coordinated country words inside one phrase
//!   ("Iranian and Iraqi officials").

use sitrep_text::DepRel;

use crate::mention::{Mention, MentionKind};
use crate::tree::Tree;

/// The mention each token of sentence `si` stands for (its head, an alias head, or a token
/// inside its phrase), by document mention index; companions are not anyone's token.
fn token_mentions(tree: &Tree, mentions: &[Mention], si: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; tree.len()];
    for (mi, m) in mentions.iter().enumerate() {
        if m.sent != si || m.companion_of.is_some() || m.hi >= tree.len() {
            continue;
        }
        for slot in at.iter_mut().take(m.hi + 1).skip(m.lo) {
            if slot.is_none() {
                *slot = Some(mi);
            }
        }
    }
    for (mi, m) in mentions.iter().enumerate() {
        if m.sent != si || m.companion_of.is_some() || m.head >= tree.len() {
            continue;
        }
        at[m.head] = Some(mi);
        for &h in &m.alias_heads {
            if h < tree.len() {
                at[h] = Some(mi);
            }
        }
    }
    at
}

/// The conjuncts of token `h`: its `conj` dependents and theirs.
fn conj_tokens(tree: &Tree, h: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![h];
    while let Some(x) = stack.pop() {
        for k in tree.children(x) {
            if tree.rel(k) == DepRel::Conj && !out.contains(&k) && out.len() < 32 {
                out.push(k);
                stack.push(k);
            }
        }
    }
    out.sort_unstable();
    out
}

fn is_role(m: &Mention) -> bool {
    m.kind == MentionKind::Description && m.dict_code.is_none()
}

/// Link the coordinated mentions of every sentence and add the companions of distributed
/// complements.
pub fn link(trees: &[Tree], mentions: &mut Vec<Mention>) {
    for (si, tree) in trees.iter().enumerate() {
        let at = token_mentions(tree, mentions, si);
        // Coordinations whose first member is a mention: conjuncts of its head or, when the
        // parse hung them inside its phrase ("Ethiopian Foreign Minister Yonas | Gebrekidan
        // and his counterpart"), of any of its tokens.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for h in 0..tree.len() {
            let Some(first) = at[h] else { continue };
            let gi = match groups.iter().position(|g| g[0] == first) {
                Some(gi) => gi,
                None => {
                    groups.push(vec![first]);
                    groups.len() - 1
                }
            };
            for c in conj_tokens(tree, h) {
                if let Some(m) = at[c] {
                    let pronoun = matches!(mentions[m].kind, MentionKind::Pronoun(_));
                    if !groups[gi].contains(&m) && !pronoun {
                        groups[gi].push(m);
                    }
                }
            }
        }
        groups.retain(|g| g.len() > 1 && !matches!(mentions[g[0]].kind, MentionKind::Pronoun(_)));
        // Shared modifiers: a role noun without a country takes the country of a coordinated
        // role noun whose modifier scopes over the coordination: a modifier before the first
        // member ("the Danish media and government") or a complement after the last
        // ("lawmakers and officials in Fornost"); not "the militants and the Nigerian
        // government".
        for g in &groups {
            let (head_m, last_m) = (g[0], g[g.len() - 1]);
            let end = mentions[last_m].hi;
            let scoped = |m: usize, first: bool| {
                let mm = &mentions[m];
                is_role(mm)
                    && mm.country.is_some()
                    && match mm.country_from {
                        None => first,
                        Some(k) if first => k < mm.head || k > end,
                        Some(k) => k > mm.head,
                    }
            };
            let donor = if scoped(head_m, true) {
                Some(head_m)
            } else if scoped(last_m, false) {
                Some(last_m)
            } else {
                None
            };
            let Some(d) = donor else { continue };
            let (country, from) = (mentions[d].country.clone(), mentions[d].country_from);
            for &m in g {
                // A member with its own determiner or possessor is a phrase of its own ("…
                // and a leading commodity producer").
                let own_det = tree
                    .children(mentions[m].head)
                    .any(|k| matches!(tree.rel(k), DepRel::Det | DepRel::NmodPoss));
                let mm = &mut mentions[m];
                if is_role(mm) && mm.country.is_none() && !own_det {
                    mm.why.insert(
                        0,
                        format!(
                            "{} shared with its coordinated role noun",
                            country.as_deref().unwrap_or_default()
                        ),
                    );
                    mm.country = country.clone();
                    mm.country_from = from;
                }
            }
        }
        // A possessor before the coordination scopes over it ("his country's government,
        // nation and armed forces"): role nouns without one take the first member's.
        for g in &groups {
            let first = &mentions[g[0]];
            let Some(ph) = first.poss_head else { continue };
            let pp = first.poss_pronoun;
            if ph >= first.lo {
                for &m in &g[1..] {
                    let own_det = tree
                        .children(mentions[m].head)
                        .any(|k| matches!(tree.rel(k), DepRel::Det | DepRel::NmodPoss));
                    let mm = &mut mentions[m];
                    if is_role(mm) && mm.country.is_none() && mm.poss_head.is_none() && !own_det {
                        mm.poss_head = Some(ph);
                        mm.poss_pronoun = pp;
                    }
                }
            }
        }
        // Distributed complements: "the ambassadors of Arnor, Osgiliath and Gondor".
        let candidates: Vec<usize> = (0..mentions.len())
            .filter(|&m| mentions[m].sent == si && mentions[m].companion_of.is_none())
            .collect();
        for x in candidates {
            let Some(k) = mentions[x].country_from else {
                continue;
            };
            let Some(p) = at.get(k).copied().flatten() else {
                continue;
            };
            let Some(gp) = group_of(p, &groups) else {
                continue;
            };
            let others: Vec<usize> = groups[gp].iter().copied().filter(|&q| q != p).collect();
            let mut companions = Vec::new();
            for q in others {
                let Some(c) = mentions[q].country.clone().filter(|_| {
                    matches!(mentions[q].kind, MentionKind::Country | MentionKind::Name)
                        || mentions[q].dict_code.is_none()
                }) else {
                    continue;
                };
                let mut comp = mentions[x].clone();
                comp.why.insert(
                    0,
                    format!(
                        "{c} from the coordinated \u{201c}{}\u{201d} (one of a distributed complement)",
                        mentions[q].span.slice(&tree.doc.text)
                    ),
                );
                comp.country = Some(c);
                comp.country_from = Some(mentions[q].head);
                comp.companion_of = Some(x);
                comp.conjuncts.clear();
                comp.actor = None;
                companions.push(mentions.len());
                mentions.push(comp);
            }
            if companions.is_empty() {
                continue;
            }
            join_group(&mut groups, x, companions);
        }
        // A country word coordinated with the one that gave a mention its country, parsed
        // as a mention of its own: "Eriadori and Calenardhon leaders".
        for x in 0..mentions.len() {
            if mentions[x].sent != si || mentions[x].companion_of.is_some() {
                continue;
            }
            let Some(k) = mentions[x].country_token.filter(|&k| k != mentions[x].head) else {
                continue;
            };
            for c in conj_tokens(tree, k) {
                let Some(q) = at[c].filter(|&q| q != x) else {
                    continue;
                };
                if mentions[q].kind != MentionKind::Country || c > mentions[x].hi {
                    continue;
                }
                if let Some(code) = mentions[q].country.clone() {
                    if !mentions[x].conj_countries.iter().any(|(cc, _)| *cc == code) {
                        mentions[x].conj_countries.push((code, c));
                    }
                }
            }
        }
        // Coordinated country words inside one phrase: "Iranian and Iraqi officials".
        let with_alternatives: Vec<usize> = (0..mentions.len())
            .filter(|&m| mentions[m].sent == si && !mentions[m].conj_countries.is_empty())
            .collect();
        for x in with_alternatives {
            let mut companions = Vec::new();
            for (c, k) in mentions[x].conj_countries.clone() {
                let mut comp = mentions[x].clone();
                comp.why.insert(
                    0,
                    format!("{c} from the coordinated \u{201c}{}\u{201d}", tree.text(k)),
                );
                comp.country = Some(c);
                comp.conj_countries.clear();
                comp.companion_of = Some(x);
                comp.conjuncts.clear();
                comp.actor = None;
                companions.push(mentions.len());
                mentions.push(comp);
            }
            join_group(&mut groups, x, companions);
        }
        for g in &groups {
            for &m in g {
                let others: Vec<usize> = g.iter().copied().filter(|&o| o != m).collect();
                for o in others {
                    if !mentions[m].conjuncts.contains(&o) {
                        mentions[m].conjuncts.push(o);
                    }
                }
            }
        }
    }
}

/// The group holding mention `m`, if any.
fn group_of(m: usize, groups: &[Vec<usize>]) -> Option<usize> {
    groups.iter().position(|g| g.contains(&m))
}

/// Add `members` to the group holding `x`, or start a group of `x` and them.
fn join_group(groups: &mut Vec<Vec<usize>>, x: usize, members: Vec<usize>) {
    match group_of(x, groups) {
        Some(gx) => groups[gx].extend(members),
        None => {
            let mut g = vec![x];
            g.extend(members);
            groups.push(g);
        }
    }
}
