import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';

// The manifest generated from the components' JSDoc feeds the docs tables (attributes,
// events, parts, CSS properties, slots).
setCustomElementsManifest(manifest);

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
