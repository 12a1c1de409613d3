//! Giấy mời (NĐ30 Mẫu 1.7) in the two forms offices use: one generic
//! invitation to "the comrades named in the attached list", with that list as
//! its annex, or one invitation per invitee (mail merge), each on its own pages.
//! Only guests and the press are invited: the chair, the host body's own
//! people and the staff are on the list without a giấy mời.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use hoinghi_core::model::{DocumentFieldKey, InvitationForm, Participant};

use super::{danh_sach, lower_first, office, person, sentence, short_date, when, Ctx};
use crate::layout::{Align, Block, PageSpec, Para};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let invitees: Vec<&Participant> = ctx
        .conf
        .participants
        .iter()
        .filter(|p| p.role.is_invited())
        .collect();
    let mut blocks = Vec::new();
    match ctx.opts.invitation {
        InvitationForm::Generic => {
            blocks.extend(invitation(ctx, To::Everyone));
            if !invitees.is_empty() {
                blocks.push(Block::NewDocument);
                blocks.extend(danh_sach::invitees(ctx, &invitees));
            }
        }
        InvitationForm::PerPerson if invitees.is_empty() => {
            // No one to invite yet: one invitation with a blank to fill in by hand.
            blocks.extend(invitation(ctx, To::Blank));
        }
        InvitationForm::PerPerson => {
            for (i, p) in invitees.into_iter().enumerate() {
                if i > 0 {
                    blocks.push(Block::NewDocument);
                }
                blocks.extend(invitation(ctx, To::One(p)));
            }
        }
    }
    (ctx.profile().page, blocks)
}

/// Whom one invitation is addressed to.
#[derive(Clone, Copy)]
enum To<'a> {
    /// The generic form: everyone on the attached list.
    Everyone,
    One(&'a Participant),
    /// One person, to be written in by hand.
    Blank,
}

fn invitation(ctx: &Ctx, to: To) -> Vec<Block> {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let mut blocks = ctx.header(true, true);
    blocks.extend(ctx.first_page_contact());
    let subject = ctx.subject_phrase(&format!("dự {}", m.title.trim()));
    blocks.extend(ctx.title("Giấy mời", &subject));

    let you = match to {
        To::Everyone => {
            let profile = ctx.profile();
            blocks.push(Block::Para(
                Para::new(profile.body_size)
                    .align(Align::Center)
                    .leading(profile.body_leading)
                    .after(profile.paragraph_after)
                    .span("Kính gửi: ", profile.address_label)
                    .text("Các đồng chí có tên trong danh sách kèm theo."),
            ));
            // Its own field: an edit of one form's sentence must not end up in the other.
            let invitation = ctx.text(
                DocumentFieldKey::InvitationAll,
                format!(
                    "{} trân trọng kính mời các đồng chí tới dự {}.",
                    conf.body_name(),
                    lower_first(m.title.trim())
                ),
            );
            blocks.push(ctx.para(&invitation));
            "các đồng chí"
        }
        To::One(_) | To::Blank => {
            let named = match to {
                To::One(p) => person(
                    &p.person.full_name,
                    &office(&p.person.position_title, &p.person.unit),
                ),
                _ => "đồng chí ……………………………………………".to_string(),
            };
            let invitation = ctx.text(
                DocumentFieldKey::Invitation,
                format!("{} trân trọng kính mời:", conf.body_name()),
            );
            blocks.push(Block::Para(
                ctx.profile()
                    .body()
                    .text(format!("{} ", invitation.trim()))
                    .bold(sentence(&named)),
            ));
            blocks.push(ctx.labelled("Tới dự", &sentence(&m.title)));
            "đồng chí"
        }
    };
    if !m.chair_name.trim().is_empty() {
        blocks.push(ctx.labelled("Chủ trì", &sentence(&conf.chair())));
    }
    blocks.push(ctx.labelled("Thời gian", &sentence(&when(conf.starts()))));
    if !m.venue.trim().is_empty() {
        blocks.push(ctx.labelled("Địa điểm", &sentence(&m.venue)));
    }
    if let Some(contact) = confirmation(ctx) {
        blocks.push(ctx.para(&ctx.text(DocumentFieldKey::Confirmation, contact)));
    }
    let recipient = match to {
        To::Everyone => "- Như danh sách kèm theo;",
        To::One(_) | To::Blank => "- Như trên;",
    };
    blocks.push(ctx.closing(
        &format!("Rất mong {you} đến dự đúng thời gian"),
        &[recipient.to_string()],
    ));
    blocks
}

/// "Đề nghị xác nhận tham dự với đồng chí …, số điện thoại …, trước 16 giờ 00
/// ngày …", worded for either form: with the meeting's minute-taker (and their phone,
/// if they are on the list with one), two working days before the meeting.
fn confirmation(ctx: &Ctx) -> Option<String> {
    let m = &ctx.conf.meeting;
    let name = m.secretary_name.trim();
    if name.is_empty() {
        return None;
    }
    let contact = person(name, &m.secretary_title);
    let phone = ctx
        .conf
        .participants
        .iter()
        .find(|p| p.person.full_name.trim() == name && !p.person.phone.trim().is_empty())
        .map(|p| format!(", số điện thoại {}", p.person.phone.trim()))
        .unwrap_or_default();
    let by = working_days_before(ctx.conf.starts().date(), 2);
    Some(format!(
        "Đề nghị xác nhận tham dự với {contact}{phone}, trước 16 giờ 00 ngày {}.",
        short_date(&by.format("%Y-%m-%d").to_string())
    ))
}

/// The day `n` working days (Monday to Friday) before `day`.
fn working_days_before(day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d -= Duration::days(1);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confirmations_are_due_two_working_days_before() {
        let day = |d| NaiveDate::from_ymd_opt(2022, 10, d).unwrap();
        // Thursday 6/10 → Tuesday 4/10; Monday 10/10 → Thursday 6/10.
        assert_eq!(working_days_before(day(6), 2), day(4));
        assert_eq!(working_days_before(day(10), 2), day(6));
    }
}
