// The one place that talks to pdf.js, so that component tests (jsdom has no
// canvas) can replace it with a stand-in.
//
// pdf.js and its worker are bundled by Vite and loaded on first use only: the
// worker is emitted as a file of its own under `dist/assets` and started from
// there, never from a CDN. The "legacy" build carries polyfills, so that older
// system web views (macOS WKWebView, WebKitGTK) can show the preview too.

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let library: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  library ??= Promise.all([
    import("pdfjs-dist/legacy/build/pdf.mjs"),
    import("pdfjs-dist/legacy/build/pdf.worker.min.mjs?url"),
  ]).then(([pdfjs, worker]) => {
    pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
    return pdfjs;
  });
  return library;
}

/** A page's size in PDF points (1/72 inch). */
export interface PageSize {
  width: number;
  height: number;
}

/** An opened PDF, ready to draw its pages onto canvases. */
export interface PdfDocument {
  pageCount: number;
  /** The first page's size, to lay out pages before they are drawn. */
  firstPageSize: PageSize;
  /**
   * Draws page `pageNumber` (from 1) `cssWidth` pixels wide, unless `wanted()`
   * has turned false by the time it is ready; resolves to the page's size.
   */
  renderPage(
    pageNumber: number,
    canvas: HTMLCanvasElement,
    cssWidth: number,
    wanted?: () => boolean,
  ): Promise<PageSize>;
  /** Frees the document; pending draws end with an error that callers may ignore. */
  destroy(): void;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  // pdf.js hands `data` over to its worker, which empties the caller's buffer:
  // give it a copy so that the bytes can be drawn again.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    enableXfa: false,
  });
  const doc = await task.promise;
  const first = (await doc.getPage(1)).getViewport({ scale: 1 });
  return {
    pageCount: doc.numPages,
    firstPageSize: { width: first.width, height: first.height },
    async renderPage(pageNumber, canvas, cssWidth, wanted = () => true) {
      const page = await doc.getPage(pageNumber);
      const natural = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (cssWidth / natural.width) * ratio });
      // Draw off screen, then copy: the page on screen stays until the new one is ready.
      const scratch = document.createElement("canvas");
      scratch.width = Math.floor(viewport.width);
      scratch.height = Math.floor(viewport.height);
      const scratchContext = scratch.getContext("2d");
      if (scratchContext && wanted()) {
        await page.render({ canvasContext: scratchContext, viewport }).promise;
        if (wanted()) {
          canvas.width = scratch.width;
          canvas.height = scratch.height;
          canvas.getContext("2d")?.drawImage(scratch, 0, 0);
        }
      }
      page.cleanup();
      return { width: natural.width, height: natural.height };
    },
    destroy() {
      void task.destroy();
    },
  };
}
