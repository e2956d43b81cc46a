import * as fs from 'fs';
import JSZip from 'jszip';
(async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(process.argv[2]));
  for (const n of Object.keys(zip.files)) {
    const x = await zip.file(n)!.async('string');
    console.log(n, x.length, (x.match(/<v:shape /g) ?? []).length, (x.match(/<mergeCell /g) ?? []).length, (x.match(/HYPERLINK/g) ?? []).length, (x.match(/printOptions/g) ?? []).length);
  }
})();
