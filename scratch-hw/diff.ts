import * as fs from 'fs';
import { workbookDiff } from '../tests/cli/workbook-diff';
workbookDiff(fs.readFileSync(process.argv[2]), fs.readFileSync(process.argv[3]), 40).then((d) => console.log(d.length ? d.join('\n') : 'SAME'));
