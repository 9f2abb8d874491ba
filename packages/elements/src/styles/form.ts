import { css } from 'lit';

/** Fields, hints, errors, notices and tables of the program-admin components. */
export const formStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 4px;
  }
  label[for],
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 4px;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    width: 100%;
    min-height: 40px;
    padding: 6px 10px;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  [aria-invalid='true']:is(input, textarea, select) {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0;
    flex-basis: 100%;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.875rem;
    margin: 0;
    flex-basis: 100%;
  }
  .notice.error {
    color: var(--_danger);
  }
  .state {
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.925rem;
  }
  th,
  td {
    text-align: start;
    padding: 8px;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .skeleton {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: var(--_skeleton);
  }
`;
