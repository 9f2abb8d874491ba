import { css } from 'lit';

/** The card-like frame of the leaderboard, my stats and the suggest form. */
export const panelStyles = css`
  :host {
    display: block;
  }
  section {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .header {
    display: grid;
    gap: 12px;
  }
  h2,
  #title {
    font-size: 1.15rem;
  }
`;

export const avatarStyles = css`
  .avatar {
    position: relative;
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    overflow: hidden;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 0.9rem;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
`;
