// The catalogue's Teams tab in Debian's headless Chromium: framed by a stand-in for the Teams web client (served by
// Playwright's routing as https://teams.microsoft.com, answering TeamsJS's initialize and getContext the way a host
// does), the page starts TeamsJS and takes Teams' theme, and its links keep it a tab; opened on its own it is the plain
// page and TeamsJS is not even loaded (nor Microsoft's CDN asked); a page not in the tab's view refuses to be framed. No console errors in either.
// SkillBot itself is reached as https://skillbot.test, passed through to BASE_URL: a public https host like the one
// Teams is given (Chromium refuses a public page framing a loopback one).
// Usage: node teams-tab-e2e.js BASE_URL      (prints "tab ok"; exit 1 with every problem found)
"use strict";
const { chromium } = require("playwright-core");

const publicHost = "https://skillbot.test";

/**
 * A browser context in which https://skillbot.test is this SkillBot (every request passed through, headers and all) and,
 * unless <alone>, Microsoft's hosts are stand-ins (alone, a request to them fails: the tab on its own must make none).
 */
async function contextFor(browser, baseUrl, alone = false) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(`${publicHost}/**`, async route => {
        const url = new URL(route.request().url());
        const response = await route.fetch({ url: new URL(url.pathname + url.search, baseUrl).toString(), maxRedirects: 0 });
        await route.fulfill({ response });
    });
    if (alone) {
        return context;
    }
    // Microsoft's hosts, answered here: nothing leaves the machine. TeamsJS asks Microsoft's CDN for the host origins it trusts.
    await context.route("https://teams.microsoft.com/**", route => route.fulfill({
        contentType: "text/html", body: host(new URL(route.request().url()).searchParams.get("tab")),
    }));
    await context.route("https://res.cdn.office.net/**", route => route.fulfill({
        contentType: "application/json", body: JSON.stringify({ validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com", "*.cloud.microsoft"] }),
    }));
    return context;
}

const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };

/** Every console error, page error and failed request is a problem, except what <expected> (given the text or URL) says the case expects. */
function watch(page, name, expected = () => false) {
    page.on("console", message => {
        if (message.type() === "error" && !expected(message.text())) problems.push(`${name} console: ${message.text()}`);
    });
    page.on("pageerror", error => problems.push(`${name} page error: ${error.message}`));
    page.on("requestfailed", request => { if (!expected(request.url())) problems.push(`${name} request failed: ${request.url()}`); });
}

/** The Teams web client, as far as a tab sees it: a page that frames the tab and answers TeamsJS over postMessage. */
function host(tabUrl) {
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Teams</title></head><body>
<iframe id="tab" title="Catalogue" src="${tabUrl}" style="width:1200px;height:800px"></iframe>
<script>
window.calls = [];
window.addEventListener("message", event => {
    const message = event.data;
    if (!message || typeof message !== "object" || !message.func) return;
    window.calls.push(message.func);
    const reply = args => event.source.postMessage({ id: message.id, uuid: message.uuid, args }, event.origin);
    if (message.func === "initialize") reply(["content", "web", "2.0.0"]);
    if (message.func === "getContext") reply([{ locale: "en-us", theme: "dark", frameContext: "content", hostClientType: "web", entityId: "catalogue", appSessionId: "session-1" }]);
});
</script></body></html>`;
}

async function framed(browser, baseUrl) {
    const context = await contextFor(browser, baseUrl);
    const page = await context.newPage();
    watch(page, "Teams");
    const tabUrl = `${publicHost}/catalogue?view=tab`;
    await page.goto(`https://teams.microsoft.com/v2/?tab=${encodeURIComponent(tabUrl)}`);
    const tab = page.frameLocator("#tab");
    await tab.locator("h1").waitFor();
    const frame = page.frames().find(f => f.url().startsWith(publicHost));
    check(!!frame, `the tab's frame is not ${tabUrl}: ${page.frames().map(f => f.url())}`);
    await frame.waitForFunction(() => document.documentElement.dataset.teams, null, { timeout: 15000 });
    check(await frame.evaluate(() => document.documentElement.dataset.teams) === "ready", "TeamsJS did not initialise in the frame");
    await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark", null, { timeout: 15000 })
        .catch(() => problems.push("the tab did not take Teams' theme"));
    const calls = await page.evaluate(() => window.calls);
    check(calls.includes("initialize") && calls.includes("getContext"), `the host was asked ${JSON.stringify(calls)}`);
    check(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor) !== "rgb(250, 249, 248)", "the dark theme does not change the page");

    // A link in the tab keeps it a tab: the next page is framed too, with TeamsJS.
    await Promise.all([
        page.waitForEvent("framenavigated", { predicate: f => f.url().includes("/catalogue/skills/"), timeout: 15000 }),
        tab.locator("main a[href*='/catalogue/skills/']").first().click(),
    ]);
    const next = page.frames().find(f => f.url().includes("/catalogue/skills/"));
    check(!!next && next.url().includes("view=tab"), `a link in the tab went to ${next?.url()}`);
    if (next) {
        await next.waitForFunction(() => document.documentElement.dataset.teams === "ready", null, { timeout: 15000 })
            .catch(() => problems.push("TeamsJS did not initialise on the page a link led to"));
    }
    await context.close();
}

async function alone(browser, baseUrl) {
    const context = await contextFor(browser, baseUrl, true);
    const page = await context.newPage();
    watch(page, "the tab on its own");
    await page.goto(`${publicHost}/catalogue?view=tab`);
    await page.locator("h1").waitFor();
    await page.waitForLoadState("load");
    const state = await page.evaluate(() => ({ teamsJs: typeof window.microsoftTeams, started: document.documentElement.dataset.teams ?? null }));
    check(state.teamsJs === "undefined", `TeamsJS is loaded on the tab's page outside Teams: ${state.teamsJs}`);
    check(state.started === null, `TeamsJS was started outside a frame: ${state.started}`);
    await context.close();
}

async function notATab(browser, baseUrl) {
    const context = await contextFor(browser, baseUrl);
    const page = await context.newPage();
    // Chromium says so on the console when frame-ancestors refuses a frame: that line is what this case expects.
    let refused = false;
    const plainUrl = `${publicHost}/catalogue`;
    watch(page, "a page that is not the tab, framed", text => text === plainUrl || (refused ||= /frame-ancestors/.test(text)));
    await page.goto(`https://teams.microsoft.com/v2/?tab=${encodeURIComponent(plainUrl)}`);
    await page.waitForTimeout(1000);
    const frame = page.frames().find(f => f !== page.mainFrame());
    const shown = await frame?.evaluate(() => !!document.querySelector("header .brand")).catch(() => false);
    check(!shown, `a page outside the tab's view was shown in a frame (${frame?.url()})`);
    check(refused, "Chromium did not report refusing the frame");
    await context.close();
}

async function main() {
    const [baseUrl] = process.argv.slice(2);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
        await framed(browser, baseUrl);
        await alone(browser, baseUrl);
        await notATab(browser, baseUrl);
    } finally {
        await browser.close();
    }
    if (problems.length > 0) {
        throw new Error(problems.join("\n"));
    }
    process.stdout.write("tab ok\n");
}

main().catch(error => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
});
