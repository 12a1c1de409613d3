import type { ImportChoices } from "./bindings";

/**
 * The wizard's choices before the secretary makes any: everything as the
 * core detects it. A picked file is first read with these. Never changed in
 * place: choices are copied with the change.
 */
export const DETECTED_CHOICES: ImportChoices = {
  sheet: null,
  headerRow: null,
  fields: null,
  section: null,
  skipRows: [],
  fixes: [],
};
