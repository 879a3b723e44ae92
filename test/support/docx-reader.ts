import { spawnSync } from 'node:child_process';

/**
 * A second, independent .docx reader: Debian's python3-docx under /usr/bin/python3 (the `python3` on
 * PATH may be another interpreter without it). Without it the tests that need it are skipped with a
 * message, or fail under REQUIRE_DOCX_READER=1 (as in .ci/run).
 */
const PYTHON = '/usr/bin/python3';
export const DOCX_READER = spawnSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0;
export const REQUIRE_DOCX_READER = process.env.REQUIRE_DOCX_READER === '1';
export const DOCX_READER_NOTE = '/usr/bin/python3 cannot import docx: apt-get install -y python3-docx (REQUIRE_DOCX_READER=1 makes this a failure)';

/** What python-docx reads from a document: body paragraphs, table cells by row, header and footer text, page setup in mm. */
export interface DocxContent {
  paragraphs: string[];
  tables: string[][][];
  headers: string[];
  footers: string[];
  page: { width: number; height: number; top: number; bottom: number; left: number; right: number };
  /** Each run's text with its font size (pt) and colour, for the layout checks. */
  runs: { text: string; size: number | null; color: string | null; font: string | null }[];
}

const SCRIPT = String.raw`
import io, json, sys
import docx
from docx.oxml.ns import qn
d = docx.Document(io.BytesIO(sys.stdin.buffer.read()))
s = d.sections[0]
mm = lambda v: round(v.mm, 1) if v is not None else None
def east_asia(run):
    rpr = run._element.rPr
    fonts = rpr.find(qn('w:rFonts')) if rpr is not None else None
    return fonts.get(qn('w:eastAsia')) if fonts is not None else None
runs = []
for p in d.paragraphs:
    for r in p.runs:
        runs.append({'text': r.text, 'size': r.font.size.pt if r.font.size else None,
                     'color': str(r.font.color.rgb) if r.font.color and r.font.color.type is not None else None,
                     'font': east_asia(r)})
print(json.dumps({
  'paragraphs': [p.text for p in d.paragraphs],
  'tables': [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
  'headers': [p.text for sec in d.sections for p in sec.header.paragraphs],
  'footers': [p.text for sec in d.sections for p in sec.footer.paragraphs],
  'page': {'width': mm(s.page_width), 'height': mm(s.page_height), 'top': mm(s.top_margin), 'bottom': mm(s.bottom_margin), 'left': mm(s.left_margin), 'right': mm(s.right_margin)},
  'runs': runs,
}, ensure_ascii=False))
`;

/** Reads a .docx with python-docx; throws with python's error when it cannot be opened. */
export function readDocx(content: Buffer): DocxContent {
  const res = spawnSync(PYTHON, ['-c', SCRIPT], { input: content, maxBuffer: 32 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`python-docx could not read the document: ${res.stderr.toString()}`);
  return JSON.parse(res.stdout.toString('utf8')) as DocxContent;
}
