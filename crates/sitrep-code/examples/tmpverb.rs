use sitrep_dict::Dictionaries;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dict = Dictionaries::embedded();
    let ids = dict.word_ids(args.iter().map(String::as_str));
    for i in 0..args.len() {
        match dict.verbs.verb_at(&ids, i) {
            Some(vm) => println!(
                "{} -> verb {} code {:?} block code {:?} origin {:?}",
                args[i], vm.verb.lemma, vm.verb.code, vm.block.code, vm.verb.origin
            ),
            None => println!("{} -> none", args[i]),
        }
    }
}
