// One small page interface over three browser engines, all from Debian packages (installed by
// scripts/setup-browsers.sh; no browser is ever downloaded):
//   chromium  /usr/bin/chromium      playwright-core (CDP), the launcher of ./chromium.mjs
//   firefox   /usr/bin/firefox-esr   puppeteer-core over WebDriver BiDi, headless
//   webkit    WebKitGTK's MiniBrowser, driven by WebKitWebDriver through selenium-webdriver,
//             under xvfb-run (WebKitGTK has no headless mode); with no window manager on that
//             X display nothing gives the window the input focus (document.hasFocus() is false
//             and `:focus` never matches), so xdotool focuses each new MiniBrowser window
// It offers what the browser tests need and no more: goto, evaluate, click, fill, type, press,
// select, set a file input, wait for a selector or a condition, text, a viewport, screenshots,
// a link's download, and the page's errors.
//
// `evaluate(fn, ...args)` runs `fn` (an async function is awaited) in the page with JSON
// arguments and hands back its result through JSON text in every engine, so a result means the
// same thing whichever driver carried it.
//
// The browser language of a page (`locale`): Chromium's context locale; Firefox's BiDi
// `emulation.setLocaleOverride`; WebKitGTK reads it from the environment, so each WebKit page is
// a MiniBrowser session started through `env LANG=xx_YY.UTF-8` (the locale must be generated:
// setup-browsers.sh does en_US, en_GB, de_DE and fr_FR; a bare language `fr` becomes fr_FR).
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchChromium } from './chromium.mjs';

/** The Firefox ESR binary: $FIREFOX or Debian's. */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
/** WebKitGTK's WebDriver: $WEBKIT_WEBDRIVER or Debian's (package webkit2gtk-driver). */
export const WEBKIT_WEBDRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
/** The browser WebKitWebDriver drives (shipped with libwebkit2gtk-4.1). */
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB_RUN = '/usr/bin/xvfb-run';
const XDOTOOL = '/usr/bin/xdotool';

/** The engines, in the order the tests run them. */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Readable names for test titles. */
export const ENGINE_NAMES = { chromium: 'Chromium', firefox: 'Firefox ESR', webkit: 'WebKitGTK' };

/**
 * Why an engine's tests are skipped (for node:test's `skip`), or false when it is installed.
 * `$BROWSERS` (comma-separated engine names) limits the run to some engines.
 */
export function skipEngine(engine) {
  const only = process.env.BROWSERS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (only?.length && !only.includes(engine)) return `not in BROWSERS=${process.env.BROWSERS}`;
  const need = {
    chromium: [CHROMIUM],
    firefox: [FIREFOX],
    webkit: [WEBKIT_WEBDRIVER, MINIBROWSER, XVFB_RUN, XDOTOOL],
  }[engine];
  const missing = need.filter((p) => !existsSync(p));
  return missing.length ? `${ENGINE_NAMES[engine]} is not installed (no ${missing.join(', ')})` : false;
}

