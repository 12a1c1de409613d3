import type { ReactNode } from "react";

interface FieldProps {
  label: string;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A label wrapped around its control, with an optional hint underneath. */
export function Field({ label, hint, wide, children }: FieldProps) {
  return (
    // The control comes in as `children`, inside the label.
    // biome-ignore lint/a11y/noLabelWithoutControl: the wrapped child is the control
    <label className={wide ? "field field-wide" : "field"}>
      <span className="field-label">{label}</span>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}
