import { type RefObject, useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n";
import { openPdf, type PageSize, type PdfDocument } from "../pdfjs";

const MAX_PAGE_WIDTH = 760;
const MIN_PAGE_WIDTH = 320;
/** Widths are rounded to this step, so that a resize redraws the pages only now and then. */
const WIDTH_STEP = 40;

/**
 * A PDF, page under page in a scrolling box, with its page count. Only the
 * pages near the visible part are drawn (an invitation for each of 400 guests
 * makes 400 pages); those scrolled far away give their canvas memory back.
 * While the next document opens, the previous one stays on screen.
 */
export function PdfPreview({ data, label }: { data: Uint8Array; label: string }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const width = usePageWidth(scroller);

  useEffect(() => {
    let live = true;
    let opened: PdfDocument | null = null;
    openPdf(data).then(
      (next) => {
        if (!live) {
          next.destroy();
          return;
        }
        opened = next;
        setFailure(null);
        setDoc(next);
      },
      (error: unknown) => {
        if (!live) return;
        setDoc(null);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
      opened?.destroy();
    };
  }, [data]);

  const count = doc?.pageCount ?? 0;
  return (
    <div className="pdf-preview">
      <p className="pdf-meta muted small" data-testid="pdf-page-count" aria-live="polite">
        {doc ? t("docs.pages", { count }) : failure ? "" : t("docs.previewOpening")}
      </p>
      {failure ? (
        <p className="error-text" role="alert">
          {t("docs.previewFailed", { message: failure })}
        </p>
      ) : null}
      <section ref={scroller} className="pdf-scroller" aria-label={label}>
        {doc
          ? Array.from({ length: count }, (_, index) => (
              <PdfPage
                // Keyed by position: the next document draws over the same canvases.
                // biome-ignore lint/suspicious/noArrayIndexKey: pages are their position
                key={index}
                doc={doc}
                pageNumber={index + 1}
                width={width}
                label={t("docs.pageLabel", { page: index + 1, count })}
                root={scroller}
              />
            ))
          : null}
      </section>
    </div>
  );
}

function PdfPage({
  doc,
  pageNumber,
  width,
  label,
  root,
}: {
  doc: PdfDocument;
  pageNumber: number;
  width: number;
  label: string;
  root: RefObject<HTMLElement | null>;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<PageSize>(doc.firstPageSize);
  const near = useNearView(canvas, root);

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    if (!near) {
      // Far out of view: give the bitmap back; it is drawn again on the way back.
      target.width = 0;
      target.height = 0;
      return;
    }
    let live = true;
    doc
      .renderPage(pageNumber, target, width, () => live)
      .then(
        (drawn) => {
          if (live) setSize(drawn);
        },
        () => {
          // A newer document or width took over, and this draw was cancelled.
        },
      );
    return () => {
      live = false;
    };
  }, [doc, pageNumber, width, near]);

  const height = Math.round((width * size.height) / size.width);
  return (
    <canvas
      ref={canvas}
      className="pdf-page"
      role="img"
      aria-label={label}
      data-testid="pdf-page"
      style={{ width, height }}
    />
  );
}

/** Whether the element is on screen or near it; always true where that cannot be known. */
function useNearView(
  element: RefObject<HTMLElement | null>,
  root: RefObject<HTMLElement | null>,
): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (entry) setNear(entry.isIntersecting);
      },
      { root: root.current, rootMargin: "150% 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element, root]);
  return near;
}

/** The width to draw pages at: the scrolling box's, within sensible bounds. */
function usePageWidth(box: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(MAX_PAGE_WIDTH);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const available = element.clientWidth - 32;
      const stepped = Math.floor(available / WIDTH_STEP) * WIDTH_STEP;
      setWidth(Math.max(MIN_PAGE_WIDTH, Math.min(MAX_PAGE_WIDTH, stepped)));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);
  return width;
}
