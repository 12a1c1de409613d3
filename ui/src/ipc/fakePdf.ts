/**
 * A small, valid one-page PDF for the fake backend: A4, a frame and a few lines
 * of text in Helvetica. Only ASCII goes in (Helvetica's built-in encoding has no
 * Vietnamese letters), so diacritics are dropped. Offsets in the cross-reference
 * table are computed, so pdf.js loads it without having to repair it.
 */
export function samplePdf(lines: string[]): Uint8Array {
  const text = lines
    .map((line, index) => `${index === 0 ? "" : "0 -22 Td "}(${pdfString(line)}) Tj`)
    .join("\n");
  const content = [
    "0.6 0.1 0.1 RG 1.5 w 56 56 483 730 re S",
    "BT /F1 16 Tf 84 740 Td",
    text,
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** Plain ASCII, with PDF string delimiters escaped. */
function pdfString(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, "?")
    .replace(/[\\()]/g, (c) => `\\${c}`);
}
