import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// The manifest generated from the components' JSDoc (`pnpm --filter @advocacy-kit/elements
// build`) feeds the docs tables: attributes, events, parts, CSS properties, slots. Stories
// still render without it.
const manifests = import.meta.glob<{ default: object }>('../packages/elements/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#f6f7f9' },
        dark: { name: 'Dark', value: '#0f1218' },
      },
    },
  },
};

export default preview;
