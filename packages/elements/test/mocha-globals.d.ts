// The Mocha globals the browser tests use (@web/test-runner provides Mocha at run time).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => unknown): void;
declare function afterEach(body: () => unknown): void;
