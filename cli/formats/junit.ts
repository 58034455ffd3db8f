import type { Formatter } from './types.js';

/** JUnit XML: one test suite per file, one failing test case per diagnostic (a clean file passes one case). */
export const formatJunit: Formatter = report => {
    const byFile = new Map<string, typeof report.diagnostics[number][]>(report.files.map(file => [file, []]));
    for (const d of report.diagnostics) {
        if (!byFile.has(d.file)) byFile.set(d.file, []);
        byFile.get(d.file)!.push(d);
    }
    const suites = [...byFile].map(([file, diagnostics]) => {
        const cases = diagnostics.length === 0
            ? `    <testcase classname="${xml(file)}" name="sunlight check"/>`
            : diagnostics.map(d => {
                return `    <testcase classname="${xml(file)}" name="${xml(`${d.line}:${d.column} ${d.code}`)}">\n` +
                    `      <failure type="${xml(d.severity)}" message="${xml(d.message)}">${xml(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`)}</failure>\n` +
                    `    </testcase>`;
            }).join('\n');
        const failures = diagnostics.length;
        return `  <testsuite name="${xml(file)}" tests="${Math.max(1, failures)}" failures="${failures}" errors="0">\n${cases}\n  </testsuite>`;
    });
    const total = [...byFile.values()].reduce((n, list) => n + Math.max(1, list.length), 0);
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sunlight" tests="${total}" failures="${report.diagnostics.length}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};

function xml(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
        // XML 1.0 forbids most control characters even escaped.
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
        // A parser turns raw line breaks in attributes into spaces: keep multi-line messages as they are.
        .replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}
