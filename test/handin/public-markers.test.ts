/**
 * The public service guide's security property: nothing internal reaches
 * it. Every internal string of the workspace below (internal flow steps,
 * decisions and branch labels, risk points and everything in them, staff
 * names, post duties, role descriptions, leader titles, register text,
 * comments, suppression reasons, the campaign, the folder and file names) is
 * a unique marker `ZQX…`; no byte of any output file (HTML, JS, CSS, the
 * inline SVG) and no text of the PDF (read back with poppler's pdftotext)
 * may contain one. The public strings are asserted present, so that the
 * test cannot pass by writing nothing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPublic, type PublicExportOptions } from '../../cli/export-public.js';
import { loadHandinWorkspace } from '../../cli/export-handin.js';
import { UsageError } from '../../cli/errors.js';
import { projectPublicGuide } from '../../handin/public/projection.js';
import { CHROMIUM, listFiles, tempDir } from './support.js';

const ORGANIZATION = `// ZQXcomment01 学院的注释
organization 阳光学院 {
    campaign "ZQXcampaign02" due 2012-11-15
    leader 院长 "ZQXleadertitle03"
    leader 分管副院长 "ZQXleadertitle04"
    group 院长办公会 "院长办公会议" {
        members 院长, 分管副院长
    }
}
basis 资助办法 policy "学生资助管理办法" {
    article 第五条 "资助对象为家庭经济困难学生。"
}
`;

const DEPARTMENT = `/* ZQXcomment05
   块注释 */
