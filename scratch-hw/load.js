const ExcelJS=require('exceljs');(async()=>{const t=Date.now();const wb=new ExcelJS.Workbook();await wb.xlsx.readFile(process.argv[2]);console.log('load',Date.now()-t,'ms', process.memoryUsage().rss>>20,'MB');
const ws=wb.worksheets[0];const a=ws.getRow(5).getCell(3).style, b=ws.getRow(6).getCell(3).style; console.log('same style obj', a===b, JSON.stringify(a));})();
