import { readFileSync } from 'node:fs';
import { TextDocument, type LangiumDocument } from 'langium';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { buildWorkspace } from '../helpers.js';
import type { Locale } from '../../language/messages.js';

/** The spec's three example files. */
export const spec = (name: string) => readFileSync(new URL(`../fixtures/spec/${name}`, import.meta.url), 'utf8');

/** A second department that refers to the finance department by qualified names, and back. */
export const HR = `department 人事处 "人事处" {
    leader 分管教学副院长

    post 处长 "主持人事处全面工作"
    post 科员 "人事档案管理"
    staff 张三 post 处长
    staff 李四 post 科员

    power 职称评审 {
        category personnel
        content "组织教师职称评审"
        responsible 处长
        basis 三定方案, 会计法.第十条

        flow internal limit 5 workdays {
            step 受理 by 科员 within 1 workday
            step 经费核对 by 财务处.会计 within 2 workdays
            step 审定 by 领导小组 collective within 3 workdays
        }

        risk 暗箱操作 at 受理 {
            aspect process
            consequence criminal
            grade high
            owner 张三
            found by 李四 colleague
            measure "评审结果公示" by 处长
        }
    }

    register 张三 {
        risks 暗箱操作
        signed 2012-10-25
    }
}
`;

export async function specWorkspace(extra: Record<string, string> = {}, locale: Locale = 'en') {
    return buildWorkspace({
        'college.sun': spec('college.sun'), 'bases.sun': spec('bases.sun'), 'finance.sun': spec('finance.sun'), 'hr.sun': HR, ...extra
    }, { locale });
}

/** The position of the `occurrence`-th (0-based) match of `needle` in the document, plus `delta` characters. */
export function positionOf(document: LangiumDocument, needle: string, delta = 0, occurrence = 0): Position {
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' (#${occurrence}) not found`);
    }
    return document.textDocument.positionAt(index + delta);
}

export function offsetOf(document: LangiumDocument, needle: string, occurrence = 0): number {
    return document.textDocument.offsetAt(positionOf(document, needle, 0, occurrence));
}

/** The text of a range of a document. */
export function textAt(document: LangiumDocument, range: { start: Position; end: Position }): string {
    return document.textDocument.getText(range);
}

/** Applies a workspace edit to the documents it touches; returns uri → new text. */
export function applyWorkspaceEdit(documents: readonly LangiumDocument[], edit: WorkspaceEdit | undefined): Map<string, string> {
    const result = new Map<string, string>();
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const document = documents.find(d => d.textDocument.uri === uri);
        if (!document) throw new Error(`edit for unknown document ${uri}`);
        result.set(uri, TextDocument.applyEdits(document.textDocument, edits as TextEdit[]));
    }
    return result;
}
