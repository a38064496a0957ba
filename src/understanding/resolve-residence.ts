/**
 * Which of the places a message names is where the person lives. Staff name
 * hospitals, roads, relatives' towns and places the person cannot get to
 * ("on ward 22 at Glenfield Hosp, home is Ibstock", "lives off Loughborough Rd
 * LE4", "daughter works in Leicester", "cant get into Leicester"); only the
 * person's home decides which services are local. In order:
 * 1. a place that is part of a road or a hospital's name, or that someone else
 *    is in, or that the person cannot reach or is "not" in, is not home;
 * 2. a place after "lives in", "home is", "from", "address" is home, and wins;
 * 3. otherwise a named town, village or neighbourhood beats "Leicester" or
 *    "Leicestershire" used as a postal town or county ("Birstall, Leicester");
 * 4. with nothing else, the place of the person's practice (or library, church
 *    or chemist) is home, unless they live "over the border".
 * Tokens are in normal form (tokenize); matches are token spans.
 */
import type { AreaId } from "../directory/ids.js";
import type { TermMatch } from "../text/term-matcher.js";

const roadAfter = new Set(["rd", "road", "street", "st", "lane", "ln", "avenue", "ave", "drive", "dr", "way", "close", "crescent", "terrace", "hill"]);
const facilityAfter = new Set(["hospital", "hosp", "general", "royal", "infirmary", "health", "medical", "surgery", "practice", "clinic"]);
/** Someone else, or somewhere else, within a few words before the place: "son lives in", "works in", "ward at". */
const otherContext = /\b(?:hmp|hmyoi|prison|jail|custody|hospice|hospital|hosp|ward|infirmary|lri|lgh|ggh|clinic|a&e|surgery|practice|gp|consultant|team|works?|working|worked|job|school|college|uni|university|son|sons|daughter|daughters|dtr|sister|brother|niece|nephew|friend|friends|grandson|granddaughter|grandchildren|partner lives|wife lives|husband lives|(?:d c|dc|discharged|transferred|released|home|back|returned|returning) from)\b(?:\s+\S+){0,3}$/;
/** Just before the place, where someone was seen or admitted ("seen at Glenfield", "admitted to Loughborough"): a hospital or clinic, not home. */
const seenAt = /\b(?:seen|reviewed|assessed|admitted|attended|treated|scanned) (?:at|in|to)$/;
/** Just before the place: not where they are. "into Leicester", "not in Leicester", "near Hinckley", "outside Melton". */
const notThere = /\b(?<!\b(?:nearest|near|close|closest|next|local|nearby)(?: [a-z]+){0,4} |\b(?:moved|moving|move|moves|relocated|relocating) |\b(?:go|goes|going|come|comes|coming|travel|travels|get|gets|visit|visits) out )(?:into|to|towards|outside|than|not|except|beyond|visiting|via|past)(?:\s+(?:in|the|central|to|of))?$/;
const homeBefore = /\b(?:lives?|living|resides?|resident|home|homes|address|addr|from|moved to|moving to|based|located|stays?|staying|returning to|back to|discharged to|d\/c to|going home to|sofa surfing)\b(?:\s+(?:in|at|is|to|on|off|of|near|the|with|her|his|their|\w+)){0,3}$/;

