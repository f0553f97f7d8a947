// A second, independent reader and writer of .xlsx files (exceljs), for the tests of catalogue export and import:
//   node xlsx.js read FILE         prints {"sheets":[{"name","rows":[[{"text","type","numFmt","bold"}]]}]}
//   node xlsx.js write SPEC OUT    writes the workbook SPEC (JSON) describes: sheets of rows whose cells are
//                                  strings, numbers, {"date":"YYYY-MM-DD"}, {"formula","result"}, {"error":"#N/A"},
//                                  with "merges": ["A2:A3"]
"use strict";
const fs = require("fs");
const ExcelJS = require("exceljs");
const { fail } = require("./io");

const types = Object.fromEntries(Object.entries(ExcelJS.ValueType).map(([name, value]) => [value, name]));

async function read(file) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheets = [];
    workbook.eachSheet(sheet => {
        const rows = [];
        sheet.eachRow({ includeEmpty: false }, row => {
            const cells = [];
            row.eachCell({ includeEmpty: true }, (cell, column) => {
                cells[column - 1] = {
                    text: cell.text,
                    type: types[cell.type],
                    numFmt: cell.numFmt || null,
                    bold: !!(cell.font && cell.font.bold),
                };
            });
            rows.push(Array.from(cells, c => c || { text: "", type: "Null", numFmt: null, bold: false }));
        });
        sheets.push({ name: sheet.name, rows });
    });
    process.stdout.write(JSON.stringify({ sheets }));
}

async function write(specFile, out) {
    const spec = JSON.parse(fs.readFileSync(specFile, "utf8"));
    const workbook = new ExcelJS.Workbook();
    for (const sheetSpec of spec.sheets) {
        const sheet = workbook.addWorksheet(sheetSpec.name);
        sheetSpec.rows.forEach((row, r) => row.forEach((value, c) => {
            const cell = sheet.getCell(r + 1, c + 1);
            if (value && typeof value === "object" && "date" in value) {
                cell.value = new Date(value.date + "T00:00:00Z");
                cell.numFmt = "yyyy-mm-dd";
            } else if (value && typeof value === "object" && "formula" in value) {
                cell.value = { formula: value.formula, result: value.result };
            } else if (value && typeof value === "object" && "error" in value) {
                cell.value = { error: value.error };
            } else if (value !== null) {
                cell.value = value;
            }
        }));
        for (const range of sheetSpec.merges || []) {
            sheet.mergeCells(range);
        }
    }
    await workbook.xlsx.writeFile(out);
}

const [command, ...args] = process.argv.slice(2);
(command === "read" ? read(args[0]) : command === "write" ? write(args[0], args[1]) : Promise.reject(new Error("use: read FILE | write SPEC OUT")))
    .catch(fail);
