const ExcelJS=require('exceljs');
function chain(s,d=0){if(!s||d>6)return '';const rs=s._readableState;const ws=s._writableState;const p=rs&&rs.pipes?(Array.isArray(rs.pipes)?rs.pipes:[rs.pipes]):[];
return `${s.constructor.name}(w${ws?ws.length>>10:'-'}k r${rs?rs.length>>10:'-'}k fl${rs?rs.flowing:'-'})`+(p.length?' -> '+p.map(x=>chain(x,d+1)).join(' | '):'');}
(async()=>{const wb=new ExcelJS.stream.xlsx.WorkbookWriter({filename:'/tmp/hw/mem4.xlsx',useSharedStrings:false,useStyles:true});
const ws=wb.addWorksheet('a');
for(let r=1;r<=90000;r++){const row=ws.getRow(r);for(let c=1;c<=20;c++)row.getCell(c).value=c%3?`文本${r}-${c}`:r*c;row.commit();
 if(r%1000===0){await new Promise(x=>setImmediate(x)); if(r%30000===0){console.log(r,'ab',process.memoryUsage().arrayBuffers>>20, chain(ws._stream.pipes[0]));}}}
ws.commit();await wb.commit();console.log('done ab',process.memoryUsage().arrayBuffers>>20);})();
