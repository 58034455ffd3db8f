/**
 * The help text of the export commands. It lives apart from the commands so
 * that `sunlight --help` (and every other command) does not load them: they
 * bring ELK, exceljs and resvg, which `sunlight check` never needs.
 */
export const FLOWCHART_HELP = `  export flowchart [PATH...] --out DIR
                         power operation flowcharts, one file per power and flow
      --format svg|png   (default svg)
      --power NAME       only this power (NAME or DEPARTMENT.NAME)
      --flow external|internal   only this kind of flow (default: every flow)
      --lanes            swimlanes, one per responsible party
      --lang zh|en       language of the drawing (default zh)
      --scale N          PNG pixels per SVG unit, 1 to 4 (default 2)
      --font FILE        a font file for PNG (repeatable; default: a CJK font found on the machine)
`;

export const HANDIN_HELP = `  export catalog|registers|report [PATH...] --out DIR
                         the hand-in, generated from the files (Chinese by default)
      --format F[,F]     catalog: xlsx (default), csv, md, html; registers: html (default), xlsx
      --lang zh|en       language of the documents (default zh)
      --pdf              also print the HTML through headless Chromium (SUNLIGHT_CHROMIUM)
      --strict           fail (exit 1, nothing written) when the files have errors
`;
