/**
 * Offline checks of manifest.xml (`office-addin-manifest validate` needs Microsoft's web service).
 *
 * Each check is a function that returns a list of problems. The real manifest must produce none;
 * the "checks can fail" block feeds deliberately broken variants to the same functions so that a
 * check which silently stopped checking anything would be noticed.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// xml2js comes with office-addin-manifest; it ships no types, so describe the little we use.
type XmlParser = {
  parseString(xml: string, cb: (err: Error | null, result: Record<string, RawNode>) => void): void;
};
type RawNode = { "#name": string; $?: Record<string, string>; _?: string; $$?: RawNode[] };
const xml2js = require("xml2js") as { Parser: new (options: object) => XmlParser };

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const ASSETS_DIR = path.join(ROOT, "assets");
const COMMANDS_TS = path.join(ROOT, "src", "commands", "commands.ts");
const manifestText = fs.readFileSync(MANIFEST_PATH, "utf8");

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

function toNode(raw: RawNode): XmlNode {
  return {
    name: raw["#name"],
    attrs: raw.$ ?? {},
    text: (raw._ ?? "").trim(),
    children: (raw.$$ ?? []).map(toNode),
  };
}

/** Strict parse (rejects malformed XML) into a uniform, order-preserving tree. */
function parseXml(xml: string): Promise<XmlNode> {
  return new Promise((resolve, reject) => {
    const parser = new xml2js.Parser({
      explicitChildren: true,
      preserveChildrenOrder: true,
      charsAsChildren: false,
      strict: true,
    });
    parser.parseString(xml, (err, result) => {
      if (err) return reject(err);
      const [rootRaw] = Object.values(result ?? {});
      if (!rootRaw) return reject(new Error("empty document"));
      resolve(toNode(rootRaw));
    });
  });
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}
const child = (node: XmlNode | undefined, name: string) =>
  node?.children.find((c) => c.name === name);
const childrenNamed = (node: XmlNode | undefined, name: string) =>
  node?.children.filter((c) => c.name === name) ?? [];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const URL_ELEMENTS = new Set([
  "SourceLocation",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "bt:Image",
  "bt:Url",
]);
const ICON_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "bt:Image"]);
/** Element that carries a resid → which resource collection it must point into. */
function expectedResourceKind(elementName: string): "image" | "url" | "string" {
  if (elementName === "bt:Image") return "image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(elementName)) return "url";
  return "string";
}

/* ------------------------------ checks ------------------------------ */

function checkBasics(root: XmlNode): string[] {
  const problems: string[] = [];
  if (root.name !== "OfficeApp") problems.push(`root element is ${root.name}, not OfficeApp`);
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push("OfficeApp xsi:type is not TaskPaneApp");

  const id = child(root, "Id")?.text ?? "";
  if (!GUID.test(id)) problems.push(`Id "${id}" is not a GUID`);
  const version = child(root, "Version")?.text ?? "";
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) problems.push(`Version "${version}" is not n.n.n.n`);
  if (!child(root, "ProviderName")?.text) problems.push("ProviderName is empty");
  const locale = child(root, "DefaultLocale")?.text;
  if (locale !== "zh-CN") problems.push(`DefaultLocale is ${locale}, not zh-CN`);

  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (!el?.attrs.DefaultValue) problems.push(`${name} has no DefaultValue`);
    const en = childrenNamed(el, "Override").find((o) => o.attrs.Locale === "en-US");
    if (!en?.attrs.Value) problems.push(`${name} has no en-US Override`);
  }

  const hosts = childrenNamed(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (!hosts.includes("Workbook")) problems.push(`Hosts is [${hosts.join(", ")}], no Workbook`);

  const permissions = child(root, "Permissions")?.text;
  if (permissions !== "ReadWriteDocument") {
    problems.push(`Permissions is ${permissions}, not ReadWriteDocument`);
  }

  const sets = childrenNamed(child(child(root, "Requirements"), "Sets"), "Set");
  const excelApi = sets.find((s) => s.attrs.Name === "ExcelApi");
  if (!excelApi) problems.push("Requirements does not name ExcelApi");
  else if (excelApi.attrs.MinVersion !== "1.7") {
    problems.push(
      `ExcelApi MinVersion is ${excelApi.attrs.MinVersion}; the agreed floor is 1.7 (Office 2019)`
    );
  }

  const source = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue ?? "";
  if (!source.endsWith("/taskpane.html")) problems.push(`SourceLocation is "${source}"`);

  // Support and 了解详细信息 lead to the Chinese guide served with the add-in.
  const support = child(root, "SupportUrl")?.attrs.DefaultValue ?? "";
  if (!support.endsWith("/help.html")) problems.push(`SupportUrl is "${support}"`);
  const learnMore = descendants(root).find(
    (n) => n.name === "bt:Url" && n.attrs.id === "GetStarted.LearnMoreUrl"
  )?.attrs.DefaultValue;
  if (!learnMore?.endsWith("/help.html")) problems.push(`LearnMoreUrl is "${learnMore}"`);
  return problems;
}

