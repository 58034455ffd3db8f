import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

/** The extension manifest (package.json), its translations and the sources agree. */
const root = path.resolve(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = json('package.json');
const nls: Record<string, string> = json('package.nls.json');
const nlsZh: Record<string, string> = json('package.nls.zh-cn.json');
const l10nZh: Record<string, string> = json('l10n/bundle.l10n.zh-cn.json');

function sources(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
    });
}
const extensionSources = sources(path.join(root, 'extension'));
const previewIsStub = (() => {
    try {
        return readFileSync(path.join(root, 'extension', 'preview', 'register.ts'), 'utf8').includes('STUB');
    } catch {
        return true;
    }
})();

describe('extension manifest', () => {
    test('is a VS Code extension as well as the CLI package', () => {
        expect(manifest.name).toBe('sunlight');
        expect(manifest.publisher).toBeTruthy();
        expect(manifest.engines.vscode).toBe('^1.91.0');
        expect(manifest.main).toBe('./dist/extension.cjs');
        expect(manifest.bin.sunlight).toBe('./bin/sunlight.cjs');
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:sunlight', 'workspaceContains:**/*.sun']));
        expect(manifest.scripts.package).toMatch(/vsce package --no-dependencies/);
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'sunlight', extensions: ['.sun'] });
        expect(language.aliases).toEqual(expect.arrayContaining(['Sunlight', '阳光']));
        expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'sunlight', scopeName: 'source.sunlight' });
        expect(manifest.contributes.configuration.properties['sunlight.locale'].enum).toEqual(['auto', 'en', 'zh-cn']);
        expect(manifest.contributes.configuration.properties['sunlight.trace.server']).toBeDefined();
    });

    test('every file it points at exists', () => {
        const files = [manifest.main.replace('dist/extension.cjs', 'extension/extension.ts'), manifest.icon, manifest.l10n];
        for (const language of manifest.contributes.languages) files.push(language.configuration, language.icon.light, language.icon.dark);
        for (const grammar of manifest.contributes.grammars) files.push(grammar.path);
        for (const file of files) expect(() => statSync(path.join(root, file)), file).not.toThrow();
    });

    test('every %key% is translated in English and Chinese, and nothing else is there', () => {
        const keys = [...new Set([...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]))];
        expect(keys.length).toBeGreaterThan(10);
        expect(Object.keys(nls).sort()).toEqual([...keys].sort());
        expect(Object.keys(nlsZh).sort()).toEqual([...keys].sort());
        expect(nlsZh['command.preview.open']).toBe('打开流程图预览');
        for (const key of keys) expect(nlsZh[key], key).toMatch(/[\u4e00-\u9fff]/);
    });

    test('commands: contributed = registered; the preview ones have their menu entries', () => {
        const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
        for (const command of contributed) expect(command).toMatch(/^sunlight\./);
        expect(contributed).toEqual(expect.arrayContaining([
            'sunlight.newDepartment', 'sunlight.checkWorkspace', 'sunlight.preview.open', 'sunlight.preview.exportSvg',
            'sunlight.preview.exportPng', 'sunlight.preview.toggleLanes', 'sunlight.preview.switchFlow', 'sunlight.preview.pin'
        ]));
        const text = extensionSources.map(file => readFileSync(file, 'utf8')).join('\n');
        const registered = [...text.matchAll(/registerCommand\(\s*['"]([^'"]+)['"]/g)].map(m => m[1]);
        for (const command of registered) expect(contributed, `${command} is registered but not contributed`).toContain(command);
        for (const command of contributed) {
            if (previewIsStub && command.startsWith('sunlight.preview.')) continue;
            expect(text.includes(`'${command}'`) || text.includes(`"${command}"`), `${command} is contributed but never registered`).toBe(true);
        }
        const titleMenu = manifest.contributes.menus['editor/title'];
        expect(titleMenu).toContainEqual(expect.objectContaining({ command: 'sunlight.preview.open', when: 'resourceLangId == sunlight' }));
    });

    test('every vscode.l10n.t string of the extension has a Chinese translation', () => {
        const missing: string[] = [];
        let count = 0;
        for (const file of extensionSources) {
            const text = readFileSync(file, 'utf8');
            for (const match of text.matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) {
                count++;
                const message = match[2].replace(/\\(['"`\\])/g, '$1');
                if (!(message in l10nZh)) missing.push(`${path.relative(root, file)}: ${message}`);
            }
        }
        expect(count).toBeGreaterThan(5);
        expect(missing, 'add these to l10n/bundle.l10n.zh-cn.json').toEqual([]);
    });

    test('language configuration: comments, brackets, valid patterns', () => {
        const config = json('language-configuration.json');
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toEqual([['{', '}']]);
        const word = new RegExp(config.wordPattern.pattern, `${config.wordPattern.flags}g`);
        expect('财务处.会计 stepA 2012-11-15 7'.match(word)).toEqual(['财务处', '会计', 'stepA', '2012-11-15', '7']);
        const increase = new RegExp(config.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('    power 经费报销审核 {')).toBe(true);
        expect(increase.test('    register department { reviewed 2012-10-30 }')).toBe(false);
        expect(increase.test('    // {')).toBe(false);
        expect(decrease.test('    }')).toBe(true);
        for (const rule of config.onEnterRules) {
            for (const key of ['beforeText', 'afterText', 'previousLineText']) if (rule[key]) expect(() => new RegExp(rule[key])).not.toThrow();
        }
    });
});
