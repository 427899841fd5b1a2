// Preloaded (`node -r`) into a command-line process by the catalogue test: at exit, writes the
// process's peak resident memory (KB) to the file JIXIAO_PEAK_FILE names.
const { appendFileSync } = require("fs");
process.on("exit", () => {
  if (process.env.JIXIAO_PEAK_FILE)
    appendFileSync(process.env.JIXIAO_PEAK_FILE, `${process.resourceUsage().maxRSS}\n`);
});