function checkResids(root: XmlNode): string[] {
  const problems: string[] = [];
  const resources = child(child(root, "VersionOverrides"), "Resources");
  if (!resources) return ["VersionOverrides has no Resources"];

  const kinds = new Map<string, "image" | "url" | "string">();
  const define = (id: string | undefined, kind: "image" | "url" | "string") => {
    if (!id) {
      problems.push(`a ${kind} resource has no id`);
      return;
    }
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
    if (kinds.has(id)) problems.push(`resource id "${id}" is defined twice`);
    kinds.set(id, kind);
  };
  childrenNamed(child(resources, "bt:Images"), "bt:Image").forEach((e) =>
    define(e.attrs.id, "image")
  );
  childrenNamed(child(resources, "bt:Urls"), "bt:Url").forEach((e) => define(e.attrs.id, "url"));
  for (const [collection, limit] of [
    ["bt:ShortStrings", 125],
    ["bt:LongStrings", 250],
  ] as const) {
    for (const s of childrenNamed(child(resources, collection), "bt:String")) {
      define(s.attrs.id, "string");
      const values = [
        s.attrs.DefaultValue ?? "",
        ...childrenNamed(s, "bt:Override").map((o) => o.attrs.Value ?? ""),
      ];
      if (!s.attrs.DefaultValue) problems.push(`string ${s.attrs.id} has no DefaultValue`);
      if (!/[\u4e00-\u9fff]/.test(s.attrs.DefaultValue ?? "")) {
        problems.push(`string ${s.attrs.id}: DefaultValue (zh-CN) has no Chinese text`);
      }
      const en = childrenNamed(s, "bt:Override").find((o) => o.attrs.Locale === "en-US");
      if (!en?.attrs.Value) problems.push(`string ${s.attrs.id} has no en-US bt:Override`);
      for (const v of values) {
        if (v.length > limit) problems.push(`string ${s.attrs.id} is over ${limit} characters`);
      }
    }
  }

  const referencing = descendants(root).filter((n) => n.attrs.resid !== undefined);
  if (referencing.length === 0) problems.push("no resid references at all");
  for (const el of referencing) {
    const kind = kinds.get(el.attrs.resid);
    if (!kind) problems.push(`${el.name} resid="${el.attrs.resid}" is not defined in Resources`);
    else if (kind !== expectedResourceKind(el.name)) {
      problems.push(`${el.name} resid="${el.attrs.resid}" points at a ${kind} resource`);
    }
  }
  return problems;
}

function urlValues(root: XmlNode): { element: string; url: string }[] {
  const out: { element: string; url: string }[] = [];
  for (const el of descendants(root)) {
    if (!URL_ELEMENTS.has(el.name)) continue;
    if (el.attrs.DefaultValue !== undefined)
      out.push({ element: el.name, url: el.attrs.DefaultValue });
    for (const o of el.children.filter((c) => c.name === "Override" || c.name === "bt:Override")) {
      out.push({ element: `${el.name}/Override`, url: o.attrs.Value ?? "" });
    }
  }
  return out;
}

function checkHttps(root: XmlNode): string[] {
  const urls = urlValues(root);
  const problems = urls
    .filter(({ url }) => !url.startsWith("https://"))
    .map(({ element, url }) => `${element} URL "${url}" is not https`);
  // Guard against the check becoming vacuous (e.g. after a parser change): the manifest has 10.
  if (urls.length < 8) problems.push(`only ${urls.length} URL attributes found`);
  return problems;
}

