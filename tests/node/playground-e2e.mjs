// Drives SkillBot through the Microsoft 365 Agents Playground (channel msteams) in headless Chromium:
// the welcome card, the seed question's answer card, and (with --next-level) pressing "next level" and
// seeing the card change in place.
//
//   node playground-e2e.mjs BOT_ENDPOINT PLAYGROUND_PORT SCREENSHOT_DIR [--next-level]
//
// Prints one line per step; exits 0 when every step passed. The bot must already be running (in
// development mode: no app id, loopback only). The Playground exits when it cannot open a browser,
// so it gets a no-op xdg-open on PATH.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [endpoint, port, screenshots, ...flags] = process.argv.slice(2);
if (!endpoint || !port || !screenshots) {
  console.error('usage: node playground-e2e.mjs BOT_ENDPOINT PLAYGROUND_PORT SCREENSHOT_DIR [--next-level]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const seed = 'what does senior LLM engineer need in deep learning?';

const noBrowser = mkdtempSync(join(tmpdir(), 'no-xdg-open-'));
writeFileSync(join(noBrowser, 'xdg-open'), '#!/bin/sh\nexit 0\n');
chmodSync(join(noBrowser, 'xdg-open'), 0o755);

const playground = spawn(join(here, 'node_modules', '.bin', 'agentsplayground'),
  ['-e', endpoint, '-c', 'msteams', '-p', port, '--disable-telemetry'],
  { env: { ...process.env, PATH: `${noBrowser}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'] });
let playgroundOutput = '';
const listening = new Promise((resolve, reject) => {
  const onData = data => {
    playgroundOutput += data;
    if (playgroundOutput.includes(`Listening on ${port}`)) resolve();
  };
  playground.stdout.on('data', onData);
  playground.stderr.on('data', onData);
  playground.on('exit', code => reject(new Error(`the Playground exited (${code}): ${playgroundOutput}`)));
  setTimeout(() => reject(new Error(`the Playground did not listen on ${port}: ${playgroundOutput}`)), 60_000);
});

let browser;
try {
  await listening;
  console.log('step: playground listening');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`http://localhost:${port}`, { waitUntil: 'networkidle' });

  await page.getByText("Hi, I'm SkillBot").first().waitFor({ timeout: 30_000 });
  console.log('step: welcome card shown');

  await page.locator('[role="textbox"][data-lexical-editor="true"]').click();
  await page.keyboard.type(seed);
  await page.keyboard.press('Enter');
  const answer = page.locator('.ac-adaptiveCard', { hasText: 'Current level: Senior' }).last();
  await answer.waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(screenshots, 'answer.png') });
  console.log('step: answer card shown');

  if (flags.includes('--next-level')) {
    const before = await answer.innerText();
    const cardsBefore = await page.locator('.ac-adaptiveCard').count();
    await answer.getByRole('button', { name: 'Lead ▶' }).first().click();
    // Updated in place: the same card now shows Lead (and what Principal asks next), and no card was added.
    await page.waitForFunction(
      ([text, count]) => {
        const cards = [...document.querySelectorAll('.ac-adaptiveCard')];
        return cards.length === count && cards.some(c => c.innerText !== text && /Current level: Lead/.test(c.innerText));
      },
      [before, cardsBefore], { timeout: 30_000 });
    await page.screenshot({ path: join(screenshots, 'next-level.png') });
    console.log('step: card updated to the next level in place');
  }
  console.log('e2e: passed');
} catch (error) {
  console.error('e2e: failed: ' + (error?.stack ?? error));
  process.exitCode = 1;
} finally {
  await browser?.close();
  playground.kill();
}
