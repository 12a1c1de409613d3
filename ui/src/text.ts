/**
 * Lower case without Vietnamese marks, "đ" as "d", single spaces, as the
 * core's `text::fold` does ("Nguyễn  Văn Đức" → "nguyen van duc"), so that
 * "nguyen" finds "Nguyễn".
 */
export function fold(text: string): string {
  return [...text.normalize("NFD").replace(/\p{M}/gu, "")]
    .map((c) => c.toLowerCase())
    .join("")
    .replace(/đ/g, "d")
    .split(/\p{White_Space}+/u)
    .filter((w) => w !== "")
    .join(" ");
}
