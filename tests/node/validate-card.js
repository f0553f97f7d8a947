// Checks Adaptive Cards the way Teams would see them, with the official libraries:
//  1. the adaptivecards parser (3.0.6), targeting the card's own version (capped at 1.5, what Teams
//     renders), with maxVersion 1.5: every parse and validation event is a problem;
//  2. the official Adaptive Card 1.5 JSON schema (ajv), which catches what the parser ignores
//     (unknown properties, wrong value types, missing required properties);
//  3. no `${` left over from templating (a leftover means the data lacked a field);
//  4. at most 28 KB of JSON (the strictest size limit Teams has documented).
// stdin: [card, ...]  →  stdout: [[problem, ...], ...] (one list per card, same order).
// Or: node validate-card.js CARD.json ...  → readable report.
// Exit code: 0 all valid, 1 some card has problems (report on stderr), 2 the script itself failed.
"use strict";
const path = require("path");
const AC = require("adaptivecards/dist/adaptivecards.js"); // the package's main entry fails on Node 20
const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const { readCases, fail } = require("./io");

const teamsMaxVersion = AC.Versions.v1_5;
const maxCardBytes = 28 * 1024;

const schema = require(path.join(__dirname, "schemas", "adaptive-card-1.5.0.json"));
const { cardSchema, definitionValidator } = compileSchema(schema);

function compileSchema(officialSchema) {
    // The official file is draft-06 and names itself with "id"; ajv 8 only accepts "$id".
    const { id, ...rest } = officialSchema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
    ajv.addSchema({ $id: id, ...rest });
    const validators = new Map();
    return {
        cardSchema: ajv.getSchema(id),
        definitionValidator: type => {
            if (!Object.prototype.hasOwnProperty.call(officialSchema.definitions, type)) return undefined;
            if (!validators.has(type)) validators.set(type, ajv.getSchema(`${id}#/definitions/${type}`));
            return validators.get(type);
        },
    };
}

function parserProblems(card) {
    const problems = [];
    const declared = typeof card.version === "string" ? AC.Version.parse(card.version, new AC.SerializationContext()) : undefined;
    if (!declared || !declared.isValid) {
        problems.push(`parser: missing or invalid "version" (${JSON.stringify(card.version)})`);
    }
    const target = declared && declared.isValid && declared.compareTo(teamsMaxVersion) <= 0 ? declared : teamsMaxVersion;
    const context = new AC.SerializationContext(target);
    const parsed = new AC.AdaptiveCard();
    parsed.maxVersion = teamsMaxVersion;
    try {
        parsed.parse(card, context);
    } catch (error) {
        problems.push(`parser: threw ${error.message}`);
        return problems;
    }
    for (let i = 0; i < context.eventCount; i++) {
        problems.push(`parser: ${eventText(context.getEventAt(i))}`);
    }
    for (const event of parsed.validateProperties().validationEvents) {
        problems.push(`parser: ${eventText(event)}`);
    }
    return problems;
}

function eventText(event) {
    return `${AC.ValidationEvent[event.event]}: ${event.message}`;
}

// ajv reports every anyOf branch (one per element type) for one bad element; to stay readable, check
// each typed object against its own definition and keep only errors that are not inside a typed child.
function schemaProblems(original) {
    const card = withoutTeamsExtensions(original);
    if (cardSchema(card)) return [];
    const problems = [];
    walkTyped(card, "", (node, pointer, typedChildPointers) => {
        const validate = pointer === "" ? cardSchema : definitionValidator(node.type);
        if (!validate) {
            problems.push(`schema: ${pointer || "/"}: unknown type "${node.type}"`);
            return;
        }
        if (validate(node)) return;
        const own = validate.errors.filter(e =>
            !typedChildPointers.some(child => (e.instancePath + "/").startsWith(child + "/"))
            && !(e.keyword === "anyOf" && e.instancePath === "")
            && !(e.keyword === "anyOf" && typedChildPointers.includes(e.instancePath)));
        for (const e of own) problems.push(`schema: ${pointer + e.instancePath || "/"}: ${e.message}${paramsText(e)}`);
    });
    if (problems.length === 0) {
        problems.push(...cardSchema.errors.slice(0, 10).map(e => `schema: ${e.instancePath || "/"}: ${e.message}${paramsText(e)}`));
    }
    return [...new Set(problems)];
}

// Teams' own extensions (card-level "msteams": full width, mentions; Image "msTeams": stage view) are
// documented by Teams but not part of the Adaptive Card schema; everything else must match it.
function withoutTeamsExtensions(card) {
    return JSON.parse(JSON.stringify(card), function (key, value) {
        if (key === "msteams" && this.type === "AdaptiveCard") return undefined;
        if (key === "msTeams" && this.type === "Image") return undefined;
        return value;
    });
}

function paramsText(error) {
    if (error.params.additionalProperty) return ` ("${error.params.additionalProperty}")`;
    if (error.params.allowedValues) return ` (${error.params.allowedValues.map(v => JSON.stringify(v)).join(", ")})`;
    return "";
}

// Calls visit(node, pointer, pointersOfTypedDescendantsDirectlyBelow) for the root and each object with a "type".
function walkTyped(root, rootPointer, visit) {
    const typedChildren = [];
    const collect = (value, pointer) => {
        if (Array.isArray(value)) {
            value.forEach((item, i) => collect(item, `${pointer}/${i}`));
        } else if (value && typeof value === "object") {
            if (pointer !== rootPointer && typeof value.type === "string") {
                typedChildren.push(pointer);
                walkTyped(value, pointer, visit);
                return;
            }
            for (const [key, child] of Object.entries(value)) collect(child, `${pointer}/${escapePointer(key)}`);
        }
    };
    collect(root, rootPointer);
    visit(root, rootPointer, typedChildren.map(p => p.slice(rootPointer.length)));
}

function escapePointer(key) {
    return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function leftoverProblems(value, pointer = "") {
    if (typeof value === "string") {
        return value.includes("${") ? [`template: ${pointer || "/"}: leftover "${value}"`] : [];
    }
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([key, child]) => [
            ...(key.includes("${") ? [`template: ${pointer}: leftover in key "${key}"`] : []),
            ...leftoverProblems(child, `${pointer}/${escapePointer(key)}`),
        ]);
    }
    return [];
}

function sizeProblems(card) {
    const bytes = Buffer.byteLength(JSON.stringify(card), "utf8");
    return bytes > maxCardBytes ? [`size: ${bytes} bytes, over the ${maxCardBytes}-byte limit`] : [];
}

function validateCard(card) {
    if (!card || typeof card !== "object" || Array.isArray(card)) {
        return [`card: not a JSON object (${JSON.stringify(card)})`];
    }
    return [...parserProblems(card), ...schemaProblems(card), ...leftoverProblems(card), ...sizeProblems(card)];
}

try {
    const fromFiles = process.argv.length > 2;
    const cards = readCases(parsed => parsed);
    const names = fromFiles ? process.argv.slice(2) : cards.map((_, i) => `card ${i}`);
    const results = cards.map(validateCard);
    if (!fromFiles) process.stdout.write(JSON.stringify(results));
    const report = results.flatMap((problems, i) => problems.length === 0 ? [] : [`${names[i]}:`, ...problems.map(p => `  - ${p}`)]);
    if (report.length > 0) {
        process.stderr.write(report.join("\n") + "\n");
        process.exit(1);
    }
    if (fromFiles) process.stdout.write(`${cards.length} card(s) valid\n`);
} catch (error) {
    fail(error);
}
