import { css } from 'lit';
import { shared, tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  shared,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: var(--_space);
    }
    [part='search'] {
      flex: 1 1 12em;
      min-height: 40px;
      padding: 0 12px;
      border-radius: var(--_radius-small);
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    .new-badge {
      padding: 4px 12px;
      border-radius: 999px;
      background: var(--_highlight);
      color: var(--_text);
      font-weight: 600;
      font-size: 0.9rem;
    }
    .offline {
      margin: 0 0 var(--_space);
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
    }
    /*
     * Long feeds: the browser skips layout and paint of cards that are off screen, and the
     * 'auto' size remembers each card's real height once drawn, so the scrollbar stays stable.
     * Cards stay in the DOM, so find-in-page, anchors and screen readers still reach them, and
     * the feed grows one page (20 posts) at a time, so the DOM itself stays small.
     */
    .card {
      content-visibility: auto;
      contain-intrinsic-size: auto 420px;
      display: flex;
      flex-direction: column;
      overflow: hidden;
      border-radius: var(--_radius);
      border: 1px solid var(--_border);
      background: var(--_surface);
    }
    .media {
      display: block;
      width: 100%;
      height: auto;
      aspect-ratio: 1.91 / 1;
      object-fit: cover;
      background: var(--_skeleton);
    }
    /* A card without a picture: the source's initial on its topic's colour, in the picture's box. */
    .placeholder {
      display: grid;
      place-items: center;
      font-size: 2.5rem;
      font-weight: 700;
      --_tone: oklch(52% 0.15 var(--_hue, 260));
      color: color-mix(in srgb, var(--_tone) 75%, var(--_text));
      background: linear-gradient(135deg, color-mix(in srgb, var(--_tone) 28%, var(--_surface)), color-mix(in srgb, var(--_tone) 8%, var(--_surface)));
    }
    .tone-1 {
      --_hue: 180;
    }
    .tone-2 {
      --_hue: 350;
    }
    .tone-3 {
      --_hue: 300;
    }
    .tone-4 {
      --_hue: 60;
    }
    .tone-5 {
      --_hue: 145;
    }
    .body {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: var(--_space);
      flex: 1;
    }
    .badges {
      display: flex;
      gap: 8px;
      font-size: 0.75rem;
      font-weight: 700;
      letter-spacing: 0.02em;
    }
    .kind,
    .new {
      padding: 2px 8px;
      border-radius: var(--_radius-small);
      background: var(--_highlight);
      color: var(--_text);
    }
    .new {
      background: var(--_accent);
      color: var(--_on-accent);
    }
    .title {
      font-size: 1.1rem;
      line-height: 1.35;
      overflow-wrap: anywhere;
    }
    /*
     * Japanese has no spaces, so the browser may break a headline inside a word. Where it can,
     * it keeps phrases (bunsetsu) whole instead; elsewhere overflow-wrap above still applies.
     */
    @supports (word-break: auto-phrase) {
      [part='title']:lang(ja) {
        word-break: auto-phrase;
      }
    }
    .title a {
      color: inherit;
      text-decoration: none;
    }
    .title a:hover {
      text-decoration: underline;
      color: var(--_accent);
    }
    .summary {
      color: var(--_muted);
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
      overflow-wrap: anywhere;
    }
    .topics {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 0.8rem;
    }
    .topics li {
      padding: 2px 10px;
      border-radius: 999px;
      border: 1px solid var(--_border);
      color: var(--_muted);
    }
    .footer {
      margin-top: auto;
      padding-top: 8px;
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      color: var(--_muted);
      font-size: 0.85rem;
      min-width: 0;
    }
    .skeleton-card .line {
      height: 14px;
    }
    .skeleton-card .line.short {
      width: 40%;
    }
    .more,
    .end {
      display: grid;
      justify-items: center;
      margin-top: var(--_space);
      color: var(--_muted);
    }
    .more.notice {
      display: flex;
      justify-content: center;
    }
    .sentinel {
      height: 1px;
      width: 100%;
    }
  `,
];
