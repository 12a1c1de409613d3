//! Slices onto pages: keep-with-next runs, repeated table headers, blank space
//! dropped at the top of a page, page breaks and restarted numbering, and
//! feet that take their height off the page they fall on.

use super::*;

pub(super) fn paginate(spec: &PageSpec, slices: Vec<Slice>) -> Vec<LaidPage> {
    let room = spec.content_height();
    // Heights of the runs of slices that must stay together, by their first slice.
    let mut group_height = vec![None; slices.len()];
    let mut i = 0;
    while i < slices.len() {
        let mut j = i;
        let mut height = slices[i].height;
        while slices[j].keep_with_next && j + 1 < slices.len() && !slices[j + 1].page_break {
            j += 1;
            height += slices[j].height;
        }
        group_height[i] = Some(height);
        i = j + 1;
    }

    let mut pages = vec![LaidPage {
        number: 1,
        items: Vec::new(),
    }];
    let new_page = |pages: &mut Vec<LaidPage>, restart: bool| {
        let number = if restart {
            1
        } else {
            pages.last().map_or(1, |p| p.number + 1)
        };
        pages.push(LaidPage {
            number,
            items: Vec::new(),
        });
    };
    let place = |items: Vec<Item>, height: f32, y: &mut f32, pages: &mut Vec<LaidPage>| {
        let page = pages.last_mut().expect("there is always a page");
        page.items.extend(items.into_iter().map(|mut i| {
            i.shift(spec.margin_left, spec.margin_top + *y);
            i
        }));
        *y += height;
    };
    let mut y = 0.0_f32;
    // What is left of this page's height once its foot, if any, is set.
    let mut room_here = room;
    for (k, s) in slices.into_iter().enumerate() {
        if let Some(group) = group_height[k] {
            if y > 0.0 && y + group > room_here + 0.01 && group <= room {
                new_page(&mut pages, false);
                (y, room_here) = (0.0, room);
            }
        }
        if s.page_break {
            if y > 0.0 || s.new_document {
                new_page(&mut pages, s.new_document);
                (y, room_here) = (0.0, room);
            }
            continue;
        }
        if s.foot {
            if y > 0.0 && y + s.height > room_here + 0.01 {
                new_page(&mut pages, false);
                (y, room_here) = (0.0, room);
            }
            room_here -= s.height;
            let mut at = room_here;
            place(s.items, s.height, &mut at, &mut pages);
            continue;
        }
        if y > 0.0 && y + s.height > room_here + 0.01 {
            new_page(&mut pages, false);
            (y, room_here) = (0.0, room);
        }
        if y == 0.0 && s.blank {
            continue;
        }
        if y == 0.0 && pages.last().is_some_and(|p| p.number > 1) {
            if let Some(h) = &s.header {
                place(h.items.clone(), h.height, &mut y, &mut pages);
            }
        }
        place(s.items, s.height, &mut y, &mut pages);
    }
    pages
}
