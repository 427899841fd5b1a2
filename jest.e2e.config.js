/** End-to-end checks with real programs (LibreOffice, poppler, Chromium): `npm run test:e2e`. */
const base = require("./jest.config.js");
module.exports = { ...base, roots: ["<rootDir>/e2e"], testTimeout: 120000 };
