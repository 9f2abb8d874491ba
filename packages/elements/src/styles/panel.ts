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
  h2 {
    font-size: 1.15rem;
  }
`;

export const avatarStyles = css`
  .avatar {
    width: 40px;
    height: 40px;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    font-size: 0.9rem;
  }
`;
