/**
 * The few SharePoint Framework shapes this web part uses, typed structurally so the example
 * type-checks without the SPFx packages. In a real SPFx project the same code compiles against
 * `@microsoft/sp-webpart-base` and `@microsoft/sp-http`, whose classes have these members.
 */

/** `AadTokenProvider` from `@microsoft/sp-http`. */
export interface AadTokenProvider {
  getToken(resourceEndpoint: string, useCachedToken?: boolean): Promise<string>;
}

/** `AadTokenProviderFactory` from `@microsoft/sp-http`. */
export interface AadTokenProviderFactory {
  getTokenProvider(): Promise<AadTokenProvider>;
}

/** The part of `WebPartContext` (`@microsoft/sp-webpart-base`) the web part reads. */
export interface WebPartContextLike {
  aadTokenProviderFactory: AadTokenProviderFactory;
  pageContext: {
    cultureInfo: { currentUICultureName: string };
  };
  /** The web part instance's id, unique on the page. */
  instanceId: string;
}

/** The part of `BaseClientSideWebPart<TProperties>` the web part builds on. */
export interface ClientSideWebPartLike<TProperties> {
  readonly context: WebPartContextLike;
  readonly domElement: HTMLElement;
  readonly properties: TProperties;
}