/** Width and height from a PNG's IHDR chunk, or an error message. */
function pngSize(file: string): { width: number; height: number } | string {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) return "not a PNG";
  if (buf.toString("ascii", 12, 16) !== "IHDR") return "first chunk is not IHDR";
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function checkIcons(root: XmlNode, assetsDir: string): string[] {
  const problems: string[] = [];
  const pixelsByUrl = new Map<string, number>();
  const icons = descendants(root).filter((n) => ICON_ELEMENTS.has(n.name) && n.attrs.DefaultValue);
  if (icons.length < 3) problems.push(`only ${icons.length} icon URLs found`);

  for (const icon of icons) {
    const url = icon.attrs.DefaultValue;
    const match = /^https:\/\/[^/]+\/assets\/([^/]+\.png)$/.exec(url);
    if (!match) {
      problems.push(`${icon.name} "${url}" is not an https …/assets/*.png URL`);
      continue;
    }
    const fileName = match[1];
    const file = path.join(assetsDir, fileName);
    const declared = /-(\d+)\.png$/.exec(fileName);
    if (!declared) {
      problems.push(`${fileName}: no size in the file name`);
      continue;
    }
    if (!fs.existsSync(file)) {
      problems.push(`${fileName} does not exist in assets/`);
      continue;
    }
    const size = pngSize(file);
    if (typeof size === "string") {
      problems.push(`${fileName}: ${size}`);
      continue;
    }
    const n = Number(declared[1]);
    if (size.width !== n || size.height !== n) {
      problems.push(`${fileName} is ${size.width}x${size.height}, name says ${n}x${n}`);
    }
    pixelsByUrl.set(icon.attrs.id ?? url, size.width);
  }

  // <Icon><bt:Image size="16" resid="Icon.16x16"/> must point at a 16-pixel image.
  for (const ref of descendants(root).filter((n) => n.name === "bt:Image" && n.attrs.resid)) {
    const pixels = pixelsByUrl.get(ref.attrs.resid);
    if (pixels !== undefined && String(pixels) !== ref.attrs.size) {
      problems.push(`bt:Image size="${ref.attrs.size}" resid="${ref.attrs.resid}" is ${pixels} px`);
    }
  }
  return problems;
}

function checkCommands(root: XmlNode, commandsSource: string): string[] {
  const problems: string[] = [];
  const all = descendants(root);
  const functionNames = all.filter((n) => n.name === "FunctionName").map((n) => n.text);
  if (!functionNames.includes("recalculate")) problems.push("no ExecuteFunction named recalculate");
  for (const name of functionNames) {
    if (!commandsSource.includes(`associate("${name}"`)) {
      problems.push(`FunctionName ${name} is not associated in src/commands/commands.ts`);
    }
  }
  if (!all.some((n) => n.name === "FunctionFile")) problems.push("no FunctionFile");
  const paneIds = all.filter((n) => n.name === "TaskpaneId").map((n) => n.text);
  if (!paneIds.includes("JixiaoPane")) problems.push(`TaskpaneId is [${paneIds.join(", ")}]`);
  const tab = all.find((n) => n.name === "OfficeTab");
  if (tab?.attrs.id !== "TabHome") problems.push("the group is not on the Home tab (TabHome)");
  return problems;
}

/* ------------------------------ tests ------------------------------ */

describe("manifest.xml", () => {
  let root: XmlNode;
  beforeAll(async () => {
    root = await parseXml(manifestText);
  });

  test("is well-formed XML with an OfficeApp root", () => {
    expect(root.name).toBe("OfficeApp");
  });

  test("basic fields: GUID Id, zh-CN default, en-US overrides, Workbook, permissions, ExcelApi", () => {
    expect(checkBasics(root)).toEqual([]);
  });

  test("every resid resolves to a resource of the right kind; strings are bilingual", () => {
    expect(checkResids(root)).toEqual([]);
  });

  test("every URL is https", () => {
    expect(checkHttps(root)).toEqual([]);
  });

  test("every icon URL is a PNG under assets/ whose pixel size matches its name", () => {
    expect(checkIcons(root, ASSETS_DIR)).toEqual([]);
  });

  test("ribbon commands match the function file", () => {
    expect(checkCommands(root, fs.readFileSync(COMMANDS_TS, "utf8"))).toEqual([]);
  });
});

