import { Worker } from 'node:worker_threads';
import type { DiagramModel } from '../../flowchart/diagram-model.js';
import type { PaletteName } from '../../flowchart/palettes.js';
import type { Locale } from '../../language/messages.js';

export interface RenderRequest {
    readonly id: number;
    readonly model: DiagramModel;
    readonly palette: PaletteName;
    readonly locale: Locale;
}

export interface RenderResponse {
    readonly id: number;
    readonly svg?: string;
    readonly error?: string;
}

/**
 * Lays out and renders flowcharts (flowchart/pipeline.ts) in a worker
 * thread (dist/render-worker.cjs), off the extension host's main thread. If
 * the worker cannot start or dies, rendering falls back to the main thread:
 * slower to share, never broken.
 */
export class FlowchartRenderer {
    private worker: Worker | undefined;
    private failed = false;
    private nextId = 1;
    private readonly pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void; request: RenderRequest }>();

    constructor(private readonly workerPath: string | undefined) {}

    render(model: DiagramModel, palette: PaletteName, locale: Locale): Promise<string> {
        const request: RenderRequest = { id: this.nextId++, model, palette, locale };
        const worker = this.ensureWorker();
        if (!worker) return this.renderHere(request);
        return new Promise<string>((resolve, reject) => {
            this.pending.set(request.id, { resolve, reject, request });
            worker.postMessage(request);
        });
    }

    dispose(): void {
        const worker = this.worker;
        this.worker = undefined;
        this.failed = true;
        for (const { reject } of this.pending.values()) reject(new Error('the renderer was disposed'));
        this.pending.clear();
        void worker?.terminate();
    }

    private ensureWorker(): Worker | undefined {
        if (this.worker || this.failed || !this.workerPath) return this.worker;
        try {
            const worker = new Worker(this.workerPath);
            worker.unref();
            worker.on('message', (response: RenderResponse) => {
                const entry = this.pending.get(response.id);
                if (!entry) return;
                this.pending.delete(response.id);
                if (response.svg !== undefined) entry.resolve(response.svg);
                else entry.reject(new Error(response.error ?? 'rendering failed'));
            });
            const fail = () => {
                if (this.worker !== worker) return;
                this.worker = undefined;
                this.failed = true;
                // Whatever was waiting is rendered here instead.
                const waiting = [...this.pending.values()];
                this.pending.clear();
                for (const entry of waiting) this.renderHere(entry.request).then(entry.resolve, entry.reject);
            };
            worker.on('error', fail);
            worker.on('exit', fail);
            this.worker = worker;
        } catch {
            this.failed = true;
        }
        return this.worker;
    }

    private async renderHere(request: RenderRequest): Promise<string> {
        const { drawFlowchart } = await import('../../flowchart/pipeline.js');
        return (await drawFlowchart(request.model, { palette: request.palette, locale: request.locale })).svg;
    }
}
