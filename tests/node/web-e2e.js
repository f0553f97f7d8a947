// End to end in Debian's headless Chromium, one browser for everything: the web chat (six questions of different
// intents, every card whole and the newest in view, keyboard only, Chinese, in-place buttons, "Open in browser" showing
// the same expectation, 1280 and 375 px screenshots) and the catalogue pages (readable without JavaScript, printable,
// valid HTML by html-validate); axe-core over the chat and each kind of page; no console errors anywhere.
// Usage: node web-e2e.js BASE_URL SCREENSHOT_DIR      (prints "web ok"; exit 1 with every problem found)
//        node web-e2e.js BASE_URL - --pages PATH...   (only those catalogue pages: readable, valid, axe; prints "pages ok")
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");
const { HtmlValidate } = require("html-validate");

const axeSource = require.resolve("axe-core/axe.min.js");
const questions = [
    ["what does senior LLM engineer need in deep learning?", "expectation"],
    ["compare senior and principal llm engineer in deep learning", "compare"],
    ["I'm a lead data scientist", "role_profile"],
    ["data scientist deep learning ladder", "skill_overview"],
    ["senior deep learning", "clarify"],
    ["quantum basket weaving", "not_found"],
    ["help", "help"],
];
const chinese = "高级LLM工程师在深度学习方面需要什么";
const pages = [
    "/catalogue",
    "/catalogue/skills/deep-learning",
    "/catalogue/roles/data-scientist/senior",
    "/catalogue/compare/levels/llm-engineer/senior/lead",
    "/catalogue/compare/roles/data-scientist/llm-engineer/lead",
    "/catalogue/search?q=quantum+basket+weaving",
];

const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };
const normal = text => text.replace(/\s+/g, " ").trim();

async function answerOf(baseUrl, q) {
    const response = await fetch(new URL(`/api/v1/answer?q=${encodeURIComponent(q)}`, baseUrl));
    return response.json();
}

function watch(page, name) {
    page.on("console", message => { if (message.type() === "error") problems.push(`${name} console: ${message.text()}`); });
    page.on("pageerror", error => problems.push(`${name} page error: ${error.message}`));
    page.on("requestfailed", request => problems.push(`${name} request failed: ${request.url()}`));
}

