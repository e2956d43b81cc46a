const {synthSheet}=require('../dist/src/testing/synth.js');const {checkWorkbooks}=require('../dist/src/core/check.js');
const {streamReviewWorkbook}=require('../dist/src/cli/write-outputs.js');
(async()=>{const lines=Number(process.argv[2]);const grid=synthSheet({lines,units:20,seed:5,layout:'long',serialColumn:true,remarkColumn:true}).grid;
const report=checkWorkbooks([{file:'b.xlsx',sheets:[grid]}]);
const mb=()=>{const m=process.memoryUsage();return `rss ${m.rss>>20} heap ${m.heapUsed>>20} ext ${m.external>>20} ab ${m.arrayBuffers>>20}`};
console.log('after check',mb());let peak=0;const iv=setInterval(()=>{const r=process.memoryUsage().rss>>20;if(r>peak)peak=r;console.log(mb())},2000);
const t=Date.now();await streamReviewWorkbook(report,[{display:'b.xlsx',grids:{file:'b.xlsx',sheets:[grid]}}],{},'/tmp/hw/mem.xlsx');
clearInterval(iv);console.log('done',Date.now()-t,'ms peak',peak,mb());})();
