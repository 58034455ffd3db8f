import { defineCommand } from '../command.js';
import { VERSION } from '../version.js';

export const version = defineCommand<object>({
    name: 'version',
    summary: say => say('print the version', '显示版本号'),
    define: () => undefined,
    run: async (_paths, _options, context) => {
        context.write(`${VERSION}\n`);
        return 0;
    }
});