describe("manifest checks can fail", () => {
  /** Parses the manifest after replacing the first occurrence of `from` (which must exist). */
  async function broken(from: string, to: string): Promise<XmlNode> {
    expect(manifestText).toContain(from);
    return parseXml(manifestText.replace(from, to));
  }

  test("a SupportUrl or LearnMoreUrl that is not the help page is reported", async () => {
    expect(
      checkBasics(await broken('localhost:3000/help.html"/>', 'localhost:3000/taskpane.html"/>'))
    ).toEqual(['SupportUrl is "https://localhost:3000/taskpane.html"']);
  });

  test("malformed XML is rejected", async () => {
    await expect(parseXml(manifestText.replace("</Hosts>", ""))).rejects.toThrow();
  });

  test("a non-GUID Id, another locale, or missing Workbook host is reported", async () => {
    const id = /<Id>([^<]+)<\/Id>/.exec(manifestText)![1];
    expect(checkBasics(await broken(`<Id>${id}</Id>`, "<Id>not-a-guid</Id>"))).toEqual([
      'Id "not-a-guid" is not a GUID',
    ]);
    expect(checkBasics(await broken("<DefaultLocale>zh-CN", "<DefaultLocale>en-US"))).toHaveLength(
      1
    );
    expect(
      checkBasics(await broken('<Host Name="Workbook"/>', '<Host Name="Document"/>'))
    ).toHaveLength(1);
    expect(
      checkBasics(await broken('<Override Locale="en-US"', '<Override Locale="fr-FR"'))
    ).toHaveLength(1);
  });

  test("an undefined or mis-typed resid is reported", async () => {
    expect(checkResids(await broken('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'))).toEqual([
      'SourceLocation resid="Taskpane.Missing" is not defined in Resources',
    ]);
    expect(
      checkResids(
        await broken('<Label resid="JixiaoGroup.Label"/>', '<Label resid="Taskpane.Url"/>')
      )
    ).toEqual(['Label resid="Taskpane.Url" points at a url resource']);
    expect(
      checkResids(await broken('<bt:Override Locale="en-US" Value="Recalculate"/>', ""))
    ).toEqual(["string RecalculateButton.Label has no en-US bt:Override"]);
  });

  test("a plain-http URL is reported", async () => {
    const root = await broken(
      '"https://localhost:3000/commands.html"',
      '"http://localhost:3000/commands.html"'
    );
    expect(checkHttps(root)).toEqual([
      'bt:Url URL "http://localhost:3000/commands.html" is not https',
    ]);
  });

  test("a wrong-size, missing, or non-PNG icon is reported", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
    try {
      for (const f of fs.readdirSync(ASSETS_DIR))
        fs.copyFileSync(path.join(ASSETS_DIR, f), path.join(tmp, f));
      const root = await parseXml(manifestText);
      expect(checkIcons(root, tmp)).toEqual([]);

      fs.copyFileSync(path.join(ASSETS_DIR, "icon-16.png"), path.join(tmp, "icon-32.png"));
      expect(checkIcons(root, tmp)).toContain("icon-32.png is 16x16, name says 32x32");

      fs.writeFileSync(path.join(tmp, "icon-80.png"), "GIF89a not a png at all");
      expect(checkIcons(root, tmp)).toContain("icon-80.png: not a PNG");

      fs.rmSync(path.join(tmp, "icon-64.png"));
      expect(checkIcons(root, tmp)).toContain("icon-64.png does not exist in assets/");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  test("an Icon entry whose size does not match the referenced image is reported", async () => {
    const root = await broken(
      '<bt:Image size="80" resid="Icon.80x80"/>',
      '<bt:Image size="80" resid="Icon.32x32"/>'
    );
    expect(checkIcons(root, ASSETS_DIR)).toEqual([
      'bt:Image size="80" resid="Icon.32x32" is 32 px',
    ]);
  });

  test("a FunctionName that commands.ts does not associate is reported", async () => {
    const root = await parseXml(manifestText);
    expect(checkCommands(root, 'Office.actions.associate("somethingElse", f)')).toEqual([
      "FunctionName recalculate is not associated in src/commands/commands.ts",
    ]);
  });
});
