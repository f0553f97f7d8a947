// Checks a catalogue folder the way an editor with yaml-language-server would: each file's
// "# yaml-language-server: $schema=PATH" comment must point (relative to the file) at the schema
// for its kind, and the file must be valid against that schema.
// Usage: node check.mjs CATALOGUE_DIR   → prints [{ file, schema, errors: [...] }] as JSON.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { parseDocument } from "yaml";

const root = resolve(process.argv[2]);
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map();

function validatorFor(schemaPath) {
  if (!validators.has(schemaPath)) {
    validators.set(schemaPath, ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8"))));
  }
  return validators.get(schemaPath);
}

function skillFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skillFiles(path);
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  });
}

const files = [
  ...["levels.yaml", "roles.yaml"].map((name) => join(root, name)).filter(existsSync),
  ...skillFiles(join(root, "skills")),
];

const results = files.map((file) => {
  const name = relative(root, file).split(sep).join("/");
  const expected = name === "levels.yaml" ? "levels.schema.json" : name === "roles.yaml" ? "roles.schema.json" : "skill.schema.json";
  const text = readFileSync(file, "utf8");
  const errors = [];
  const modeline = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/m.exec(text);
  let schema = null;
  if (!modeline) {
    errors.push("no '# yaml-language-server: $schema=...' comment");
  } else {
    const schemaPath = resolve(dirname(file), modeline[1]);
    schema = relative(root, schemaPath).split(sep).join("/");
    if (!schemaPath.endsWith(sep + expected)) {
      errors.push(`the $schema comment points at ${schema}, not at ${expected}`);
    } else if (!existsSync(schemaPath)) {
      errors.push(`the $schema comment points at ${schema}, which does not exist`);
    } else {
      const doc = parseDocument(text, { version: "1.2", uniqueKeys: true });
      if (doc.errors.length > 0) {
        errors.push(...doc.errors.map((e) => `YAML: ${e.message}`));
      } else {
        const validate = validatorFor(schemaPath);
        if (!validate(doc.toJS())) {
          errors.push(...validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ""}`));
        }
      }
    }
  }
  return { file: name, schema, errors };
});

process.stdout.write(JSON.stringify(results, null, 1) + "\n");
