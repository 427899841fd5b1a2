/**
 * The districts and counties (区、县、县级市) of the cities that have a preset: a unit whose name
 * or title gives only its district (`南海区教育局`) is scored by its city's standard. Data, as the
 * presets are: a city given a preset has its districts listed here, nowhere in the engine.
 *
 * Only names no other city in China has: a name several cities share (城关区, 新城区, 鼓楼区,
 * 城区, 郊区…) says no city and must never be listed; a name listed under two cities here is
 * read as none (titles.ts).
 */
export const DISTRICTS_OF_CITY: Readonly<Record<string, readonly string[]>> = {
  佛山市: ["禅城区", "南海区", "顺德区", "三水区", "高明区"],
  岳阳市: [
    "岳阳楼区",
    "云溪区",
    "君山区",
    "岳阳县",
    "华容县",
    "湘阴县",
    "平江县",
    "汨罗市",
    "临湘市",
  ],
  达州市: ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市"],
};
