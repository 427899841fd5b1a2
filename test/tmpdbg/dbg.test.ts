import ExcelJS from "exceljs";
it("dbg", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("x");
  ws.getCell("A1").value = { formula: "SUM(B1:B2)", result: 0 } as ExcelJS.CellFormulaValue;
  console.log(JSON.stringify(ws.getCell("A1").value));
  expect(1).toBe(1);
});
