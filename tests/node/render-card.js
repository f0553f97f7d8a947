// Renders an Adaptive Card to PNG with the official renderer (adaptivecards 3.0.6) in Debian's headless
// Chromium, with Teams' light host config — what a person would see in Teams.
// Usage: node render-card.js CARD.json OUT.png [WIDTH]
// (A card from SkillBot: dotnet src/SkillBot/bin/Debug/net10.0/SkillBot.dll ask "QUESTION" --format adaptive > card.json)
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

async function main() {
    const [cardPath, outPath, width = "560"] = process.argv.slice(2);
    if (!cardPath || !outPath) {
        process.stderr.write("usage: node render-card.js CARD.json OUT.png [WIDTH]\n");
        process.exit(2);
    }
    const card = JSON.parse(fs.readFileSync(cardPath, "utf8"));
    const hostConfig = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "cards", "host-configs", "microsoft-teams-light.json"), "utf8"));
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
        const page = await browser.newPage({ viewport: { width: Number(width) + 32, height: 400 }, deviceScaleFactor: 2 });
        const errors = [];
        page.on("pageerror", e => errors.push(e.message));
        await page.setContent(`<!doctype html><html><body style="margin:0;padding:16px;background:#f5f5f5">
            <div id="card" style="width:${Number(width)}px;background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.2)"></div></body></html>`);
        await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
        await page.evaluate(({ card, hostConfig }) => {
            const adaptiveCard = new AdaptiveCards.AdaptiveCard();
            adaptiveCard.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
            adaptiveCard.parse(card);
            document.getElementById("card").appendChild(adaptiveCard.render());
        }, { card, hostConfig });
        if (errors.length > 0) {
            throw new Error(errors.join("\n"));
        }
        await page.locator("#card").screenshot({ path: outPath });
    } finally {
        await browser.close();
    }
}

main().catch(error => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
});
