//! Tables: column widths, cells laid out as paragraphs, rows kept whole, and
//! the header row repeated at the top of every page the table runs onto.

use super::*;

impl Ctx<'_> {
    pub(super) fn table(&self, t: &Table, out: &mut Vec<Slice>) {
        let total: f32 = t.widths.iter().sum();
        let mut header = None;
        if !t.header.is_empty() {
            let parts = self.cell_row(t, &t.header, &t.widths, self.content_height, 0.0);
            // A header is repeated on every page only if it is a header-sized row.
            if parts.len() == 1 && parts[0].height <= self.content_height / 3.0 {
                let mut h = parts.into_iter().next().expect("one part");
                h.keep_with_next = true;
                out.push(h.clone());
                header = Some(Arc::new(h));
            } else {
                out.extend(parts);
            }
        }
        let header_height = header.as_ref().map_or(0.0, |h| h.height);
        let room = self.content_height - header_height;
        for row in &t.rows {
            let mut slices = match row {
                Row::Cells(cells) => self.cell_row(t, cells, &t.widths, room, t.min_row_height),
                Row::Section(p) => {
                    let mut s = self.cell_row(
                        t,
                        &[Cell {
                            paras: vec![p.clone()],
                        }],
                        &[total],
                        room,
                        0.0,
                    );
                    // A section heading never ends a page.
                    if let Some(last) = s.last_mut() {
                        last.keep_with_next = true;
                    }
                    s
                }
            };
            for s in &mut slices {
                s.header = header.clone();
            }
            out.extend(slices);
        }
    }

    /// Lays one row out, at least `min_height` tall; a row taller than `room`
    /// is cut into several slices (only a row that would not fit even on an
    /// empty page is ever split).
    fn cell_row(
        &self,
        t: &Table,
        cells: &[Cell],
        widths: &[f32],
        room: f32,
        min_height: f32,
    ) -> Vec<Slice> {
        let columns: Vec<Vec<LineBox>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let inner = (w - 2.0 * t.pad_x).max(1.0);
                cells
                    .get(i)
                    .map(|c| {
                        c.paras
                            .iter()
                            .flat_map(|p| self.para_lines(p, inner))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let height = (columns.iter().map(|c| content(c)).fold(0.0, f32::max) + 2.0 * t.pad_y)
            .max(min_height);
        if height <= room {
            // Nearly every row: one slice, its cells centred vertically.
            return vec![row_part(t, widths, columns, height, true)];
        }
        // Cut each column's lines into chunks that fit, all columns in step.
        let max_inner = (room - 2.0 * t.pad_y).max(1.0);
        let mut chunks: Vec<Vec<Vec<LineBox>>> = columns
            .into_iter()
            .map(|lines| {
                let mut chunks = vec![Vec::new()];
                let mut used = 0.0;
                for line in lines {
                    if used + line.0 > max_inner && used > 0.0 {
                        chunks.push(Vec::new());
                        used = 0.0;
                    }
                    used += line.0;
                    chunks.last_mut().expect("at least one chunk").push(line);
                }
                chunks
            })
            .collect();
        let parts = chunks.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (0..parts)
            .map(|k| {
                let part_lines: Vec<Vec<LineBox>> = chunks
                    .iter_mut()
                    .map(|c| c.get_mut(k).map(std::mem::take).unwrap_or_default())
                    .collect();
                let h = part_lines.iter().map(|l| content(l)).fold(0.0, f32::max) + 2.0 * t.pad_y;
                let (h, whole) = if parts == 1 {
                    (h.max(min_height), true)
                } else {
                    (h, false)
                };
                let mut slice = row_part(t, widths, part_lines, h, whole);
                slice.keep_with_next = k + 1 < parts;
                slice
            })
            .collect()
    }
}

/// The height of a cell's lines.
fn content(lines: &[LineBox]) -> f32 {
    lines.iter().map(|l| l.0).sum()
}

/// One slice of a row, `h` tall: each column's lines placed in its cell
/// (centred vertically if `centred`, as in the format examples, else from the
/// top), and the cell borders.
fn row_part(t: &Table, widths: &[f32], columns: Vec<Vec<LineBox>>, h: f32, centred: bool) -> Slice {
    let mut items = Vec::new();
    let mut x = 0.0;
    for (lines, w) in columns.into_iter().zip(widths) {
        let slack = if centred {
            h - 2.0 * t.pad_y - content(&lines)
        } else {
            0.0
        };
        let mut y = t.pad_y + slack / 2.0;
        for (lh, line_items) in lines {
            items.extend(line_items.into_iter().map(|mut i| {
                i.shift(x + t.pad_x, y);
                i
            }));
            y += lh;
        }
        x += w;
    }
    if t.border > 0.0 {
        let total: f32 = widths.iter().sum();
        let line = |x1, y1, x2, y2| {
            Item::Line(RuleLine {
                x1,
                y1,
                x2,
                y2,
                thickness: t.border,
            })
        };
        items.push(line(0.0, 0.0, total, 0.0));
        items.push(line(0.0, h, total, h));
        let mut x = 0.0;
        for w in widths.iter().chain(std::iter::once(&0.0)) {
            items.push(line(x, 0.0, x, h));
            x += w;
        }
    }
    Slice {
        height: h,
        items,
        ..Slice::default()
    }
}
