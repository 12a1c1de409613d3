//! The door's search: a table of queries as secretaries type them, and the
//! people each must find, best first.

use hoinghi_core::search::{SearchIndex, Searchable};

/// (name, chức vụ, đơn vị, code): many Nguyễn and Trần, names that differ
/// only by a tone, by its placement or by one more word, units that share words.
const PEOPLE: [(&str, &str, &str, &str); 18] = [
    (
        "Nguyễn Văn Tuấn",
        "Phó Trưởng ban",
        "Quận uỷ Ba Đình",
        "HN-0042",
    ), // 0
    ("Nguyễn Văn Tuân", "Chuyên viên", "Sở Tài chính", "HN-0043"), // 1
    (
        "Nguyễn Văn Tuấn Anh",
        "Trưởng phòng",
        "Huyện uỷ Đông Anh",
        "HN-0044",
    ), // 2
    (
        "Trần Thị Thuỷ",
        "Bí thư Đảng uỷ",
        "Đảng uỷ phường Hoàn Kiếm",
        "HN-0101",
    ), // 3
    (
        "Trần Thị Thủy",
        "Phó Bí thư",
        "Quận uỷ Hoàng Mai",
        "HN-0102",
    ), // 4
    (
        "Lê Thị Hoà",
        "Trưởng ban Tuyên giáo",
        "Quận uỷ Ba Đình",
        "HN-0200",
    ), // 5
    (
        "Lê Văn Hòa",
        "Chánh Văn phòng",
        "Thành uỷ Hà Nội",
        "HN-0201",
    ), // 6
    ("Vũ Thị Thu", "Phóng viên", "Báo Hà Nội mới", "HN-0300"),     // 7
    (
        "Vũ Thị Thu Hà",
        "Biên tập viên",
        "Đài Phát thanh và Truyền hình Hà Nội",
        "HN-0301",
    ), // 8
    ("Đặng Văn Dũng", "Bí thư", "Đảng uỷ xã Đông Dư", "HN-0400"),  // 9
    (
        "Dương Văn Đức",
        "Phó Chủ tịch",
        "UBND quận Đống Đa",
        "HN-0401",
    ), // 10
    (
        "Phạm Minh Đức",
        "Trưởng ban Dân vận",
        "Quận uỷ Đống Đa",
        "HN-0402",
    ), // 11
    (
        "Bùi Huyền Mai",
        "Phó Trưởng Ban Thường trực",
        "Ban Tuyên giáo Thành uỷ",
        "HN-0500",
    ), // 12
    (
        "Ngô Thị Thanh Hằng",
        "Giám đốc",
        "Sở Văn hoá và Thể thao",
        "HN-0501",
    ), // 13
    ("Hoàng Văn Nam", "Chuyên viên", "Quận uỷ Ba Đình", "HN-0600"), // 14
    (
        "Nguyễn Thị Nam Phương",
        "Phó Giám đốc",
        "Sở Y tế",
        "HN-0601",
    ), // 15
    ("Trần Văn Ba", "Bí thư", "Quận uỷ Tây Hồ", "HN-0700"),        // 16
    (
        "Lê Quang Huy",
        "Chuyên viên",
        "Văn phòng Thành uỷ",
        "7K3M9QXA",
    ), // 17
];

fn index() -> SearchIndex {
    SearchIndex::new(PEOPLE.iter().map(|(name, title, unit, code)| Searchable {
        name,
        title,
        unit,
        code,
    }))
}

/// The results begin with `first`, in that order.
fn starts(index: &SearchIndex, query: &str, first: &[usize]) {
    let found = index.search(query, 20);
    assert!(
        found.len() >= first.len() && found[..first.len()] == *first,
        "{query:?}: expected {first:?} first, found {:?}",
        names(&found)
    );
}

/// The results are exactly `all`, in that order.
fn exactly(index: &SearchIndex, query: &str, all: &[usize]) {
    let found = index.search(query, 20);
    assert_eq!(found, all, "{query:?}: found {:?}", names(&found));
}

fn names(found: &[usize]) -> Vec<&str> {
    found.iter().map(|i| PEOPLE[*i].0).collect()
}

#[test]
fn without_marks_with_marks_and_in_any_order() {
    let ix = index();
    // Without marks: Tuấn and Tuân alike, the full name before a longer one.
    exactly(&ix, "nguyen van tuan", &[0, 1, 2]);
    // With marks: the exact ones first.
    exactly(&ix, "Nguyễn Văn Tuân", &[1, 0, 2]);
    exactly(&ix, "Tuấn", &[0, 2, 1]);
    exactly(&ix, "tuan", &[0, 1, 2]);
    // Any order.
    exactly(&ix, "tuan nguyen van", &[0, 1, 2]);
    starts(&ix, "tuấn nguyễn", &[0, 2]);
    // Capitals and decomposed input (NFD) are the same text.
    starts(&ix, "NGUYỄN VĂN TUẤN", &[0]);
    starts(
        &ix,
        "nguye\u{302}\u{303}n va\u{306}n tua\u{302}\u{301}n",
        &[0],
    );
    exactly(&ix, "Nguyễn", &[0, 1, 2, 15]);
    exactly(&ix, "nguyen thi", &[15]);
    exactly(&ix, "tuan anh", &[2]);
    exactly(&ix, "le hoa", &[5, 6]);
    exactly(&ix, "tran thi thuy", &[3, 4]);
}

