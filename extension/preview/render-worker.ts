/**
 * The flowchart preview's layout and rendering thread (dist/render-worker.cjs):
 * ELK's layout is synchronous JavaScript, so it runs here, in a worker thread
 * of the extension host, and never holds up the host's other work (completion,
 * hover, the language client) while the user types.
 */
import { parentPort } from 'node:worker_threads';
import { drawFlowchart } from '../../flowchart/pipeline.js';
import type { RenderRequest, RenderResponse } from './renderer.js';

parentPort?.on('message', (request: RenderRequest) => {
    drawFlowchart(request.model, { palette: request.palette, locale: request.locale }).then(
        ({ svg }) => parentPort?.postMessage({ id: request.id, svg } satisfies RenderResponse),
        (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies RenderResponse)
    );
});
