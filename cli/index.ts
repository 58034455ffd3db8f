// Entry of the CLI bundle (dist/cli.cjs).
import { runAsProcess } from './main.js';

runAsProcess();
