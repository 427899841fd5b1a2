import {
  candidateNames,
  planSummaryWrite,
  referenceTo,
  sheetFromReference,
} from "../../src/hosts/ownership";

describe("ownership of the summary sheet", () => {
  const S = "绩效自评汇总";
  it("creates the sheet when absent", () => {
    expect(planSummaryWrite(["预算支出"], null, S)).toEqual({
      target: S,
      replace: false,
      besideForeign: undefined,
    });
  });
  it("replaces our own sheet", () => {
    expect(planSummaryWrite(["预算支出", S], S, S)).toEqual({
      target: S,
      replace: true,
      besideForeign: undefined,
    });
  });
  it("writes beside a same-named sheet we did not create", () => {
    expect(planSummaryWrite([S], null, S)).toEqual({
      target: `${S}（助手）`,
      replace: false,
      besideForeign: S,
    });
  });
  it("replaces our earlier beside-sheet on the next run", () => {
    expect(planSummaryWrite([S, `${S}（助手）`], `${S}（助手）`, S)).toEqual({
      target: `${S}（助手）`,
      replace: true,
      besideForeign: S,
    });
  });
  it("never replaces a sheet the user renamed away from our names, and says it was kept", () => {
    expect(planSummaryWrite(["2022定稿"], "2022定稿", S)).toEqual({
      target: S,
      replace: false,
      besideForeign: undefined,
      keptRenamed: "2022定稿",
    });
  });
  it("finds a free name when all candidates are foreign", () => {
    const taken = candidateNames(S);
    expect(planSummaryWrite(taken, null, S).target).toBe(`${S}（助手10）`);
  });
  it("reads and writes sheet references", () => {
    expect(sheetFromReference("='绩效自评汇总'!$A$1")).toBe(S);
    expect(sheetFromReference("'It''s'!$A$1")).toBe("It's");
    expect(sheetFromReference("Sheet1!A1")).toBe("Sheet1");
    expect(sheetFromReference("=#REF!")).toBeNull();
    expect(referenceTo("It's")).toBe("'It''s'!$A$1");
  });
});
