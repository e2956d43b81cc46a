const ExcelJS=require('exceljs');
const {synthSheet}=require('../dist/src/testing/synth.js');const {checkWorkbooks}=require('../dist/src/core/check.js');
const {planReviewWorkbook}=require('../dist/src/io/review-workbook.js');
(async()=>{const lines=Number(process.argv[2]);const grid=synthSheet({lines,units:20,seed:5,layout:'long',serialColumn:true,remarkColumn:true}).grid;
const report=checkWorkbooks([{file:'b.xlsx',sheets:[grid]}]);
const plan=planReviewWorkbook(report,[{display:'b.xlsx',grids:{file:'b.xlsx',sheets:[grid]}}],{});
const wb=new ExcelJS.stream.xlsx.WorkbookWriter({filename:'/tmp/hw/mem2.xlsx',useSharedStrings:false,useStyles:true});
let i=0;
for(const ws of plan.write(wb)){await new Promise(r=>setImmediate(r));
 if(++i%50===0){const z=wb.zip;const s=ws._stream;
  console.log('ab',process.memoryUsage().arrayBuffers>>20,'zipReadable',z._readableState.length>>10,'zipWritable',z._writableState?.length>>10,'file',wb.stream.writableLength>>10,'sb',s.buffers.length,'pipes',s.pipes.map(p=>[p.constructor.name,p.writableLength>>10,p.readableLength>>10]).join(';'), 'zlibq', z._module?._archive? '': '', Object.keys(z._module||{}).join(','));
 }}
await wb.commit();console.log('done');})();
