// Entry of the language server bundle (dist/server.cjs) that the VS Code extension starts.
import './polyfills.cjs';
import { startSunlightServer } from './server.js';

startSunlightServer();
