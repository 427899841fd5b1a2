/**
 * The Node versions package.json states are true: at the lowest version of each range it
 * names, every package in the lock file accepts that Node (npm ci prints no EBADENGINE).
 */
import semver from "semver";
import lock from "../package-lock.json";
import pkg from "../package.json";

const stated = pkg.engines.node;
const lowest = stated.split("||").map((range) => semver.minVersion(range.trim())!.version);

describe("the Node versions package.json states", () => {
  it("names at least one range, and this Node is in it", () => {
    expect(lowest.length).toBeGreaterThan(0);
    expect(semver.satisfies(process.versions.node, stated)).toBe(true);
  });

  it.each(lowest)("every locked package accepts Node %s", (version) => {
    const refusing = Object.entries(
      lock.packages as Record<string, { engines?: { node?: string } }>
    )
      .filter(([, p]) => p.engines?.node && !semver.satisfies(version, p.engines.node))
      .map(([name, p]) => `${name} ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