async function axe(page, name) {
    await page.addScriptTag({ path: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => `${n.target.join(" ")} ${n.any.map(a => a.message).join(" ")} ${n.html.slice(0, 200)}`).join(", ")}`));
    for (const violation of violations) problems.push(`axe on ${name}: ${violation}`);
}

/** Every card shows its whole content (nothing cropped), and the newest is in the conversation's view. */
async function cardsWhole(page, when) {
    const state = await page.evaluate(() => {
        const main = document.getElementById("conversation").getBoundingClientRect();
        const cards = [...document.querySelectorAll(".message.bot")];
        const last = cards[cards.length - 1].getBoundingClientRect();
        return {
            cropped: cards.map((c, i) => [i, c.scrollHeight, c.clientHeight]).filter(([, s, c]) => s > c + 1),
            newestInView: last.top >= main.top - 1 && last.top < main.bottom && last.bottom > main.top,
            where: { card: [last.top, last.bottom], main: [main.top, main.bottom], scroll: document.getElementById("conversation").scrollTop, page: document.scrollingElement.scrollTop },
            pageScrollsSideways: document.scrollingElement.scrollWidth > window.innerWidth,
        };
    });
    check(state.cropped.length === 0, `${when}: cropped cards [index, scrollHeight, clientHeight]: ${JSON.stringify(state.cropped)}`);
    check(state.newestInView, `${when}: the newest answer is not in view ${JSON.stringify(state.where)}`);
    check(!state.pageScrollsSideways, `${when}: the page scrolls sideways`);
}

async function ask(page, q) {
    const bot = page.locator(".message.bot");
    const before = await bot.count();
    await page.keyboard.type(q);          // the input keeps the focus between questions: keyboard only
    await page.keyboard.press("Enter");
    await page.locator(".message.user", { hasText: q }).last().waitFor();
    await bot.nth(before).locator(".ac-adaptiveCard").waitFor();
    await page.locator(".message.pending").waitFor({ state: "detached" });
    return bot.nth(before);
}

async function chatAtDesktop(browser, baseUrl, shots) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    watch(page, "chat 1280");
    await page.goto(baseUrl);
    await page.locator(".message.bot .ac-adaptiveCard").first().waitFor(); // the welcome card
    check(await page.evaluate(() => document.activeElement?.id) === "question", "the question box does not have the focus on load");

    const intents = new Set();
    for (const [q, intent] of questions) {
        const answer = await answerOf(baseUrl, q);
        check(answer.intent === intent, `'${q}' is answered as ${answer.intent}, the test expects ${intent}`);
        intents.add(answer.intent);
        await ask(page, q);
        await cardsWhole(page, `after '${q}'`);
    }
    check(intents.size >= 6, `only ${intents.size} different intents asked`);

    // Chinese: labels and the catalogue's text render in a CJK font, and the card is whole too.
    const zh = await ask(page, chinese);
    await zh.getByText("当前级别", { exact: false }).first().waitFor();
    await cardsWhole(page, "after the Chinese question");
    const glyphs = await zh.evaluate(card => {
        const canvas = document.createElement("canvas").getContext("2d");
        const font = getComputedStyle(card.querySelector(".ac-textBlock")).fontFamily;
        canvas.font = `16px ${font}`;
        const tofu = canvas.measureText("\u{10FFFF}").width; // a code point no font has: how a missing glyph measures
        return { font, han: canvas.measureText("级").width, tofu };
    });
    check(glyphs.han > 0 && glyphs.han !== glyphs.tofu, `Chinese has no font: ${JSON.stringify(glyphs)}`);
    const emoji = await page.evaluate(() => {
        const canvas = document.createElement("canvas").getContext("2d");
        canvas.font = "16px sans-serif";
        canvas.fillText("👍", 0, 16);
        return canvas.getImageData(0, 0, 20, 20).data.some((v, i) => i % 4 === 0 && v > 0 && v !== 255);
    });
    check(emoji, "👍 does not render in colour (no emoji font)");

    // Keyboard: the latest card's buttons are reachable by Shift+Tab from the question box.
    await page.focus("#question");
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press("Shift+Tab");
        reached = await page.evaluate(() => !!document.activeElement?.closest(".message.bot") && document.activeElement.tagName === "BUTTON");
    }
    check(reached, "no card button is reachable with the keyboard from the question box");

    // The seed question's card: its expectations, its next-level button pressed with Enter (the card is replaced in
    // place), and "Open in browser" opening the page that shows the same expectation.
    const seed = page.locator(".message.bot").nth(1);
    const seedAnswer = await answerOf(baseUrl, questions[0][0]);
    check(normal(await seed.innerText()).includes(normal(seedAnswer.current.description)), "the seed card lacks the Senior expectation");
    const [popup] = await Promise.all([
        page.waitForEvent("popup"),
        seed.getByRole("link", { name: "Open in browser" }).click(), // the renderer gives Action.OpenUrl the link role
    ]);
    await popup.waitForLoadState();
    watch(popup, "opened page");
    check(/\/catalogue\/skills\/deep-learning#llm-engineer--senior$/.test(popup.url()), `Open in browser went to ${popup.url()}`);
    const rung = normal(await popup.locator("#llm-engineer--senior").innerText());
    check(rung.includes(normal(seedAnswer.current.description)), `the opened page's rung does not show the card's expectation: ${rung}`);
    await popup.close();

    const bots = await page.locator(".message.bot").count();
    await seed.getByRole("button", { name: "Lead ▶" }).focus();
    await page.keyboard.press("Enter");
    await seed.getByText("Current level: Lead").waitFor();
    await seed.getByText("Next level: Principal").waitFor();
    check(await page.locator(".message.bot").count() === bots, "the card was not replaced in place");
    check(await page.evaluate(() => !!document.activeElement?.closest(".message.bot")), "the keyboard focus left the replaced card");

    await axe(page, "the web chat at 1280 px");
    await page.locator(".message.bot").last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "webchat-1280.png") });
    await context.close();
}

async function chatAtPhone(browser, baseUrl, shots) {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    watch(page, "chat 375");
    await page.goto(baseUrl);
    await page.locator(".message.bot .ac-adaptiveCard").first().waitFor();
    await page.focus("#question");
    for (const q of [questions[2][0], questions[0][0], chinese]) {
        await ask(page, q);
        await cardsWhole(page, `at 375 px after '${q}'`);
    }
    await axe(page, "the web chat at 375 px");
    await page.screenshot({ path: path.join(shots, "webchat-375.png") });
    await context.close();
}

/** Each page readable without JavaScript, valid by html-validate, and without serious axe violations; a 404 page is checked as served. */
async function pagesReadableValidAccessible(browser, baseUrl, paths) {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    // A 404 page is one of the pages checked: the browser's own console line for its status is not a page's error.
    const watchPage = (page, name) => {
        page.on("console", message => {
            if (message.type() === "error" && !/status of 404/.test(message.text())) problems.push(`${name} console: ${message.text()}`);
        });
        page.on("pageerror", error => problems.push(`${name} page error: ${error.message}`));
    };
    const plain = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const reader = await plain.newPage();
    watchPage(reader, "pages without script");
    for (const p of paths) {
        const response = await reader.goto(new URL(p, baseUrl).toString());
        check(response.ok() || response.status() === 404, `${p} answered ${response.status()}`);
        check((await reader.locator("h1").innerText()).trim().length > 0, `${p} has no heading`);
        check((await reader.locator("main").innerText()).trim().length > 40, `${p} shows almost nothing`);
        const report = await validator.validateString(await (await fetch(new URL(p, baseUrl))).text());
        for (const result of report.results) {
            for (const m of result.messages) problems.push(`html-validate ${p}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
    }
    await plain.close();
    const audited = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const auditor = await audited.newPage();
    watchPage(auditor, "pages audited");
    for (const p of paths) {
        await auditor.goto(new URL(p, baseUrl).toString());
        await axe(auditor, p);
    }
    await audited.close();
}

