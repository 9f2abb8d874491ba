import { html, nothing } from 'lit';
import { CONTENT_KINDS, NETWORK_IDS, type NetworkId, type Role, type Team, type Topic } from '@advocacy-kit/core';
import type { PostField } from '@advocacy-kit/core/admin';
import { topicName } from '../internal/topics.js';
import { describedBy, errorFor, type FormContext } from './form.js';

/** Locales offered for the content and its suggested commentary: the ones the components ship. */
export const EDITOR_LOCALES = ['en', 'ja'] as const;
const ROLES: readonly Role[] = ['employee', 'admin'];
/** Networks an admin can allow (the device share sheet follows the others). */
export const ALLOWABLE: readonly NetworkId[] = NETWORK_IDS.filter((id) => id !== 'native');

type ListKey = 'topics' | 'teams' | 'roles' | 'networks';

/** A fieldset of checkboxes for one list of the draft. */
function checks<V extends string>(
  context: FormContext,
  key: ListKey,
  legend: string,
  values: readonly V[],
  label: (value: V) => string,
  hint?: string,
) {
  const errorField: PostField = key === 'teams' || key === 'roles' ? 'audience' : key;
  const draft = context.draft;
  const selected: readonly string[] = key === 'teams' || key === 'roles' ? draft.audience[key] : draft[key];
  return html`<fieldset
    class="chips"
    part="field"
    aria-invalid=${context.errors[errorField] ? 'true' : 'false'}
    aria-describedby=${describedBy(context, errorField, false)}
  >
    <legend>${legend}</legend>
    ${values.map(
      (value) => html`<label class="chip">
        <input type="checkbox" name=${key} value=${value} .checked=${selected.includes(value)} @change=${() => context.controller.toggle(key, value)} />${label(value)}
      </label>`,
    )}
    ${hint ? html`<p class="hint">${hint}</p>` : nothing}
    ${key === 'roles' ? nothing : errorFor(context, errorField)}
  </fieldset>`;
}

/** The kind of content (the 6-3-1 mix), its language and its topics. */
export function contentChoices(context: FormContext, topics: readonly Topic[]) {
  const { t, draft } = context;
  return html`<fieldset class="chips" part="field" aria-invalid=${context.errors.kind ? 'true' : 'false'}>
      <legend>${t.kindLabel}</legend>
      ${CONTENT_KINDS.map(
        (kind) => html`<label class="chip">
          <input type="radio" name="kind" .checked=${draft.kind === kind} @change=${() => context.controller.update({ kind })} />${t.kinds[kind]}
        </label>`,
      )}
      ${errorFor(context, 'kind')}
    </fieldset>
    <div class="field" part="field">
      <label for="locale">${t.localeLabel}</label>
      <select id="locale" part="input" .value=${draft.locale} @change=${(event: Event) => context.controller.update({ locale: (event.target as HTMLSelectElement).value })}>
        ${EDITOR_LOCALES.map((locale) => html`<option value=${locale} ?selected=${draft.locale === locale}>${t.localeNames[locale]}</option>`)}
      </select>
    </div>
    ${
      topics.length > 0
        ? checks(
            context,
            'topics',
            t.topicsLabel,
            topics.map((topic) => topic.id),
            (id) => topicName(topics, id, context.lang),
          )
        : nothing
    }`;
}

/** Who may see the post: teams and roles (nothing ticked means everyone). */
export function audiencePicker(context: FormContext, teams: readonly Team[]) {
  const t = context.t;
  const teamName = new Map(teams.map((team) => [team.id, team.name]));
  return html`${
    teams.length > 0
      ? checks(
          context,
          'teams',
          t.teamsLabel,
          teams.map((team) => team.id),
          (id) => teamName.get(id) ?? id,
          t.audienceHint,
        )
      : nothing
  }
  ${checks(context, 'roles', t.rolesLabel, ROLES, (role) => t.roleNames[role])}`;
}

/** The networks the post may be shared to (nothing ticked allows every network). */
export function networksPicker(context: FormContext) {
  const t = context.t;
  return checks(context, 'networks', t.networksLabel, ALLOWABLE, (id) => t.networkNames[id], t.networksHint);
}