#[test]
fn prefixes_and_initials() {
    let ix = index();
    starts(&ix, "ng v tu", &[0, 1, 2]);
    exactly(&ix, "ng v tu", &[0, 1, 2]);
    exactly(&ix, "nvt", &[0, 1, 2]);
    exactly(&ix, "bhm", &[12]);
    exactly(&ix, "pmd", &[11]);
    // Each query word takes its own name word.
    starts(&ix, "d v d", &[9, 10]);
    exactly(&ix, "bui huyen mai", &[12]);
    exactly(&ix, "thanh hang", &[13]);
}

#[test]
fn d_and_tone_placement_are_the_same_letters() {
    let ix = index();
    // Marks typed rank the exact word first; "Đảng uỷ" still matches.
    exactly(&ix, "đặng", &[9, 3]);
    exactly(&ix, "dang", &[9, 3]);
    exactly(&ix, "dung", &[9]);
    exactly(&ix, "Dũng", &[9]);
    exactly(&ix, "duc", &[10, 11]);
    exactly(&ix, "Đức", &[10, 11]);
    // Old and new placement of the tone: one word.
    exactly(&ix, "Thuỷ", &[3, 4]);
    exactly(&ix, "Thủy", &[3, 4]);
    starts(&ix, "Hoà", &[5, 6]);
    starts(&ix, "Hòa", &[5, 6]);
    exactly(&ix, "hằng", &[13]);
}

#[test]
fn codes_with_or_without_hyphens() {
    let ix = index();
    exactly(&ix, "hn0042", &[0]);
    exactly(&ix, "HN-0042", &[0]);
    exactly(&ix, "hn 0042", &[0]);
    exactly(&ix, "7k3m9qxa", &[17]);
    // The beginning of a code, as it is being typed.
    exactly(&ix, "hn00", &[0, 1, 2]);
    exactly(&ix, "7K3M", &[17]);
}

#[test]
fn a_name_beats_a_unit_or_a_title() {
    let ix = index();
    // Units and titles are searched too, word by word.
    exactly(&ix, "quan uy ba dinh", &[0, 5, 14]);
    // Two whole words of a unit before a name that begins with "da".
    exactly(&ix, "dong da", &[10, 11, 9]);
    exactly(&ix, "chanh van phong", &[6]);
    starts(&ix, "pho truong ban", &[0, 12]);
    // Marks matching first, then the shorter name.
    exactly(&ix, "đông", &[9, 2, 10, 11]);
    // "Ba" the name before "Ba Đình" the unit.
    starts(&ix, "ba", &[16]);
    // "Mai" the name before "Hoàng Mai" the unit.
    exactly(&ix, "mai", &[12, 4]);
    // Whole words before beginnings, names before units: Hoà, Hòa (whole, in
    // the name), "Sở Văn hoá" (whole, in the unit), Hoàng (the beginning of a
    // name word), then the beginnings in units.
    starts(&ix, "hoa", &[5, 6, 13, 14]);
    // Everyone with "Văn" in the name, then "Dân vận", "Văn phòng" and "Sở
    // Văn hoá" in titles and units.
    let van = ix.search("van", 20);
    let mut names_first = van[..8].to_vec();
    names_first.sort();
    assert_eq!(
        names_first,
        [0, 1, 2, 6, 9, 10, 14, 16],
        "{:?}",
        names(&van)
    );
    assert_eq!(van[8..], [11, 17, 13], "{:?}", names(&van));
}

#[test]
fn shorter_names_and_whole_words_first() {
    let ix = index();
    exactly(&ix, "vu thi thu", &[7, 8]);
    // The name "Thu" whole, then "thư" whole in a title, then beginnings.
    exactly(&ix, "thu", &[7, 8, 3, 4, 9, 16, 12]);
    // The name Hà, then Hà Nội in units, then the beginning of Hằng.
    exactly(&ix, "Hà", &[8, 6, 7, 13]);
}

#[test]
fn nothing_to_find() {
    let ix = index();
    for query in ["", "   ", "xyz", "nguyen xyz", ",.;", "tuan tuan tuan tuan"] {
        exactly(&ix, query, &[]);
    }
    assert_eq!(ix.search("nguyen", 2).len(), 2, "the limit holds");
    // One letter is the beginning of many words: all of them are found.
    assert_eq!(ix.search("q", 20).len(), 8);
}
