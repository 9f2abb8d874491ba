import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // The demo company's post pictures (the memory backend's seed points at them).
  staticDirs: [{ from: '../examples/intranet-portal/public/demo-images', to: '/demo-images' }],
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      // nanostores (inside core) reads process.env.NODE_ENV.
      define: { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    };
  },
};

export default config;
