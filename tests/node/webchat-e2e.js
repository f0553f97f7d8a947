// End-to-end: the web chat in Debian's headless Chromium. Asks the seed question, checks the Senior and
// Lead expectations, presses the next-level button, checks Lead and Principal replaced the card in place,
// and fails on any console error. Usage: node webchat-e2e.js BASE_URL SCREENSHOT.png
"use strict";
const { chromium } = require("playwright-core");

const seedQuestion = "what does senior LLM engineer need in deep learning?";

async function main() {
    const [baseUrl, screenshot] = process.argv.slice(2);
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const problems = [];
    try {
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
        page.on("console", message => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
        page.on("pageerror", error => problems.push(`page: ${error.message}`));
        page.on("requestfailed", request => problems.push(`request failed: ${request.url()}`));

        await page.goto(baseUrl);
        const bot = page.locator(".message.bot");
        await bot.first().getByText(/what does/i).first().waitFor();           // the welcome card's example questions

        await page.fill("#question", seedQuestion);
        await page.press("#question", "Enter");
        await page.locator(".message.user", { hasText: seedQuestion }).waitFor();
        const card = bot.nth(1);
        await card.getByText("Current level: Senior").waitFor();
        await card.getByText("Next level: Lead").waitFor();
        await card.getByText(/^Designs custom training loops for LLM/).waitFor();
        await card.getByText(/^Defines deep learning best practices for the LLM team/).waitFor();

        await card.getByRole("button", { name: "Lead ▶" }).click();
        await card.getByText("Current level: Lead").waitFor();
        await card.getByText("Next level: Principal").waitFor();
        await card.getByText(/^Shapes organizational deep learning practices strategy/).waitFor();
        if (await bot.count() !== 2) problems.push(`the card was not replaced in place: ${await bot.count()} bot messages`);

        await page.screenshot({ path: screenshot, fullPage: true });
    } finally {
        await browser.close();
    }
    if (problems.length > 0) {
        throw new Error(problems.join("\n"));
    }
    process.stdout.write("web chat ok\n");
}

main().catch(error => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
});
