const ExcelJS=require('exceljs');(async()=>{const t=Date.now();
const r=new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2],{worksheets:'emit',sharedStrings:'ignore',hyperlinks:'ignore',styles:'cache',entries:'ignore'});
let n=0;for await(const ws of r){for await(const row of ws){n+=row.cellCount;}}
console.log('stream read',Date.now()-t,'ms',n,'cells',process.memoryUsage().rss>>20,'MB');})();
