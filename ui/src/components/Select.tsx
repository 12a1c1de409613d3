import { type ComponentProps, useLayoutEffect, useRef } from "react";

type SelectProps = Omit<ComponentProps<"select">, "value" | "ref"> & { value: string };

/**
 * A `<select>` whose value the app also changes by itself (a new entry
 * starts as "Phát biểu", the next agenda item is chosen for the secretary).
 *
 * WebKit, the webview on Linux and macOS, fires `change` on a drop-down only
 * when the option picked differs from the one it last reported (or the one
 * shown when it took the focus), not from the one a script has set since. So
 * after the app put "Kết luận" back to "Phát biểu", picking "Kết luận" again
 * fired nothing and the entry was saved as "Phát biểu". Whenever the value
 * changes from outside, this draws a fresh element, which has reported nothing.
 */
export function Select({ value, onChange, ...props }: SelectProps) {
  const element = useRef<HTMLSelectElement>(null);
  // The value the current element was drawn with or last reported, and its key.
  const drawn = useRef({ value, key: 0 });
  const refocus = useRef(false);
  if (value !== drawn.current.value) {
    refocus.current = element.current !== null && element.current === document.activeElement;
    drawn.current = { value, key: drawn.current.key + 1 };
  }

  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    element.current?.focus();
  });

  return (
    <select
      {...props}
      key={drawn.current.key}
      ref={element}
      value={value}
      onChange={(event) => {
        drawn.current.value = event.target.value;
        onChange?.(event);
      }}
    />
  );
}
