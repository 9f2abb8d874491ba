import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Draws a list that appears all at once (a feed's first page) a few items per task: the first
 * `first` items with the update that brings them, the rest `step` at a time in the tasks after,
 * when the browser is idle (at the latest `MAX_WAIT_MS` later). Building a whole page of cards in
 * one task held a phone's main thread long enough to delay a tap; in steps, no task does.
 *
 * Items are always drawn in the list's order and only ever appended, so nothing that is drawn
 * moves, and focus stays where it is. A list that grows or changes once drawn (the next page, a
 * refresh, a filter) is drawn whole at once, as before: only a list that had nothing to show is
 * drawn in steps. The host renders `items.slice(0, drawn)` and whatever follows the list (a
 * footer, an infinite-scroll sentinel) only once `complete`.
 */
export class DrawInSteps implements ReactiveController {
  /** How many of the list's items to draw in this update. */
  drawn = 0;
  private waiting = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** How many items the list has now (asked before each update). */
    private readonly count: () => number,
    private readonly first: number,
    private readonly step: number,
  ) {
    host.addController(this);
  }

  /** Every item of the list is drawn. */
  get complete(): boolean {
    return !this.waiting;
  }

  hostUpdate(): void {
    const count = this.count();
    if (this.drawn === 0) {
      this.drawn = Math.min(count, this.first);
      if (this.drawn < count && !this.waiting) this.schedule();
    } else {
      this.drawn = this.waiting ? Math.min(this.drawn, count) : count;
    }
  }

  private schedule(): void {
    this.waiting = true;
    const next = () => {
      this.waiting = false;
      this.drawn = Math.min(this.count(), this.drawn + this.step);
      if (this.drawn < this.count()) this.schedule();
      this.host.requestUpdate();
    };
    if ('requestIdleCallback' in window) requestIdleCallback(next, { timeout: MAX_WAIT_MS });
    else setTimeout(next);
  }
}

/** The longest a step waits for the browser to be idle. */
const MAX_WAIT_MS = 100;
