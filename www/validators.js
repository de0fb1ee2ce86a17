// The validator workers of the bulk check, started by the page's thread (not by the bulk worker:
// Firefox has been seen to hang a worker's thread inside a nested `new Worker()`, 1 bulk run in
// ~20 of the e2e tests; a worker started here never nests). Each validator is connected to the
// bulk worker by a MessageChannel per run: the page hands one port to the validator and the
// other, in the run message, to the bulk worker, which then talks to it directly (the module,
// then batches; validator.js, worker.js).

/** At most this many validator workers. */
export const MAX_VALIDATORS = 4;

/**
 * The default number of validators: one per four logical processors the browser reports, at
 * least one, at most MAX_VALIDATORS (the bulk worker mostly waits for them: reading is cheap
 * next to validating). Each validator pays a start (a worker, the module graph, an instance,
 * first batches in the engine's slower tiers), and on two cores a second one did not pay it back
 * on the 5,000-row sample in any engine; WebKit reports 4 there (it rounds the count, against
 * fingerprinting), and four validators on two cores left JavaScriptCore's optimizing compiler no
 * core: seconds in its slow tiers (www/README.md, "Speed").
 */
export function defaultValidators(cores = navigator.hardwareConcurrency ?? 2) {
  return Math.max(1, Math.min(MAX_VALIDATORS, Math.ceil(cores / 4)));
}

/** The page's validator workers, kept from run to run. */
export class ValidatorPool {
  /** `onFail(message)`: a validator could not start or run (its `error` event). */
  constructor(onFail) {
    this.onFail = onFail;
    this.workers = []; // {worker, listening}
  }

  start(i) {
    const worker = new Worker(new URL('./validator.js', import.meta.url), {
      type: 'module',
      name: `validator ${i + 1}`,
    });
    // Nothing is posted before the validator says it listens ({hello}).
    const listening = new Promise((resolve) => {
      worker.addEventListener('message', ({ data }) => {
        if (data?.hello) resolve();
      });
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.onFail(`A validator worker could not run${e.message ? `: ${e.message}` : ''}.`);
    });
    return { worker, listening };
  }

  /**
   * `n` validators (clamped to 0..MAX_VALIDATORS), started if need be, each listening on a new
   * channel: resolves to the channels' other ends, for the bulk worker's run message.
   */
  async ports(n) {
    const size = Math.max(0, Math.min(MAX_VALIDATORS, n));
    while (this.workers.length > size) this.workers.pop().worker.terminate();
    while (this.workers.length < size) this.workers.push(this.start(this.workers.length));
    return Promise.all(
      this.workers.map(async ({ worker, listening }) => {
        await listening;
        const channel = new MessageChannel();
        worker.postMessage({ port: channel.port1 }, [channel.port1]);
        return channel.port2;
      }),
    );
  }

  /** Terminates every validator. */
  stop() {
    for (const { worker } of this.workers) worker.terminate();
    this.workers = [];
  }
}