/** Launches one engine; `await browser.newPage(options)` opens an isolated page in it. */
export async function launch(engine) {
  if (engine === 'chromium') return launchPlaywright();
  if (engine === 'firefox') return launchPuppeteerFirefox();
  if (engine === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${engine}`);
}

// The expression that runs `fn` in the page and gives back JSON text: {v} or {e}.
function wrapped(fn, args) {
  return `(async () => {
    try {
      const v = await (${fn.toString()})(...${JSON.stringify(args)});
      return JSON.stringify({ v: v === undefined ? null : v });
    } catch (e) {
      return JSON.stringify({ e: String(e && e.stack ? e.stack : e) });
    }
  })()`;
}

function unwrap(text) {
  const out = JSON.parse(text);
  if ('e' in out) throw new Error(`in the page: ${out.e}`);
  return out.v;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check()` until it is truthy; throws `what` after `timeout` ms. */
async function until(check, { timeout = 20_000, interval = 50, what = 'a condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

// Page helpers run in the page by the Firefox and WebKit pages (Chromium uses Playwright's own).
const IN_PAGE = {
  // As Playwright's fill: focus, select, replace the value, one `input` event.
  fill: (sel, value) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element ${sel}`);
    el.focus();
    if (typeof el.select === 'function') el.select();
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  },
  // As Playwright's selectOption: the value, then `input` and `change`.
  select: (sel, value) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element ${sel}`);
    el.value = value;
    if (el.value !== value) throw new Error(`${sel} has no option ${value}`);
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  },
  text: (sel) => document.querySelector(sel)?.textContent ?? null,
  value: (sel) => document.querySelector(sel)?.value ?? null,
  attr: (sel, name) => document.querySelector(sel)?.getAttribute(name) ?? null,
  count: (sel) => document.querySelectorAll(sel).length,
  focus: (sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element ${sel}`);
    el.focus();
  },
  // A link's file, as a click would download it: its `download` name and its content.
  download: async (sel) => {
    const a = document.querySelector(sel);
    if (!a) throw new Error(`no element ${sel}`);
    return { name: a.download, text: await (await fetch(a.href)).text() };
  },
  // Errors the page reports from now on (WebKitWebDriver has no log of them).
  watch: () => {
    if (window.__browsersErrors) return;
    window.__browsersErrors = [];
    addEventListener('error', (e) => window.__browsersErrors.push(`page error: ${e.message}`));
    addEventListener('unhandledrejection', (e) => window.__browsersErrors.push(`page error: ${e.reason?.message ?? e.reason}`));
    const error = console.error;
    console.error = (...a) => {
      window.__browsersErrors.push(`console error: ${a.map(String).join(' ')}`);
      error.apply(console, a);
    };
  },
  errors: () => window.__browsersErrors ?? [],
};

// ---- Chromium: playwright-core ---------------------------------------------------------

async function launchPlaywright() {
  const browser = await launchChromium();
  return {
    engine: 'chromium',
    async newPage({ locale = 'en-US', width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({ locale, viewport: { width, height }, acceptDownloads: true });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      return pageOn({
        engine: 'chromium',
        raw: page,
        goto: (url) => page.goto(url).then(() => undefined),
        evaluate: async (fn, ...args) => unwrap(await page.evaluate(wrapped(fn, args))),
        click: (sel) => page.click(sel),
        fill: (sel, value) => page.fill(sel, value),
        type: (sel, text) => page.locator(sel).pressSequentially(text),
        keys: (key) => page.keyboard.press(key),
        typeKeys: (text) => page.keyboard.type(text),
        focus: (sel) => page.focus(sel),
        select: (sel, value) => page.selectOption(sel, value).then(() => undefined),
        setFile: (sel, { name, mimeType, buffer }) => page.setInputFiles(sel, { name, mimeType, buffer }),
        waitForSelector: (sel, { timeout = 20_000 } = {}) => page.waitForSelector(sel, { timeout }).then(() => undefined),
        waitFor: (fn, arg, { timeout = 20_000 } = {}) =>
          page.waitForFunction(fn, arg, { timeout, polling: 50 }).then(() => undefined),
        text: (sel) => page.textContent(sel),
        setViewport: (w, h) => page.setViewportSize({ width: w, height: h }),
        screenshot: (path, sel) => (sel ? page.locator(sel).screenshot({ path }) : page.screenshot({ path, fullPage: true })),
        async download(sel) {
          const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
          return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
        },
        problems: async () => [...problems],
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

// ---- Firefox ESR: puppeteer-core over WebDriver BiDi -----------------------------------

async function launchPuppeteerFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'browser.download.start_downloads_in_tmp_dir': true },
  });
  const files = await mkdtemp(join(tmpdir(), 'contact-rules-firefox-'));
  return {
    engine: 'firefox',
    async newPage({ locale = 'en-US', width = 1280, height = 900 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const bc = page.mainFrame().browsingContext;
      await bc.userContext.browser.session.send('emulation.setLocaleOverride', { locale, contexts: [bc.id] });
      const problems = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      const evaluate = async (fn, ...args) => unwrap(await page.evaluate(wrapped(fn, args)));
      return pageOn({
        engine: 'firefox',
        raw: page,
        goto: (url) => page.goto(url).then(() => undefined),
        evaluate,
        click: (sel) => page.click(sel),
        type: (sel, text) => page.type(sel, text),
        keys: (key) => page.keyboard.press(key),
        typeKeys: (text) => page.keyboard.type(text),
        async setFile(sel, { name, buffer }) {
          const dir = await mkdtemp(join(files, 'f'));
          const path = join(dir, name);
          await writeFile(path, buffer);
          const input = await page.$(sel);
          await input.uploadFile(path);
        },
        setViewport: (w, h) => page.setViewport({ width: w, height: h }),
        async screenshot(path, sel) {
          if (sel) await (await page.$(sel)).screenshot({ path });
          else await page.screenshot({ path, fullPage: true });
        },
        problems: async () => [...problems],
        close: () => context.close(),
      });
    },
    async close() {
      await browser.close();
      await rm(files, { recursive: true, force: true });
    },
  };
}

// The operations built on `evaluate` for the engines without Playwright.
function pageOn(p) {
  const waitFor = (fn, arg, { timeout = 20_000 } = {}) =>
    until(() => p.evaluate(fn, arg), { timeout, what: `${fn}` });
  const focus = p.focus ?? ((sel) => p.evaluate(IN_PAGE.focus, sel));
  return {
    value: (sel) => p.evaluate(IN_PAGE.value, sel),
    attr: (sel, name) => p.evaluate(IN_PAGE.attr, sel, name),
    count: (sel) => p.evaluate(IN_PAGE.count, sel),
    focus,
    /** Presses a key (`Tab`, `Enter`) in the focused element, or first focuses `sel`. */
    async press(key, sel) {
      if (sel) await focus(sel);
      await p.keys(key);
    },
    fill: (sel, value) => p.evaluate(IN_PAGE.fill, sel, value),
    select: (sel, value) => p.evaluate(IN_PAGE.select, sel, value),
    text: (sel) => p.evaluate(IN_PAGE.text, sel),
    download: (sel) => p.evaluate(IN_PAGE.download, sel),
    waitFor,
    waitForSelector: (sel, options) =>
      until(() => p.evaluate((s) => document.querySelector(s) !== null, sel), { ...options, what: sel }),
    ...p,
  };
}

// ---- WebKitGTK: selenium-webdriver and WebKitWebDriver under xvfb-run ------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `en-GB` → `en_GB.UTF-8`; `fr` → `fr_FR.UTF-8`. */
function posixLocale(tag) {
  const [lang, region] = tag.split('-');
  return `${lang.toLowerCase()}_${(region ?? lang).toUpperCase()}.UTF-8`;
}

// A new MiniBrowser session. On a loaded machine MiniBrowser sometimes never connects back to
// WebKitWebDriver, and the session request then waits forever: each attempt gets 45 s, and a
// session that turns up late is quit.
async function newWebKitSession(server, locale) {
  const { Builder } = await import('selenium-webdriver');
  let last;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const pending = new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': {
          binary: '/usr/bin/env',
          args: [`LANG=${posixLocale(locale)}`, MINIBROWSER, '--automation'],
        },
      })
      .build();
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), 45_000);
    });
    try {
      const session = await Promise.race([pending, timedOut]);
      if (session) return session;
      last = new Error(`MiniBrowser did not start within 45 s (attempt ${attempt} of 3)`);
      pending.then((late) => late.quit()).catch(() => {});
    } catch (e) {
      last = e;
    } finally {
      clearTimeout(timer);
    }
  }
  throw last;
}

async function launchWebKit() {
  const { Builder, By, Key } = await import('selenium-webdriver');
  const port = await freePort();
  // A screen large enough for the tallest viewport a test asks for.
  // The shell prints the X display and its authority file, for xdotool.
  const inner = `echo "X=$DISPLAY $XAUTHORITY" >&2; exec ${WEBKIT_WEBDRIVER} --port=${port}`;
  const driver = spawn(XVFB_RUN, ['-a', '-s', '-screen 0 1920x3200x24', '/bin/sh', '-c', inner], {
    detached: true, // its own process group: xvfb-run, Xvfb and the driver end together
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  let log = '';
  let x = null; // {DISPLAY, XAUTHORITY}
  driver.stderr.setEncoding('utf8');
  driver.stderr.on('data', (s) => {
    log = (log + s).slice(-4000);
    const m = /^X=(\S+) (\S*)$/m.exec(log);
    if (m && !x) x = { DISPLAY: m[1], XAUTHORITY: m[2] };
  });
  const xdotool = (...args) =>
    new Promise((resolve, reject) =>
      execFile(XDOTOOL, args, { env: { ...process.env, ...x } }, (e, out) => (e ? reject(e) : resolve(out))),
    );
  // Gives the input focus to the session's window (the only visible MiniBrowser window).
  const focusWindow = async () => {
    const ids = (await xdotool('search', '--onlyvisible', '--class', 'MiniBrowser')).trim().split(/\s+/);
    for (const id of ids) await xdotool('windowfocus', '--sync', id);
  };
  let exited = null;
  driver.on('exit', (code) => {
    exited = code;
  });
  const server = `http://127.0.0.1:${port}`;
  await until(
    async () => {
      if (exited !== null) throw new Error(`WebKitWebDriver exited with ${exited}: ${log}`);
      try {
        return (await fetch(`${server}/status`)).ok;
      } catch {
        return false;
      }
    },
    { timeout: 20_000, what: 'WebKitWebDriver to listen' },
  );
  if (!x) throw new Error(`xvfb-run gave no X display: ${log}`);
  const KEYS = { Tab: Key.TAB, Enter: Key.ENTER };
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // Xvfb and the driver are a separate process group: end them with this process, even when
  // close() is never reached.
  process.once('exit', stop);
  return {
    engine: 'webkit',
    async newPage({ locale = 'en-US', width = 1280, height = 900 } = {}) {
      const session = await newWebKitSession(server, locale);
      await session.manage().setTimeouts({ script: 300_000, pageLoad: 60_000 });
      await focusWindow();
      const evaluate = async (fn, ...args) =>
        unwrap(
          await session.executeAsyncScript(
            `const done = arguments[arguments.length - 1]; ${wrapped(fn, args)}.then(done);`,
          ),
        );
      const setViewport = async (w, h) => {
        // The window's size includes MiniBrowser's own frame: size it, measure, correct.
        for (let i = 0; i < 3; i++) {
          const [iw, ih, ow, oh] = await evaluate(() => [innerWidth, innerHeight, outerWidth, outerHeight]);
          if (iw === w && ih === h) return;
          await session.manage().window().setRect({ width: w + (ow - iw), height: h + (oh - ih) });
          await until(() => evaluate((a, b) => outerWidth === a && outerHeight === b, w + (ow - iw), h + (oh - ih)), {
            timeout: 5_000,
            what: 'the window to resize',
          }).catch(() => {});
        }
        const [iw, ih] = await evaluate(() => [innerWidth, innerHeight]);
        if (iw !== w || ih !== h) throw new Error(`WebKit viewport is ${iw}×${ih}, not ${w}×${h}`);
      };
      const el = (sel) => session.findElement(By.css(sel));
      const keys = (text) => session.actions().sendKeys(text).perform();
      const files = await mkdtemp(join(tmpdir(), 'contact-rules-webkit-'));
      await setViewport(width, height);
      const page = pageOn({
        engine: 'webkit',
        raw: session,
        async goto(url) {
          await session.get(url);
          await evaluate(IN_PAGE.watch);
        },
        evaluate,
        click: async (sel) => (await el(sel)).click(),
        type: async (sel, text) => (await el(sel)).sendKeys(text),
        keys: (key) => keys(KEYS[key] ?? key),
        typeKeys: keys,
        async setFile(sel, { name, buffer }) {
          // The page reads the file after this returns: it stays until the page closes.
          const dir = await mkdtemp(join(files, 'f'));
          const path = join(dir, name);
          await writeFile(path, buffer);
          await (await el(sel)).sendKeys(path);
        },
        setViewport,
        async screenshot(path, sel) {
          const png = sel ? await (await el(sel)).takeScreenshot() : await session.takeScreenshot();
          await writeFile(path, Buffer.from(png, 'base64'));
        },
        problems: () => evaluate(IN_PAGE.errors),
        async close() {
          await session.quit();
          await rm(files, { recursive: true, force: true });
        },
      });
      return page;
    },
    async close() {
      process.removeListener('exit', stop);
      stop();
    },
  };
}
