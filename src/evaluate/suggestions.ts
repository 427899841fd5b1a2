/**
 * Wording the engine's gap suggestions share with the views that rephrase them (the pane says
 * where its own button is): a module of its own, so a view has it without the engine.
 */

/** How to add the 评分标准 sheet, in the wording shared by the command line and the pane. */
export const INSERT_STANDARD_WAYS = "（助手中的“插入评分标准”，或 jixiao standard）";
