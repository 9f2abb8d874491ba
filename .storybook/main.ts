import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      // nanostores (inside core) reads process.env.NODE_ENV.
      define: { ...viteConfig.define, 'process.env.NODE_ENV': JSON.stringify('production') },
    };
  },
};

export default config;
