export * from './main.js';
export { networkNames, networkName, type BrandNetworkId } from './networks.js';
