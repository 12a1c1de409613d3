import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import type { ErrorKind, IpcError } from "../ipc/bindings";
import { en } from "./en";
import type { Dictionary, Lang, MessageKey } from "./types";
import { vi } from "./vi";

export type { Dictionary, Lang, MessageKey } from "./types";

export const dictionaries: Record<Lang, Dictionary> = { vi, en };
export const LANG_STORAGE_KEY = "hoinghi.lang";

type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** A sentence for every kind the backend may send (generated `ErrorKind`: a new kind fails the type-check here). */
const ERROR_KEYS: Record<ErrorKind, MessageKey> = {
  invalid: "error.invalid",
  notFound: "error.notFound",
  meetingClosed: "error.meetingClosed",
  conflict: "error.conflict",
  newerDatabase: "error.newerDatabase",
  notHoiNghi: "error.notHoiNghi",
  inUse: "error.inUse",
  databaseLost: "error.databaseLost",
  diskFull: "error.diskFull",
  storage: "error.storage",
  io: "error.io",
  missingGlyphs: "error.missingGlyphs",
  font: "error.font",
  pdf: "error.pdf",
  internal: "error.internal",
  unknown: "error.unknown",
};

/**
 * The backend's message is already Vietnamese and says what to do, so the
 * Vietnamese UI shows it as it is; the English UI puts an English sentence for
 * the error's kind first and keeps the original after it.
 */
export function describeError(lang: Lang, error: IpcError): string {
  if (lang === "vi") return error.message;
  const sentence = translate(lang, ERROR_KEYS[error.kind]);
  return error.message ? `${sentence} (${error.message})` : sentence;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Vars): string;
  describeError(error: IpcError): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then lasts for this session only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      describeError: (error) => describeError(lang, error),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n must be used inside an I18nProvider");
  return i18n;
}
