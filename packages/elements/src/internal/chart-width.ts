import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ref, type RefOrCallback } from 'lit/directives/ref.js';

/**
 * The measured CSS width of each chart box, so a chart draws its SVG at that width (one user unit
 * = one CSS pixel) instead of scaling a fixed viewBox: text keeps the size the stylesheet gives it
 * on a phone and on a wide screen, and every chart's labels are the same size. Put
 * `${widths.ref(key)}` on the box; read `widths.width(key)` while rendering.
 */
export class ChartWidths implements ReactiveController {
  private readonly widths = new Map<string, number>();
  private readonly boxes = new Map<string, Element>();
  private readonly callbacks = new Map<string, RefOrCallback>();
  private observer: ResizeObserver | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const box of this.boxes.values()) this.resizeObserver().observe(box);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** The box's width in CSS pixels, or `fallback` before it has been measured. */
  width(key: string, fallback = 600): number {
    return this.widths.get(key) ?? fallback;
  }

  /** A `ref` directive that measures the element it is put on as `key`. */
  ref(key: string): ReturnType<typeof ref> {
    let callback = this.callbacks.get(key);
    if (!callback) {
      callback = (element?: Element) => this.watch(key, element);
      this.callbacks.set(key, callback);
    }
    return ref(callback);
  }

  private watch(key: string, element: Element | undefined): void {
    const previous = this.boxes.get(key);
    if (previous === element) return;
    if (previous) this.observer?.unobserve(previous);
    if (!element) {
      this.boxes.delete(key);
      return;
    }
    this.boxes.set(key, element);
    this.resizeObserver().observe(element);
  }

  private resizeObserver(): ResizeObserver {
    this.observer ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const key = [...this.boxes].find(([, box]) => box === entry.target)?.[0];
        const width = Math.floor(entry.contentRect.width);
        if (key === undefined || width <= 0 || this.widths.get(key) === width) continue;
        this.widths.set(key, width);
        changed = true;
      }
      // Redrawn in the next frame: a redraw inside this callback that changes a box's size again
      // (a scrollbar coming or going) would be an endless resize loop.
      if (changed) requestAnimationFrame(() => this.host.requestUpdate());
    });
    return this.observer;
  }
}
