// Injected by scripts/build-pkg.sh into node.cjs only (esbuild --inject): the glue's TextDecoder
// and TextEncoder from node:util, which every Node has, instead of globals that Jest's jsdom
// environment does not define.
export { TextDecoder, TextEncoder } from 'node:util';
