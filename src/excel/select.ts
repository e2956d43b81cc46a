/** Select a finding's cell (activating its sheet). */
import { excelRun } from './run';

export async function selectCell(sheet: string, cell: string): Promise<void> {
  await excelRun(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  });
}
