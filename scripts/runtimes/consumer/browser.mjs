// Chromium: an ESM bundle served from 127.0.0.1 and driven through playwright-core. The page
// exposes two calls; the driver reads their results and the console.
import { corpus } from './corpus.mjs';
import { mods } from './mods.mjs';
import { runSuite, value } from './suite.mjs';

globalThis.smp = {
  /** The corpus and the smokes in this page's zone (set by the driver through the DevTools protocol). */
  async run(label, corpusOnly) {
    const lines = [];
    const result = await runSuite(mods, corpus, { label, corpusOnly, log: (line) => lines.push(line) });
    return { ...result, lines, zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
  },
  /** The demo course as of session 3's booking (as in docs/examples), drawn into the page. */
  timeline(demo) {
    const { createPlan, replay, standardProtocol: protocol, toTimelineSvg } = mods.root;
    const cut = demo.history.findIndex((e) => e.type === 'sessionBooked' && e.session === 3);
    if (cut < 0) throw new Error('the demo no longer books session 3');
    const asOf = demo.history[cut].at;
    const initial = value(
      createPlan({ id: demo.id, clientId: demo.clientId, protocol, timeZone: demo.timeZone, createdAt: demo.createdAt }),
      'createPlan',
    );
    const plan = value(replay(initial, demo.history.slice(0, cut + 1), { protocol }), 'replay');
    const svg = value(toTimelineSvg(plan, { protocol, asOf }), 'toTimelineSvg');
    document.body.innerHTML = `<main>${svg}</main>`;
    const element = document.querySelector('main > svg');
    return {
      width: element.getBoundingClientRect().width,
      // Labels meant for readers; the axis ticks sit in an aria-hidden group on purpose (decoration).
      labels: [...element.querySelectorAll('text')]
        .filter((t) => t.closest('[aria-hidden="true"]') === null)
        .map((t) => t.textContent.trim())
        .filter((t) => t !== ''),
      hidden: [...element.querySelectorAll('[aria-hidden="true"] text')].length,
    };
  },
};
