//! Thông báo kết luận (NĐ30 Mẫu 1.4, TB): who met and why, the chair's
//! assessment, the tasks assigned (who, what, by when), and the closing
//! "thông báo để … biết, thực hiện./.".

use hoinghi_core::model::{DocumentFieldKey, MinutesKind};

use super::{capitalise, date_line_of, roman_heading, task_text, Conference, Ctx};
use crate::layout::{Block, PageSpec};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let party = ctx.profile().is_party();
    let mut blocks = ctx.header(true, true);
    blocks.extend(ctx.first_page_contact());
    let office = conf.chair_office();
    let subject = format!("kết luận của đồng chí {office} tại {}", m.title.trim());
    blocks.extend(ctx.title("Thông báo", &ctx.subject_phrase(&subject)));

    let body = conf.body_name();
    let mut opening = format!(
        "{}, {body} tổ chức {}.",
        capitalise(&date_line_of(conf.starts().date())),
        m.title.trim()
    );
    if !m.chair_name.trim().is_empty() {
        opening.push_str(&format!(" {} chủ trì Hội nghị.", capitalise(&conf.chair())));
    }
    if let Some(attendance) = ctx.attendance_sentence() {
        opening.push_str(&format!(" {attendance}"));
    }
    blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Opening, opening)));
    let lead = format!(
        "Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí {office} kết luận như sau:"
    );
    blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Lead, lead)));

    let conclusions: Vec<&str> = conf
        .minutes
        .iter()
        .filter(|e| e.kind == MinutesKind::Conclusion)
        .map(|e| e.text.as_str())
        .collect();
    let mut section = 0;
    if !conclusions.is_empty() {
        section += 1;
        blocks.push(ctx.heading(&roman_heading(party, section, "Đánh giá chung")));
        blocks.extend(conclusions.into_iter().map(|t| ctx.para(t)));
    }
    if !conf.tasks.is_empty() {
        section += 1;
        blocks.push(ctx.heading(&roman_heading(party, section, "Nhiệm vụ thời gian tới")));
        for (i, t) in conf.tasks.iter().enumerate() {
            blocks.push(ctx.para(&format!("{}) {}", diem(i), task_text(t))));
        }
    }

    let closing = format!("{body} thông báo để các cơ quan, đơn vị biết, thực hiện");
    // The superior (to report to), the units given tasks, the participants.
    let mut recipients: Vec<String> = ctx.superior().into_iter().collect();
    for unit in task_units(conf) {
        recipients.push(format!("- {};", capitalise(&unit)));
    }
    recipients.push("- Các đại biểu dự Hội nghị;".into());
    blocks.push(ctx.closing(&closing, &recipients));
    (ctx.profile().page, blocks)
}

/// The units given tasks, each once. A list of units that another one
/// continues ("Ban Tuyên giáo các quận uỷ, huyện uỷ, thị uỷ" beside "…, thị
/// uỷ, đảng uỷ trực thuộc") names the same addressees: it is kept once, in
/// its longer form.
fn task_units(conf: &Conference) -> Vec<String> {
    // Whether `long` is `short` followed by more of the list.
    let continues = |long: &str, short: &str| {
        let (long, short) = (hoinghi_core::fold(long), hoinghi_core::fold(short));
        long == short || long.starts_with(&format!("{short},"))
    };
    let mut units: Vec<String> = Vec::new();
    for unit in conf.tasks.iter().flat_map(|t| t.assignee.split(';')) {
        let unit = unit.trim().trim_end_matches(['.', ',']);
        if unit.is_empty() || units.iter().any(|u| continues(u, unit)) {
            continue;
        }
        match units.iter().position(|u| continues(unit, u)) {
            Some(i) => units[i] = unit.to_string(),
            None => units.push(unit.to_string()),
        }
    }
    units
}

/// The letter of the `i`-th điểm (from 0): a, b, c, d, đ, e … y in the
/// Vietnamese alphabet, then aa, bb … past the end.
fn diem(i: usize) -> String {
    const LETTERS: [&str; 23] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y",
    ];
    LETTERS[i % LETTERS.len()].repeat(i / LETTERS.len() + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn diem_letters_follow_the_vietnamese_alphabet() {
        let letters: Vec<String> = (0..7).map(super::diem).collect();
        assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g"]);
        assert_eq!(super::diem(23), "aa");
    }
}
