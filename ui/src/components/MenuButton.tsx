import {
  Fragment,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";

export interface MenuItem {
  key: string;
  label: string;
  /** A second, quieter line under the label. */
  hint?: string;
  testId?: string;
  /** A line above this item sets it apart from the ones before. */
  separated?: boolean;
  danger?: boolean;
  /** Shown but not chosen (a locked meeting); `title` can say why. */
  disabled?: boolean;
  title?: string;
  onSelect(): void;
}

interface MenuButtonProps {
  /** The button's accessible name (its text may be shorter). */
  label: string;
  /** The menu's accessible name; the button's by default. */
  menuLabel?: string;
  className: string;
  testId?: string;
  menuTestId?: string;
  title?: string;
  items: MenuItem[];
  /** What the button shows. */
  children: ReactNode;
}

const ITEM = '[role="menuitem"]:not([disabled])';

/**
 * A button that opens a small menu of actions (the WAI-ARIA menu button):
 * Enter, Space or a click opens it on its first item, ↓/↑ on the button open
 * it on the first/last; in the menu ↓/↑ (Home/End) move, Enter or Space
 * chooses, Esc or Tab closes it. Focus then goes back to the button, so a
 * dialog an item opens returns focus there too. A click elsewhere, a scroll
 * or a resize closes it. The menu floats over everything (a portal), so a
 * scrolling table does not cut it off.
 */
export function MenuButton({
  label,
  menuLabel,
  className,
  testId,
  menuTestId,
  title,
  items,
  children,
}: MenuButtonProps) {
  const [open, setOpen] = useState<"first" | "last" | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  // Placed under the button (over it when there is no room below) before it is painted.
  useLayoutEffect(() => {
    const panel = menu.current;
    const anchor = button.current;
    if (!open || !panel || !anchor) return;
    const at = anchor.getBoundingClientRect();
    const width = panel.offsetWidth;
    const height = panel.offsetHeight;
    const below = at.bottom + 4;
    const top =
      below + height > window.innerHeight - 8 && at.top - height - 4 > 8
        ? at.top - height - 4
        : below;
    const left = Math.max(8, Math.min(at.left, window.innerWidth - width - 8));
    panel.style.top = `${top}px`;
    panel.style.left = `${left}px`;
    const all = panel.querySelectorAll<HTMLElement>(ITEM);
    (open === "last" ? all[all.length - 1] : all[0])?.focus({ preventScroll: true });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      const target = e.target as Node;
      if (menu.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(null);
    };
    const close = () => setOpen(null);
    document.addEventListener("pointerdown", outside, true);
    window.addEventListener("scroll", outside, true);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("pointerdown", outside, true);
      window.removeEventListener("scroll", outside, true);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  function closeToButton() {
    button.current?.focus();
    setOpen(null);
  }

  function onButtonKeyDown(event: React.KeyboardEvent) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(event.key === "ArrowDown" ? "first" : "last");
    }
  }

  function onMenuKeyDown(event: React.KeyboardEvent) {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus({ preventScroll: true });
    switch (event.key) {
      case "ArrowDown":
        go(at + 1);
        break;
      case "ArrowUp":
        go(at < 0 ? -1 : at - 1);
        break;
      case "Home":
        go(0);
        break;
      case "End":
        go(-1);
        break;
      case "Escape":
      case "Tab":
        closeToButton();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        data-testid={testId}
        aria-label={label}
        title={title}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((current) => (current ? null : "first"))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open
        ? createPortal(
            <div
              ref={menu}
              id={menuId}
              className="menu"
              role="menu"
              aria-label={menuLabel ?? label}
              data-testid={menuTestId}
              onKeyDown={onMenuKeyDown}
            >
              {items.map((item) => (
                <Fragment key={item.key}>
                  {item.separated ? <hr className="menu-separator" /> : null}
                  <button
                    type="button"
                    role="menuitem"
                    tabIndex={-1}
                    className={item.danger ? "menu-item danger" : "menu-item"}
                    data-testid={item.testId}
                    disabled={item.disabled}
                    title={item.title}
                    onClick={() => {
                      closeToButton();
                      item.onSelect();
                    }}
                  >
                    <span className="menu-label">{item.label}</span>
                    {item.hint ? <span className="menu-hint">{item.hint}</span> : null}
                  </button>
                </Fragment>
              ))}
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
