// Langium 4.4 depends on chevrotain 13, which calls Object.groupBy / Map.groupBy
// (Node 21+). Sunlight supports Node 20, so every entry point (CLI, language
// server, tests, the Langium generator) loads this file first. It only fills in
// what is missing and is a no-op on Node 22+.
'use strict';
function groupBy(items, keyOf) {
    const groups = new Map();
    let index = 0;
    for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item); else groups.set(key, [item]);
    }
    return groups;
}
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true, writable: true,
        value: (items, keyOf) => Object.assign(Object.create(null), Object.fromEntries(groupBy(items, keyOf)))
    });
}
if (typeof Map.groupBy !== 'function') {
    Object.defineProperty(Map, 'groupBy', { configurable: true, writable: true, value: groupBy });
}
