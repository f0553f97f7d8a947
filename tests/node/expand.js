// Expands Adaptive Card templates with the official engine (adaptivecards-templating).
// stdin: [{"template": {...}, "data": {...}, "host": {...}?}, ...]
// stdout: [{"card": <expanded JSON>} | {"error": "message"}, ...] in the same order.
// Or: node expand.js TEMPLATE.json DATA.json  → prints the expanded card.
"use strict";
const { Template } = require("adaptivecards-templating");
const { readCases, fail } = require("./io");

function expand({ template, data, host }) {
    try {
        const card = new Template(template).expand({ $root: data, $host: host });
        // undefined (e.g. a root removed by $when) has no JSON form; the engine's null is what callers see.
        return { card: card === undefined ? null : card };
    } catch (error) {
        return { error: String(error && error.message ? error.message : error) };
    }
}

try {
    const fromFiles = process.argv.length > 2;
    const cases = readCases(([template, data, host]) => [{ template, data: data ?? {}, host }]);
    const results = cases.map(expand);
    if (fromFiles) {
        if (results[0].error) {
            process.stderr.write(`${results[0].error}\n`);
            process.exit(1);
        }
        process.stdout.write(JSON.stringify(results[0].card, null, 2) + "\n");
    } else {
        process.stdout.write(JSON.stringify(results));
    }
} catch (error) {
    fail(error);
}
