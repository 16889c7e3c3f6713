// The WHATWG URL is a global in every runtime the model runs in (browser, service worker, Node), yet in neither the ES
// lib nor the model's tsconfig (no DOM or Node types, by design): declared here with only what the model uses.
interface URL {
  readonly origin: string;
  readonly pathname: string;
}
declare const URL: { new (url: string, base?: string): URL };
