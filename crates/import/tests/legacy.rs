use hoinghi_import::legacy::{capitalise_names, detect, Legacy};
use unicode_normalization::UnicodeNormalization;

/// Every letter of the Vietnamese alphabet, with every tone, in both cases.
fn alphabet() -> Vec<String> {
    let tones = ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"];
    let mut letters = Vec::new();
    for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for tone in tones {
            let lower: String = format!("{vowel}{tone}").nfc().collect();
            letters.push(lower.to_uppercase());
            letters.push(lower);
        }
    }
    for c in "bcdđghklmnpqrstvx".chars() {
        letters.push(c.to_string());
        letters.push(c.to_uppercase().collect());
    }
    letters
}

#[test]
fn every_letter_in_both_cases_round_trips_through_each_legacy_encoding() {
    let letters = alphabet();
    assert_eq!(letters.len(), 12 * 6 * 2 + 17 * 2);
    for legacy in [Legacy::Tcvn3, Legacy::Vni, Legacy::Cp1258] {
        for letter in &letters {
            let typed = legacy
                .encode(letter)
                .unwrap_or_else(|| panic!("{}: no code for {letter}", legacy.name()));
            assert_eq!(
                &legacy.decode(&typed),
                letter,
                "{} {letter} as {typed:?}",
                legacy.name()
            );
        }
        // Whole words too, where VNI's two-byte letters meet their neighbours.
        let text = "Nguyễn Văn Tuấn, Đặng Thị Thuỷ, Phường Hoàn Kiếm - ỦY BAN NHÂN DÂN";
        let typed = legacy.encode(text).unwrap();
        assert_eq!(legacy.decode(&typed), text, "{}", legacy.name());
    }
}

#[test]
fn text_as_offices_have_it_is_read_back() {
    assert_eq!(Legacy::Tcvn3.decode("NguyÔn V¨n A"), "Nguyễn Văn A");
    assert_eq!(
        Legacy::Tcvn3.decode("Tr\u{AD}êng THPT Chu V¨n An"),
        "Trường THPT Chu Văn An"
    );
    assert_eq!(Legacy::Vni.decode("Nguyeãn Vaên A"), "Nguyễn Văn A");
    assert_eq!(Legacy::Vni.decode("Ñaëng Thò Höông"), "Đặng Thị Hương");
    assert_eq!(Legacy::Vni.decode("NGUYEÃN VAÊN AÙNH"), "NGUYỄN VĂN ÁNH");
    // Characters that were never legacy bytes stay as they are.
    assert_eq!(Legacy::Tcvn3.decode("NguyÔn → 😀"), "Nguyễn → 😀");
}

#[test]
fn each_column_is_read_the_way_it_was_typed() {
    let unicode = ["Nguyễn Văn Tuấn", "Trần Thị Bình", "Lê Hoàng"];
    assert_eq!(detect(unicode), None);
    assert_eq!(
        detect(["Nguyen Van A", "UBND"]),
        None,
        "ASCII reads the same everywhere"
    );
    for legacy in [Legacy::Tcvn3, Legacy::Vni, Legacy::Cp1258] {
        let typed: Vec<String> = unicode.iter().map(|s| legacy.encode(s).unwrap()).collect();
        assert_eq!(
            detect(typed.iter().map(String::as_str)),
            Some(legacy),
            "{typed:?}"
        );
    }
    // Western text with accents is left alone.
    assert_eq!(detect(["José Martí", "Café Müller"]), None);
}

#[test]
fn names_typed_in_vntime_get_their_capitals_back() {
    assert_eq!(capitalise_names("Nguyễn Thị ánh"), "Nguyễn Thị Ánh");
    assert_eq!(capitalise_names("Lê ấn"), "Lê Ấn");
    assert_eq!(
        capitalise_names("đồng chí văn"),
        "đồng chí văn",
        "a lowercase phrase stays"
    );
}
