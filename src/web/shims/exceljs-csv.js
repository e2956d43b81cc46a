// exceljs's CSV support pulls in Node streams and fast-csv; the page never reads CSV through exceljs.
class CSV {
  constructor() {
    throw new Error('CSV via exceljs is not available in the browser build');
  }
}
module.exports = CSV;
