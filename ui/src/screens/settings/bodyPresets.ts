import type { Organisation } from "../../ipc";

/**
 * Common kinds of issuing body as they stand after the 2025 reorganisation
 * (two levels of local government from 1/7/2025, no district level; the Ban
 * Tuyên giáo and Ban Dân vận merged into the Ban Tuyên giáo và Dân vận), for
 * a new body to start from. Names in angle brackets are placeholders the
 * secretary replaces; the header lines are as such bodies issue them.
 */
export interface BodyPreset {
  id: "party-department" | "party-commune" | "state-commune" | "state-department";
  fields: Pick<
    Organisation,
    | "kind"
    | "parentName"
    | "name"
    | "fullName"
    | "abbreviation"
    | "headerLines"
    | "signerTitle"
    | "signingPrefix"
    | "superior"
  >;
}

export const BODY_PRESETS: readonly BodyPreset[] = [
  {
    id: "party-department",
    fields: {
      kind: "party",
      parentName: "THÀNH UỶ HÀ NỘI",
      name: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
      fullName: "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
      abbreviation: "BTGDVTU",
      headerLines: "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*",
      signerTitle: "TRƯỞNG BAN",
      signingPrefix: "",
      superior: "Thường trực Thành uỷ",
    },
  },
  {
    id: "party-commune",
    fields: {
      kind: "party",
      parentName: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI",
      name: "ĐẢNG UỶ PHƯỜNG <TÊN PHƯỜNG>",
      fullName: "Đảng uỷ phường <Tên phường>",
      abbreviation: "ĐU",
      headerLines: "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI\nĐẢNG UỶ PHƯỜNG <TÊN PHƯỜNG>\n*",
      signerTitle: "BÍ THƯ",
      signingPrefix: "T/M BAN THƯỜNG VỤ",
      superior: "Thường trực Thành uỷ",
    },
  },
  {
    id: "state-commune",
    fields: {
      kind: "state",
      parentName: "",
      name: "ỦY BAN NHÂN DÂN PHƯỜNG <TÊN PHƯỜNG>",
      fullName: "Ủy ban nhân dân phường <Tên phường>",
      abbreviation: "UBND",
      headerLines: "",
      signerTitle: "CHỦ TỊCH",
      signingPrefix: "TM. ỦY BAN NHÂN DÂN",
      superior: "UBND Thành phố",
    },
  },
  {
    id: "state-department",
    fields: {
      kind: "state",
      parentName: "UBND THÀNH PHỐ HÀ NỘI",
      name: "SỞ <TÊN SỞ>",
      fullName: "Sở <Tên sở> Hà Nội",
      abbreviation: "",
      headerLines: "",
      signerTitle: "GIÁM ĐỐC",
      signingPrefix: "",
      superior: "UBND Thành phố",
    },
  },
];
