const ExcelJS=require('exceljs');const {synthSheet}=require('../dist/src/testing/synth.js');
(async()=>{const lines=Number(process.argv[2]);const file=process.argv[3];
const grid=synthSheet({lines,units:20,seed:5,layout:'long',serialColumn:true,remarkColumn:true}).grid;
console.error('rows',grid.cells.length);
const wb=new ExcelJS.stream.xlsx.WorkbookWriter({filename:file,useSharedStrings:true,useStyles:false});
const ws=wb.addWorksheet(grid.name);for(const m of grid.merges??[])ws.mergeCells(m.top+1,m.left+1,m.bottom+1,m.right+1);
grid.cells.forEach((cells,r)=>{const row=ws.getRow(r+1);cells.forEach((v,c)=>{if(v!==null&&v!==undefined)row.getCell(c+1).value=v});row.commit();});
ws.commit();await wb.commit();})();
