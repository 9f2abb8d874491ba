import { html, nothing } from 'lit';
import { SUPPORTED_LOCALES, type Preferences } from '@advocacy-kit/core';
import type { PreferencesState } from '@advocacy-kit/core/self-service';
import type * as activityStrings from './my-activity.strings.js';

/** Every IANA zone the browser knows (with the employee's own, should it be missing), else theirs and UTC. */
export function timeZones(current: string | undefined): string[] {
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC'];
  return current === undefined || known.includes(current) ? known : [current, ...known];
}

/**
 * The preferences form of `<advocacy-my-activity>`: the digest and reminder switches, the
 * language and the time zone, each refused field marked (`aria-invalid`) and explained.
 */
export function preferencesForm(options: {
  t: (typeof activityStrings)['en'];
  preferences: Preferences;
  state: PreferencesState;
  /** A save error that names no field, in words. */
  otherError: string;
  /** What the last save did, for screen readers. */
  notice: string;
  onSubmit: (event: SubmitEvent) => void;
}) {
  const { t, preferences: data, state } = options;
  const failed = (field: string) => state.saveError?.fieldErrors.some((error) => error.field.includes(field)) ?? false;
  return html`<form part="preferences" @submit=${options.onSubmit}>
    <label class="check"><input type="checkbox" name="digest" .checked=${data.digest} /> ${t.digest}</label>
    <label class="check"><input type="checkbox" name="nudges" .checked=${data.nudges} /> ${t.nudges}</label>
    <label for="locale">${t.language}</label>
    <select id="locale" name="locale" aria-invalid=${failed('locale') ? 'true' : 'false'} aria-describedby=${failed('locale') ? 'locale-error' : nothing}>
      ${SUPPORTED_LOCALES.map((locale) => html`<option value=${locale} ?selected=${locale === data.locale}>${t.languages[locale]}</option>`)}
    </select>
    ${failed('locale') ? html`<p id="locale-error" class="field-error">${t.badLanguage}</p>` : nothing}
    <label for="timeZone">${t.timeZone}</label>
    <select id="timeZone" name="timeZone" aria-invalid=${failed('timeZone') ? 'true' : 'false'} aria-describedby=${failed('timeZone') ? 'zone-error' : nothing}>
      ${timeZones(data.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === data.timeZone}>${zone.replaceAll('_', ' ')}</option>`)}
    </select>
    ${failed('timeZone') ? html`<p id="zone-error" class="field-error">${t.badTimeZone}</p>` : nothing}
    ${options.otherError ? html`<p class="field-error" role="alert">${options.otherError}</p>` : nothing}
    <button class="primary" type="submit" ?disabled=${state.saving}>${state.saving ? t.saving : t.save}</button>
    <p class="visually-hidden" role="status">${options.notice}</p>
  </form>`;
}
