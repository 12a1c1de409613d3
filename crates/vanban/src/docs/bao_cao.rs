//! Báo cáo kết quả hội nghị (BC): the official form of a "bản tin" — results,
//! the discussion, the conclusions and the tasks ahead.

use hoinghi_core::model::{DocumentFieldKey, MinutesKind};

use super::{capitalise, date_line_of, roman_heading, statement, task_text, Ctx};
use crate::layout::{Block, PageSpec};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let party = ctx.profile().is_party();
    let mut blocks = ctx.header(true, true);
    blocks.extend(ctx.first_page_contact());
    let subject = ctx.subject_phrase(&format!("kết quả {}", m.title.trim()));
    blocks.extend(ctx.title("Báo cáo", &subject));

    blocks.push(ctx.heading(&roman_heading(party, 1, "Tình hình, kết quả hội nghị")));
    let mut opening = format!(
        "{}, {} tổ chức {}",
        capitalise(&date_line_of(conf.starts().date())),
        conf.body_name(),
        m.title.trim()
    );
    if !m.venue.trim().is_empty() {
        opening.push_str(&format!(" tại {}", m.venue.trim()));
    }
    opening.push('.');
    if !m.chair_name.trim().is_empty() {
        opening.push_str(&format!(" {} chủ trì Hội nghị.", capitalise(&conf.chair())));
    }
    if let Some(attendance) = ctx.attendance_sentence() {
        opening.push_str(&format!(" {attendance}"));
    }
    blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Opening, opening)));
    for e in conf
        .minutes
        .iter()
        .filter(|e| e.kind == MinutesKind::Report)
    {
        let (who, rest) = statement(e, "trình bày");
        blocks.push(ctx.para(&format!("{}{rest}", who.unwrap_or_default())));
    }
    let opinions: Vec<_> = conf
        .minutes
        .iter()
        // Only the delegates' opinions: not the opening, closing or directive speeches.
        .filter(|e| e.kind == MinutesKind::Opinion)
        .collect();
    if !opinions.is_empty() {
        let lead = format!(
            "Tại Hội nghị, các đại biểu đã phát biểu {} ý kiến, tập trung vào các nội dung:",
            opinions.len()
        );
        blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Discussion, lead)));
        for e in opinions {
            let line = match statement(e, "phát biểu") {
                (Some(who), rest) => format!("- {who}{rest}"),
                (None, text) => format!("- {text}"),
            };
            blocks.push(ctx.para(&line));
        }
    }

    let conclusions: Vec<_> = conf
        .minutes
        .iter()
        .filter(|e| e.kind == MinutesKind::Conclusion)
        .collect();
    let mut section = 1;
    if !conclusions.is_empty() {
        section += 1;
        blocks.push(ctx.heading(&roman_heading(party, section, "Kết luận của hội nghị")));
        blocks.extend(conclusions.into_iter().map(|e| ctx.para(&e.text)));
    }
    if !conf.tasks.is_empty() {
        section += 1;
        blocks.push(ctx.heading(&roman_heading(party, section, "Nhiệm vụ thời gian tới")));
        for (i, t) in conf.tasks.iter().enumerate() {
            blocks.push(ctx.para(&format!("{}. {}", i + 1, task_text(t))));
        }
    }
    let closing = format!("Trên đây là báo cáo kết quả {}", m.title.trim());
    let mut recipients: Vec<String> = ctx.superior().into_iter().collect();
    recipients.push("- Các đại biểu dự Hội nghị;".into());
    blocks.push(ctx.closing(&closing, &recipients));
    (ctx.profile().page, blocks)
}
