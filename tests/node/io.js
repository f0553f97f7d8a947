// Shared input handling: the scripts take a JSON array of cases on stdin (one node run for many cases,
// so tests don't spawn node per card), or JSON files named on the command line.
"use strict";
const fs = require("fs");

function readCases(fileArgsToCase) {
    const args = process.argv.slice(2);
    if (args.length > 0) {
        return fileArgsToCase(args.map(file => JSON.parse(fs.readFileSync(file, "utf8"))), args);
    }
    const input = fs.readFileSync(0, "utf8");
    const cases = JSON.parse(input);
    if (!Array.isArray(cases)) {
        throw new Error("stdin must be a JSON array of cases");
    }
    return cases;
}

function fail(error) {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(2);
}

module.exports = { readCases, fail };
