/** Grade bands and checks shared by the shipped profiles. */
import { dec } from "../model/decimal";
import type { GradeBand, ProfileChecks } from "../evaluate/profile";

/** 绩效等级：总分≥90 为优，80≤总分<90 为良，60≤总分<80 为中，总分<60 为差。 */
export const standardGrades: GradeBand[] = [
  { min: dec(90), grade: "优" },
  { min: dec(80), grade: "良" },
  { min: dec(60), grade: "中" },
  { min: dec(0), grade: "差" },
];

export const standardChecks: ProfileChecks = {
  executionRateSource: "official",
  executionRateDenominator: "adjusted",
  executionRateTarget: dec(1),
  rateDifferenceTolerance: dec("0.005"),
  tieTolerance: dec("0.01"),
  largeAdjustment: dec("0.2"),
  rateDecimals: 4,
  scoreDecimals: 2,
};