department 学生处 "学生工作处" {
    leader 分管副院长
    contact "电话:0551-0000 0001"
    post 科长 "ZQXduty06"
    post 处长 "ZQXduty07"
    role 学生 external "ZQXroledesc08"
    staff ZQXstaff09 post 科长
    staff ZQXstaff10 post 处长

    power 助学金评定 {
        code "XS-01"
        category student
        content "评定国家助学金"
        responsible ZQXstaff09
        basis 资助办法.第五条
        contact "资助中心:学生活动中心 105 室"
        // ZQXcomment11 外部流程的注释
        flow external limit 20 workdays {
            step 提交申请 by 学生
            step 资格审核 by ZQXstaff09 within 5 workdays
            decision 是否符合条件 by 处长 {
                "符合" -> 集体评定
                "不符合" -> end
            }
            step 集体评定 by 院长办公会 collective within 5 workdays
        }
        flow internal limit 10 workdays {
            step ZQXistep12 by ZQXstaff09 within 2 workdays
            decision ZQXidecision13 by ZQXstaff10 {
                "ZQXibranch14" -> ZQXistep15
                "ZQXibranch16" -> end
            }
            step ZQXistep15 by 处长 within 3 workdays
        }
        risk ZQXrisk17 at 资格审核 {
            description "ZQXdescription18"
            aspect duty
            probability medium
            harm high
            cause "ZQXcause19"
            consequence criminal
            grade high
            owner ZQXstaff09
            found by ZQXstaff10 colleague
            measure "ZQXmeasure20" by 处长 within 30 days
            proposed medium by ZQXstaff09
            final high
        }
        // sunlight-ignore missing-owner: ZQXreason21
        risk ZQXrisk22 at ZQXistep12 {
            description "ZQXdescription23"
            aspect process
            probability low
            harm low
            cause "ZQXcause24"
            consequence conduct
            grade low
            found by ZQXstaff09 self
            measure "ZQXmeasure25"
        }
    }

    power 勤工助学 {
        code "XS-02"
        category student
        content "安排勤工助学岗位"
        responsible 处长
        basis 资助办法
        flow internal {
            step ZQXistep26 by ZQXstaff10 within 1 workday
        }
    }

    risk ZQXrisk27 {
        description "ZQXdescription28"
        aspect mechanism
        probability low
        harm low
        cause "ZQXcause29"
        consequence conduct
        grade low
        owner ZQXstaff10
        found by ZQXstaff10 self
        measure "ZQXmeasure30" by 处长
    }

    register ZQXstaff09 {
        risks ZQXrisk17
        signed 2012-10-24
    }
    register ZQXstaff10 {
        risks ZQXrisk27
        signed 2012-10-25
    }
    register department {
        reviewed 2012-11-02 "ZQXreviewed31"
        approved by 分管副院长 on 2012-11-08
    }
}
`;

/** What must be published: proves the export wrote the guide. */
const PUBLIC = ['阳光学院', '学生工作处', '助学金评定', 'XS-01', '评定国家助学金', '学生资助管理办法', '资助对象为家庭经济困难学生。',
    '提交申请', '资格审核', '是否符合条件', '符合', '集体评定', '院长办公会议', '科长', '电话:0551-0000 0001', '资助中心:学生活动中心 105 室', '勤工助学'];

const quiet = { out: () => undefined, err: () => undefined };

function markerWorkspace(root: string): string {
    const folder = path.join(root, 'ZQXfolder32');
    fs.mkdirSync(path.join(folder, 'ZQXsubfolder33'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'ZQXorganization34.sun'), ORGANIZATION);
    fs.writeFileSync(path.join(folder, 'ZQXsubfolder33', 'ZQXdepartment35.sun'), DEPARTMENT);
    return folder;
}

function markersIn(text: string): string[] {
    return [...new Set(text.match(/ZQX[a-z]*\d+/gi) ?? [])];
}

describe('the public guide shows nothing internal', { timeout: 240_000 }, () => {
    const temp = tempDir('sunlight-public-');
    afterAll(() => temp.remove());
    const folder = markerWorkspace(temp.dir);

    it('the marker workspace has every marker it claims and checks without errors', async () => {
        const all = markersIn([ORGANIZATION, DEPARTMENT, folder, ...listFiles(folder)].join('\n'));
        expect(all.length).toBe(35);
        const workspace = await loadHandinWorkspace([folder], 'en');
        const errors = workspace.departments.flatMap(d => d.diagnostics).concat(workspace.otherDiagnostics).filter(d => d.severity === 'error');
        expect(errors.map(d => d.code)).toEqual([]);
    });

    it('the projection holds no marker, and a staff member shows as their post', async () => {
        const guide = projectPublicGuide(await loadHandinWorkspace([folder], 'zh'));
        const json = JSON.stringify(guide);
        expect(markersIn(json)).toEqual([]);
        const power = guide.departments[0].powers[0];
        expect(power.office).toBe('科长');
        expect(power.flow?.nodes.map(n => [n.name, n.office])).toEqual([
            ['提交申请', '学生'], ['资格审核', '科长'], ['是否符合条件', '处长'], ['集体评定', '院长办公会议']
        ]);
        expect(guide.departments[0].powers[1].flow).toBeUndefined();
    });

    for (const lang of ['zh', 'en'] as const) {
        it(`no output byte holds a marker (${lang}${CHROMIUM ? ', with the PDF' : ''})`, async () => {
            const out = path.join(temp.dir, `out-${lang}`);
            const options: PublicExportOptions = { paths: [folder], out, lang, messages: 'en', strict: true, pdf: Boolean(CHROMIUM), onlyCharted: false };
            expect(await exportPublic(options, quiet)).toBe(0);
            const files = listFiles(out);
            expect(files.some(f => f.endsWith('.html'))).toBe(true);
            let everything = '';
            for (const file of files) {
                const bytes = fs.readFileSync(path.join(out, file));
                expect(markersIn(file), file).toEqual([]);
                // latin1 keeps every byte: an ASCII marker inside any encoding or compressed stream is found as is.
                expect(markersIn(bytes.toString('latin1')), file).toEqual([]);
                if (!file.endsWith('.pdf')) everything += bytes.toString('utf8');
            }
            for (const text of PUBLIC) expect(everything, text).toContain(text);
            expect(everything).toContain('<svg');
            expect(everything).not.toContain('sl-badge');
            if (CHROMIUM) {
                expect(files).toContain('booklet.pdf');
                const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(out, 'booklet.pdf'), '-'], { encoding: 'utf8' });
                expect(markersIn(text)).toEqual([]);
                for (const word of ['助学金评定', '资格审核', '资助对象为家庭经济困难学生。']) expect(text).toContain(word);
            }
        });
    }

    it('--only-charted leaves out the power without an external flow', async () => {
        const out = path.join(temp.dir, 'charted');
        expect(await exportPublic({ paths: [folder], out, lang: 'zh', messages: 'en', strict: false, pdf: false, onlyCharted: true }, quiet)).toBe(0);
        const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        expect(index).toContain('助学金评定');
        expect(index).not.toContain('勤工助学');
        expect(listFiles(out).filter(f => f.startsWith('powers'))).toHaveLength(1);
    });

    it('an external flow with errors is named on stderr; --strict refuses and writes nothing', async () => {
        const broken = path.join(temp.dir, 'broken');
        fs.mkdirSync(broken);
        fs.writeFileSync(path.join(broken, 'a.sun'), ORGANIZATION);
        fs.writeFileSync(path.join(broken, 'b.sun'), DEPARTMENT.replace('"符合" -> 集体评定', '"符合" -> 无此环节'));
        const errors: string[] = [];
        const output = { out: () => undefined, err: (text: string) => { errors.push(text); } };
        const out = path.join(temp.dir, 'strict');
        expect(await exportPublic({ paths: [broken], out, lang: 'zh', messages: 'en', strict: true, pdf: false, onlyCharted: false }, output)).toBe(1);
        expect(fs.existsSync(out)).toBe(false);
        expect(errors.join('')).toContain('助学金评定');
        expect(markersIn(errors.join(''))).toEqual([]);
        errors.length = 0;
        expect(await exportPublic({ paths: [broken], out, lang: 'zh', messages: 'en', strict: false, pdf: false, onlyCharted: false }, output)).toBe(0);
        expect(errors.join('')).toContain('助学金评定');
        expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true);
    });

    it('writes nothing through a symlinked folder inside --out, and leaves no temporary file', async () => {
        const out = path.join(temp.dir, 'symlinked');
        const elsewhere = path.join(temp.dir, 'elsewhere');
        fs.mkdirSync(out);
        fs.mkdirSync(elsewhere);
        fs.symlinkSync(elsewhere, path.join(out, 'powers'));
        await expect(exportPublic({ paths: [folder], out, lang: 'zh', messages: 'en', strict: false, pdf: false, onlyCharted: false }, quiet)).rejects.toSatisfy(
            (error: unknown) => error instanceof UsageError && error.message.includes(path.join(out, 'powers')));
        expect(fs.readdirSync(elsewhere)).toEqual([]);
        expect(listFiles(out).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });
});
