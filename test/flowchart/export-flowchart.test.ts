import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../flowchart/diagram-model.js';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import { exportFlowcharts, findCjkFonts, type FlowchartExportOptions } from '../../cli/export-flowchart.js';
import { UsageError } from '../../cli/errors.js';
import { main } from '../../cli/main.js';
import { sunlight } from '../cli/cli-helpers.js';
import { powersOf, specFiles } from './helpers.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const SPEC = path.join(ROOT, 'test', 'fixtures', 'spec');
const EXAMPLES = path.join(ROOT, 'examples');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sunlight-flowchart-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

function options(out: string, extra: Partial<FlowchartExportOptions> = {}): FlowchartExportOptions {
    return { paths: [SPEC], out, format: 'svg', lanes: false, lang: 'zh', scale: 2, fonts: [], ...extra };
}

const quiet = { locale: 'en' as const, write: () => undefined };

describe('sunlight export flowchart', () => {
    test('one SVG per power and flow, stable names, the same bytes as the preview\'s Export SVG', async () => {
        const out = path.join(temp, 'spec');
        const written: string[] = [];
        expect(await exportFlowcharts(options(out), { locale: 'en', write: t => { written.push(t); } })).toBe(0);
        expect(fs.readdirSync(out)).toEqual(['财务处-经费报销审核-external.svg']);
        expect(written).toHaveLength(1);
        const [{ power }] = await powersOf(specFiles());
        const { svg } = await drawFlowchart(buildDiagram(power, 'external'), { palette: 'print', locale: 'zh' });
        expect(fs.readFileSync(path.join(out, '财务处-经费报销审核-external.svg'), 'utf8')).toBe(svg);

        await exportFlowcharts(options(out, { lanes: true }), quiet);
        expect(fs.readdirSync(out).sort()).toEqual(['财务处-经费报销审核-external-lanes.svg', '财务处-经费报销审核-external.svg']);
    });

    test('every flow of the examples; --power and --flow select; repeated runs write identical files', async () => {
        const all = path.join(temp, 'all');
        await exportFlowcharts(options(all, { paths: [EXAMPLES] }), quiet);
        const names = fs.readdirSync(all).sort();
        expect(names.length).toBeGreaterThan(5);
        for (const name of names) expect(name).toMatch(/^[^/\\:*?"<>|]+-(external|internal)\.svg$/);
        const again = path.join(temp, 'again');
        await exportFlowcharts(options(again, { paths: [EXAMPLES] }), quiet);
        for (const name of names) expect(fs.readFileSync(path.join(again, name), 'utf8')).toBe(fs.readFileSync(path.join(all, name), 'utf8'));

        const one = path.join(temp, 'one');
        const [first] = names;
        const [department, power] = first.split('-');
        await exportFlowcharts(options(one, { paths: [EXAMPLES], power: `${department}.${power}`, flow: first.includes('-internal') ? 'internal' : 'external' }), quiet);
        expect(fs.readdirSync(one)).toEqual([first]);
        await expect(exportFlowcharts(options(one, { paths: [EXAMPLES], power: '没有这个职权' }), quiet)).rejects.toThrow(UsageError);
    }, 120_000);

    test('names that could escape the folder or are reserved get safe, stable file names', async () => {
        const dir = path.join(temp, 'names-src');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'college.sun'), 'organization 学院 {\n    leader 院长 "院长"\n}\n');
        const power = (name: string) => `    power ${name} {\n        responsible 科员\n        flow external {\n            step 办理 by 科员\n        }\n    }\n`;
        fs.writeFileSync(path.join(dir, 'con.sun'), `department con "../../x" {\n    leader 院长\n    post 科员 "科员"\n${power('CON')}${power('nul')}${power('con')}}\n`);
        const out = path.join(temp, 'names');
        await exportFlowcharts(options(out, { paths: [dir] }), quiet);
        const names = fs.readdirSync(out).sort();
        expect(names).toEqual(['_con-_CON-external.svg', '_con-_con-external-2.svg', '_con-_nul-external.svg'].sort());
        for (const name of names) expect(path.dirname(path.join(out, name))).toBe(out);
    });

    test('PNG through resvg, with a CJK font so Chinese is drawn, not boxes', async () => {
        const out = path.join(temp, 'png');
        await exportFlowcharts(options(out, { format: 'png', scale: 1 }), quiet);
        const file = path.join(out, '财务处-经费报销审核-external.png');
        const png = fs.readFileSync(file);
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width
        const fonts = findCjkFonts();
        if (fonts.length === 0) {
            if (process.env.CI) throw new Error('no CJK font on this machine: .ci/run installs fonts-noto-cjk');
            return;
        }
        // Two different characters draw differently (missing glyphs would draw the same empty box).
        const { Resvg } = await import('@resvg/resvg-js');
        const draw = (ch: string) => new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#fff"/><text x="4" y="32" font-size="32" font-family="'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif">${ch}</text></svg>`,
            { font: { loadSystemFonts: false, fontFiles: fonts } }).render().pixels;
        const a = draw('审'), b = draw('核');
        const dark = (pixels: Buffer) => { let n = 0; for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) n++; return n; };
        expect(dark(a)).toBeGreaterThan(30);
        expect(Buffer.compare(a, b)).not.toBe(0);
    }, 60_000);

    test('arguments: through main() and as a process (one-line reasons, exit 2)', async () => {
        await expect(main(['export', 'flowchart', SPEC])).rejects.toThrow(/--out/);
        await expect(main(['export', 'flowchart', SPEC, '--out', temp, '--format', 'gif'])).rejects.toThrow(/--format/);
        await expect(main(['export', 'flowchart', SPEC, '--out', temp, '--flow', 'sideways'])).rejects.toThrow(/--flow/);
        await expect(main(['export', 'flowchart', SPEC, '--out', temp, '--bogus'])).rejects.toThrow(UsageError);
        const result = sunlight(['export', 'flowchart', SPEC, '--out', path.join(temp, 'proc'), '--power', 'nothing']);
        expect(result.status).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        const ok = sunlight(['export', 'flowchart', SPEC, '--out', path.join(temp, 'proc')]);
        expect(ok.status).toBe(0);
        expect(ok.stdout.trim()).toMatch(/财务处-经费报销审核-external\.svg$/);
    }, 60_000);
});
