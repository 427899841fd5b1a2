/**
 * The money units a sheet may be kept in, as its 单位 line or a label's （元） says, and how many
 * 万元 one of each is: amounts are converted to 万元 exactly (× factor).
 */
import { Dec } from "./decimal";

const FACTORS: Record<string, string> = {
  元: "0.0001",
  千元: "0.1",
  万元: "1",
  百万元: "100",
  亿元: "10000",
};

/** The unit words, longest first (万元 before 元), for a regular expression. */
export const UNIT_WORDS = "亿元|百万元|万元|千元|元";

/** 万元 per `unit` (元 0.0001, 千元 0.1, 百万元 100, 亿元 10000); 1 for 万元 or no unit. */
export function unitFactor(unit: string | undefined): Dec {
  return new Dec((unit && FACTORS[unit]) ?? "1");
}