async function cataloguePages(browser, baseUrl, shots) {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
    // Without JavaScript: every page is readable as served.
    const plain = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const reader = await plain.newPage();
    watch(reader, "pages without script");
    for (const p of pages) {
        const response = await reader.goto(new URL(p, baseUrl).toString());
        check(response.ok(), `${p} answered ${response.status()}`);
        check((await reader.locator("h1").innerText()).trim().length > 0, `${p} has no heading`);
        check((await reader.locator("main").innerText()).trim().length > 40, `${p} shows almost nothing`);
        const html = await (await fetch(new URL(p, baseUrl))).text();
        const report = await validator.validateString(html);
        for (const result of report.results) {
            for (const m of result.messages) problems.push(`html-validate ${p}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
    }
    await reader.goto(new URL(pages[1], baseUrl).toString());
    await reader.screenshot({ path: path.join(shots, "catalogue-skill-1280.png"), fullPage: true });
    await reader.emulateMedia({ media: "print" });
    check(await reader.locator("header form").isHidden(), "the search box is printed");
    check(await reader.locator("mark").first().isVisible(), "what a level adds is not printed");
    await plain.close();

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, javaScriptEnabled: false });
    const small = await phone.newPage();
    await small.goto(new URL(pages[2], baseUrl).toString());
    check(await small.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), "the role page scrolls sideways at 375 px");
    await small.screenshot({ path: path.join(shots, "catalogue-role-375.png"), fullPage: true });
    await phone.close();

    // axe runs as a script: a context of its own that may inject it.
    const audited = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const auditor = await audited.newPage();
    watch(auditor, "pages audited");
    for (const p of pages) {
        await auditor.goto(new URL(p, baseUrl).toString());
        await axe(auditor, p);
    }
    // The search box lands on the page of its answer.
    await auditor.goto(new URL(pages[0], baseUrl).toString());
    await auditor.fill("#q", questions[0][0]);
    await auditor.press("#q", "Enter");
    await auditor.waitForURL(/\/catalogue\/skills\/deep-learning#llm-engineer--senior$/);
    await audited.close();
}

async function main() {
    const [baseUrl, shots, mode, ...paths] = process.argv.slice(2);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
        if (mode === "--pages") {
            await pagesReadableValidAccessible(browser, baseUrl, paths);
        } else {
            await chatAtDesktop(browser, baseUrl, shots);
            await chatAtPhone(browser, baseUrl, shots);
            await cataloguePages(browser, baseUrl, shots);
        }
    } finally {
        await browser.close();
    }
    if (problems.length > 0) {
        throw new Error(problems.join("\n"));
    }
    process.stdout.write(mode === "--pages" ? "pages ok\n" : "web ok\n");
}

main().catch(error => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
});