/** Living or staying with someone, in the place: the person's home is there too. */
const withSomeone =
  /\b(?:lives?|living|staying|stays?|stopping|sofa surfing|moved in|moving in|moved|moving|gone|went)\s+(?:with|at|to|into)\s+(?:a |an |her |his |their |my )?(?:\w+ )?(?:friend|friends|sister|brother|son|daughter|mum|mother|dad|father|parents|family|relatives?|partner|aunt|uncle|cousin|gran|nan)(?:'?s| s)?(?:\s+(?:house|place|flat|home))?\s+(?:in|at)$/;
/** A parent writing about their own child ("my 16yo son in Loughbrough"): the family's home. */
const myChildIn = /\b(?:my|our) (?:\S+ ){0,2}(?:son|daughter|child|boy|girl|lad)\s+(?:in|at)$/;
/** Travelling to a hospital from home: "can't get to her appts at the LRI from Bottesford". */
const travelFrom = /\b(?:to|at) (?:the )?(?:\S+ )?(?:lri|lgh|ggh|hospital|hosp|clinic|appts?|appointments?)\b(?:\s+\S+){0,2}?\s+from$/;
/** "...but lives in": where they live, after whatever came before. */
const butLives = /\bbut (?:she |he |they |the (?:pt|patient|person) )?(?:now )?(?:lives?|living|is based|resides?)\s+(?:in|at)$/;
/** Names wider than a town: "Leicester" as a postal town, the county. */
const wide = new Set(["leicester", "leicestershire", "leics", "llr", "county"]);
/** Just before the place, even after "lives": outside it, not in it. */
const beside = /\b(?:outside|beyond|not in|except)$/;
/** A short way outside a place ("a lay-by outside Lutterworth", "a farm outside Uppingham"): still that place's area, for a town or village. */
const nearOutside = /\b(?:just|mile|miles|bit|little|km|yards|by|layby|field|farm|site|caravan|estate|park|woods|wood|road) outside$/;

/** A road's word at a position: "close to" and "way off" are not roads. */
function isRoad(tokens: readonly string[], at: number): boolean {
  const word = tokens[at] ?? "";
  const next = tokens[at + 1] ?? "";
  if ((word === "close" || word === "way" || word === "hill") && ["to", "by", "off", "too", "from", "up", "down"].includes(next)) return false;
  // "doesnt drive", "can't drive": a verb, not a road.
  if (word === "drive" && /^(?:doesnt|dont|didnt|cant|cannot|wont|not|never|to|can|no|longer|stopped)$/.test(tokens[at - 1] ?? "")) return false;
  return roadAfter.has(word);
}

/** Where a practice or clinic is: not home, unless the message says the person lives in that same place. */
const practiceAfter = new Set(["surgery", "practice", "medical", "health", "clinic",
  // Where the person goes ("coffee morning at Oadby library"): home only when no other place is named.
  "library", "church", "chapel", "mosque", "gurdwara", "mandir", "temple", "pharmacy", "chemist", "chemists"]);
const practiceBefore = /\b(?:surgery|practice|gp|clinic|pcn)\b(?:\s+\S+){0,3}$/;

type Role = "own-home" | "home" | "care-home" | "elsewhere" | "practice" | "plain";

const onFamilyLand = /\bon (?:his|her|their) \S+ (?:land|farm|drive|property|field|smallholding) (?:near|in|at|outside)$/;
/** Said outright to be the person's own home: it wins over a stay with family (round 29: "staying at her daughter's in Kibworth ... her own home is in Coalville"). */
const ownHomeBefore = /\b(?:(?:her|his|their|my) own (?:home|house|flat|bungalow)|own home|usual address|usually lives|normally lives)\b(?:\s+(?:is|in|at|near)){0,2}$/;

/** A care home's place: home for someone who lives there, not for someone there for respite whose home is named (round 28). */
const careHomeBefore = /\b(?:care|nursing|residential) home(?:\s+(?:in|at|near))?$/;

/**
 * The places that are the person's home, or every place that could be when none
 * is marked. `breakBefore[i]` says a clause ends just before token i: what comes
 * before it in the message is not the place's context.
 */
export function residence(tokens: readonly string[], matches: readonly TermMatch<AreaId>[], breakBefore: readonly boolean[] = []): TermMatch<AreaId>[] {
  const clauseStart = (at: number): number => {
    for (let i = at; i > 0; i--) if (breakBefore[i]) return i;
    return 0;
  };
  const role = (m: TermMatch<AreaId>): Role => {
    const before = tokens.slice(Math.max(clauseStart(m.start), m.start - 5), m.start).join(" ");
    const after = tokens[m.end] ?? "";
    // "Loughborough Rd", "Castle View Close"; not across a comma ("Empingham, doesnt drive").
    // A place that is itself a road ("Saffron Lane") is not made a road again by the next word ("the Saffron Lane way").
    const isItselfRoad = roadAfter.has(tokens[m.end - 1] ?? "");
    const road = !isItselfRoad && (isRoad(tokens, m.end) || (!breakBefore[m.end] && !breakBefore[m.end + 1] && isRoad(tokens, m.end + 1)));
    if (!road && practiceAfter.has(after)) return "practice";
    // A road named after a city neighbourhood ("off Evington Road", "on Belgrave Rd") is in the city.
    const cityRoad = road && m.values.length === 1 && m.values[0] === "leicester" && !wide.has(m.written) && ["off", "on"].includes(tokens[m.start - 1] ?? "");
    if (cityRoad && !otherContext.test(before) && !notThere.test(before)) return "plain";
    // "Coalville Community Hospital": a hospital's name, however many words it has.
    const hospitalName = after === "community" && /^hosp/.test(tokens[m.end + 1] ?? "");
    if (road || facilityAfter.has(after) || hospitalName) return "elsewhere";
    if (ownHomeBefore.test(before)) return "own-home";
    // "a static caravan on his daughter's land near Long Clawson" (round 29): where he lives, on family land.
    if (onFamilyLand.test(before)) return "home";
    if (careHomeBefore.test(before)) return "care-home";
    // "staying with a friend in Leicester", "registered at a Hinckley practice but lives in Stoney Stanton": home, whoever else is named.
    if (withSomeone.test(before) || butLives.test(before) || myChildIn.test(before) || travelFrom.test(before)) return "home";
    if (otherContext.test(before)) return practiceBefore.test(before) ? "practice" : "elsewhere";
    if (seenAt.test(before)) return "elsewhere";
    // "a mile outside Whissendine", "just outside Oakham": near a village or town is its area; near the city is not.
    const nearTown = nearOutside.test(before) && !wide.has(m.written);
    // "lives just outside Leicester", "lives not in Leicester but...": outside wins over "lives".
    if (!nearTown && beside.test(before)) return "elsewhere";
    if (homeBefore.test(before)) return "home";
    if (nearTown) return "plain";
    return notThere.test(before) ? "elsewhere" : "plain";
  };
  const roles = matches.map((m) => ({ m, role: role(m) }));
  const ownHome = roles.filter((r) => r.role === "own-home").map((r) => r.m);
  if (ownHome.length > 0) return ownHome;
  const home = roles.filter((r) => r.role === "home").map((r) => r.m);
  if (home.length > 0) return home;
  const careHome = roles.filter((r) => r.role === "care-home").map((r) => r.m);
  if (careHome.length > 0) return careHome;
  const kept = roles.filter((r) => r.role === "plain").map((r) => r.m);
  // A town or village named with "Leicester" or "Leicestershire" as its postal town or county: the town is home.
  const specific = kept.filter((m) => !wide.has(m.written));
  if (kept.length > 0) return specific.length > 0 ? specific : kept;
  // "Practice nurse at a Market Harborough surgery ... lives in the town": the practice's place is home.
  // With no other place named, a GP practice's town is where the person lives too: practices take
  // patients from their own catchment. (Round 14's writers read "GP practice in Oakham" as naming no
  // area, round 19's as the person's town; staff are better served by the practice's local services
  // than by none.)
  // "registered at Uppingham surgery but lives over the border near Corby": home is outside LLR, not the practice's town.
  if (outOfArea.test(tokens.join(" "))) return [];
  return roles.filter((r) => r.role === "practice").map((r) => r.m);
}

/** The person lives outside the places Signpost knows. */
const outOfArea = /\b(?:lives?|living|resides?)\b(?:\s+\S+){0,3}\s+(?:over|across) the (?:border|county line)\b|\b(?:lives?|living) out of (?:the )?(?:county|area)\b/;
