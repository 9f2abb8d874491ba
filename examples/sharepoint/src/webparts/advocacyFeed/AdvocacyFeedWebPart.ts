import type { AdvocacyProviderElement } from '@advocacy-kit/elements';
import '@advocacy-kit/elements/define/advocacy-provider.js';
import '@advocacy-kit/elements/define/advocacy-feed.js';
import '@advocacy-kit/elements/define/advocacy-my-stats.js';
import type { AadTokenProvider, ClientSideWebPartLike, WebPartContextLike } from './spfx-types.js';

/** The web part's properties, edited in the SharePoint property pane. */
export interface AdvocacyFeedWebPartProps {
  /** Base URL of the Advocacy Kit API, e.g. `https://advocacy.contoso.com/api/v1`. */
  apiBaseUrl: string;
  /**
   * The Entra ID (Azure AD) application the API trusts, e.g. `api://advocacy-kit` or its
   * client id. SharePoint asks Entra ID for a token for this resource on the user's behalf.
   */
  apiResource: string;
  /** Show the employee's points and clicks above the feed. */
  showStats: boolean;
}

/**
 * Mounts the Advocacy Kit feed in a SharePoint page. The employee is already signed in to
 * Microsoft 365; the API receives an Entra ID access token from SharePoint's AAD token provider
 * (approve the API permission once in the SharePoint admin center, see README).
 *
 * In an SPFx project this class `extends BaseClientSideWebPart<AdvocacyFeedWebPartProps>`; here
 * it receives the same context structurally, so the mounting code is the code you ship.
 */
export class AdvocacyFeedWebPart {
  private tokenProvider: Promise<AadTokenProvider> | undefined;

  constructor(private readonly host: ClientSideWebPartLike<AdvocacyFeedWebPartProps>) {}

  get context(): WebPartContextLike {
    return this.host.context;
  }

  /** SPFx calls this whenever the web part must draw (first load and property changes). */
  render(): void {
    const { apiBaseUrl, apiResource, showStats } = this.host.properties;
    const element = this.host.domElement;
    element.replaceChildren();
    if (!apiBaseUrl || !apiResource) {
      const hint = document.createElement('p');
      hint.textContent = 'Set the Advocacy Kit API URL and Entra ID resource in the web part properties.';
      element.append(hint);
      return;
    }

    const provider = document.createElement('advocacy-provider') as AdvocacyProviderElement;
    // The page's UI language (ja-JP, en-US, …) drives the components' language.
    provider.lang = this.context.pageContext.cultureInfo.currentUICultureName;
    provider.storageKey = `spfx-advocacy:${this.context.instanceId}`;
    provider.getToken = () => this.getToken(apiResource);
    provider.baseUrl = apiBaseUrl;
    if (showStats) provider.append(document.createElement('advocacy-my-stats'));
    provider.append(document.createElement('advocacy-feed'));
    element.append(provider);
  }

  /** SPFx calls this when the web part is removed: the provider's client stops with it. */
  dispose(): void {
    this.host.domElement.replaceChildren();
  }

  /** A fresh (cached by SharePoint until near expiry) Entra ID token for the API. */
  private async getToken(resource: string): Promise<string> {
    this.tokenProvider ??= this.context.aadTokenProviderFactory.getTokenProvider();
    return (await this.tokenProvider).getToken(resource);
  }
}
