//! Giấy mời (NĐ30 Mẫu 1.7): one invitation per invited person, each on its own
//! pages, in one file.

use hoinghi_core::model::DocumentFieldKey;

use super::{person, sentence, when, Ctx};
use crate::layout::{Block, PageSpec};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let guests: Vec<(String, String)> = if conf.participants.is_empty() {
        // No list yet: one invitation with a blank to fill in by hand.
        vec![(String::new(), String::new())]
    } else {
        conf.participants
            .iter()
            .map(|p| {
                let office = [p.person.position_title.trim(), p.person.unit.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                (p.person.full_name.clone(), office)
            })
            .collect()
    };
    let mut blocks = Vec::new();
    for (i, (name, office)) in guests.iter().enumerate() {
        if i > 0 {
            blocks.push(Block::NewDocument);
        }
        blocks.extend(invitation(ctx, name, office));
    }
    (ctx.profile().page, blocks)
}

fn invitation(ctx: &Ctx, name: &str, office: &str) -> Vec<Block> {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let mut blocks = ctx.header(true, true);
    blocks.extend(ctx.title("Giấy mời", &format!("Dự {}", m.title.trim())));

    let guest = if name.is_empty() {
        "đồng chí ……………………………………………".to_string()
    } else {
        person(name, office)
    };
    let invitation = ctx.text(
        DocumentFieldKey::Invitation,
        format!("{} trân trọng kính mời:", conf.body_name()),
    );
    blocks.push(Block::Para(
        ctx.profile()
            .body()
            .text(format!("{} ", invitation.trim()))
            .bold(sentence(&guest)),
    ));
    blocks.push(ctx.labelled("Tới dự", &sentence(&m.title)));
    if !m.chair_name.trim().is_empty() {
        blocks.push(ctx.labelled("Chủ trì", &sentence(&conf.chair())));
    }
    blocks.push(ctx.labelled("Thời gian", &sentence(&when(conf.starts()))));
    if !m.venue.trim().is_empty() {
        blocks.push(ctx.labelled("Địa điểm", &sentence(&m.venue)));
    }
    blocks.push(ctx.closing("Rất mong đồng chí đến dự đúng thời gian", "- Như trên;"));
    blocks
}
