const ExcelJS=require('exceljs');
(async()=>{const wb=new ExcelJS.stream.xlsx.WorkbookWriter({filename:'/tmp/hw/mem3.xlsx',useSharedStrings:false,useStyles:true});
const ws=wb.addWorksheet('a');
for(let r=1;r<=150000;r++){const row=ws.getRow(r);for(let c=1;c<=20;c++)row.getCell(c).value=c%3?`文本${r}-${c}`:r*c;row.commit();
 if(r%1000===0){await new Promise(x=>setImmediate(x)); if(r%30000===0){const a=process.memoryUsage().arrayBuffers>>20;global.gc();console.log(r,'ab',a,'after gc',process.memoryUsage().arrayBuffers>>20, 'zip', wb.zip._entriesCount, wb.zip._pointer>>20);}}}
ws.commit();await wb.commit();console.log('done ab',process.memoryUsage().arrayBuffers>>20);})();
